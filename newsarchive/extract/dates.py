"""Date helpers shared by the metadata cascade: parse the many ways pages write a date, fast.

The common cases (ISO 8601 in meta tags and JSON-LD, numeric dates, "24 Oktober 2022 | 14:05 WIB",
"October 24, 2022 2:05 pm EDT", relative "2 jam lalu") are handled by precompiled regular expressions;
``dateparser`` is only a cached fallback for short strings, because it costs milliseconds per call.

Every parser returns a :class:`ParsedDate` (or None): the datetime, whether a time of day and a UTC
offset were actually written, and :meth:`ParsedDate.iso` renders exactly what is known -
``2022-10-25T14:05:00+07:00``, ``2022-10-25T14:05:00`` or ``2022-10-25``.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from newsarchive.langpacks import UNIT_SECONDS, alternation, month_numbers, table, words

log = logging.getLogger(__name__)

MIN_YEAR = 1990  # nothing on the web we archive is older; earlier years are copyright lines or junk
MAX_FUTURE = timedelta(days=2)  # a publication date after the fetch (plus time-zone slack) is wrong


@dataclass(frozen=True)
class ParsedDate:
    """A parsed date. ``dt`` is aware when ``has_tz``; otherwise naive (wall-clock as written)."""

    dt: datetime
    has_time: bool = False
    has_tz: bool = False

    def iso(self) -> str:
        if not self.has_time:
            return self.dt.date().isoformat()
        return self.dt.isoformat(timespec="seconds")

    @property
    def day(self) -> date:
        return self.dt.date()

    def with_offset(self, offset: timedelta) -> "ParsedDate":
        """The same wall-clock time relabelled with another UTC offset (for sites that mislabel local time)."""
        return ParsedDate(self.dt.replace(tzinfo=timezone(offset)), self.has_time, True)


# --------------------------------------------------------------------------- month and zone tables

# Month names and their usual abbreviations in every language pack (data/languages/*.toml, ``[dates] months``),
# lower case, each with and without its accents ("märz", "marz"): a page's text may drop them, and the regexes
# below match the written word.
_MONTHS: dict[str, int] = month_numbers()


def _seconds(offset: str) -> int:
    """"+07:00" -> 25200; "-05:00" -> -18000 (the packs' shape of a UTC offset)."""
    sign = -1 if offset.startswith("-") else 1
    hours, minutes = offset[1:].split(":")
    return sign * (int(hours) * 3600 + int(minutes) * 60)


# Zone abbreviations seen next to visible times, from the packs ([dates] zones), with their offset in seconds.
_ZONES: dict[str, int] = {name: _seconds(offset) for name, offset in table("dates", "zones").items()}

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
# A zone name as written after a time. Those that are also words ("ist", "et", "est": "um 14:05 ist ...";
# [dates] capital_zones) count only in capitals; the others in any case ("14.05 wib", "09:00 pst").
_WORDLIKE_ZONES = frozenset(words("dates", "capital_zones"))
_ZONE_WORD = (rf"(?-i:{alternation(z.upper() for z in _WORDLIKE_ZONES)})(?![A-Za-z])"
              rf"|(?:{alternation(set(_ZONES) - _WORDLIKE_ZONES)})(?![a-z])")

# --------------------------------------------------------------------------- regular expressions

_ISO = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)"
    r"(?:[T\s]+(?P<H>[0-2]?\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z(?![a-z])|[+-][01]\d:?[0-5]\d|[+-][01]\d(?!\d)|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d\d)?)?"
    rf"|{_ZONE_WORD})?)?",  # "2022-10-25 14:05:00 WIB"
    re.I)
_COMPACT = re.compile(r"^(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:T?(?P<H>[0-2]\d)(?P<M>[0-5]\d)(?P<S>[0-5]\d)?)?"
                      r"(?P<tz>Z|[+-]\d\d:?\d\d)?$")
