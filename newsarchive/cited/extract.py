"""The cited-source engine: run the trigger rules, datelines and social rules, then filter.

One pass of one precompiled regex finds every trigger phrase; names are read from a bounded window
next to each hit, so the work is linear in the length of the text.  Findings are then filtered
(blocked zones, the page's own site), de-duplicated by canonical name and returned in text order.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newsarchive.article import CitedSource
from newsarchive.cited import rules, social
from newsarchive.cited.gazetteer import Entry, Gazetteer, load_gazetteer
from newsarchive.cited.names import (
    INSTITUTION_HEADS,
    PERSON_TITLES,
    POSSESSIVE_SUFFIXES,
    Name,
    is_common,
    read_list_backward,
    read_list_forward,
)
from newsarchive.cited.textprep import CleanText, blocked_spans, detect_language, in_spans

log = logging.getLogger(__name__)

# An outlet descriptor just before a name, with up to two qualifying words and an appositive comma:
# "kantor berita X", "media asal Y X", "Akhbar berbahasa Cina, X".
_OUTLET_DESC_BEFORE_RE = re.compile(
    r"(?i)(?:kantor\s+berita|agensi\s+berita|portal\s+berita|media|harian|akhbar|koran|surat\s+kabar|majalah|tabloid"
    r"|stasiun\s+(?:televisi|tv|radio)|televisi|stesen\s+\w+|newspaper|broadcaster|news\s+agency|magazine|outlet"
    r"|website|news\s+site|daily)(?:[ \t]+[\w-]+){0,2}[ \t]*,?[ \t]+$"
)
# An outlet descriptor just after a name: "the Harbourside Economics podcast", "the Kathmandu Post newspaper".
_OUTLET_DESC_AFTER_RE = re.compile(
    r"[ \t]+(?:podcast|programme|program|show|newspaper|channel|broadcaster|magazine|tabloid|daily|weekly"
    r"|news\s+site|news\s+portal|radio\s+station|television\s+station)(?![\w])"
)
# Physical-geography head words: "situs Gunung Padang" is an archaeological site, not a web site.
GEO_HEADS = frozenset(
    "Gunung Candi Pulau Danau Sungai Pantai Desa Kampung Jalan Teluk Selat Tanjung Bukit Lembah Goa Gua Pura".split()
)
_DOC_NAME_RE = re.compile(r"(?i)\b(siaran\s+pers|press\s+release)\b")


@dataclass
class Found:
    start: int
    end: int
    name: str
    evidence_start: int
    entry: Entry | None = None
    meta: bool = False  # a dateline or credit line: exempt from the hoax-sentence zones


# Languages whose text gets only the language-neutral rules (datelines, "Source:", social media).
_OTHER_LANGUAGES = frozenset("de fr es pt it nl sv da no fi pl cs ru uk tr ar fa zh ja ko th vi".split())


def _normalise_language(language: str | None, text: str) -> str | None:
    """"id", "ms", "en", another known code, or None (unknown: every rule family runs)."""
    lang = (language or "").strip().lower()[:2] or detect_language(text)
    return lang if lang in rules.ALL or lang in _OTHER_LANGUAGES else None


def _accept(name: Name, strength: str, doc: bool, outlet_desc: bool) -> bool:
    """Whether a name read next to a trigger of ``strength`` is a source (see ``rules`` for the strengths).
    A title, a geography word or a bare place/nationality ("Jepun", "Korea Selatan") never is."""
    words = name.surface.split()
    if not words or words[0] in PERSON_TITLES or words[0] in GEO_HEADS or name.is_place():
        return False
    if name.entry is not None and name.entry.kind == "platform":
        return strength == "strong"  # otherwise the social rules decide
    if strength == "gaz":
        return name.is_outlet
    if strength == "shape":  # "Kyodo News said", not "Smith said"
        return name.looks_like_outlet()
    if strength == "inst":  # "Data Badan Pusat Statistik menunjukkan", not "Data Scientists"
        return name.entry is not None or words[0] in INSTITUTION_HEADS
    if strength == "strong" or doc:
        return True
    if name.entry is not None and not name.entry.is_outlet:
        return False  # an institution that merely speaks ("menurut BMKG")
    if strength == "media":
        return name.looks_like_media() or outlet_desc
    if strength == "brand":
        return name.looks_like_brand() or outlet_desc
    return name.looks_like_outlet() or outlet_desc


def _emit(out: list[Found], name: Name, evidence_start: int, meta: bool = False) -> None:
    out.append(Found(name.start, name.end, name.canonical.strip(" .,;:'\u2019"), evidence_start, name.entry, meta))


_DOC_BEFORE_RE = re.compile(
    r"(?i)\b(?:report|reports|figures|data|survey|study|statement|document|analysis|research|poll|statistics"
    r"|laporan|data|survei|dokumen)[ \t]+(?:\w+[ \t]+)?$"
)


def _forward_strength(text: str, m: re.Match[str], rule: rules.Rule) -> str:
    """The rule's strength, raised to ``media`` for "kepada" after a speech verb ("kata X kepada Y")."""
    if rule.name in rules.SPEECH_RULES and (
        rules.SPEECH_BEFORE_RE.search(text, max(0, m.start() - rules.SPEECH_REACH), m.start())
        or m.group()[0] == "K" and rules.SENTENCE_KEPADA_RE.search(text, max(0, m.start() - 4), m.start())
    ):
        return "media"
    return rule.strength


