"""Reading a source name next to a trigger phrase: gazetteer first, then the shape of a name.

A name is read token by token from a position (forwards after "dilansir", "according to"...) or
back from a position (before "melaporkan", "reported"...).  Tokens are separated by single runs of
spaces only, so a comma, a bracket or a line break always ends a name.  The gazetteer is tried first
(longest spelling wins); otherwise a run of capitalised words is taken ("Bangkok Post", "Port of
Rotterdam Authority"), stopping at day and month names, which follow a source in datelines
("dilansir CNN, Selasa (25/10/2022)").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsarchive.cited.gazetteer import Entry, Gazetteer

# A word, optionally with a domain suffix (Bisnis.com, TEMPO.CO, REPUBLIKA.CO.ID), a URL or a handle.
TOKEN_RE = re.compile(
    r"https?://[^\s<>()\[\]\"'\u201c\u201d]+"
    r"|@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?"
    r"|[^\W_](?:[\w&'\u2019+!-]*[\w+!])?(?:\.(?:[a-z]{2,6}|[A-Z]{2,6})(?![\w]))*"
)
_GAP_RE = re.compile(r"[ \t]+")

# Lower-case words allowed inside a multi-word name ("Office for National Statistics").
CONNECTORS = frozenset("of for de del della dello des du la le el al van von der den y".split())
# Words that split a list of names ("Reuters dan AFP", "The Times and the Daily Telegraph").
LIST_WORDS = frozenset({"dan", "and", "serta", "&", "atau", "or"})

# Capitalised words that never belong to a source name: days, months, and words that follow one.
STOP_WORDS = frozenset(
    """Senin Selasa Rabu Kamis Jumat Jum'at Sabtu Minggu Ahad Isnin Khamis
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember
    Mac Jun Julai Ogos Disember Pebruari Nopember
    January February March May June July August October December
    Jan Feb Mar Apr Jun Jul Aug Agu Sep Sept Oct Okt Nov Dec Des
    Nomor No Nombor Pukul WIB WITA WIT GMT UTC Tahun Edisi Halaman""".split()
)
# Capitalised sentence openers that may stand before a name read backwards ("Namun Reuters melaporkan").
OPENERS = frozenset(
    """Namun Sementara Sedangkan Kemudian Lalu Selain Adapun Bahkan Tapi Tetapi Kini Sebelumnya Dalam
    Pada Di Hal Itu Ini Menurut Seperti Sebagaimana Kata Laporan Media Sumber Pihak Mereka Dia Ia
    However Meanwhile Earlier Also But And Then Now Later In On At Last This That It They He She""".split()
)

# Words that make an unknown name look like a news outlet ("Bangkok Post", "Harian Metro").
# Last words that make an unknown name look like a news outlet ("Bangkok Post", "Nine News") ...
OUTLET_TAILS = frozenset(
    """News Post Times Daily Herald Journal Tribune Gazette Telegraph Press Today Online TV Radio Magazine
    Monitor Observer Chronicle Weekly Review Guardian Newswire Reporter Courier Dispatch Inquirer Examiner
    Sentinel Globe FM Pos Ekspres Shimbun Ilbo Zeitung Tageblatt Kurier Rundschau Presse Dagblad Posten
    Nyheter Noticias Notícias Gazeta Gazzetta Nieuws Hebdo Matin Sport Sports""".split()
)
# Lower-case role nouns after "<outlet> <Desk>": the capitalised words are a desk, not a sub-brand.
_ROLE_NOUNS = frozenset(
    """correspondent correspondents reporter reporters bureau editor editors journalist journalists columnist
    anchor host producer presenter koresponden wartawan jurnalis reporter kontributor biro editor""".split()
)
# Words that turn a known outlet into one of its sub-brands ("BBC Sport", "Kompas Regional").
SUBBRAND_WORDS = frozenset(
    """Sport Sports World International Indonesia Asia Arabic English Español Digital Online Business Tech
    Live Plus Premium Regional Nasional Internasional Global Europe Africa America Americas Australia
    News TV Radio Weekly Daily Magazine Investigates Verify Politics Opinion Lifestyle Entertainment""".split()
)
# ... and first words that do ("Harian Metro", "Radar Jember", "Tribun Lampung").
OUTLET_LEADS = frozenset(
    """Harian Koran Majalah Tabloid Radar Tribun Radio TV Televisi Berita Kabar Warta Suara Buletin Bulletin
    Akhbar Diario Diário Jornal Gazzetta Corriere Gazeta Journal Daily Evening Morning Sunday""".split()
)
# Head nouns of institutions: in "X dan Y" both sides are separate names only if Y starts with one.
INSTITUTION_HEADS = frozenset(
    """Badan Bank Kementerian Kemenhan Dinas Pusat Lembaga Komisi Otoritas Jabatan Majlis Kantor
    Direktorat Balai Biro Dewan Mahkamah Pengadilan Kepolisian Polri Polda Polres Pemerintah Pemkot
    Pemkab Pemprov Kejaksaan Universitas Institut Yayasan Asosiasi Perhimpunan Ikatan Persatuan
    Kementerian Jawatan Suruhanjaya Lembaga Institute Office Department Ministry Agency Authority
    Bureau Commission Council Board Centre Center University Association Federation Bank Fund""".split()
)

# First words that make a name a person with a title, never a source ("mengutip Presiden Joko Widodo").
PERSON_TITLES = frozenset(
    """Presiden Wapres Menteri Menko Kepala Ketua Direktur Dirut Gubernur Bupati Walikota Wali Wakil Kapolres
    Kapolda Kapolri Kapolsek Kasat Kasi Kabid Kadis Kombes AKP AKBP Kolonel Jenderal Mayor Letnan Kapten
    Brigjen Irjen Komjen Laksamana Marsekal Dr Prof Profesor Bapak Ibu Pak Bu Mr Mrs Ms Miss Sir Lord President
    Minister Prime Senator Sen Rep Gov Governor General Gen Chief Director Chairman CEO Datuk Dato
    Tun Tuan Puan Encik Cik Haji Hajah Ustaz Sekretaris Anggota Pengamat Ekonom Analis Pakar Dosen
    Peneliti Juru Jubir Pengacara Kuasa Dirjen Sekjen Kabag Camat Lurah Kades Warga Pihak Pemimpin Redaksi
    Pemred Redaktur Editor Kontributor Wartawan Jurnalis Reporter Koresponden Columnist Editor-in-Chief
    Pasal Ayat Article Section""".split()
)


@dataclass
class Name:
    """A source name found in text: its span, surface form and gazetteer entry (if known)."""

    start: int
    end: int
    surface: str
    entry: Entry | None = None
    extended: bool = False
    extra: tuple[str, ...] = ()  # the words after the known prefix of an extended name

    @property
    def canonical(self) -> str:
        """The gazetteer's name when it is a re-spelling of the written form ("ANTARA" -> "Antara",
        "Kantor Berita Antara" -> "Antara", "Antaranews.com" -> "Antara", "the BBC" -> "BBC"); the
        written form otherwise, so that a name is never swapped for one the text does not contain
        ("AP" stays "AP", "Bank Dunia" does not become "World Bank"), nor a written-out sub-brand
        ("Haluan Riau") shortened."""
        if self.entry is None or self.extended or self.entry.name == self.surface:
            return self.surface
        if _is_domain(self.surface) and not _is_domain(self.entry.name):
            return self.surface  # "kemenag.go.id", "rappler.com": a web address is reported as written
        return self.entry.name if respells(self.entry.name, self.surface) else self.surface

    @property
    def is_outlet(self) -> bool:
        """A known outlet; an extended name only when the extra words name a sub-brand ("BBC Sport",
        "CNN World") -- "Dawn Smith" or "Surya Paloh" merely start like an outlet."""
        if not (self.entry and self.entry.is_outlet):
            return False
        return not self.extended or all(w in SUBBRAND_WORDS or w.isupper() for w in self.extra)

    def looks_like_outlet(self) -> bool:
        """Known outlet, a domain, or an outlet-like head word ("Post", "Times", "TV", "Harian")."""
        if self.is_outlet:
            return True
        if self.entry is not None and not self.extended:
            return False  # a known institution or platform
        words = self.surface.split()
        if words[0] in INSTITUTION_HEADS or len(words) == 1:
            return False  # "Ministry of Youth and Sport"; a lone "Sport" or "Post" is no name
        if any(_is_domain(w) for w in words):
            return True
        if len(words) > 4:
            return False  # "CBS Sports NFL Insider Jason La Canfora": a person with a title
        lead = words[1] if words[0] in ("The", "the") and len(words) > 1 else words[0]
        return words[-1] in OUTLET_TAILS or lead in OUTLET_LEADS or words[-1].endswith(("TV", "News", "FM"))


_NAME_WORD_RE = re.compile(r"[^\W_]+")


def _name_words(name: str) -> list[str]:
    words = _NAME_WORD_RE.findall(name.casefold().replace(".", ""))
    return words[1:] if words[:1] == ["the"] else words


def _contains(long_: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def respells(a: str, b: str) -> bool:
    """Whether two names are spellings of one another: one's words contain the other's, or one
    squashed form starts the other ("antaranews" / "antara", "detikcom" / "detik")."""
    x, y = _name_words(a), _name_words(b)
    if not x or not y:
        return False
    if _contains(x, y) or _contains(y, x):
        return True
    sx, sy = "".join(x), "".join(y)
    return len(min(sx, sy, key=len)) >= 4 and (sx.startswith(sy) or sy.startswith(sx))


def _is_domain(word: str) -> bool:
    return word.startswith("http") or ("." in word.strip(".") and not word.endswith("."))


def host_name(url: str) -> str:
    """"rappler.com" for "https://www.rappler.com/...": how a bare link is reported."""
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def is_namey(word: str) -> bool:
    """Whether a token may be part of a proper name."""
    if word in STOP_WORDS:
        return False
    first = word[0]
    if first.isupper() or first == "@" or word.startswith("http"):
        return True
    if first.isdigit():
        return any(ch.isalpha() for ch in word)
    # iNews, mStar, detikFinance, eNCA: lower-case prefix then a capital
    return any(ch.isupper() for ch in word[1:]) or _is_domain(word)


def tokens_from(text: str, pos: int, limit: int = 9) -> list[re.Match[str]]:
    """Up to ``limit`` tokens from ``pos``, separated by spaces only (punctuation ends the run)."""
    out: list[re.Match[str]] = []
    n = len(text)
    while pos < n and text[pos] in " \t":
        pos += 1
    while len(out) < limit and pos < n:
        if out:
            gap = _GAP_RE.match(text, pos)
            if gap is None:
                break
            pos = gap.end()
        m = TOKEN_RE.match(text, pos)
        if m is None:
            break
        out.append(m)
        pos = m.end()
    return out


def _gazetteer_prefix(gaz: Gazetteer, toks: list[re.Match[str]], text: str) -> tuple[int, Entry] | None:
    """Longest run of leading tokens that spells a gazetteer entry: (token count, entry)."""
    for k in range(min(len(toks), gaz.max_words + 1), 0, -1):
        surface = text[toks[0].start() : toks[k - 1].end()]
        entry = gaz.lookup(surface)
        if entry is not None:
            return k, entry
    return None


def read_forward(text: str, pos: int, gaz: Gazetteer, allow_lower_known: bool = True) -> Name | None:
    """The name starting at ``pos`` (after spaces), or None when what follows is not a name."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    toks = tokens_from(text, pos)
    if toks and toks[0].group() in ("the", "The") and len(toks) > 1:
        # "the Korea Economic Daily": try the gazetteer with and without the article.
        hit = _gazetteer_prefix(gaz, toks, text)
        if hit is None and toks[0].group() == "the":
            toks = toks[1:]
    if not toks:
        return None
    first = toks[0].group()
    if first.startswith("http"):
        host = host_name(first.rstrip(".,"))
        return Name(toks[0].start(), toks[0].end(), host, gaz.lookup(host) or gaz.for_host(host))
    if first.startswith("www.") and len(toks) == 1 or first.startswith("www.") and not is_namey(toks[1].group()):
        host = first[4:]
        return Name(toks[0].start() + 4, toks[0].end(), host, gaz.lookup(host) or gaz.for_host(host))
    if first.endswith(("'s", "\u2019s")) and gaz.lookup(first[:-2]) is not None:
        # "told CNBC's Squawk Box": the outlet owns the programme.
        return Name(toks[0].start(), toks[0].end() - 2, first[:-2], gaz.lookup(first[:-2]))
    hit = _gazetteer_prefix(gaz, toks, text)
    if hit is not None and (allow_lower_known or is_namey(first)):
        k, entry = hit
        if not is_namey(first):
            return Name(toks[0].start(), toks[k - 1].end(), text[toks[0].start() : toks[k - 1].end()], entry)
        # A known name followed by more name words is a sub-brand written out ("Haluan Riau",
        # "BBC Sport"): keep the written form, and the entry for outlet-ness and own-site checks.
        # But a longer run ("Independent Electoral Commission") is another name that merely starts
        # like an outlet: it is read by shape below, without the entry.
        known = k
        while k < len(toks) and k < known + 3 and toks[k].group()[0].isupper() and is_namey(toks[k].group()):
            k += 1
        extra = [t.group() for t in toks[known:k]]
        if extra and k < len(toks) and toks[k].group() in _ROLE_NOUNS:
            k, extra = known, []  # "VOA Pentagon correspondent X": the outlet is just "VOA"
        if len(extra) <= 2 and not any(w in INSTITUTION_HEADS for w in extra):
            surface = text[toks[0].start() : toks[k - 1].end()]
            return Name(toks[0].start(), toks[k - 1].end(), surface, entry, extended=k > known, extra=tuple(extra))
    if not is_namey(first) or first in OPENERS and len(toks) == 1:
        return None
    # "kantor berita Prancis AFP", "stasiun televisi Jepang NHK": a place word before a known name.
    for j in (1, 2):
        if j < len(toks) and all(is_namey(t.group()) and t.group() not in PERSON_TITLES for t in toks[: j + 1]):
            hit = _gazetteer_prefix(gaz, toks[j:], text)
            if hit is not None and gaz.lookup(text[toks[0].start() : toks[j - 1].end()]) is None:
                k, entry = hit
                lo, hi = toks[j].start(), toks[j + k - 1].end()
                return Name(lo, hi, text[lo:hi], entry)
    end = 1
    i = 1
    while i < len(toks) and i < 7:
        word = toks[i].group()
        if is_namey(word):
            end = i = i + 1
        elif word in CONNECTORS and i + 1 < len(toks) and is_namey(toks[i + 1].group()):
            i += 1
        else:
            break
    start, stop = toks[0].start(), toks[end - 1].end()
    surface = text[start:stop]
    return Name(start, stop, surface, gaz.lookup(surface))