_ISO_SHAPED = re.compile(r"^\d{4}-\d")  # an ISO-looking string that failed is junk, not a job for dateparser
# dateparser is worth its cost only on a short string with a year and a word (a month name we do not know).
_DP_WORTHY = re.compile(r"(?=.*(?<!\d)(?:19|20)\d\d(?!\d))(?=.*[^\W\d_]{3})")
_EPOCH = re.compile(r"^1\d{9}(?:\d{3})?$")  # seconds or milliseconds since 1970 (2001..2286)

_YMD = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)(?![\d])")
_DMY = re.compile(r"(?<![\d/.:-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)?\d\d)(?![\d/.-]?\d)")
_D_MON_Y = re.compile(
    rf"(?<![\w])(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+|-)?(?P<mon>{_MONTH_ALT})\.?,?\s*(?:de\s+|del\s+|-)?"
    rf"(?P<y>(?:19|20)\d\d)(?!\d)", re.I)
_MON_D_Y = re.compile(
    rf"(?<![\w])(?P<mon>{_MONTH_ALT})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I)
_Y_MON_D = re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d\d)\s+(?P<mon>{_MONTH_ALT})\.?\s+(?P<d>[0-3]?\d)(?!\d)", re.I)
_CJK = re.compile(r"(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)\s*[日일]?")
# A time of day, optionally with seconds, am/pm and a zone: "14:05", "14.05 WIB", "2:05 pm EDT", "um 14:05 Uhr".
_TIME = re.compile(
    r"(?<![\d.:])(?P<H>[0-2]?\d)(?P<sep>[:.h])(?P<M>[0-5]\d)(?:(?P=sep)(?P<S>[0-5]\d))?(?![\d])"
    rf"(?:\s*(?P<ampm>[ap]\.?\s?m\.?)(?![a-z]))?(?:\s*(?:{alternation(words('dates', 'clock_words'))})\b)?"
    rf"(?:\s*\(?(?P<zone>(?:{_ZONE_WORD})(?:\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?|[+-][01]\d:?[0-5]\d)\)?)?",
    re.I)
# Relative times, in the words of every pack: a count ("2", "se", "un'"), a unit ("jam", "Minuten"), and a word
# after ("lalu", "ago") or before ("vor", "hace") that makes it past; or a day word ("kemarin", "hari ini").
# Every unit is a whole word (what the pack says it means is looked up as written, not by its stem).
_UNIT_SECONDS = {word: UNIT_SECONDS[unit] for word, unit in table("dates", "relative_units").items()}
_REL_UNITS = alternation(_UNIT_SECONDS)
_ONE = alternation(words("dates", "relative_one"))
_YESTERDAY = frozenset(words("dates", "yesterday_words"))
_RELATIVE = re.compile(
    # "2 jam (yang) lalu", "3 hours ago", "3 ore fa", "3 uur geleden"; never inside a word ("Indian hours")
    rf"(?<!\w)(?P<n>\d+|{_ONE})\s*(?P<unit>{_REL_UNITS})\s+(?:{alternation(words('dates', 'ago_words'))})\b"
    # "vor 5 Minuten", "hace 3 horas", "há 3 horas", "il y a 3 heures"
    rf"|(?<!\w)(?:{alternation(words('dates', 'ago_prefixes'))})\s+(?P<n2>\d+|{_ONE})\s+(?P<unit2>{_REL_UNITS})\b"
    # "kemarin", "ieri", "oggi": whole words only ("Ranieri", "Bayer", "Poggi" are not dates)
    rf"|(?<!\w)(?P<word>{alternation(_YESTERDAY | set(words('dates', 'today_words')))})\b",
    re.I)