def _bare_document(text: str, m: re.Match[str], rule: rules.Rule, out: list[Found]) -> None:
    """A statement named by its kind alone: "ujar X dalam keterangan tertulis", "sebagaimana tertulis dalam
    siaran pers yang terbit kemarin"."""
    if rule.name == "doc" and rules.BARE_DOCUMENT_RE.search(m.group()):
        out.append(Found(m.start(), m.end(), " ".join(m.group().split()), m.start()))
    elif rule.name == "menurut":
        d = _DOC_NAME_RE.match(text, _skip_spaces(text, m.end()))
        if d:
            out.append(Found(d.start(), d.end(), d.group(1), m.start()))


def _past_place(text: str, names: list[Name], gaz: Gazetteer) -> list[Name]:
    """"akhbar Jepun, Yomiuri Shimbun": a lone place word is the outlet's country; its name follows the comma."""
    if len(names) == 1 and names[0].is_place() and text.startswith(",", names[0].end):
        return read_list_forward(text, names[0].end + 1, gaz) or names
    return names


def _possessive(names: list[Name], text: str, gaz: Gazetteer) -> tuple[list[Name], bool]:
    """"the Hong Kong Observatory's website": the owner is the name, and a document word after it makes
    the owner a document source."""
    last = names[-1]
    if not last.surface.endswith(POSSESSIVE_SUFFIXES) or len(last.surface) < 4:
        return names, False
    owner = last.surface[:-2]
    nxt = _WORD_RE.match(text, last.end)
    owned = Name(last.start, last.end - 2, owner, gaz.lookup(owner))
    return names[:-1] + [owned], nxt is not None and nxt.group(1) in rules.DOC_WORDS


_WORD_RE = re.compile(r"[ \t]+(\w+)")
# A lower-case description after a name and a comma describes a person ("kepada Andi, rekannya").
_PERSON_APPOSITIVE_RE = re.compile(r",[ \t]+(?!(?:yang|dan|and|who|which|that|ketika|saat|bahwa|bahawa|on|pada)\b)[a-z]")
# The strengths of triggers about news work, which read single name words.
_NEWS_WORK = frozenset({"media", "brand"})
# A preposition of place between a news-work trigger and the name ("wartawan di Manila", "told reporters in").
_PLACE_GAP_RE = re.compile(r"(?<![\w])(?:di|in|at|dari|from)(?![\w])")
_COMMA_RE = re.compile(r"[ \t]*,[ \t]*")
# At most this many comma-separated names follow the first in a list such as "reported by A, B and C".
MAX_LISTED = 4


