"""Author helpers shared by the metadata cascade: turn bylines and structured author values into names.

A byline arrives in many shapes - "By Jane Doe and John Roe", "Penulis: Dewi Kania | Editor: Rani",
"Kontributor Lhokseumawe, Ahmad", "Von Anna Fink, Berlin", a JSON-LD Person or a list of them. The
functions here strip labels and roles, split lists, drop non-names (URLs, e-mail addresses, "Admin",
"Redaksi") and de-duplicate while keeping the order the page gave.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable

from newsarchive.langpacks import words

log = logging.getLogger(__name__)

# Labels written before a name, from the language packs (data/languages/*.toml, [byline] labels), longest
# first so that "Diposting oleh" wins over "oleh".
_LABELS = words("byline", "labels")
_LABEL_RE = re.compile(
    r"^(?:(?:zeige |view |see |lihat )?(?:alle |all |semua )?(?:beiträge|artikel|posts|articles|stories|tulisan)"
    r" (?:von|by|dari|oleh)\s+|"
    + "|".join(re.escape(x) for x in _LABELS)
    + r"|rep(?=\s*:)|red(?=\s*:))\b\s*[:：\-–—]?\s*",  # "Rep: X/ Red: Y": only with the colon ("Red Hong Yi")
    re.I)
# Roles that end a name or mark a whole segment as not the author ("Editor: X" is not the writer,
# but fundus-style labelling and most sites list only writers in the byline, so we drop editor segments
# only when a writer label is also present; see split_byline).
_EDITOR_RE = re.compile(r"^(?:editor|redaktur|red(?=\s*:)|penyunting|editing|edited by|bearbeitet von|fotografer|foto|photo|"
                        r"photos|images?|bild|illustration|grafik|video|kamera|camera|translated by|übersetzt von|"
                        r"penerjemah|alih bahasa|sumber|source|quelle|fuente)\b\s*(?:by)?\s*[:：\-–—]?\s*", re.I)
_BARE_EDITOR = re.compile(r"(?:editor|redaktur|red|penyunting)\s*:", re.I)  # a label whose name follows apart
_WRITER_RE = re.compile(r"^(?:penulis|pewarta|reporter|rep(?=\s*:)|wartawan|kontributor|koresponden|author|autor|autorin|"
                        r"auteur|by|von|oleh|written by|text|texto)\b", re.I)
# Case-sensitive on purpose: the conjunctions are lower case, while "Sarah E. Needleman" or "Anna I. Berg" carry
# upper-case initials that must not split a name. "AND" is kept for all-caps bylines.
_SPLIT_RE = re.compile(r"\s*(?:,|;|\||/|•|·|\band\b|\bAND\b|\bund\b|\bdan\b|\bet\b|\by\b|\be\b|\bog\b|"
                       r"\ben\b|\boch\b|\bi\b|\bve\b|&|\+|\n)\s*")
# A dash with spaces round it parts a name from its outlet, role, place or date ("Fino Kristo - detikinet",
# "Anna Fink - Berlin", "25.10.2022 - Reiner Nagel"); a hyphen inside a name has none ("Lange-Fricke").
_DASH_RE = re.compile(r"\s+[-–—]\s+")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URL = re.compile(r"^(?:https?://|www\.)|\.(?:com|net|org|de|id|co|html?|php)(?:/|$)", re.I)
_HANDLE = re.compile(r"^@\w+$")
_DOMAIN = re.compile(r"(?:[\w-]+\.)+(?:com|net|org|info|de|at|ch|be|nl|fr|es|it|pt|id|my|sg|uk|us|ca|au|in|co|io|"
                     r"tv|news|eu|lu|no|se|dk|fi|pl|cz|ru|jp|br|ar|mx|cl|pe|uy|za|ng|ke)", re.I)
_NON_NAMES = {
    "admin", "administrator", "redaksi", "redaction", "rédaction", "redaktion", "redacción", "redazione",
    "staff", "staff writer", "staff reporter", "editor", "editors", "editorial", "editorial staff", "team",
    "newsroom", "web desk", "webdesk", "desk", "anonymous", "anonim", "unknown", "guest", "user", "tim",
    "tim redaksi", "redaksi", "humas", "contributor", "contributors", "correspondent", "n/a", "none", "null",
    "null null", "undefined", "author", "autor", "penulis", "reporter", "wartawan", "kontributor", "share",
    "facebook", "twitter", "instagram", "whatsapp", "linkedin", "email", "e-mail", "mail", "print", "follow",
    "more", "read more", "view all posts", "all posts", "home", "jurnalis", "journalist", "journalistin",
    "penulis", "fotografer", "foto", "photo", "video", "oleh", "by", "von", "save", "bookmark", "listen", "copy",
}
WIRE_SERVICES = {
    "reuters", "ap", "associated press", "the associated press", "afp", "agence france-presse", "antara",
    "antaranews", "dpa", "sda", "apa", "kna", "epd", "efe", "ansa", "xinhua", "bernama", "upi", "pa", "ians",
    "pti", "ani", "aa", "anadolu", "sid", "kyodo", "yonhap", "tass", "ria novosti", "belga", "anp", "ntb", "tt",
}
# Trailing junk after a name: a dateline city after a comma is handled by the splitter; these go entirely.
_TRAIL_RE = re.compile(
    r"\s*(?:\(.*?\)|\[.*?\]|-\s*\d.*|\d{1,2}[:.]\d\d.*|\b(?:updated|published|aktualisiert|veröffentlicht|"
    r"diperbarui|diterbitkan|on|am|le|el|il|pada|posted|share|follow)\b.*)$", re.I)
_ROLE_TAIL = re.compile(r"\s*(?:[,\-–—|]|\bis\b|\bist\b)\s*\b(?:senior|chief|staff|political|sports?|foreign|business|"
                        r"deputy|associate|contributing)?\s*(?:correspondent|reporter|writer|editor|columnist|"
                        r"redakteur(?:in)?|korrespondent(?:in)?|journalist(?:in)?|journaliste|periodista|"
                        r"giornalista)\b.*$", re.I)
_ROLE_ONLY = re.compile(r"(?:senior|chief|staff|political|sports?|foreign|business|deputy|associate|contributing|"
                        r"freier?|freie)?\s*(?:correspondent|reporter|writer|editor|columnist|redakteur(?:in)?|"
                        r"korrespondent(?:in)?|journalist(?:in)?|journaliste|periodista|giornalista|jurnalis)s?", re.I)
# A fragment ending in an English job title is a role line; "Reporter" is left out (pen names use it).
_ROLE_LAST = re.compile(r"\b(?:writer|correspondent|columnist|editor|contributor|producer|photographer)s?$", re.I)
_DOUBLED = re.compile(r"(.{3,}?)\s*\1")
_CONTRIB_PLACE = re.compile(r"^(?:kontributor|koresponden|wartawan|reporter|correspondent)\s+[\w\s]{2,30}?,\s*", re.I)
_LETTER = re.compile(r"[^\W\d_]")
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "dos", "das", "del", "la", "le", "bin", "binti",
              "al", "el", "ter", "ten", "zu", "y", "e", "of", "af", "staff", "reporter", "team", "redaksi"}


# A byline led by "by" in a European language, where "Name, Place" gives the place written from. (Indonesian
# bylines list single-name writers after commas, "Oleh: Dewi Kania, Masriadi", so they are left alone.)
_DATELINED = re.compile(r"\W*(?:von|by|par|por|door|di)\s+[^,]+,\s*[^,]+$", re.I)


def norm_key(name: str) -> str:
    """A comparison key: case-folded, accents and punctuation removed."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
    return re.sub(r"[^\w]+", " ", s.casefold()).strip()