# Clock times in Japanese, Chinese and Korean notation, rewritten to the form _TIME reads.
_CJK_CLOCK = re.compile(r"(?P<h>[0-2]?\d)\s*[時时시]\s*(?P<m>[0-5]?\d)\s*[分분]")
_CJK_HALF = re.compile(r"(?P<half>午前|午後|上午|下午|오전|오후)\s*(?P<t>[01]?\d:[0-5]\d)")
_PM = frozenset({"午後", "下午", "오후"})


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u200b", "")
    if "時" in text or "时" in text or "시" in text or "午" in text or "오" in text:
        text = _CJK_CLOCK.sub(lambda m: f"{int(m.group('h'))}:{int(m.group('m')):02d}", text)
        text = _CJK_HALF.sub(lambda m: f"{m.group('t')} {'pm' if m.group('half') in _PM else 'am'}", text)
    return " ".join(text.split())


def _tz_from(spec: str | None) -> timezone | None:
    """``Z``, ``+0700``, ``+07:00``, ``+07``, ``WIB``, ``GMT+7``, ``UTC+05:30`` -> a fixed offset."""
    if not spec:
        return None
    s = spec.strip().lower().replace(" ", "")
    m = re.fullmatch(r"([a-z]*)([+-])(\d{1,2}):?(\d\d)?", s)
    if m:
        if m.group(1) and m.group(1) not in ("utc", "gmt", "ut", "z"):
            return _tz_from(m.group(1)) if m.group(1) in _ZONES else None  # "WIB+7" is WIB, not +14
        base = _ZONES.get(m.group(1), 0) if m.group(1) else 0
        sign = 1 if m.group(2) == "+" else -1
        hours, minutes = int(m.group(3)), int(m.group(4) or 0)
        if hours > 14 or minutes >= 60:
            return None
        return timezone(timedelta(seconds=base + sign * (hours * 3600 + minutes * 60)))
    if s in _ZONES:
        return timezone(timedelta(seconds=_ZONES[s]))
    return None


def _make(y: int, m: int, d: int, hh: int | None = None, mm: int | None = None, ss: int | None = None,
          tz: timezone | None = None) -> ParsedDate | None:
    if y < 100:
        y += 2000 if y < 50 else 1900
    try:
        if hh is None:
            return ParsedDate(datetime(y, m, d))
        dt = datetime(y, m, d, hh, mm or 0, ss or 0, tzinfo=tz)
    except ValueError:  # month 13, 31 February, hour 25 ...
        return None
    return ParsedDate(dt, True, tz is not None)


def plausible(p: ParsedDate | None, fetched_at: datetime | None = None) -> bool:
    """Reject impossible dates: before 1990 or (well) after the fetch time (now when unknown)."""
    if p is None or p.dt.year < MIN_YEAR:
        return False
    ref = fetched_at or datetime.now(timezone.utc)
    limit = (ref.replace(tzinfo=None) if ref.tzinfo else ref) + MAX_FUTURE
    return p.dt.replace(tzinfo=None) <= limit


# --------------------------------------------------------------------------- parsers

def parse_iso(text: str) -> ParsedDate | None:
    """ISO 8601 and its web variants: ``2022-10-25``, ``2022-10-25T14:05:00.123+0700``, ``2022-10-25 14:05 UTC``,
    ``20221025T140500Z``, epoch seconds/milliseconds. Only the start of ``text`` is read."""
    s = text.strip()
    if not s:
        return None
    if _EPOCH.match(s):
        secs = int(s[:10])
        return ParsedDate(datetime.fromtimestamp(secs, timezone.utc), True, True)
    m = _ISO.match(s) or _COMPACT.match(s)
    if not m:
        return None
    g = m.groupdict()
    if g.get("H") is None:
        return _make(int(g["y"]), int(g["m"]), int(g["d"]))
    return _make(int(g["y"]), int(g["m"]), int(g["d"]), int(g["H"]), int(g["M"]), int(g["S"] or 0), _tz_from(g["tz"]))


# What may separate a date from its time: punctuation and "um"/"pukul"/"at"; or, time first, a day name.
_TIME_WORDS = alternation(words("dates", "time_words"), any_space=False)  # "um", "pukul", "at" ([dates] time_words)
_GAP_AFTER = re.compile(rf"[\s,.|\-–—/@()•·:T]*(?:{_TIME_WORDS})?[\s,|\-–—/()•·:]*", re.I)
_GAP_BEFORE = re.compile(r"[\s,|\-–—/()•·]*(?:[a-zA-Z'’]{2,9}\.?)?[\s,|\-–—/()•·]*")