def _oxford_list(text: str, pos: int, gaz: Gazetteer) -> list[Name]:
    """"reported by Khaleej Times, Gulf News and The National": the names after commas, kept only when
    the list is closed by "and"/"dan" (a comma alone may start a new clause: "dilansir CNN, Presiden ...")."""
    more: list[Name] = []
    for _ in range(MAX_LISTED):
        sep = _COMMA_RE.match(text, pos)
        nxt = read_list_forward(text, sep.end(), gaz) if sep else []
        if not nxt:
            return []
        more += nxt
        if len(nxt) > 1:
            return more
        pos = nxt[-1].end
    return []


def _forward_names(text: str, m: re.Match[str], rule: rules.Rule, gaz: Gazetteer) -> tuple[list[Name], bool, bool]:
    """The names after a forward trigger, and whether a document or an outlet word qualifies them."""
    pos, doc, outlet = rules.consume_descriptors(text, m.end())
    doc = doc or rule.strength == "doc"
    if rule.name == "published_by" and _DOC_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
        doc = True  # "Figures published by the Office for Budget Responsibility"
    names = read_list_forward(text, pos, gaz)
    if not names:
        return names, doc, outlet
    names, owned = _possessive(_past_place(text, names, gaz), text, gaz)
    outlet = outlet or _OUTLET_DESC_AFTER_RE.match(text, names[-1].end) is not None
    if rule.name in ("source_line", "via_paren"):
        names += _more_listed(text, names[-1].end, gaz)  # "Sumber: CNN Indonesia, Reuters"
    else:
        names += _oxford_list(text, names[-1].end, gaz)
    return names, doc or owned, outlet


def _forward(text: str, m: re.Match[str], rule: rules.Rule, gaz: Gazetteer, out: list[Found]) -> None:
    strength = _forward_strength(text, m, rule)
    if strength == "speech":
        return  # a "pada" with no speech verb before it
    names, doc, outlet = _forward_names(text, m, rule, gaz)
    if not names:
        _bare_document(text, m, rule, out)
        return
    if strength in _NEWS_WORK and _PLACE_GAP_RE.search(text, m.end(), names[0].start):
        strength = "weak"  # "kepada wartawan di Manila": a place, not the journalists' outlet
    if rule.name == "wartawan" and _FORMER_RE.search(text, max(0, m.start() - 12), m.start()):
        return  # "mantan jurnalis Tempo": a biography, not a source
    if rule.name in rules.SPEECH_RULES and m.group()[0] != "K" and _PERSON_APPOSITIVE_RE.match(text, names[-1].end):
        strength = "weak"  # "ujarnya kepada Andi, rekannya": a described person
    for name in names:
        if _accept(name, strength, doc, outlet):
            _emit(out, name, m.start())
    _chain(text, names[-1].end, gaz, out, m.start(), strength)


_LIST_SEP_RE = re.compile(r"[ \t]*(?:[,;/|]|\b(?:dan|and|&)\b)[ \t]*")
_FORMER_RE = re.compile(r"(?i)\b(?:mantan|bekas|eks|former|ex)[ \t]+$")


def _more_listed(text: str, pos: int, gaz: Gazetteer) -> list[Name]:
    """Further names of a comma-separated source line, up to four."""
    more: list[Name] = []
    for _ in range(4):
        sep = _LIST_SEP_RE.match(text, pos)
        if sep is None or sep.end() == pos:
            break
        nxt = read_list_forward(text, sep.end(), gaz)
        if not nxt:
            break
        more += nxt
        pos = nxt[-1].end
    return more


def _chain(text: str, pos: int, gaz: Gazetteer, out: list[Found], evidence_start: int, parent: str) -> None:
    """Follow "X dari Y" / "X yang mengutip Y" links after a name (at most three).  A "dari" link after a
    strong trigger ("dilansir detikFinance dari Bloomberg") names where an outlet took the story from."""
    for _ in range(3):
        c = rules.CHAIN_RE.match(text, pos)
        if c is None:
            return
        at, doc, outlet = rules.consume_descriptors(text, c.end())
        names = read_list_forward(text, at, gaz)
        if not names:
            return
        strength = "strong" if c.group("verb") in rules.STRONG_CHAIN_VERBS else _CHAIN_STRENGTH.get(parent, "weak")
        for name in names:
            if _accept(name, strength, doc, outlet):
                _emit(out, name, evidence_start)
        pos = names[-1].end