def clean_name(raw: str) -> str | None:
    """One name from one byline fragment, or None when what is left is not a name."""
    s = unicodedata.normalize("NFKC", raw or "").replace("\u200b", "")
    s = " ".join(s.split()).strip(" \t,;:|-–—·•*\"'“”‘’")
    if not s or _EMAIL.search(s) and not _EMAIL.sub("", s).strip(" ()<>,"):
        return None
    s = _EMAIL.sub("", s).strip(" ()<>,")
    s = re.sub(r"\s*\(.*$", "", s)  # "Elena Oberholzer (obe)", also when the splitter cut the bracket
    s = re.sub(r"\s*@\w+", "", s).strip()  # "Williams Perdomo @wperdomod"
    if re.search(r"\d", s):  # names carry no digits: "Publicado hace 3 horas", "25.10.2022"
        return None
    for _ in range(3):  # "Posted by: Penulis: X"
        new = _LABEL_RE.sub("", s, count=1).strip(" ,;:|-–—")
        if new == s:
            break
        s = new
    s = _TRAIL_RE.sub("", s).strip(" ,;:|-–—")
    if _ROLE_ONLY.fullmatch(s) or _ROLE_LAST.search(s):
        return None  # "Senior Correspondent", "AP National Security Writer" split off a byline
    half = _DOUBLED.fullmatch(s)
    if half:
        s = half.group(1)  # "Kristen Falc'honKristen Falc'hon": the same name rendered twice (hidden copy)
    s = _ROLE_TAIL.sub("", s).strip(" ,;:|-–—")
    if not s or len(s) > 60 or not _LETTER.search(s):
        return None
    if " " not in s and "." in s and not _DOMAIN.fullmatch(s):
        return None  # "edilson.la.rosa" is a user slug, "nieuwsblad.be" a (legitimate) outlet name
    if _HANDLE.match(s) or s.startswith("http"):
        return None
    if " " not in s and s.islower() and re.search(r"[-_.]", s) and not _DOMAIN.fullmatch(s):
        return None  # "sarah-indra", "edilson.la.rosa": a login slug, not how the page names its author
    key = norm_key(s)
    words = s.split()
    if not key or key in _NON_NAMES or len(words) > 5 or s.endswith((".", "!", "?")) and len(words) > 2:
        return None
    if len(words) >= 2 and any(w[:1].islower() and w.lower() not in _PARTICLES for w in words):
        return None  # "deinen Hochzeitsbloggern", "web sitesinde": prose, not a name
    # ALL-CAPS names ("JACOBO BETANCUR PELÁEZ", "DER SPIEGEL") are kept as written: matching is case-blind,
    # and title-casing would garble outlet names and particles.
    return s


