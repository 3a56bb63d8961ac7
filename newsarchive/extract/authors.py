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
from collections.abc import Callable, Iterable

from newsarchive.langpacks import alternation, words

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
# only when a writer label is also present; see split_byline). The labels come from the packs ([byline]
# editor_labels, credit_labels, writer_labels); "red" and "rep", the Indonesian short forms of redaktur and
# reporter, count only with their colon ("Red Hong Yi" is a name).
_EDITORS = alternation(words("byline", "editor_labels"))
_NOT_WRITERS = alternation(words("byline", "editor_labels") + words("byline", "credit_labels"))
_EDITOR_RE = re.compile(rf"^(?:{_NOT_WRITERS}|red(?=\s*:))\b\s*(?:by)?\s*[:：\-–—]?\s*", re.I)
# Segments of a byline: split at bars and bullets, and before a label of [byline] segment_labels with its colon
# ("Reporter: A Editor: B", "Penulis: A / Foto: B").
_SEGMENT_LABELS = alternation(words("byline", "segment_labels"))
_SEGMENT_SPLIT = re.compile(rf"\s*(?:\||\n|•)\s*|[\s/]+(?=(?:{_SEGMENT_LABELS}|red)\s*:)", re.I)
_BARE_EDITOR = re.compile(rf"(?:{_EDITORS}|red)\s*:", re.I)  # a label whose name follows apart
_WRITER_RE = re.compile(rf"^(?:{alternation(words('byline', 'writer_labels'))}|rep(?=\s*:))\b", re.I)
# Words that join names ([byline] conjunctions), matched as the packs write them: the conjunctions are lower
# case, while "Sarah E. Needleman" or "Anna I. Berg" carry upper-case initials that must not split a name.
_CONJUNCTIONS = alternation(words("byline", "conjunctions", as_written=True))
_SPLIT_RE = re.compile(rf"\s*(?:,|;|\||/|•|·|\b(?:{_CONJUNCTIONS})\b|&|\+|\n)\s*")
# A dash with spaces round it parts a name from its outlet, role, place or date ("Fino Kristo - detikinet",
# "Anna Fink - Berlin", "25.10.2022 - Reiner Nagel"); a hyphen inside a name has none ("Lange-Fricke").
_DASH_RE = re.compile(r"\s+[-–—]\s+")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URL = re.compile(r"^(?:https?://|www\.)|\.(?:com|net|org|de|id|co|html?|php)(?:/|$)", re.I)
_HANDLE = re.compile(r"^@\w+$")
_DOMAIN = re.compile(r"(?:[\w-]+\.)+(?:com|net|org|info|de|at|ch|be|nl|fr|es|it|pt|id|my|sg|uk|us|ca|au|in|co|io|"
                     r"tv|news|eu|lu|no|se|dk|fi|pl|cz|ru|jp|br|ar|mx|cl|pe|uy|za|ng|ke)", re.I)
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
# Lower-case words that do not make a fragment prose: the particles names hold ([byline] name_particles: "van",
# "von der", "bin"), and the role words of a staff credit ("Tim redaksi", "Staff reporter"), which the
# placeholders then drop.
_PARTICLES = frozenset(words("byline", "name_particles")) | {"staff", "reporter", "team", "redaksi"}


# A byline led by "by" in a European language, where "Name, Place" gives the place written from. (Indonesian
# bylines list single-name writers after commas, "Oleh: Dewi Kania, Masriadi", so they are left alone.)
_DATELINED = re.compile(r"\W*(?:von|by|par|por|door|di)\s+[^,]+,\s*[^,]+$", re.I)