# The strength a plain "dari"/"from" link needs, by the strength of the trigger the chain started at.
_CHAIN_STRENGTH = {"strong": "media"}


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _backward(text: str, m: re.Match[str], rule: rules.Rule, gaz: Gazetteer, out: list[Found]) -> None:
    pos = m.start()
    while pos > 0 and text[pos - 1] in " \t,":  # "Nikkei Asia, citing ..."
        pos -= 1
    names, _ = read_list_backward(text, pos, gaz)
    if not names or rules.SELF_STATEMENT_RE.match(text, m.end()) or rules.OWN_FIGURES_RE.match(text, m.end()):
        return  # nothing, or an outlet or company speaking about itself ("Rappler said it would appeal")
    before = text[max(0, names[0].start - 40) : names[0].start]
    outlet_desc = _OUTLET_DESC_BEFORE_RE.search(before) is not None
    strength = rule.backward_strength
    if rule.name in rules.REPORT_SENSE_RULES and not _inverted_report(text, m, names[0]):
        strength = "weak"
    partner = _partner_strength(text, m, rule, names)
    emitted = len(out)
    for name in names:
        if _accept(name, strength, False, outlet_desc) or partner and _accept(name, partner, False, outlet_desc):
            _emit(out, name, name.start)
    if len(out) > emitted and rule.name in rules.CHAIN_AFTER_RULES:
        _cited_by_outlet(text, m.end(), gaz, out)


# What closes the name an outlet cites: the sentence or clause ends, or a relative clause follows ("citing
# Lianhe Zaobao, which ..."); not a role noun ("citing Pentagon spokesman ...") nor a described person
# ("citing Jane Doe, a spokeswoman"), nor "as saying", which quotes people.
_CITATION_END_RE = re.compile(r"[ \t]*(?:[.;:!?)\]]|$|,[ \t]+(?:which|that|yang|and|dan|on|pada)(?![\w]))")


def _cited_by_outlet(text: str, pos: int, gaz: Gazetteer, out: list[Found]) -> None:
    """"The Straits Times reported, citing Lianhe Zaobao.": an outlet's own attribution that goes on to say
    where it took the story from names that source (a strong chain link, as after "dilansir X, mengutip Y").
    The cited name must close its clause and hold no title word, since a newsroom also cites officials
    ("reported, citing Health Minister Ong")."""
    c = rules.CHAIN_RE.match(text, pos)
    if c is None or c.group("verb") not in rules.STRONG_CHAIN_VERBS:
        return
    at, doc, outlet = rules.consume_descriptors(text, c.end())
    for name in read_list_forward(text, at, gaz):
        if _CITATION_END_RE.match(text, name.end) and (doc or outlet or _cited_name_shape(name)):
            _emit(out, name, c.start())


def _cited_name_shape(name: Name) -> bool:
    """A name an outlet may cite bare: known or outlet-shaped, a brand-shaped word ("TASS", "iNews"), or a run
    of name words with no title, head noun or common word in it ("Lianhe Zaobao"; not "Health Minister Ong",
    "Interior Ministry", nor a surname alone, "citing Kirby", which refers back to a person named before)."""
    if name.looks_like_brand():
        return _accept(name, "brand", False, False)
    words = name.surface.split()
    return len(words) > 1 and not name.is_place() and not any(w in PERSON_TITLES or is_common(w) for w in words)


def _partner_strength(text: str, m: re.Match[str], rule: rules.Rule, names: list[Name]) -> str | None:
    """The strength a co-subject of an outlet-shaped name needs, or None when no name is outlet-shaped.

    Co-subjects of a verb share their role: in "The Mainichi Shimbun and NHK reported" the outlet shape of
    one makes its partner, a name that may be a brand ("NHK"), an outlet too.  With a news verb in the
    reporting sense ("Dawn and Geo News reported that ...") any single name word counts ("media"): one does
    not report a story jointly with a newspaper unless one is a newsroom oneself, so the outlet partner
    settles what a lone "Dawn reported that" cannot (a company announcing its own news)."""
    if len(names) < 2 or not any(n.looks_like_outlet() and not n.refers_back() for n in names):
        return None
    if rule.name in rules.REPORT_SENSE_RULES and rules.REPORT_SENSE_RE.match(text, m.end()):
        return "media"
    return "brand"