def read_list_forward(text: str, pos: int, gaz: Gazetteer) -> list[Name]:
    """A name, then more names joined by "dan"/"and"/"serta"/"&" when the next one is a name.

    "Pusat Vulkanologi dan Mitigasi Bencana Geologi" is one name: a right-hand side that is neither
    known nor starts with an institution head noun is glued back onto the left-hand side.
    """
    first = read_forward(text, pos, gaz)
    if first is None:
        return []
    names = [first]
    while len(names) < 4:
        toks = tokens_from(text, names[-1].end, limit=1)
        if not toks or toks[0].group() not in LIST_WORDS:
            break
        nxt = read_forward(text, toks[0].end(), gaz, allow_lower_known=False)
        if nxt is None:
            break
        head = nxt.surface.split()[0]
        if nxt.entry or head in INSTITUTION_HEADS or names[-1].entry or nxt.looks_like_outlet():
            names.append(nxt)
        else:
            prev = names[-1]
            surface = text[prev.start : nxt.end]
            names[-1] = Name(prev.start, nxt.end, surface, gaz.lookup(surface))
    return names


_CLAUSE_END_RE = re.compile(r"[,;:!?()\[\]\"\u201c\u201d\u2018\n]|\.(?=\s)|\s[-\u2013\u2014]+\s")
_ADVERBS = frozenset(
    """both also first earlier previously had has have was were today yesterday last week juga pun telah sudah
    pernah turut sempat sebelum ini sebelumnya kemudian lantas hari kemarin semalam baru baru-baru
    dalam laporannya""".split()
)
_EDITION_RE = re.compile(r"\s+edisi\b[^,.;\n]{0,40}$")


