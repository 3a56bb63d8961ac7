"""The cited-source engine: run the trigger rules, datelines and social rules, then filter.

One pass of one precompiled regex finds every trigger phrase; names are read from a bounded window
next to each hit, so the work is linear in the length of the text.  Findings are then filtered
(blocked zones, the page's own site), de-duplicated by canonical name and returned in text order.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newsarchive.article import CitedSource
from newsarchive.cited import rules, social
from newsarchive.cited.gazetteer import Entry, Gazetteer, load_gazetteer
from newsarchive.cited.names import INSTITUTION_HEADS, PERSON_TITLES, Name, read_list_backward, read_list_forward
from newsarchive.cited.textprep import CleanText, blocked_spans, detect_language, in_spans

log = logging.getLogger(__name__)

_OUTLET_DESC_BEFORE_RE = re.compile(
    r"(?i)(?:kantor\s+berita|agensi\s+berita|portal\s+berita|media|harian|akhbar|koran|surat\s+kabar|majalah|tabloid"
    r"|stasiun\s+(?:televisi|tv|radio)|televisi|stesen\s+\w+|newspaper|broadcaster|news\s+agency|magazine|outlet"
    r"|website|news\s+site|daily)[ \t]+(?:asal\s+\w+[ \t]+|\w+[ \t]+)?$"
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
    words = name.surface.split()
    if not words or words[0] in PERSON_TITLES:
        return False
    if name.entry is not None and name.entry.kind == "platform":
        return strength == "strong"  # otherwise the social rules decide
    if strength == "gaz":
        return name.is_outlet
    if strength == "inst":  # "Data Badan Pusat Statistik menunjukkan", not "Data Scientists"
        return name.entry is not None or words[0] in INSTITUTION_HEADS
    if strength == "strong" or doc:
        return True
    if name.entry is not None and not name.entry.is_outlet:
        return False  # an institution that merely speaks ("menurut BMKG")
    return name.looks_like_outlet() or outlet_desc


def _emit(out: list[Found], name: Name, evidence_start: int, meta: bool = False) -> None:
    out.append(Found(name.start, name.end, name.canonical.strip(" .,;:'\u2019"), evidence_start, name.entry, meta))


_DOC_BEFORE_RE = re.compile(
    r"(?i)\b(?:report|reports|figures|data|survey|study|statement|document|analysis|research|poll|statistics"
    r"|laporan|data|survei|dokumen)[ \t]+(?:\w+[ \t]+)?$"
)


def _forward(text: str, m: re.Match[str], rule: rules.Rule, gaz: Gazetteer, out: list[Found]) -> None:
    pos, doc, outlet = rules.consume_descriptors(text, m.end())
    doc = doc or rule.strength == "doc"
    if rule.name == "published_by" and _DOC_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
        doc = True  # "Figures published by the Office for Budget Responsibility"
    names = read_list_forward(text, pos, gaz)
    if not names:
        # "sebagaimana tertulis dalam siaran pers yang terbit kemarin": a press release with no name after it.
        if rule.name == "menurut":
            d = _DOC_NAME_RE.match(text, _skip_spaces(text, m.end()))
            if d:
                out.append(Found(d.start(), d.end(), d.group(1), m.start()))
        return
    if rule.name in ("source_line", "via_paren"):
        names += _more_listed(text, names[-1].end, gaz)  # "Sumber: CNN Indonesia, Reuters"
    elif rule.name == "wartawan" and _FORMER_RE.search(text, max(0, m.start() - 12), m.start()):
        return  # "mantan jurnalis Tempo": a biography, not a source
    for name in names:
        if _accept(name, rule.strength, doc, outlet):
            _emit(out, name, m.start())
    _chain(text, names[-1].end, gaz, out, m.start())


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


def _chain(text: str, pos: int, gaz: Gazetteer, out: list[Found], evidence_start: int) -> None:
    """Follow "X dari Y" / "X yang mengutip Y" links after a name (at most three)."""
    for _ in range(3):
        c = rules.CHAIN_RE.match(text, pos)
        if c is None:
            return
        at, doc, outlet = rules.consume_descriptors(text, c.end())
        names = read_list_forward(text, at, gaz)
        if not names:
            return
        strength = "strong" if c.group("verb") in rules.STRONG_CHAIN_VERBS else "weak"
        for name in names:
            if _accept(name, strength, doc, outlet):
                _emit(out, name, evidence_start)
        pos = names[-1].end


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _backward(text: str, m: re.Match[str], rule: rules.Rule, gaz: Gazetteer, out: list[Found]) -> None:
    pos = m.start()
    while pos > 0 and text[pos - 1] in " \t,":  # "Nikkei Asia, citing ..."
        pos -= 1
    names, _ = read_list_backward(text, pos, gaz)
    if not names:
        return
    before = text[max(0, names[0].start - 40) : names[0].start]
    outlet_desc = _OUTLET_DESC_BEFORE_RE.search(before) is not None
    for name in names:
        if _accept(name, rule.strength, False, outlet_desc):
            _emit(out, name, name.start)


def _agency_parts(text: str, m: re.Match[str], group: str, gaz: Gazetteer, known_only: bool) -> list[Name]:
    """The slash-separated names in a dateline bracket "(Antara/PRNewswire)"."""
    out: list[Name] = []
    start = m.start(group)
    for part in m.group(group).split("/"):
        lead = len(part) - len(part.lstrip())
        surface = part.strip()
        entry = gaz.lookup(surface)
        if entry is not None and entry.is_outlet:
            out.append(Name(start + lead, start + lead + len(surface), surface, entry))
        elif not known_only and surface and " " not in surface and _agency_shaped(surface):
            out.append(Name(start + lead, start + lead + len(surface), surface, None))
        start += len(part) + 1
    return out


def _agency_shaped(word: str) -> bool:
    """An unknown agency in a dateline bracket: ALL CAPS or CamelCase ("PRNewswire", "KNA")."""
    return word[0].isupper() and (word.isupper() or any(ch.isupper() for ch in word[1:])) and word.isalnum()


def _datelines(text: str, gaz: Gazetteer, out: list[Found]) -> None:
    for m in rules.DATELINE_RE.finditer(text) if "(" in text else ():
        # "NEW DELHI, Jan 5 (PTI):" -- a colon only after a known agency ("(FAQ-Liste):" is not one).
        for name in _agency_parts(text, m, "ag", gaz, known_only=m.group("end") == ":"):
            _emit(out, name, m.start("ag") - 1, meta=True)
    for rx in (rules.OUTLET_DATELINE_RE, rules.OUTLET_LEAD_RE):
        for m in rx.finditer(text):
            surface = m.group("o")
            entry = gaz.lookup(surface)
            if entry is not None and entry.is_outlet:
                _emit(out, Name(m.start("o"), m.end("o"), surface, entry), m.start(), meta=True)
    for m in rules.END_DASH_CREDIT_RE.finditer(text) if "-" in text or "\u2014" in text or "\u2013" in text else ():
        entry = gaz.lookup(m.group("o"))
        if entry is not None and entry.is_outlet:
            _emit(out, Name(m.start("o"), m.end("o"), m.group("o"), entry), m.start("o"))
    for m in rules.END_CREDIT_RE.finditer(text) if "(" in text else ():
        for name in _agency_parts(text, m, "ag", gaz, known_only=True):
            _emit(out, name, m.start())
    for m in rules.HEADLINE_CREDIT_RE.finditer(text) if ":" in text else ():
        entry = gaz.lookup(m.group("o"))
        if entry is not None and entry.is_outlet:
            _emit(out, Name(m.start("o"), m.end("o"), m.group("o"), entry), m.start("o"))


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
    if key in labels or key == "".join(labels) or key == "".join(labels[:-1]):
        return True
    # "@Spacedotcom" on space.com, "Polygraph.info" on polygraph.info: the site's main label plus
    # a domain-ish tail (but "Suara Pembaruan" is not suara.com).
    main = max(labels[:-1] or labels, key=len)
    return len(main) >= 4 and key.startswith(main) and key[len(main) :] in _DOMAIN_TAILS


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