_COMMA_BEFORE_RE = re.compile(r",[ \t]*$")


def _inverted_report(text: str, m: re.Match[str], first: Name) -> bool:
    """A news verb after a one-word name counts only in an attribution after the story ("..., Politico
    reported.", "..., Yonhap reported on Wednesday"): at a sentence's start the subject is as often a
    company, club or ministry reporting its own news ("Pfizer reported that", "Pertamina melaporkan,"),
    and "Budi melaporkan tetangganya" is reporting to someone."""
    if not rules.REPORT_SENSE_RE.match(text, m.end()):
        return False
    return _COMMA_BEFORE_RE.search(text, max(0, first.start - 3), first.start) is not None


# What an unknown name in a credit bracket must look like: nothing ("none": known names only), ALL CAPS or
# CamelCase ("shaped": "PRNewswire", "KNA", "Yonhap-OANA"), or also one capitalised word after a place
# dateline ("titled": "SEOUL, Oct. 8 (Yonhap) --").
NONE, SHAPED, TITLED = "none", "shaped", "titled"
# The place (and date) before a dateline bracket: "SEOUL, Oct. 8 ", "Mataram ", "IPOH, 14 Ogos ".
_PLACE_PREFIX_RE = re.compile(r"[ \t]*[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,3}(?:,[ \t]*[\w. ]{1,25})?[ \t]*")
_PERSON_CREDIT_RE = re.compile(r"[A-Z][a-z'-]+(?:[ \t]+[A-Z][a-z'-]+){1,3}")


def _is_person_credit(surface: str, gaz: Gazetteer) -> bool:
    """"Li Wenjun" in "(Xinhua/Li Wenjun)": a photographer's name makes the bracket a photo credit."""
    if not _PERSON_CREDIT_RE.fullmatch(surface) or gaz.lookup(surface) is not None:
        return False
    return not Name(0, len(surface), surface).looks_like_outlet()


def _part_name(start: int, surface: str, gaz: Gazetteer, unknown: str) -> Name | None:
    """The name one part of a credit bracket gives: a known outlet, a known credit code ("ant" in
    "(ant/jpnn)"), or an unknown agency of the allowed shape; None for editors' initials ("fby")."""
    entry = gaz.lookup(surface) or gaz.by_code.get(surface.lower())
    if entry is not None:
        return Name(start, start + len(surface), surface, entry) if entry.is_outlet else None
    if unknown == NONE or not surface or " " in surface:
        return None
    if _agency_shaped(surface) or unknown == TITLED and _title_word(surface):
        return Name(start, start + len(surface), surface, None)
    return None


def _agency_parts(text: str, m: re.Match[str], group: str, gaz: Gazetteer, unknown: str) -> list[Name]:
    """The slash-separated names in a credit bracket "(Antara/PRNewswire)"; none in a photo credit."""
    parts = m.group(group).split("/")
    if any(_is_person_credit(part.strip(), gaz) for part in parts):
        return []
    out: list[Name] = []
    start = m.start(group)
    for part in parts:
        lead = len(part) - len(part.lstrip())
        name = _part_name(start + lead, part.strip(), gaz, unknown)
        if name is not None:
            out.append(name)
        start += len(part) + 1
    return out


def _agency_shaped(word: str) -> bool:
    """An unknown agency in a dateline bracket: ALL CAPS or CamelCase ("PRNewswire", "KNA", "Yonhap-OANA")."""
    bare = word.replace("-", "")
    return word[0].isupper() and (word.isupper() or any(ch.isupper() for ch in word[1:])) and bare.isalnum()


def _title_word(word: str) -> bool:
    """One capitalised word ("Yonhap", "Kyodo"), not a day, month or common noun."""
    return word[0].isupper() and word[1:].islower() and word.isalpha() and Name(0, len(word), word).looks_like_media()


def _dateline_unknown(text: str, m: re.Match[str]) -> str:
    """"NEW DELHI, Jan 5 (PTI):" -- a colon only after a known agency ("(FAQ-Liste):" is not one); a
    one-word agency only after a place ("Seoul (Yonhap) -")."""
    if m.group("end") == ":":
        return NONE
    return TITLED if _PLACE_PREFIX_RE.fullmatch(text, m.start(), m.start("ag") - 1) else SHAPED