def _time_after(text: str, start: int, window: int = 40) -> tuple[int, int, int, timezone | None] | None:
    """A time of day written just after a date ("24 Oktober 2022 | 14:05 WIB", "Oct 5, 2022, 2:05 p.m. ET")."""
    seg = text[start:start + window]
    m = _TIME.search(seg)
    if not m or not _GAP_AFTER.fullmatch(seg[:m.start()]):
        return None
    return _hms(m)


def _time_before(text: str, end: int, window: int = 30) -> tuple[int, int, int, timezone | None] | None:
    """A time written before the date ("14:05 WIB, 24 Oktober 2022", "2:05 PM ET, Mon October 24, 2022")."""
    seg = text[max(0, end - window):end]
    last = None
    for last in _TIME.finditer(seg):
        pass
    if last is None or not _GAP_BEFORE.fullmatch(seg[last.end():]):
        return None
    return _hms(last)


def _hms(m: re.Match) -> tuple[int, int, int, timezone | None] | None:
    hh, mm, ss = int(m.group("H")), int(m.group("M")), int(m.group("S") or 0)
    ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm:
        if hh > 12 or hh == 0:
            return None
        hh = hh % 12 + (12 if ampm == "pm" else 0)
    if hh > 23:
        return None
    # "14.05" is accepted without a zone: it is only read right next to a date, where it is a time.
    return hh, mm, ss, _tz_from(m.group("zone"))


def _month(name: str) -> int | None:
    n = name.lower().rstrip(".")
    return _MONTHS.get(n) or _MONTHS.get(unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode())


def find_dates(text: str, *, month_first: bool = False, limit: int = 5) -> list[tuple[int, ParsedDate]]:
    """Every date written in ``text`` (with its time of day when one is adjacent), as (position, date), in order.

    ``month_first`` resolves ambiguous numeric dates such as 04/05/2022 the US way.
    """
    s = _clean(text)
    found: list[tuple[int, int, ParsedDate]] = []
    taken: list[tuple[int, int]] = []

    def overlaps(a: int, b: int) -> bool:
        return any(a < y and x < b for x, y in taken)

    def add(m: re.Match, y: int, mo: int | None, d: int) -> None:
        if mo is None or overlaps(m.start(), m.end()):
            return
        t = _time_after(s, m.end()) or _time_before(s, m.start())
        p = _make(y, mo, d, *t) if t else _make(y, mo, d)
        if p is None and t:
            p = _make(y, mo, d)
        if p is not None:
            found.append((m.start(), m.end(), p))
            taken.append((m.start(), m.end()))

    for m in _ISO.finditer(s):
        p = parse_iso(m.group(0))
        if p and not overlaps(m.start(), m.end()):
            if not p.has_time:
                t = _time_after(s, m.end())
                if t:
                    p = _make(p.dt.year, p.dt.month, p.dt.day, *t) or p
            found.append((m.start(), m.end(), p))
            taken.append((m.start(), m.end()))
    for m in _CJK.finditer(s):
        add(m, int(m.group("y")), int(m.group("m")), int(m.group("d")))
    for m in _D_MON_Y.finditer(s):
        add(m, int(m.group("y")), _month(m.group("mon")), int(m.group("d")))
    for m in _MON_D_Y.finditer(s):
        add(m, int(m.group("y")), _month(m.group("mon")), int(m.group("d")))
    for m in _Y_MON_D.finditer(s):
        add(m, int(m.group("y")), _month(m.group("mon")), int(m.group("d")))
    for m in _YMD.finditer(s):
        add(m, int(m.group("y")), int(m.group("m")), int(m.group("d")))
    for m in _DMY.finditer(s):
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        if len(y) == 2 and m.group("sep") != ".":
            # "24/10/22" is fine, but two-digit years with "-" or "/" are often scores or fractions: need a time
            if not (_time_after(s, m.end()) or _time_before(s, m.start())):
                continue
        d, mo = (b, a) if (month_first and a <= 12 and b <= 31) or (b > 12 and a <= 12) else (a, b)
        add(m, int(y), mo, d)
    found.sort(key=lambda x: x[0])
    return [(start, p) for start, _, p in found[:limit]]