def norm_key(name: str) -> str:
    """A comparison key: case-folded, accents and punctuation removed."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
    return re.sub(r"[^\w]+", " ", s.casefold()).strip()


# What stands for a writer without naming one: the packs' placeholders ([byline] placeholders: "Admin",
# "Redaksi", "Share"), and values that are no word of any language (a template's empty field, a network's name
# on a share button). Compared as norm_key leaves a fragment.
_NON_NAMES = frozenset(norm_key(w) for w in words("byline", "placeholders")) | {
    "none", "null", "null null", "undefined", "facebook", "twitter", "instagram", "whatsapp", "linkedin"}


# --------------------------------------------------------------------------- one name

# What a name can be at most: longer is a sentence or a teaser that a byline selector caught; "Jacobo
# Betancur Peláez de Haro" still fits.
_MAX_NAME_CHARS = 60
_MAX_NAME_WORDS = 5
# A fragment that ends like a sentence (".", "!", "?") is one when it has more words than this ("Jane B." and
# "Dr. X." are names, "Read the full story." is not).
_SENTENCE_MIN_WORDS = 2
# Labels can stack ("Posted by: Penulis: X"); three rounds take off all that pages write.
_LABEL_ROUNDS = 3
# Punctuation that frames a fragment (list separators, quotes, bullets) rather than belonging to a name.
_FRAME_CHARS = " \t,;:|-–—·•*\"'“”‘’"
_EDGE_CHARS = " ,;:|-–—"
_BRACKET_TAIL = re.compile(r"\s*\(.*$")
_AT_HANDLE = re.compile(r"\s*@\w+")
_DIGIT = re.compile(r"\d")
_SLUG_MARK = re.compile(r"[-_.]")

# A test that refuses a fragment as a name: (why, predicate). Each table below runs at one stage of
# clean_name, in order; the first predicate that holds refuses the fragment.
Refusal = tuple[str, Callable[[str], bool]]


def _is_empty(s: str) -> bool:
    return not s


def _is_bare_email(s: str) -> bool:
    """Only an e-mail address (in brackets or not): nothing of a name is left once it goes."""
    return bool(_EMAIL.search(s)) and not _EMAIL.sub("", s).strip(" ()<>,")


def _has_digit(s: str) -> bool:
    """Names carry no digits: "Publicado hace 3 horas", "25.10.2022"."""
    return bool(_DIGIT.search(s))


def _is_role_only(s: str) -> bool:
    """A job title split off a byline: "Senior Correspondent"."""
    return bool(_ROLE_ONLY.fullmatch(s))


def _ends_in_role(s: str) -> bool:
    """A role line: "AP National Security Writer"."""
    return bool(_ROLE_LAST.search(s))


def _is_too_long(s: str) -> bool:
    return len(s) > _MAX_NAME_CHARS


def _has_no_letter(s: str) -> bool:
    return not _LETTER.search(s)


def _is_dotted_slug(s: str) -> bool:
    """"edilson.la.rosa" is a user slug, "nieuwsblad.be" a (legitimate) outlet name."""
    return " " not in s and "." in s and not _DOMAIN.fullmatch(s)


def _is_handle_or_link(s: str) -> bool:
    """"@janedoe", "https://...": an account or a link, not how the page names its author."""
    return bool(_HANDLE.match(s)) or s.startswith("http")


def _is_login_slug(s: str) -> bool:
    """"sarah-indra", "edilson.la.rosa": a login slug, not how the page names its author."""
    return " " not in s and s.islower() and bool(_SLUG_MARK.search(s)) and not _DOMAIN.fullmatch(s)


def _is_placeholder(s: str) -> bool:
    """"Admin", "Redaksi", "Share": a stand-in or a button label (or nothing once punctuation goes)."""
    key = norm_key(s)
    return not key or key in _NON_NAMES


def _has_too_many_words(s: str) -> bool:
    return len(s.split()) > _MAX_NAME_WORDS


def _is_sentence(s: str) -> bool:
    return s.endswith((".", "!", "?")) and len(s.split()) > _SENTENCE_MIN_WORDS


def _is_prose(s: str) -> bool:
    """"deinen Hochzeitsbloggern", "web sitesinde": a lower-case word that is no particle makes it prose."""
    words = s.split()
    return len(words) >= 2 and any(w[:1].islower() and w.lower() not in _PARTICLES for w in words)


# The words that label a date line, in every language pack ("Publicado", "Diterbitkan", "Aktualisiert am"): what
# is left of "Publicado el <time>" once the date is cut, never a name.
_DATE_LABELS = frozenset(norm_key(w) for key in ("published_labels", "modified_labels") for w in words("dates", key))


def _is_date_label(s: str) -> bool:
    return norm_key(s) in _DATE_LABELS


# Before anything is cut from the fragment.
_RAW_REFUSALS: tuple[Refusal, ...] = (
    ("empty", _is_empty),
    ("e-mail address only", _is_bare_email),
)
# Once e-mail addresses, bracketed tails and @handles are cut (the digit test must come before labels and
# trailing dates are cut, which would hide "3 horas" in "Publicado hace 3 horas").
_CONTACT_REFUSALS: tuple[Refusal, ...] = (
    ("digits", _has_digit),
)
# Once labels and trailing dates or times are cut.
_ROLE_REFUSALS: tuple[Refusal, ...] = (
    ("role only", _is_role_only),
    ("role line", _ends_in_role),
)
# On what is left at the end: the shape of a name.
_NAME_REFUSALS: tuple[Refusal, ...] = (
    ("empty", _is_empty),
    ("too long", _is_too_long),
    ("no letter", _has_no_letter),
    ("dotted slug", _is_dotted_slug),
    ("handle or link", _is_handle_or_link),
    ("login slug", _is_login_slug),
    ("placeholder", _is_placeholder),
    ("date label", _is_date_label),
    ("too many words", _has_too_many_words),
    ("sentence", _is_sentence),
    ("prose", _is_prose),
)


def _refusal(s: str, tests: Iterable[Refusal]) -> str | None:
    """Why ``s`` is no name by the first of ``tests`` that refuses it, or None when none does."""
    for why, refuses in tests:
        if refuses(s):
            return why
    return None


def _tidy(raw: str) -> str:
    """One line, NFKC, without zero-width spaces or the punctuation framing it."""
    s = unicodedata.normalize("NFKC", raw or "").replace("\u200b", "")
    return " ".join(s.split()).strip(_FRAME_CHARS)


def _strip_contacts(s: str) -> str:
    """Without e-mail addresses, a bracketed tail ("Elena Oberholzer (obe)", also when the splitter cut the
    bracket) and @handles ("Williams Perdomo @wperdomod")."""
    s = _EMAIL.sub("", s).strip(" ()<>,")
    s = _BRACKET_TAIL.sub("", s)
    return _AT_HANDLE.sub("", s).strip()


def _strip_labels(s: str) -> str:
    """Without the labels before the name (several may stack) and the dates, times or verbs after it."""
    for _ in range(_LABEL_ROUNDS):
        new = _LABEL_RE.sub("", s, count=1).strip(_EDGE_CHARS)
        if new == s:
            break
        s = new
    return _TRAIL_RE.sub("", s).strip(_EDGE_CHARS)


def _strip_role(s: str) -> str:
    """Once, not twice ("Kristen Falc'honKristen Falc'hon": a hidden copy rendered beside the name), and
    without a role after it ("Jane Doe, Senior Correspondent")."""
    half = _DOUBLED.fullmatch(s)
    if half:
        s = half.group(1)
    return _ROLE_TAIL.sub("", s).strip(_EDGE_CHARS)


def clean_name(raw: str) -> str | None:
    """One name from one byline fragment, or None when what is left is not a name."""
    s = _tidy(raw)
    if _refusal(s, _RAW_REFUSALS):
        return None
    s = _strip_contacts(s)
    if _refusal(s, _CONTACT_REFUSALS):
        return None
    s = _strip_labels(s)
    if _refusal(s, _ROLE_REFUSALS):
        return None
    s = _strip_role(s)
    if _refusal(s, _NAME_REFUSALS):
        return None
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
    parts = _SEGMENT_SPLIT.split(s)
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


# --------------------------------------------------------------------------- a list of names

# A lone lower-case word beside real names is a brand or section label ("capital") from this length on;
# shorter ones are initials ("ssi", "amw") that sites sign with.
_LABEL_WORD_MIN_CHARS = 5
# Beside real names, an all-caps word up to this length that is no known wire is an agency credit ("SP-X").
_ACRONYM_MAX_CHARS = 6
_UPPER_LETTER = re.compile(r"[A-Z]")


def _is_dateline_place(value: str, frags: list[str]) -> bool:
    """"Von Anna Fink, Glückstadt", "By Jane Doe, Washington": the second fragment is the place written from
    (not a wire credited by its short name, not an all-caps credit)."""
    return (len(frags) == 2 and bool(_DATELINED.match(value)) and " " in frags[0] and " " not in frags[1]
            and norm_key(frags[1]) not in WIRE_SERVICES and not frags[1].isupper())


def _is_outlet_address(raw: list[str], frags: list[str], drop_keys: set[str]) -> bool:
    """"hessenschau.de, Frankfurt, Germany", "Liputan6.com, Jakarta": beside the outlet's own name, single
    words (that are no wire) are its address or dateline, not people."""
    return any(norm_key(r) in drop_keys for r in raw) and all(
        " " not in n and norm_key(n) not in WIRE_SERVICES for n in frags if norm_key(n) not in drop_keys)


def _value_names(value: str, split: bool, drop_keys: set[str]) -> list[str]:
    """The names one raw author value gives, in its order."""
    raw = split_byline(value) if split else [value]
    frags = [n for n in map(clean_name, raw) if n]
    if _is_dateline_place(value, frags):
        frags = frags[:1]
    if _is_outlet_address(raw, frags, drop_keys):
        frags = [n for n in frags if norm_key(n) in drop_keys]
    return frags


def _unique(names: Iterable[str]) -> list[str]:
    """The first spelling of each name, compared case- and accent-blind."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        key = norm_key(name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def _several(names: list[str]) -> bool:
    return len(names) > 1