def _known_or(name: Name, test: Callable[[Name], bool]) -> bool:
    """A known outlet, or an unknown name that passes ``test``."""
    return name.entry.is_outlet if name.entry is not None else test(name)


def _credit_name(m: re.Match[str], gaz: Gazetteer) -> Name:
    """The name in group "o" of a credit match, with its gazetteer entry."""
    surface = m.group("o")
    return Name(m.start("o"), m.end("o"), surface, gaz.lookup(surface))


def _datelines(text: str, gaz: Gazetteer, out: list[Found]) -> None:
    for m in rules.DATELINE_RE.finditer(text) if "(" in text else ():
        for name in _agency_parts(text, m, "ag", gaz, _dateline_unknown(text, m)):
            _emit(out, name, m.start("ag") - 1, meta=True)
    for rx in (rules.OUTLET_DATELINE_RE, rules.OUTLET_LEAD_RE):
        for m in rx.finditer(text):  # "SRIPOKU.COM, PALEMBANG -": a known outlet or an outlet shape
            name = _credit_name(m, gaz)
            if _known_or(name, Name.looks_like_outlet):
                _emit(out, name, m.start(), meta=True)
    for m in rules.END_DASH_CREDIT_RE.finditer(text) if "-" in text or "\u2014" in text or "\u2013" in text else ():
        name = _credit_name(m, gaz)  # "... hari ini. \u2014 Utusan Borneo"; not a signed "\u2014 Budi Santoso"
        if _known_or(name, Name.looks_like_media):
            _emit(out, name, m.start("o"))
    for m in rules.END_CREDIT_RE.finditer(text) if "(" in text or "[" in text else ():
        # "... dua pekan. (AFP)", "(ant/jpnn)": known names and codes only -- an unknown "(AZF)" is an
        # editor's initials as often as an agency, and "Komisi Pemilihan Umum (KPU)" an abbreviation.
        for name in _agency_parts(text, m, "ag", gaz, NONE):
            _emit(out, name, m.start())
    for m in rules.HEADLINE_CREDIT_RE.finditer(text) if ":" in text else ():
        name = _credit_name(m, gaz)  # "...: The Nation", "...: Harbour Times"; not "...: Prime Minister"
        if _known_or(name, lambda n: _headline_shaped(m) and n.looks_like_outlet()):
            _emit(out, name, m.start("o"))


def _headline_shaped(m: re.Match[str]) -> bool:
    """Whether a "head: Name" line reads as a headline credited to an outlet, not a photo credit."""
    return rules.HEADLINE_HEAD_BAD_RE.search(m.group("head")) is None and bool(
        rules.HEADLINE_NAME_RE.fullmatch(m.group("o")))


def _own_site(url: str | None, gaz: Gazetteer) -> tuple[Entry | None, tuple[str, ...]]:
    """The gazetteer entry of the page's host, and the host's labels (for unknown names)."""
    if not url:
        return None, ()
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None, ()
    labels = tuple(label for label in host.split(".") if label and label != "www")
    return gaz.for_host(host), labels


def _self_name(text: str, own: Entry | None, gaz: Gazetteer) -> str | None:
    """The site's own name from the text's leading dateline ("WartaPertahanan.com - ..."), used when
    the URL does not identify the site (unknown host, a mirror, a local copy).  A known outlet's
    dateline on an unknown host stays a source (syndicated copy), so only unknown names qualify."""
    if own is not None:
        return None
    m = rules.OUTLET_LEAD_RE.match(text) or rules.OUTLET_DATELINE_RE.match(text)
    if m is None or gaz.lookup(m.group("o")) is not None:
        return None
    name = m.group("o")
    return name if "." in name or any(ch.isupper() for ch in name[1:]) else None


_SQUASH_RE = re.compile(r"[^a-z0-9]+")