_DESCRIPTORS = frozenset({"newspaper", "daily", "broadcaster", "website", "magazine", "outlet", "agency", "tabloid",
                          "weekly", "paper", "network"})


def read_list_backward(text: str, pos: int, gaz: Gazetteer) -> tuple[list[Name], bool]:
    """Names ending just before ``pos`` ("Reuters dan AFP" + " melaporkan").

    Returns the names (in text order) and whether the run reaches the start of its clause (so no
    lower-case words such as "tempatan" sit between the clause start and the names).
    """
    lo = max(0, pos - 160)
    window = text[lo:pos]
    last = None
    for last in _CLAUSE_END_RE.finditer(window):
        pass
    base = lo + (last.end() if last else 0)
    clause = text[base:pos]
    edition = _EDITION_RE.search(clause)  # "Majalah Tempo edisi pekan ini memberitakan"
    if edition:
        clause = clause[: edition.start()]
    toks = list(TOKEN_RE.finditer(clause))
    for _ in range(4):  # "Sinar Harian sebelum ini melaporkan", "The Times and X both reported"
        if not toks or toks[-1].group() not in _ADVERBS:
            break
        toks.pop()
    # "the Reuters news agency reported", "The Daily Nation newspaper reported": the descriptor is not the name
    if len(toks) >= 2 and toks[-1].group().lower() in _DESCRIPTORS:
        toks.pop()
        if len(toks) >= 2 and toks[-1].group().lower() == "news":
            toks.pop()
    groups: list[list[re.Match[str]]] = []
    cur: list[re.Match[str]] = []
    i = len(toks) - 1
    while i >= 0:
        word = toks[i].group()
        if is_namey(word) or gaz.lookup(word) is not None:
            cur.insert(0, toks[i])
        elif word in CONNECTORS and cur and i > 0 and is_namey(toks[i - 1].group()):
            cur.insert(0, toks[i])
        elif word in ("the", "The") and cur:  # "... and the Daily Telegraph"
            cur.insert(0, toks[i])
        elif word in LIST_WORDS and cur:
            groups.insert(0, cur)
            cur = []
        else:
            break
        i -= 1
    if cur:
        groups.insert(0, cur)
    at_clause_start = i < 0
    names: list[Name] = []
    for grp in groups:
        while grp and grp[0].group() in CONNECTORS:
            grp = grp[1:]
        # The longest gazetteer spelling that ends the group, else the group minus sentence openers.
        found = None
        for k in range(len(grp)):
            surface = clause[grp[k].start() : grp[-1].end()]
            entry = gaz.lookup(surface)
            if entry is not None:
                found = Name(base + grp[k].start(), base + grp[-1].end(), surface, entry)
                break
        if found is None:
            while grp and grp[0].group() in OPENERS:
                grp = grp[1:]
            if not grp:
                continue
            surface = clause[grp[0].start() : grp[-1].end()]
            found = Name(base + grp[0].start(), base + grp[-1].end(), surface, None)
        names.append(found)
    return names, at_clause_start
