"""Table-driven tests of the date helpers (newsarchive.extract.dates)."""
from datetime import datetime, timezone

import pytest

from newsarchive.extract.dates import date_from_url, find_dates, parse_date, parse_iso

FETCHED = datetime(2022, 10, 26, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, expected", [
    # ISO 8601 and its web variants
    ("2022-10-25", "2022-10-25"),
    ("2022-10-25T14:05:00+07:00", "2022-10-25T14:05:00+07:00"),
    ("2022-10-25T14:05:00+0700", "2022-10-25T14:05:00+07:00"),
    ("2022-10-25T14:05:00.123Z", "2022-10-25T14:05:00+00:00"),
    ("2022-10-25 14:05:00", "2022-10-25T14:05:00"),
    ("2022-10-25 14:05 UTC", "2022-10-25T14:05:00+00:00"),
    ("20221025", "2022-10-25"),
    ("1666701900", "2022-10-25T12:45:00+00:00"),
    # Indonesian, first-class
    ("Senin (24/10/2022)", "2022-10-24"),
    ("24 Oktober 2022 | 14:05 WIB", "2022-10-24T14:05:00+07:00"),
    ("Senin, 24 Okt 2022 14.05 wib", "2022-10-24T14:05:00+07:00"),
    ("Jum'at, 05 Nopember 2015 - 14:56 WIB", "2015-11-05T14:56:00+07:00"),
    ("Selasa, 16 Februari 2016 | 13:01 WIB", "2016-02-16T13:01:00+07:00"),
    ("17 Agt 2022, 09:30 WITA", "2022-08-17T09:30:00+08:00"),
    ("3 Des 2021 20:00 WIT", "2021-12-03T20:00:00+09:00"),
    ("14:05 WIB, 24 Oktober 2022", "2022-10-24T14:05:00+07:00"),
    ("2022-10-25 14:05:00 WIB", "2022-10-25T14:05:00+07:00"),   # a zone name after an ISO time
    ("2022-10-25 14:05 wita", "2022-10-25T14:05:00+08:00"),
    ("17 Agust 2022", "2022-08-17"),
    ("5 Febuari 2022", "2022-02-05"),
    # Other languages
    ("October 24, 2022 2:05 pm EDT", "2022-10-24T14:05:00-04:00"),
    ("5. März 2021, 12:30 Uhr", "2021-03-05T12:30:00"),
    ("Dienstag, 10.10.2023, 14:05", None),  # after the fetch time: rejected
    ("24 de octubre de 2022", "2022-10-24"),
    ("23 mai 2019", "2019-05-23"),
    ("24.10.2022", "2022-10-24"),
    # month names from the language packs (data/languages/*.toml), including packs with nothing else
    ("5 maja 2022, 14:05", "2022-05-05T14:05:00"),                # Polish genitive
    ("12 Ekim 2021", "2021-10-12"),                               # Turkish
    ("3 martie 2021", "2021-03-03"),                              # Romanian
    ("17. Jänner 2022", "2022-01-17"),                            # Austrian German
    ("1 Ogos 2022", "2022-08-01"),                                # Malay
    ("12/25/2021", "2021-12-25"),
    # lower-case zone abbreviations that are words: German "ist", French "et" are no time zones
    ("Am 25.10.2022 um 14:05 ist die Sitzung", "2022-10-25T14:05:00"),
    ("2022-10-25 14:05 et 15:00", "2022-10-25T14:05:00"),
    ("25 octobre 2022 14:05 EST", "2022-10-25T14:05:00-05:00"),
    ("5 Oct 2022 09:00 pst", "2022-10-05T09:00:00-08:00"),       # other zone names in any case
    ("12 Mei 2022 09:00 WIB+7", "2022-05-12T09:00:00+07:00"),    # a named zone's own offset, not +14
    ("2021年3月5日", "2021-03-05"),
    ("2021年3月5日 15時40分", "2021-03-05T15:40:00"),             # CJK clock notation
    ("2021.03.05. 오후 3:05", "2021-03-05T15:05:00"),              # Korean afternoon
    ("2021년 3월 5일 오전 10시 32분", "2021-03-05T10:32:00"),
])
def test_parse_date(text, expected):
    p = parse_date(text, fetched_at=FETCHED)
    assert (p.iso() if p else None) == expected