def split_byline(text: str) -> list[str]:
    """Split a byline into name fragments: "A, B and C", "A dan B", "A & B", "Penulis: A | Editor: B"."""
    s = " ".join(unicodedata.normalize("NFKC", text or "").split())
    # Links are not names, and their slashes would split them into fake ones ("www.facebook.com/someone").
    s = re.sub(r"(?:https?://|www\.)\S*/\S*|https?://\S+", " ", s).strip()
    if not s:
        return []
    s = _CONTRIB_PLACE.sub("", s)
    # Segment on label boundaries first so "Reporter: A Editor: B" is two segments.
    parts = re.split(r"\s*(?:\||\n|•)\s*|[\s/]+(?=(?:editor|redaktur|red|penyunting|fotografer|foto|photo|sumber)\s*:)",
                     s, flags=re.I)
    has_writer = any(_WRITER_RE.match(p) for p in parts)
    out: list[str] = []
    editor_label = False
    for part in parts:
        if editor_label and not _WRITER_RE.match(part):
            editor_label = False
            continue  # the name under a bare "Editor:" (markup split label and name: "Editor: | B")
        editor_label = False
        if _EDITOR_RE.match(part) and (has_writer or len(parts) > 1):
            editor_label = _BARE_EDITOR.fullmatch(part.strip()) is not None
            continue
        part = _LABEL_RE.sub("", part, count=1)
        part = _CONTRIB_PLACE.sub("", part)
        out.extend(x for x in _SPLIT_RE.split(_name_side(part)) if x and x.strip())
    return out


def _name_side(part: str) -> str:
    """Of "A - B", the side that names the person: a name in words (not a date, not a web address), preferring
    one of several words; the other side is the outlet, role, place or date."""
    sides = _DASH_RE.split(part)
    if len(sides) == 1:
        return part
    named = [x for x in sides if clean_name(x)]
    best = sorted(named, key=lambda x: (" " not in x.strip(), "." in x))
    return best[0] if best else sides[0]


def clean_authors(values: Iterable[str], *, drop: Iterable[str] = (), split: bool = True,
                  keep_wire: bool = True) -> list[str]:
    """Names from raw author values, de-duplicated in order.

    ``drop`` names (the outlet's own name, its host) are removed unless nothing else is left: a page whose
    only author is its outlet keeps it, which is what the page says. Wire services are kept when
    ``keep_wire`` (they are credited authors), else removed like the outlet.
    """
    drop_keys = {norm_key(d) for d in drop if d}
    names: list[str] = []
    seen: set[str] = set()
    for value in values:
        if not value:
            continue
        raw = split_byline(value) if split else [value]
        frags = [n for n in map(clean_name, raw) if n]
        if len(frags) == 2 and _DATELINED.match(value) and " " in frags[0] and " " not in frags[1] \
                and norm_key(frags[1]) not in WIRE_SERVICES and not frags[1].isupper():
            frags = frags[:1]  # "Von Anna Fink, Glückstadt", "By Jane Doe, Washington": the place written from
        if any(norm_key(r) in drop_keys for r in raw) and all(
                " " not in n and norm_key(n) not in WIRE_SERVICES for n in frags if norm_key(n) not in drop_keys):
            # "hessenschau.de, Frankfurt, Germany", "Liputan6.com, Jakarta": single words beside the outlet's
            # own name are its address or dateline, not people.
            frags = [n for n in frags if norm_key(n) in drop_keys]
        for name in frags:
            key = norm_key(name)
            if key in seen:
                continue
            seen.add(key)
            names.append(name)
    if not names:
        return []
    if len(names) > 1:
        # A lone lower-case word next to real names is a brand or section label ("capital"), not a person.
        kept = [n for n in names if not (" " not in n and n.islower() and len(n) >= 5)]
        names = kept or names
    if any(" " in n for n in names):
        # Next to real names, an unknown acronym ("SP-X") is an agency credit; known wires (dpa, AFP) stay.
        names = [n for n in names if not (" " not in n and n.upper() == n and re.search(r"[A-Z]", n)
                                          and norm_key(n) not in WIRE_SERVICES and len(n) <= 6)] or names
    people = [n for n in names if norm_key(n) not in drop_keys and (keep_wire or norm_key(n) not in WIRE_SERVICES)]
    return people or names