def _with_full_name(names: list[str]) -> bool:
    return any(" " in n for n in names)


def _is_label_word(name: str) -> bool:
    """A lone lower-case word long enough to be a brand or section label ("capital"), not initials."""
    return " " not in name and name.islower() and len(name) >= _LABEL_WORD_MIN_CHARS


def _is_agency_acronym(name: str) -> bool:
    """An all-caps short word that is no known wire ("SP-X"); dpa, AFP and their like stay."""
    return (" " not in name and name.upper() == name and bool(_UPPER_LETTER.search(name))
            and norm_key(name) not in WIRE_SERVICES and len(name) <= _ACRONYM_MAX_CHARS)


# Clean-ups of the whole list, in order: (why, when it applies to the list, which names it drops). Each drops
# names only while some remain: a page that names nobody else keeps what it says.
_LIST_FILTERS: tuple[tuple[str, Callable[[list[str]], bool], Callable[[str], bool]], ...] = (
    ("label word beside other names", _several, _is_label_word),
    ("agency acronym beside full names", _with_full_name, _is_agency_acronym),
)


def _drop_unless_alone(names: list[str], drops: Callable[[str], bool]) -> list[str]:
    return [n for n in names if not drops(n)] or names


def clean_authors(values: Iterable[str], *, drop: Iterable[str] = (), split: bool = True,
                  keep_wire: bool = True) -> list[str]:
    """Names from raw author values, de-duplicated in order.

    ``drop`` names (the outlet's own name, its host) are removed unless nothing else is left: a page whose
    only author is its outlet keeps it, which is what the page says. Wire services are kept when
    ``keep_wire`` (they are credited authors), else removed like the outlet.
    """
    drop_keys = {norm_key(d) for d in drop if d}
    found: list[str] = []
    for value in values:
        if value:
            found.extend(_value_names(value, split, drop_keys))
    names = _unique(found)
    if not names:
        return []
    for _why, applies, drops in _LIST_FILTERS:
        if applies(names):
            names = _drop_unless_alone(names, drops)

    def not_a_person(name: str) -> bool:
        key = norm_key(name)
        return key in drop_keys or (not keep_wire and key in WIRE_SERVICES)

    return _drop_unless_alone(names, not_a_person)
