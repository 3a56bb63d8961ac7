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
from collections.abc import Callable
from dataclasses import dataclass, field
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
    Nyheter Noticias Notícias Gazeta Gazzetta Nieuws Hebdo Matin Sport Sports Express Mail Star Standard Nation
    Independent Mirror Insider Wire Bulletin Digest Shinbun Pao Poh Podcast Channel""".split()
)
# Lower-case role nouns after "<outlet> <Desk>": the capitalised words are a desk, not a sub-brand.
_ROLE_NOUNS = frozenset(
    """correspondent correspondents reporter reporters bureau editor editors journalist journalists columnist
    anchor host producer presenter koresponden wartawan jurnalis reporter kontributor biro editor""".split()
)
# Last words that name a language edition ("Khaosod English", "Tempo English", "Al Jazeera Arabic"): after
# another name word they make an unknown name an outlet's edition (country and region words do not: "Bank
# Indonesia", "Air Asia").
EDITION_TAILS = frozenset("English Arabic Español Français Deutsch Português Chinese".split())
# Words that turn a known outlet into one of its sub-brands ("BBC Sport", "Kompas Regional").
SUBBRAND_WORDS = frozenset(
    """Sport Sports World International Indonesia Asia Arabic English Español Digital Online Business Tech
    Live Plus Premium Regional Nasional Internasional Global Europe Africa America Americas Australia
    News TV Radio Weekly Daily Magazine Investigates Verify Politics Opinion Lifestyle Entertainment""".split()
)
# ... and first words that do ("Harian Metro", "Radar Jember", "Tribun Lampung").
OUTLET_LEADS = frozenset(
    """Harian Koran Majalah Tabloid Radar Tribun Radio TV Televisi Berita Kabar Warta Suara Buletin Bulletin
    Akhbar Diario Diário Jornal Gazzetta Corriere Gazeta Journal Daily Evening Morning Sunday Pos Utusan Media
    Sinar Kosmo""".split()
)
# An unknown name longer than this many words (a leading "the" aside) is no outlet by its shape.
MAX_SHAPE_WORDS = 4
# Generic media words that may open a "name" made of a place ("Media Korea Selatan", "Akhbar Jepun"); brand
# leads do not ("Tribun Medan", "Utusan Malaysia", "Radio Jakarta" are outlets).
GENERIC_LEADS = frozenset("Media Akhbar Pers Portal Stasiun Kantor Harian Koran Televisi".split())
# Articles that lead a title ("The Star", "Der Spiegel", "Al Arabiya", "Le Monde"): a person's name never
# starts with one, so an unknown name led by one is a publication's title.
TITLE_ARTICLES = frozenset("The Der Die Das Al El La Le Il Lo Het De".split())
# Place and nationality words (Indonesian, Malay, English): a name made only of these, after an
# optional descriptor lead ("Media Korea Selatan", "Jepun", "Indonesia"), names no outlet -- it is the
# outlet's country ("akhbar Jepun, Yomiuri Shimbun").  A gazetteer entry overrides ("Media Indonesia").
PLACE_WORDS = frozenset(
    """Indonesia Malaysia Singapura Singapore Brunei Thailand Thai Filipina Philippines Vietnam Kamboja Cambodia
    Myanmar Laos Timor Leste Jepang Jepun Japan Japanese Korea Selatan Utara South North Korean China Cina Tiongkok
    Chinese Taiwan Hong Kong India Pakistan Bangladesh Australia Australian Selandia Zealand Baru New Amerika
    Serikat Syarikat America American United States Inggris England British Britain Kingdom Prancis Perancis
    France French Jerman Germany German Rusia Russia Russian Ukraina Ukraine Italia Italy Spanyol Sepanyol Spain
    Belanda Netherlands Dutch Turki Turkey Turkish Iran Irak Iraq Arab Saudi Mesir Egypt Israel Palestina Qatar
    Eropa Eropah Europe European Asia Asian Afrika Africa Timur Tengah Barat Middle East West Western Eastern
    Jawa Sumatera Sumatra Kalimantan Sulawesi Papua Bali Borneo Sabah Sarawak Jakarta Surabaya Bandung Medan
    Kuala Lumpur Malay Melayu Barat Tenggara Southeast Asing Luar Negeri Internasional Antarabangsa Lokal
    Tempatan Setempat Nasional Manila Bangkok Tokyo Seoul Beijing Washington London Paris Moskow Moscow Canberra
    Delhi Hanoi Phnom Penh Yangon Taipei Dubai Riyadh Kairo Cairo Istanbul Berlin Roma Rome Brussel Brussels
    Jenewa Geneva Sydney Singapura Johor Penang Pinang Selangor Kelantan Terengganu Kedah Perak Pahang Melaka
    Yogyakarta Semarang Makassar Palembang Padang Denpasar Pontianak Balikpapan Manado Ambon Jayapura""".split()
)
# Capitalised common nouns and pronouns that open a clause ("Police reported", "Warga melaporkan"):
# never a source name by themselves.
COMMON_SUBJECTS = frozenset(
    """Polisi Polis Warga Penduduk Petugas Saksi Korban Pihak Pemerintah Kerajaan Masyarakat Netizen Warganet
    Pegawai Pekerja Nelayan Petani Pedagang Pengunjung Wisatawan Pelancong Mahasiswa Siswa Pelajar Guru Dokter
    Doktor Peneliti Penyelidik Pejabat Pegawai Aparat Tentara Tentera Militer Polri TNI DPR DPRD MPR KPK
    Police Residents Witnesses Officials Authorities Investigators Researchers Scientists Analysts Doctors
    Government Officers Soldiers Troops Staff Employees Workers Students Teachers Parents Users Critics
    Congress Parliament Senate Court Ministry Army Military Cabinet Prosecutors Lawyers Sources Experts
    Dia Ia Mereka Kami Kita Beliau Saya He She They We It You Someone Nobody Everyone Others Many Some""".split()
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
        if any(_is_domain(w) for w in words):
            return True  # "Inquirer.net", "Kompas.id": a web address is a site
        if words[0] in INSTITUTION_HEADS or len(words) == 1 or self.is_place():
            return False  # "Ministry of Youth and Sport"; a lone "Sport" or "Post" is no name
        if len(words) - (words[0] in ARTICLES) > MAX_SHAPE_WORDS:
            return False  # "CBS Sports NFL Insider Jason La Canfora": a person with a title
        lead = words[1] if words[0] in ("The", "the") and len(words) > 1 else words[0]
        if words[0] in TITLE_ARTICLES and not is_common(words[1]) and (len(words) > 2 or words[0] != "The"):
            return True  # "The Kyiv Independent", "Der Spiegel", "Al Arabiya" (not "The Pentagon": one word
            # after "The" needs an outlet word, "The Star")
        if _is_acronym(words[0]) and all(w in SUBBRAND_WORDS for w in words[1:]):
            return True  # "BBC Arabic", "CNN Indonesia": an acronym and a sub-brand word
        return (words[-1] in OUTLET_TAILS or words[-1] in EDITION_TAILS or lead in OUTLET_LEADS
                or words[-1].endswith(("TV", "News", "FM")))

    def refers_back(self) -> bool:
        """"the Post", "the Times": a lone outlet word after a lower-case "the" refers back to a paper named
        before (often the page's own) rather than naming one."""
        words = self.surface.split()
        return len(words) == 2 and words[0] == "the" and (words[1] in OUTLET_TAILS or words[1] in OUTLET_LEADS)

    def is_place(self) -> bool:
        """Only place or nationality words, after an optional descriptor lead ("Media Korea Selatan",
        "Jepun"): the outlet's country, not its name -- unless the gazetteer knows it ("Media Indonesia")."""
        if self.entry is not None and not self.extended:
            return False
        words = self.surface.split()
        if len(words) > 1 and words[0] in GENERIC_LEADS:
            words = words[1:]
        return all(w in PLACE_WORDS for w in words)

    def looks_like_brand(self) -> bool:
        """Like :meth:`looks_like_media`, but a single word must be shaped like a brand ("NHK", "TV8",
        "iNews", "KompasTV"), since a single capitalised word after "told" is as often a person."""
        if self.looks_like_outlet():
            return True
        if not self.looks_like_media():
            return False
        words = self.surface.split()
        word = words[0]
        return len(words) > 1 or _is_acronym(word) or any(ch.isupper() or ch.isdigit() for ch in word[1:])

    def looks_like_media(self) -> bool:
        """The name after a trigger that is about news work ("told X", "kepada X" after a speech verb, "X
        reported", "wawancara dengan X"): an outlet shape, or a single name word ("Variety", "Getaran",
        "TV3") that is no common noun, place, title or institution -- a person is named with two words."""
        if self.looks_like_outlet():
            return True
        if self.entry is not None and not self.extended:
            return False  # a known institution or platform
        words = self.surface.split()
        if len(words) != 1 or self.is_place():
            return False
        # a lone "Post" or "Harian" refers back to a paper named before (often the page's own)
        return not is_common(words[0]) and words[0] not in TITLE_ARTICLES and (
            words[0] not in OUTLET_TAILS and words[0] not in OUTLET_LEADS)


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


def is_common(word: str) -> bool:
    """A capitalised word that names no outlet by itself: a common noun, title, head noun, opener or date."""
    return (word in COMMON_SUBJECTS or word in PERSON_TITLES or word in INSTITUTION_HEADS or word in OPENERS
            or word in STOP_WORDS)


def _is_acronym(word: str) -> bool:
    """"BBC", "TV3", "RTÉ": two or more characters, capitals and digits, at least one letter."""
    return len(word) >= 2 and word.isupper() and word.isalnum()


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


# --- Reading forwards --------------------------------------------------------------------------------
# A name read by its shape spans at most this many tokens: a longer run of capitalised words is a
# title-case sentence, not a name ("Port of Rotterdam Authority" fits).
SHAPE_MAX_TOKENS = 7
# After a known name, capitalised words are read on for at most this many ("BBC Sport", "Haluan Riau") ...
SUBBRAND_READ_WORDS = 3
# ... and kept as a written-out sub-brand only up to this many: a longer run ("Independent Electoral
# Commission") is another name that merely starts like a known one, and is read by shape instead.
SUBBRAND_MAX_WORDS = 2
# How many place words may stand before a known name ("kantor berita Prancis AFP", "stasiun televisi
# Jepang NHK"), tried fewest first.
PLACE_WORD_COUNTS = (1, 2)
ARTICLES = ("the", "The")
POSSESSIVE_SUFFIXES = ("'s", "\u2019s")
_WWW = "www."


@dataclass(frozen=True)
class _Run:
    """The cursor of a forward read: the tokens after the position, the text they index and the
    gazetteer names are looked up in.  Token 0 always exists."""

    text: str
    toks: list[re.Match[str]]
    gaz: Gazetteer

    @property
    def first(self) -> str:
        """The first token's text."""
        return self.toks[0].group()

    def word(self, i: int) -> str:
        """Token ``i``'s text."""
        return self.toks[i].group()

    def surface(self, i: int, j: int) -> str:
        """The text written by tokens ``i`` to ``j - 1`` (with the spaces between them)."""
        return self.text[self.toks[i].start() : self.toks[j - 1].end()]

    def name(self, i: int, j: int, entry: Entry | None, extended: bool = False,
             extra: tuple[str, ...] = ()) -> Name:
        """The name written by tokens ``i`` to ``j - 1``."""
        lo, hi = self.toks[i].start(), self.toks[j - 1].end()
        return Name(lo, hi, self.text[lo:hi], entry, extended=extended, extra=extra)

    def site(self, host: str) -> Entry | None:
        """The gazetteer entry a host names, spelled as a name ("rappler.com") or as a host."""
        return self.gaz.lookup(host) or self.gaz.for_host(host)


def _without_article(toks: list[re.Match[str]], text: str, gaz: Gazetteer) -> list[re.Match[str]]:
    """"the Korea Economic Daily" is read from "Korea": a lower-case "the" is dropped unless the
    gazetteer spells the name with it.  A capital "The" stays (it may start a name read by shape)."""
    if len(toks) > 1 and toks[0].group() == "the" and _gazetteer_prefix(gaz, toks, text) is None:
        return toks[1:]
    return toks


def _read_link(run: _Run) -> Name | None:
    """A web address names its site by host ("https://www.rappler.com/x" -> "rappler.com")."""
    if not run.first.startswith("http"):
        return None
    host = host_name(run.first.rstrip(".,"))
    return Name(run.toks[0].start(), run.toks[0].end(), host, run.site(host))


def _read_bare_www(run: _Run) -> Name | None:
    """"www.rappler.com" is reported without the "www." -- unless name words follow, which makes it
    the start of a longer name read below."""
    if not run.first.startswith(_WWW) or (len(run.toks) > 1 and is_namey(run.word(1))):
        return None
    host = run.first[len(_WWW) :]
    return Name(run.toks[0].start() + len(_WWW), run.toks[0].end(), host, run.site(host))


def _read_possessive(run: _Run) -> Name | None:
    """"told CNBC's Squawk Box": the outlet owns the programme, so the source is the outlet."""
    if not run.first.endswith(POSSESSIVE_SUFFIXES):
        return None
    owner = run.first[:-2]
    entry = run.gaz.lookup(owner)
    if entry is None:
        return None
    return Name(run.toks[0].start(), run.toks[0].end() - 2, owner, entry)


def _subbrand_end(run: _Run, known: int) -> int:
    """Where the capitalised words after a known name of ``known`` tokens end ("BBC Sport World").
    Back at ``known`` when a role noun follows them ("VOA Pentagon correspondent X": the desk is not
    a sub-brand, the outlet is just "VOA")."""
    end = known
    limit = min(len(run.toks), known + SUBBRAND_READ_WORDS)
    while end < limit and run.word(end)[0].isupper() and is_namey(run.word(end)):
        end += 1
    if end > known and end < len(run.toks) and run.word(end) in _ROLE_NOUNS:
        return known
    return end


def _read_known(run: _Run, allow_lower_known: bool) -> Name | None:
    """The longest gazetteer spelling at the start, with a written-out sub-brand kept in the surface
    ("Haluan Riau", "BBC Sport") and the entry kept for outlet-ness and own-site checks.  A lower-case
    spelling ("detikcom") counts only when ``allow_lower_known``."""
    hit = _gazetteer_prefix(run.gaz, run.toks, run.text)
    if hit is None:
        return None
    known, entry = hit
    if not is_namey(run.first):
        return run.name(0, known, entry) if allow_lower_known else None
    end = _subbrand_end(run, known)
    extra = tuple(run.word(i) for i in range(known, end))
    if len(extra) > SUBBRAND_MAX_WORDS or any(w in INSTITUTION_HEADS for w in extra):
        return None  # another name that starts like a known one: read by shape
    return run.name(0, end, entry, extended=end > known, extra=extra)


def _may_start_name(run: _Run) -> bool:
    """A lower-case word never starts an unknown name, nor does a sentence opener on its own."""
    return is_namey(run.first) and not (run.first in OPENERS and len(run.toks) == 1)


def _is_place_word(word: str) -> bool:
    """A word that may qualify a known name ("Prancis" in "Prancis AFP"); a title never does."""
    return is_namey(word) and word not in PERSON_TITLES


def _read_after_place_words(run: _Run) -> Name | None:
    """A known name after one or two place words ("kantor berita Prancis AFP" -> "AFP"), when the
    place words are not a known name themselves."""
    for j in PLACE_WORD_COUNTS:
        if j >= len(run.toks) or not all(_is_place_word(run.word(i)) for i in range(j + 1)):
            continue
        hit = _gazetteer_prefix(run.gaz, run.toks[j:], run.text)
        if hit is not None and run.gaz.lookup(run.surface(0, j)) is None:
            known, entry = hit
            return run.name(j, j + known, entry)
    return None


def _shape_end(run: _Run) -> int:
    """How many tokens a name read by its shape spans: name words, with lower-case connectors between
    them ("Office for National Statistics"), within SHAPE_MAX_TOKENS."""
    end = i = 1
    limit = min(len(run.toks), SHAPE_MAX_TOKENS)
    while i < limit:
        word = run.word(i)
        if is_namey(word):
            end = i = i + 1
        elif word in CONNECTORS and i + 1 < len(run.toks) and is_namey(run.word(i + 1)):
            i += 1  # a connector counts only once the name word after it is taken
        else:
            break
    return end


def _read_by_shape(run: _Run) -> Name:
    """A run of name words ("Bangkok Post", "Port of Rotterdam Authority"), known or not."""
    end = _shape_end(run)
    return run.name(0, end, run.gaz.lookup(run.surface(0, end)))


# Written forms recognised before the gazetteer is consulted; each reads its form or declines.
_FORM_READERS: tuple[Callable[[_Run], Name | None], ...] = (_read_link, _read_bare_www, _read_possessive)


def read_forward(text: str, pos: int, gaz: Gazetteer, allow_lower_known: bool = True) -> Name | None:
    """The name starting at ``pos`` (after spaces), or None when what follows is not a name.

    Tried in order: a web address, a bare "www." host, an outlet's possessive, a gazetteer name
    (with a written-out sub-brand), then -- only for a word that may start a name -- a known name
    after place words, and finally the run of name words itself.
    """
    toks = _without_article(tokens_from(text, pos), text, gaz)
    if not toks:
        return None
    run = _Run(text, toks, gaz)
    for reader in _FORM_READERS:
        name = reader(run)
        if name is not None:
            return name
    name = _read_known(run, allow_lower_known)
    if name is not None:
        return name
    if not _may_start_name(run):
        return None
    name = _read_after_place_words(run)
    return name if name is not None else _read_by_shape(run)


def read_list_forward(text: str, pos: int, gaz: Gazetteer) -> list[Name]:
    """A name, then more names joined by "dan"/"and"/"serta"/"&" when the next one is a name.

    "Pusat Vulkanologi dan Mitigasi Bencana Geologi" is one name: a right-hand side is glued back onto the
    left-hand side unless one side is known or outlet-shaped, or the right starts with an institution head
    noun or an article ("Ferry Herald and The Wharf").
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
        if nxt.entry or head in INSTITUTION_HEADS or head in ARTICLES or names[-1].entry or (
            nxt.looks_like_outlet() or names[-1].looks_like_outlet()
        ):
            names.append(nxt)
        else:
            prev = names[-1]
            surface = text[prev.start : nxt.end]
            names[-1] = Name(prev.start, nxt.end, surface, gaz.lookup(surface))
    return names


# --- Reading backwards -------------------------------------------------------------------------------
# What ends the clause a name list is read back in: punctuation, a full stop before a space, a dash.
_CLAUSE_END_RE = re.compile(r"[,;:!?()\[\]\"\u201c\u201d\u2018\n]|\.(?=\s)|\s[-\u2013\u2014]+\s")
# Adverbs that may stand between the names and the trigger ("Sinar Harian sebelum ini melaporkan").
_ADVERBS = frozenset(
    """both also first earlier previously had has have was were today yesterday last week juga pun telah sudah
    pernah turut sempat sebelum ini sebelumnya kemudian lantas hari kemarin semalam baru baru-baru
    dalam laporannya sama-sama bersama-sama masing-masing""".split()
)
# "Majalah Tempo edisi pekan ini memberitakan": the edition is not part of the name.
_EDITION_RE = re.compile(r"\s+edisi\b[^,.;\n]{0,40}$")
# Descriptors after a name ("the Reuters news agency reported"): not part of the name.
_DESCRIPTORS = frozenset({"newspaper", "daily", "broadcaster", "website", "magazine", "outlet", "agency", "tabloid",
                          "weekly", "paper", "network", "podcast", "programme", "program", "show", "channel"})

# How far back from a trigger a name list may start, in characters: a clause, not a paragraph.
BACKWARD_REACH = 160
# At most this many adverbs are skipped between the names and the trigger ("sebelum ini", "both").
MAX_TRAILING_ADVERBS = 4
_Tokens = list[re.Match[str]]


def _clause_before(text: str, pos: int) -> tuple[int, str]:
    """The clause that ends at ``pos``, as (start offset, text): from the last clause end (comma,
    bracket, quote, full stop, dash) within BACKWARD_REACH, and cut before an edition phrase
    ("Majalah Tempo edisi pekan ini memberitakan")."""
    lo = max(0, pos - BACKWARD_REACH)
    last = None
    for last in _CLAUSE_END_RE.finditer(text[lo:pos]):
        pass  # only the last clause end matters
    base = lo + (last.end() if last else 0)
    clause = text[base:pos]
    edition = _EDITION_RE.search(clause)
    return base, clause[: edition.start()] if edition else clause


def _drop_trailing_adverbs(toks: _Tokens) -> None:
    """Drop the adverbs between the names and the trigger, in place ("Sinar Harian sebelum ini
    melaporkan", "The Times and X both reported")."""
    for _ in range(MAX_TRAILING_ADVERBS):
        if not toks or toks[-1].group() not in _ADVERBS:
            return
        toks.pop()


def _drop_descriptor(toks: _Tokens) -> None:
    """Drop a trailing descriptor, in place: "the Reuters news agency reported", "The Daily Nation
    newspaper reported" -- the descriptor is not part of the name.  A lone word is kept."""
    if len(toks) >= 2 and toks[-1].group() in _DESCRIPTORS:  # "Sin Chew Daily" keeps its "Daily"
        toks.pop()
        if len(toks) >= 2 and toks[-1].group() == "news":
            toks.pop()


@dataclass
class _BackScan:
    """The cursor of a backward scan: token ``i`` is being looked at, ``cur`` is the name being
    built (in text order) and ``groups`` the names already complete (in text order)."""

    toks: _Tokens
    gaz: Gazetteer
    i: int
    cur: _Tokens = field(default_factory=list)
    groups: list[_Tokens] = field(default_factory=list)

    @property
    def word(self) -> str:
        """The text of the token being looked at."""
        return self.toks[self.i].group()


def _is_name_word(s: _BackScan) -> bool:
    """A word that may be part of a name, or a known name itself ("detikcom")."""
    return is_namey(s.word) or s.gaz.lookup(s.word) is not None


def _is_inner_connector(s: _BackScan) -> bool:
    """"of" in "Bank of England": a connector with name words on both sides."""
    return s.word in CONNECTORS and bool(s.cur) and s.i > 0 and is_namey(s.toks[s.i - 1].group())


def _is_leading_article(s: _BackScan) -> bool:
    """"the" before a name ("... and the Daily Telegraph")."""
    return s.word in ARTICLES and bool(s.cur)


def _is_list_word(s: _BackScan) -> bool:
    """"dan"/"and" before a name: the name is complete, another may precede it."""
    return s.word in LIST_WORDS and bool(s.cur)


# Descriptor words between a list word and the next name ("X and public broadcaster NHK reported"): skipped.
_GAP_WORDS = _DESCRIPTORS | frozenset(
    """public state state-run private local national regional news agency television broadcaster media
    kantor berita harian stasiun televisi akhbar stesen""".split()
)


def _descriptor_gap_end(s: _BackScan) -> int | None:
    """Index of the list word before a run of descriptor words ending at the current token, if any."""
    if not s.cur:
        return None
    j = s.i
    while j >= 0 and s.toks[j].group() in _GAP_WORDS:
        j -= 1
    return j if 0 <= j < s.i and s.toks[j].group() in LIST_WORDS else None


def _is_descriptor_gap(s: _BackScan) -> bool:
    """"public broadcaster" between "and" and "NHK": descriptors of the next name, not a clause."""
    return s.word in _GAP_WORDS and _descriptor_gap_end(s) is not None


def _skip_gap(s: _BackScan) -> None:
    """Skip the descriptors; the scan goes on at the list word."""
    end = _descriptor_gap_end(s)
    s.i = (end if end is not None else s.i) + 1


def _take(s: _BackScan) -> None:
    """The token belongs to the name being built."""
    s.cur.insert(0, s.toks[s.i])


def _close(s: _BackScan) -> None:
    """The name being built is complete."""
    s.groups.insert(0, s.cur)
    s.cur = []


# What each token does to a backward scan, first matching test wins; a token no test matches ends
# the scan (a lower-case word, or a connector, article or list word with no name after it).
_BACKWARD_RULES: tuple[tuple[Callable[[_BackScan], bool], Callable[[_BackScan], None]], ...] = (
    (_is_name_word, _take),
    (_is_inner_connector, _take),
    (_is_leading_article, _take),
    (_is_list_word, _close),
    (_is_descriptor_gap, _skip_gap),
)


def _step_back(s: _BackScan) -> bool:
    """Apply the first matching rule to the current token; False when none matches."""
    for test, action in _BACKWARD_RULES:
        if test(s):
            action(s)
            return True
    return False


def _scan_back(toks: _Tokens, gaz: Gazetteer) -> tuple[list[_Tokens], bool]:
    """The token groups of the names that end the token list (in text order), and whether the scan
    reached the first token."""
    s = _BackScan(toks, gaz, len(toks) - 1)
    while s.i >= 0 and _step_back(s):
        s.i -= 1
    if s.cur:
        s.groups.insert(0, s.cur)
    return s.groups, s.i < 0


def _known_tail(grp: _Tokens, clause: str, base: int, gaz: Gazetteer) -> Name | None:
    """The longest gazetteer spelling that ends the group ("Namun Reuters" -> "Reuters")."""
    for k in range(len(grp)):
        lo, hi = grp[k].start(), grp[-1].end()
        entry = gaz.lookup(clause[lo:hi])
        if entry is not None:
            return Name(base + lo, base + hi, clause[lo:hi], entry)
    return None


def _group_name(grp: _Tokens, clause: str, base: int, gaz: Gazetteer) -> Name | None:
    """The name a token group spells: its longest known tail, else the group without leading
    connectors and sentence openers ("Namun", "However"); None when nothing is left."""
    while grp and grp[0].group() in CONNECTORS:
        grp = grp[1:]
    known = _known_tail(grp, clause, base, gaz)
    if known is not None:
        return known
    while grp and grp[0].group() in OPENERS:
        grp = grp[1:]
    if not grp:
        return None
    lo, hi = grp[0].start(), grp[-1].end()
    return Name(base + lo, base + hi, clause[lo:hi], None)


def read_list_backward(text: str, pos: int, gaz: Gazetteer) -> tuple[list[Name], bool]:
    """Names ending just before ``pos`` ("Reuters dan AFP" + " melaporkan").

    Returns the names (in text order) and whether the run reaches the start of its clause (so no
    lower-case words such as "tempatan" sit between the clause start and the names).
    """
    base, clause = _clause_before(text, pos)
    toks = list(TOKEN_RE.finditer(clause))
    _drop_trailing_adverbs(toks)
    _drop_descriptor(toks)
    groups, at_clause_start = _scan_back(toks, gaz)
    names = [_group_name(grp, clause, base, gaz) for grp in groups]
    return [name for name in names if name is not None], at_clause_start