@pytest.mark.parametrize("text", [
    "", "hello", "2022-13-01", "3000-01-01", "1985-06-01", "31.02.2020", "25:61", "Version 2.3.1",
    "Page 1 of 12", "Copyright 2021",
])
def test_parse_date_rejects_junk_and_impossible(text):
    assert parse_date(text, fetched_at=FETCHED) is None


@pytest.mark.parametrize("text, expected", [
    ("2 jam lalu", "2022-10-26T10:00:00+00:00"),
    ("30 menit yang lalu", "2022-10-26T11:30:00+00:00"),
    ("3 hours ago", "2022-10-26T09:00:00+00:00"),
    ("vor 5 Minuten", "2022-10-26T11:55:00+00:00"),
    ("2 hari lalu", "2022-10-24"),
    ("kemarin", "2022-10-25"),
    ("2 minggu lalu", "2022-10-12"),                        # weeks, not minutes
    ("hari ini, 10:05 WIB", "2022-10-26T10:05:00+07:00"),   # today in that zone, at that time
    ("Kemarin, 21:30", "2022-10-25T21:30:00"),
    ("Publicado hace 3 horas", "2022-10-26T09:00:00+00:00"),
    ("há 2 dias", "2022-10-24"),
    ("il y a 45 minutes", "2022-10-26T11:15:00+00:00"),
    ("3 ore fa", "2022-10-26T09:00:00+00:00"),
    ("3 uur geleden", "2022-10-26T09:00:00+00:00"),
    ("2 weken geleden", "2022-10-12"),
    ("un’ora fa", "2022-10-26T11:00:00+00:00"),              # typographic apostrophe
    ("il y a 30 secondes", "2022-10-26T11:59:30+00:00"),
])
def test_relative_dates_use_fetch_time(text, expected):
    assert parse_date(text, fetched_at=FETCHED).iso() == expected


@pytest.mark.parametrize("text", [
    "Claudio Ranieri", "Bayer Leverkusen", "Friday prayer", "Marco Poggi",  # "ieri", "ayer", "oggi" inside words
    "pengusaha 2 bulan", "Indian hours ago",
])
def test_relative_words_only_as_whole_words(text):
    assert parse_date(text, fetched_at=FETCHED) is None


def test_relative_dates_need_a_fetch_time():
    assert parse_date("2 jam lalu") is None


def test_month_first_resolves_ambiguous_numeric_dates():
    assert parse_date("04/05/2022").iso() == "2022-05-04"
    assert parse_date("04/05/2022", month_first=True).iso() == "2022-04-05"


def test_parse_iso_reads_only_iso():
    assert parse_iso("24 Oktober 2022") is None
    assert parse_iso("2022-10-25T14:05").has_time


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/2022/10/25/some-story", "2022-10-25"),
    ("https://example.com/news/2022-10-25-some-story", "2022-10-25"),
    ("https://example.com/read/2015/11/05/481/1244264/x", "2015-11-05"),
    ("https://example.com/berita/16/02/15/o2l07x284-slug", "2016-02-15"),
    ("https://example.com/story/123456", None),
    ("https://example.com/2022/13/45/x", None),
])
def test_date_from_url(url, expected):
    p = date_from_url(url, FETCHED)
    assert (p.iso() if p else None) == expected


def test_find_dates_in_order_with_positions():
    hits = find_dates("Diterbitkan 24 Oktober 2022, diperbarui 25 Oktober 2022 10:00 WIB")
    assert [p.iso() for _, p in hits] == ["2022-10-24", "2022-10-25T10:00:00+07:00"]
    assert hits[0][0] < hits[1][0]