def _is_own(found: Found, own: Entry | None, labels: tuple[str, ...], gaz: Gazetteer) -> bool:
    if own is not None and found.entry is not None:
        return found.entry.name in gaz.family(own) or own.name in gaz.family(found.entry)
    if not labels or found.entry is not None:
        return False
    key = _SQUASH_RE.sub("", found.name.lower())
    return _names_host(key, labels) or _names_edition(key, labels) or _initials_host(found.name, labels)


def _names_host(key: str, labels: tuple[str, ...]) -> bool:
    """Whether a squashed name spells the page's host: a label or a run of labels ("vivacoid" on
    life.viva.co.id), or a main label give or take a domain-ish tail ("@Spacedotcom" on space.com,
    "Antara" on antaranews.com) -- but "Suara Pembaruan" is not suara.com."""
    runs = {"".join(labels[i:j]) for i in range(len(labels)) for j in range(i + 1, len(labels) + 1)}
    if key in runs:
        return True
    for label in labels[:-1] or labels:
        if len(label) < MIN_LABEL_CHARS or len(key) < MIN_LABEL_CHARS:
            continue
        if key.startswith(label) and key[len(label) :] in _DOMAIN_TAILS:
            return True
        if label.startswith(key) and label[len(key) :] in _DOMAIN_TAILS:
            return True
    return False


def _names_edition(key: str, labels: tuple[str, ...]) -> bool:
    """A regional edition named brand + region on a host that puts the region first: "TribunSumsel.com" and
    "Tribun Jogja" on sumsel.tribunnews.com and jogja.tribunnews.com. The squashed name, less a domain tail,
    must split into pieces that each begin a different label ("tribun" + "sumsel"); a sister edition
    ("Tribun Jatim" on jogja.tribunnews.com) leaves a piece over and stays a source."""
    names = [lb for lb in labels if lb not in _DOMAIN_TAILS and len(lb) >= MIN_PIECE_CHARS]
    if len(names) < 2:
        return False
    stems = {key} | {key[: -len(tail)] for tail in _DOMAIN_TAILS if tail and key.endswith(tail)}
    return any(_splits_into_labels(stem, names, 0) for stem in stems)


def _splits_into_labels(key: str, labels: list[str], used: int) -> bool:
    """Whether ``key`` is two or more pieces, each the start of a label not yet used (``used``: a bit set)."""
    if not key:
        return bin(used).count("1") >= 2
    for i, label in enumerate(labels):
        if used & (1 << i):
            continue
        for cut in range(_common_prefix(key, label), MIN_PIECE_CHARS - 1, -1):
            if _splits_into_labels(key[cut:], labels, used | (1 << i)):
                return True
    return False


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _initials_host(name: str, labels: tuple[str, ...]) -> bool:
    """A host made of the name's leading initials and its last word: "Harian Metro" on hmetro.com.my."""
    words = _SQUASH_RE.sub(" ", name.lower()).split()
    if len(words) < 2:
        return False
    short = "".join(w[0] for w in words[:-1]) + words[-1]
    return len(short) >= MIN_LABEL_CHARS and short in labels


# A host label shorter than this is not matched by prefix ("id", "co", "tv").
MIN_LABEL_CHARS = 4
# The shortest piece of a name that may stand for a host label ("jogja", "tribun"; not "tv").
MIN_PIECE_CHARS = 3
_DOMAIN_TAILS = frozenset(
    "com dotcom info net org news online coid id my commy tv us uk au ca asia world international english".split()
) | {""}


# The rule directions that read a name after the trigger, and those that read one before it.
_READS_FORWARD = frozenset({"fwd", "both"})
_READS_BACKWARD = frozenset({"back", "both"})


@dataclass
class _Language:
    """The text's rule language, detected on first need: most paragraphs have no trigger at all, and
    rules that run in every language never need it."""

    hint: str | None
    text: str
    _detected: bool = False
    _lang: str | None = None

    def allows(self, rule: rules.Rule) -> bool:
        """Whether ``rule`` runs on this text (an unknown language runs every rule family)."""
        if rule.langs is rules.ALL:
            return True
        if not self._detected:
            self._lang, self._detected = _normalise_language(self.hint, self.text), True
        return self._lang is None or self._lang in rule.langs