_ZONE_AFTER = re.compile(rf"(?::\d\d)?\s*\(?(?P<zone>{_ZONE_WORD})", re.I)


def zone_shown(text: str, when: datetime, local_only: bool = False) -> timezone | None:
    """The zone a page prints beside the wall-clock time of ``when`` ("14:05 WIB"), or None; with
    ``local_only``, the first that is not UTC (the page's own "14:05:00Z" is what is in doubt). How a structured
    stamp written without a zone, or with a wrong "Z", learns the real one. Plain substring search finds the
    time (a regex scan of a whole page costs milliseconds); the zone is then matched where it stands."""
    hh, mm = when.hour, when.minute
    day = (when.year, when.month, when.day)
    found: list[tuple[int, timezone]] = []
    for needle in {f"{hh:02d}:{mm:02d}", f"{hh}:{mm:02d}", f"{hh:02d}.{mm:02d}", f"{hh}.{mm:02d}"}:
        at = text.find(needle)
        while at != -1:
            if not (at and text[at - 1] in "0123456789:."):
                m = _ZONE_AFTER.match(text, at + len(needle))
                tz = _tz_from(m.group("zone")) if m else None
                # Only a date line of that day and time counts ("24 Oktober 2022 14:05 WIB"): a bare "pukul
                # 07.00 WIB" in the story or "15.30 BST" heading a live-blog entry is some other moment.
                end = at + len(needle)
                if tz is not None and not (local_only and tz.utcoffset(None) == timedelta(0)) and \
                        any((p.dt.year, p.dt.month, p.dt.day, p.dt.hour, p.dt.minute) == day + (hh, mm)
                            and p.has_time for _, p in find_dates(text[max(0, at - 60):end + 12], limit=3)):
                    found.append((at, tz))
                    break
            at = text.find(needle, at + 1)
    return min(found, key=lambda f: f[0])[1] if found else None


def parse_relative(text: str, fetched_at: datetime | None) -> ParsedDate | None:
    """"2 jam lalu", "3 hours ago", "vor 5 Minuten", "hace 3 horas", "kemarin", "hari ini, 10:05 WIB" against
    the fetch time (None when unknown)."""
    if fetched_at is None:
        return None
    m = _RELATIVE.search(text)
    if not m:
        return None
    if m.group("word"):
        days = 1 if " ".join(m.group("word").lower().split()) in _YESTERDAY else 0
        clock = _time_after(text, m.end())
        if clock is None:  # "kemarin": the day only
            return ParsedDate(datetime.combine((fetched_at - timedelta(days=days)).date(), datetime.min.time()))
        hh, mm, ss, tz = clock  # "hari ini, 10:05 WIB": that day in that zone, at that time
        local = fetched_at.astimezone(tz) if tz is not None and fetched_at.tzinfo is not None else fetched_at
        day = (local - timedelta(days=days)).date()
        return ParsedDate(datetime(day.year, day.month, day.day, hh, mm, ss, tzinfo=tz), True, tz is not None)
    n_raw = (m.group("n") or m.group("n2") or "1").lower()
    n = int(n_raw) if n_raw.isdigit() else 1
    secs = _UNIT_SECONDS.get((m.group("unit") or m.group("unit2")).lower())
    if secs is None:  # a unit whose lower case is not how the pack writes it
        return None
    when = fetched_at - timedelta(seconds=n * secs)
    if secs >= 86400:  # "3 days ago" knows the day, not the time
        return ParsedDate(datetime.combine(when.date(), datetime.min.time()))
    return ParsedDate(when, True, when.tzinfo is not None)


