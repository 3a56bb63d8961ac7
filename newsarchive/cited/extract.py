"""The cited-source engine: run the trigger rules, datelines and social rules, then filter.

One pass of one precompiled regex finds every trigger phrase; names are read from a bounded window
next to each hit, so the work is linear in the length of the text.  Findings are then filtered
(blocked zones, the page's own site), de-duplicated by canonical name and returned in text order.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsarchive.article import CitedSource
from newsarchive.cited import rules, social
from newsarchive.cited.gazetteer import Entry, Gazetteer, load_gazetteer
from newsarchive.cited.names import Name, is_namey, read_list_backward, read_list_forward
from newsarchive.cited.textprep import CleanText, blocked_spans, detect_language, in_spans

log = logging.getLogger(__name__)

# First words that make a name a person with a title, never a source ("mengutip Presiden Joko Widodo").
PERSON_TITLES = frozenset(
    """Presiden Wapres Menteri Menko Kepala Ketua Direktur Dirut Gubernur Bupati Walikota Wali Wakil Kapolres
    Kapolda Kapolri Kapolsek Kasat Kasi Kabid Kadis Kombes AKP AKBP Kolonel Jenderal Mayor Letnan Kapten
    Brigjen Irjen Komjen Laksamana Marsekal Dr Prof Profesor Bapak Ibu Pak Bu Mr Mrs Ms Miss Sir Lord President
    Minister Prime Senator Sen Rep Gov Governor General Gen Chief Director Chairman CEO Datuk Dato Datuk Seri
    Tan Sri Tun Tuan Puan Encik Cik Haji Hajah Ustaz Sekretaris Anggota Pengamat Ekonom Analis Pakar Dosen
    Peneliti Juru Jubir Pengacara Kuasa Dirjen Sekjen Kabag Camat Lurah Kades Warga Pihak""".split()
)
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


def _normalise_language(language: str | None, text: str) -> str | None:
    lang = (language or "").strip().lower()[:2] or detect_language(text)
    return lang if lang in rules.ALL else None


def _accept(name: Name, strength: str, doc: bool, outlet_desc: bool) -> bool:
    words = name.surface.split()
    if not words or words[0] in PERSON_TITLES:
        return False
    if name.entry is not None and name.entry.kind == "platform":
        return strength == "strong"  # otherwise the social rules decide
    if strength == "gaz":
        return name.is_outlet
    if strength == "strong" or doc:
        return True
    if name.entry is not None and not name.entry.is_outlet:
        return False  # an institution that merely speaks ("menurut BMKG")
    return name.looks_like_outlet() or outlet_desc


def _emit(out: list[Found], name: Name, evidence_start: int) -> None:
    out.append(Found(name.start, name.end, name.canonical.strip(" .,;:'\u2019"), evidence_start, name.entry))


def _forward(text: str, m: re.Match[str], rule: rules.Rule, gaz: Gazetteer, out: list[Found]) -> None:
    pos, doc, outlet = rules.consume_descriptors(text, m.end())
    doc = doc or rule.strength == "doc"
    names = read_list_forward(text, pos, gaz)
    if not names:
        # "seperti tercantum dalam siaran pers yang dirilis Rabu": an unnamed press release.
        if rule.name == "menurut":
            d = _DOC_NAME_RE.match(text, _skip_spaces(text, m.end()))
            if d:
                out.append(Found(d.start(), d.end(), d.group(1), m.start()))
        return
    for name in names:
        if _accept(name, rule.strength, doc, outlet):
            _emit(out, name, m.start())
    _chain(text, names[-1].end, gaz, out, m.start())


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
        elif not known_only and surface and " " not in surface and is_namey(surface) and surface[0].isupper():
            out.append(Name(start + lead, start + lead + len(surface), surface, None))
        start += len(part) + 1
    return out


def _datelines(text: str, gaz: Gazetteer, out: list[Found]) -> None:
    for m in rules.DATELINE_RE.finditer(text):
        for name in _agency_parts(text, m, "ag", gaz, known_only=False):
            _emit(out, name, m.start("ag") - 1)
    for m in rules.OUTLET_DATELINE_RE.finditer(text):
        surface = m.group("o")
        entry = gaz.lookup(surface)
        if entry is not None and entry.is_outlet:
            _emit(out, Name(m.start("o"), m.end("o"), surface, entry), m.start())
    for m in rules.END_CREDIT_RE.finditer(text):
        for name in _agency_parts(text, m, "ag", gaz, known_only=True):
            _emit(out, name, m.start())
    for m in rules.HEADLINE_CREDIT_RE.finditer(text):
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


_SQUASH_RE = re.compile(r"[^a-z0-9]+")
_TLDS = ("com", "coid", "co", "id", "net", "org", "my", "commy", "sg", "news", "tv")


def _is_own(found: Found, own: Entry | None, labels: tuple[str, ...], gaz: Gazetteer) -> bool:
    if own is not None and found.entry is not None:
        return found.entry.name in gaz.family(own) or own.name in gaz.family(found.entry)
    if not labels or found.entry is not None:
        return False
    key = _SQUASH_RE.sub("", found.name.lower())
    for tld in _TLDS:
        if key.endswith(tld) and len(key) > len(tld) + 2 and key[: -len(tld)] in labels:
            return True
    return key in labels or key == "".join(labels)


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
    lang = _normalise_language(language, t)
    blocked = blocked_spans(t)
    found: list[Found] = []
    for m in rules.TRIGGER_RE.finditer(t):
        rule = rules.RULE_BY_NAME[m.lastgroup or ""]
        if lang is not None and lang not in rule.langs:
            continue
        if rule.direction in ("fwd", "both"):
            _forward(t, m, rule, gaz, found)
        if rule.direction in ("back", "both"):
            _backward(t, m, rule, gaz, found)
    _datelines(t, gaz, found)
    for start, end, name, ev in social.find_social(t):
        found.append(Found(start, end, name, ev))
    own, labels = _own_site(url, gaz)
    found.sort(key=lambda f: f.start)
    seen: set[str] = set()
    result: list[CitedSource] = []
    for f in found:
        key = f.name.casefold()
        if key in seen or in_spans(blocked, f.start) or in_spans(blocked, f.evidence_start):
            continue
        if _is_own(f, own, labels, gaz):
            continue
        seen.add(key)
        evidence = " ".join(t[min(f.evidence_start, f.start) : f.end].split())[:200]
        result.append(CitedSource(name=f.name, evidence=evidence, offset=clean.original_offset(f.start)))
    log.debug("cited sources: %d found in %d characters", len(result), len(text))
    return result