def _triggered(t: str, language: str | None, gaz: Gazetteer, out: list[Found]) -> None:
    """Names next to every trigger phrase of a rule that runs in the text's language."""
    lang = _Language(language, t)
    for m in rules.TRIGGER_RE.finditer(t):
        rule = rules.RULE_BY_NAME[m.lastgroup or ""]
        if not lang.allows(rule):
            continue
        if rule.direction in _READS_FORWARD:
            _forward(t, m, rule, gaz, out)
        if rule.direction in _READS_BACKWARD:
            _backward(t, m, rule, gaz, out)


def _collect(t: str, language: str | None, gaz: Gazetteer) -> list[Found]:
    """Every candidate source in the cleaned text, from triggers, datelines and social rules."""
    found: list[Found] = []
    _triggered(t, language, gaz, found)
    _datelines(t, gaz, found)
    for start, end, name, ev in social.find_social(t):
        found.append(Found(start, end, name, ev))
    return found


_Spans = list[tuple[int, int]]


@dataclass
class _Sieve:
    """What a candidate must pass to be reported: not seen before under any spelling, outside the
    blocked zones (and the hoax zones, unless a dateline or credit line), not the page's own site."""

    blocked: _Spans
    hoax: _Spans
    own: Entry | None
    labels: tuple[str, ...]
    self_name: str | None
    gaz: Gazetteer
    seen: set[str] = field(default_factory=set)

    @classmethod
    def for_page(cls, t: str, url: str | None, gaz: Gazetteer) -> _Sieve:
        """The sieve for one cleaned text from ``url``."""
        blocked, hoax = blocked_spans(t)
        own, labels = _own_site(url, gaz)
        return cls(blocked, hoax, own, labels, _self_name(t.lstrip(), own, gaz), gaz)

    @staticmethod
    def keys(f: Found) -> tuple[str, str]:
        """The finding's dedup keys: its written name (the gazetteer's when written that way) and
        its entry's name -- one source once, however spelled ("Antara" and "Antaranews.com")."""
        key = (f.entry.name if f.entry is not None and f.name == f.entry.name else f.name).casefold()
        return key, f.entry.name.casefold() if f.entry is not None else key

    def _in_zones(self, f: Found) -> bool:
        """The name or its trigger lies in a blocked zone, or (except for meta lines) a hoax zone."""
        if in_spans(self.blocked, f.start) or in_spans(self.blocked, f.evidence_start):
            return True
        return not f.meta and (in_spans(self.hoax, f.start) or in_spans(self.hoax, f.evidence_start))

    def _is_self(self, f: Found) -> bool:
        """The page's own site, by host or by the name its leading dateline gives."""
        if _is_own(f, self.own, self.labels, self.gaz):
            return True
        return self.self_name is not None and f.name.casefold() == self.self_name.casefold()

    def passes(self, f: Found) -> bool:
        """Whether ``f`` is reported; a reported finding's keys are remembered."""
        key, ekey = self.keys(f)
        if ekey in self.seen or key in self.seen or self._in_zones(f) or self._is_self(f):
            return False
        self.seen.update((key, ekey))
        return True


# The longest evidence snippet kept with a source, in characters.
EVIDENCE_MAX_CHARS = 200


def find_cited_sources(text: str, language: str | None = None, url: str | None = None) -> list[CitedSource]:
    """The outside sources ``text`` says its information comes from, in order of appearance.

    ``language`` (ISO 639-1) selects the rule families; it is guessed from stop words when missing.
    ``url`` is the page the text comes from: its own site is never reported as a source.
    """
    if not text or not isinstance(text, str):
        return []
    clean = CleanText(text)
    t = clean.text
    gaz = load_gazetteer()
    found = _collect(t, language, gaz)
    if not found:
        return []
    sieve = _Sieve.for_page(t, url, gaz)
    found.sort(key=lambda f: f.start)
    result: list[CitedSource] = []
    for f in filter(sieve.passes, found):
        evidence = " ".join(t[min(f.evidence_start, f.start) : f.end].split())[:EVIDENCE_MAX_CHARS]
        result.append(CitedSource(name=f.name, evidence=evidence, offset=clean.original_offset(f.start)))
    log.debug("cited sources: %d found in %d characters", len(result), len(text))
    return result