@lru_cache(maxsize=1)
def _dateparser_languages() -> frozenset[str]:
    try:
        from dateparser.languages.loader import default_loader
        return frozenset(default_loader.get_locale_map().keys())
    except Exception:  # dateparser internals moved: fall back to the languages we see most
        return frozenset({"en", "de", "fr", "es", "it", "pt", "nl", "id", "ms", "ru", "pl", "tr", "sv", "no", "da",
                          "fi", "cs", "ja", "zh", "ko", "vi", "ar", "el", "hu", "ro", "uk"})


@lru_cache(maxsize=2048)
def _dateparser(text: str, languages: tuple[str, ...] | None) -> ParsedDate | None:
    try:
        import dateparser
    except ImportError:  # optional at run time: the regex paths cover the common cases
        return None
    try:
        settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                    "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True}
        known = [x for x in (languages or ()) if x in _dateparser_languages()]
        if not known:
            return None
        dt = dateparser.parse(text, languages=known, settings=settings)
    except Exception:  # dateparser raises assorted errors on junk input
        log.debug("dateparser failed on %r", text)
        return None
    if dt is None:
        return None
    has_time = bool(re.search(r"\d[:h.]\d\d", text))
    return ParsedDate(dt if has_time else datetime(dt.year, dt.month, dt.day), has_time, dt.tzinfo is not None)


def warm_up() -> None:
    """Pay dateparser's one-time set-up (its locale tables and shared patterns, ~0.2 s) now rather than on
    the first page that needs it; each further language then costs some 20 ms on first use."""
    _dateparser("1 January 2020", ("en",))
    _dateparser("1 Januari 2020", ("id",))


def parse_date(text: str | None, *, fetched_at: datetime | None = None, month_first: bool = False,
               languages: tuple[str, ...] | None = None, fallback: bool = True) -> ParsedDate | None:
    """Parse one date string (a meta value, a ``datetime`` attribute, a visible date line).

    Tries ISO, then written dates, then relative times, and finally ``dateparser`` on short strings.
    Impossible dates are rejected (None).
    """
    if not text:
        return None
    s = _clean(str(text))[:300]
    if not s:
        return None
    p = parse_iso(s)
    if p is None or not plausible(p, fetched_at):
        hits = find_dates(s, month_first=month_first, limit=3)
        p = next((q for _, q in hits if plausible(q, fetched_at)), None)
    if p is None:
        p = parse_relative(s, fetched_at)
    if p is None and fallback and languages and 6 <= len(s) <= 60 and _DP_WORTHY.search(s) and not _ISO_SHAPED.match(s):
        p = _dateparser(s, languages)
    return p if plausible(p, fetched_at) else None


_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)[/_-]?(?P<m>[01]\d)[/_-]?(?P<d>[0-3]\d)(?:/|[_-]|$)"
    r"|/(?P<y2>(?:19|20)\d\d)/(?P<m2>[01]?\d)/(?P<d2>[0-3]?\d)/"
    r"|/(?P<d3>[0-3]\d)/(?P<m3>[01]\d)/(?P<y3>(?:19|20)\d\d)/")
_URL_SHORT = re.compile(r"/(?P<y>\d\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)/")


def date_from_url(url: str, fetched_at: datetime | None = None) -> ParsedDate | None:
    """A publication day written in the URL path: /2022/10/25/, /20221025/, /2022-10-25-slug, /25/10/2022/."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "", flags=re.I)
    for m in _URL_DATE.finditer(path):
        g = m.groupdict()
        suffix = "" if g["y"] else "2" if g["y2"] else "3"
        y, mo, d = g["y" + suffix], g["m" + suffix], g["d" + suffix]
        p = _make(int(y), int(mo), int(d))
        if plausible(p, fetched_at):
            return p
    m = _URL_SHORT.search(path)  # republika-style /16/02/15/ (yy/mm/dd)
    if m:
        p = _make(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if plausible(p, fetched_at):
            return p
    return None
