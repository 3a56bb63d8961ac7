"""Language packs (data/languages/*.toml): every file follows the schema, a typo is an error, the byline
labels they hold are what the author extractor strips (Blogger's own label in each of its languages), and their
date words are what the date extractor reads (every label, every month name)."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from lxml import etree

from newsarchive.document import Document
from newsarchive.extract.body import extract_body
from newsarchive.extract.body_blocks import Chunk
from newsarchive.extract.body_render import RULE_BY_NAME, keep_chunk, refused_by
from newsarchive.extract import authors
from newsarchive.extract.authors import clean_authors, split_byline
from newsarchive.extract.dates import find_dates, parse_date, parse_relative
from newsarchive.extract.metadata import extract_metadata
from newsarchive.langpacks import PACKS_DIR, SCHEMA, UNIT_SECONDS, PackError, load_packs, month_numbers, table, words

FETCHED = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
TWELVE = "[" + ", ".join(f"['m{i}']" for i in range(1, 13)) + "]"  # a valid dates.months value


def test_every_pack_follows_the_schema():
    packs = load_packs()
    assert {"id", "en", "ms", "de", "no"} <= set(packs)
    assert all(code.isalpha() and len(code) == 2 for code in packs)  # ISO 639-1 file names


@pytest.mark.parametrize("text, error", [
    ("[byline]\nlabel = ['oleh']\n", "unknown key byline.label"),
    ("[bylines]\nlabels = ['oleh']\n", "unknown section [bylines]"),
    ("[byline]\nlabels = 'oleh'\n", "must be a list of words"),
    ("[byline]\nlabels = ['oleh', '']\n", "must be a list of words"),
    ("[dates]\npublished_label = ['datum']\n", "unknown key dates.published_label"),
    ("[dates]\nmodified_labels = 'stand'\n", "language pack xx: dates.modified_labels must be a list of words"),
    ("[dates]\nmodified_words = [['update']]\n", "dates.modified_words must be a list of words"),
    ("[dates]\nmonths = ['januar', 'februar']\n", "language pack xx: dates.months must be twelve lists of words"),
    ("[dates]\nmonths = " + TWELVE.replace("['m12']", "") .replace(", ]", "]") + "\n", "dates.months must be twelve"),
    ("[dates]\nmonths = " + TWELVE.replace("['m5']", "[]") + "\n", "dates.months must be twelve"),
    ("[dates]\nmonths = " + TWELVE.replace("['m5']", "['mai', ' ']") + "\n", "dates.months must be twelve"),
    ("[byline]\nconjunction = ['dan']\n", "unknown key byline.conjunction"),
    ("[byline]\nline_labels = { penulis = 'writer' }\n", "byline.line_labels must be a list of words"),
    ("[byline]\nplaceholders = 'redaksi'\n", "byline.placeholders must be a list of words"),
    ("[byline]\nwriter_labels = [['penulis']]\n", "byline.writer_labels must be a list of words"),
    ("[body]\ninsert_labels = ['baca juga']\n", "unknown key body.insert_labels"),
    ("[body]\nfurniture_words = ['iklan', '  ']\n", "body.furniture_words must be a list of words"),
    ("[dates]\nzones = ['wib']\n", "dates.zones must be a table of zone names to UTC offsets"),
    ("[dates]\nzones = { wib = 7 }\n", "dates.zones must be a table of zone names to UTC offsets"),
    ("[dates]\nzones = { wib = '+7:00' }\n", "dates.zones must be a table of zone names to UTC offsets"),
    ("[dates]\nzone = { wib = '+07:00' }\n", "unknown key dates.zone"),
    ("[dates]\nrelative_units = { jam = 'hours' }\n", "dates.relative_units must be a table of words to units"),
    ("[dates]\nrelative_units = ['jam']\n", "dates.relative_units must be a table of words to units"),
    ("[dates]\nago_words = 'lalu'\n", "dates.ago_words must be a list of words"),
    ("[dates]\ntoday_words = ['hari ini', 1]\n", "dates.today_words must be a list of words"),
])
def test_a_typo_in_a_pack_is_an_error(tmp_path, text, error):
    (tmp_path / "xx.toml").write_text(text, encoding="utf-8")
    with pytest.raises(PackError, match=error.replace("[", r"\[").replace("]", r"\]")):
        load_packs(tmp_path)


def test_a_month_name_that_is_two_months_is_an_error(tmp_path):
    (tmp_path / "xx.toml").write_text("[dates]\nmonths = " + TWELVE + "\n", encoding="utf-8")
    (tmp_path / "yy.toml").write_text("[dates]\nmonths = " + TWELVE.replace("'m2'", "'m1'") + "\n", encoding="utf-8")
    with pytest.raises(PackError, match="language pack yy: dates.months has 'm1' as month 2, pack xx as month 1"):
        month_numbers(tmp_path)


def test_a_pack_may_leave_keys_and_sections_out(tmp_path):
    (tmp_path / "xx.toml").write_text("[dates]\nmonths = " + TWELVE + "\n", encoding="utf-8")
    (tmp_path / "yy.toml").write_text("[byline]\nlabels = ['oleh']\n", encoding="utf-8")
    assert words("dates", "published_labels", tmp_path) == ()
    assert words("byline", "labels", tmp_path) == ("oleh",)
    assert month_numbers(tmp_path) == {f"m{i}": i for i in range(1, 13)}


def test_the_docs_example_is_a_valid_pack(tmp_path):
    doc = (Path(__file__).resolve().parent.parent / "docs" / "languages.md").read_text(encoding="utf-8")
    block = doc[doc.index("# Swahili."):]
    text = "\n".join(line.strip() for line in block[:block.index("```")].splitlines())
    (tmp_path / "sw.toml").write_text(text, encoding="utf-8")
    assert words("dates", "published_labels", tmp_path) == ("imechapishwa", "tarehe")
    assert month_numbers(tmp_path)["desemba"] == 12
    assert table("dates", "zones", tmp_path) == {"eat": "+03:00"}
    assert words("dates", "yesterday_words", tmp_path) == ("jana",)
    assert words("byline", "conjunctions", tmp_path) == ("na",)
    assert words("body", "furniture_openings", tmp_path) == ("soma zaidi", "soma pia")


def test_a_key_is_read_in_its_own_shape():
    with pytest.raises(PackError, match="dates.months"):
        words("dates", "months")
    with pytest.raises(PackError, match="dates.ago_words"):
        table("dates", "ago_words")


def test_a_zone_or_unit_with_two_meanings_is_an_error(tmp_path):
    (tmp_path / "xx.toml").write_text("[dates]\nzones = { ist = '+05:30' }\n", encoding="utf-8")
    (tmp_path / "yy.toml").write_text("[dates]\nzones = { IST = '+02:00' }\n", encoding="utf-8")
    with pytest.raises(PackError, match="language pack yy: dates.zones has 'ist' as \\+02:00, pack xx as \\+05:30"):
        table("dates", "zones", tmp_path)


def test_every_key_of_the_schema_is_documented():
    doc = (Path(__file__).resolve().parent.parent / "docs" / "languages.md").read_text(encoding="utf-8")
    for section, keys in SCHEMA.items():
        for key in keys:
            assert f"| `[{section}]` | `{key}` |" in doc, (section, key)


def test_a_new_language_is_a_new_file(tmp_path):
    (tmp_path / "sw.toml").write_text("[byline]\nlabels = ['Imeandikwa na']\n", encoding="utf-8")
    assert words("byline", "labels", tmp_path) == ("imeandikwa na",)
    assert "imeandikwa na" not in words("byline", "labels", PACKS_DIR)


@pytest.mark.parametrize("byline", ["Diposting oleh Anna Berger", "Posted by Anna Berger", "Eingestellt von Anna Berger",
                                    "Lagt inn av Anna Berger", "Dicatat oleh Anna Berger", "Gepost door Anna Berger",
                                    "Postado por Anna Berger", "Publié par Anna Berger", "Upplagd av Anna Berger"])
def test_bloggers_author_label_in_each_language_is_stripped(byline):
    assert clean_authors([byline]) == ["Anna Berger"]


def _pack_words(section: str, key: str) -> list[tuple[str, str]]:
    """(language, word) for every word of ``section.key`` in the shipped packs."""
    return [(code, w) for code, pack in sorted(load_packs().items()) for w in pack.get(section, {}).get(key, [])]


@pytest.mark.parametrize("byline, names", [
    ("Penulis: Dewi Kania dan Rudi Hartono | Editor: Rani Sari", ["Dewi Kania", "Rudi Hartono"]),  # Indonesian
    ("Pewarta: Dewi Kania Redaktur: Rani Sari", ["Dewi Kania"]),
    ("Text: Anna Fink und Max Weber / Foto: Jan Berg", ["Anna Fink", "Max Weber"]),  # German
    ("Texto: Ana Ruiz y Luis Gómez", ["Ana Ruiz", "Luis Gómez"]),  # Spanish
    ("Skrevet av Kari Nordmann og Ola Hansen", ["Kari Nordmann", "Ola Hansen"]),  # Norwegian
    ("BY JANE DOE AND JOHN ROE", ["JANE DOE", "JOHN ROE"]),  # an all-caps English byline
    ("By Sarah E. Needleman", ["Sarah E. Needleman"]),  # an initial is no conjunction
    ("Von Ursula von der Leyen", ["Ursula von der Leyen"]),  # name particles
    ("Oleh Ahmad bin Yusuf", ["Ahmad bin Yusuf"]),
])
def test_a_byline_in_each_language_gives_its_writers(byline, names):
    assert clean_authors([byline]) == names


def _authors_of(article: str, head: str = "") -> tuple[list[str], str | None]:
    """The writers a page names and the source that named them, for a page whose article holds ``article``."""
    html = (f"<html><head>{head}</head><body><article><h1>Jalur sungai diperpanjang dua kilometer</h1>"
            "<p>Warga yang hadir dalam pertemuan itu terbelah: sebagian memuji rencana jalur sungai yang baru, "
            f"sebagian lagi meminta dana dialihkan ke sekolah.</p>{article}</article></body></html>")
    m = extract_metadata(Document.parse(html, "https://news.example.com/kota/jalur-sungai"), None, FETCHED)
    return m.authors, m.provenance.get("authors")


@pytest.mark.parametrize("article, source", [
    ("<p>Pewarta: Dewi Kania</p>", "text-byline"),  # Indonesian
    ("<div>Autorin</div><div>Dewi Kania</div>", "text-byline"),  # German, the label above the name
    ("<p>Oleh Dewi Kania</p>", "paragraph-byline"),
    ("<p>Door Dewi Kania</p>", "paragraph-byline"),  # Dutch
])
def test_a_writer_named_in_the_text_is_read(article, source):
    assert _authors_of(article) == (["Dewi Kania"], source)


@pytest.mark.parametrize("code, label", _pack_words("byline", "line_labels"))
def test_each_line_label_with_its_colon_names_the_writer(code, label):
    assert _authors_of(f"<p>{label.capitalize()}: Dewi Kania</p>") == (["Dewi Kania"], "text-byline")


@pytest.mark.parametrize("code, label", _pack_words("byline", "heading_labels"))
def test_each_heading_label_names_the_writer_below_it(code, label):
    assert _authors_of(f"<div>{label.capitalize()}</div><div>Dewi Kania</div>") == (["Dewi Kania"], "text-byline")


@pytest.mark.parametrize("code, label", _pack_words("byline", "paragraph_labels"))
def test_each_paragraph_label_opens_a_byline_paragraph(code, label):
    assert _authors_of(f"<p>{label.capitalize()} Dewi Kania</p>") == (["Dewi Kania"], "paragraph-byline")


@pytest.mark.parametrize("code, label", _pack_words("byline", "meta_labels"))
def test_each_meta_label_names_the_writer_in_twitter_data(code, label):
    head = (f'<meta name="twitter:label1" content="{label.capitalize()} von"><meta name="twitter:data1" '
            'content="Dewi Kania">')
    assert _authors_of("", head) == (["Dewi Kania"], "meta:twitter:data1")


@pytest.mark.parametrize("code, label", _pack_words("byline", "writer_labels"))
def test_each_writer_label_keeps_its_writer_over_the_editor(code, label):
    assert clean_authors([f"{label.capitalize()}: Anna Berger | Editor: Max Muster"]) == ["Anna Berger"]


@pytest.mark.parametrize("code, label",
                         _pack_words("byline", "editor_labels") + _pack_words("byline", "credit_labels"))
def test_each_editor_or_credit_label_names_no_writer(code, label):
    assert clean_authors([f"Penulis: Anna Berger | {label.capitalize()}: Max Muster"]) == ["Anna Berger"]


@pytest.mark.parametrize("code, label", _pack_words("byline", "editor_labels"))
def test_the_name_set_apart_after_a_bare_editor_label_is_no_writer(code, label):
    assert split_byline(f"Penulis: Anna Berger | {label.capitalize()}: | Max Muster") == ["Anna Berger"]


@pytest.mark.parametrize("code, label", _pack_words("byline", "segment_labels"))
def test_each_segment_label_opens_a_segment_inside_a_line(code, label):
    assert split_byline(f"Penulis: Anna Berger {label.capitalize()}: Max Muster") == ["Anna Berger"]


@pytest.mark.parametrize("code, word", _pack_words("byline", "conjunctions"))
def test_each_conjunction_joins_two_writers(code, word):
    assert clean_authors([f"Anna Berger {word} Max Muster"]) == ["Anna Berger", "Max Muster"]


@pytest.mark.parametrize("code, word", _pack_words("byline", "name_particles"))
def test_each_name_particle_is_no_prose(code, word):
    # A particle that is also a conjunction ("y", "e") or a trailing word ("le", "el") is read as such first;
    # the prose test itself is what the key feeds.
    assert not authors._is_prose(f"Anna {word} Berger")
    assert authors._is_prose(f"Anna {word}xyz Berger")  # any other lower-case word makes it prose


@pytest.mark.parametrize("code, word", _pack_words("byline", "placeholders"))
def test_each_placeholder_is_no_writer(code, word):
    assert clean_authors([word.capitalize(), "Anna Berger"]) == ["Anna Berger"]


# A line before the headline is read only when a label opens it; without one, the first date after the headline
# (a weak vote) is the page's.
def _dated_page(line: str) -> str:
    return (f"<html><body><p>{line}</p><header><h1>Headline of the story</h1></header>"
            "<p>It rained on 1 March 2020 in town.</p></body></html>")


def _dates_of(html: str) -> tuple[str | None, str | None]:
    m = extract_metadata(Document.parse(html, "https://news.example.com/politik/story-1"), None, FETCHED)
    return m.published_at, m.modified_at


def test_an_unlabelled_line_before_the_headline_is_not_read():
    assert _dates_of(_dated_page("Xyzzy: 24.10.2022")) == ("2020-03-01", None)


@pytest.mark.parametrize("form", ["{label}: 24.10.2022", "<b>{label}</b> 24.10.2022"])
@pytest.mark.parametrize("code, label", _pack_words("dates", "published_labels"))
def test_each_published_label_dates_the_page(code, label, form):
    assert _dates_of(_dated_page(form.format(label=label.capitalize()))) == ("2022-10-24", None)


@pytest.mark.parametrize("code, label", _pack_words("dates", "modified_labels"))
def test_each_modified_label_dates_a_revision(code, label):
    assert _dates_of(_dated_page(f"{label.capitalize()}: 24.10.2022")) == ("2020-03-01", "2022-10-24")


@pytest.mark.parametrize("code, word", _pack_words("dates", "modified_words"))
def test_each_modified_word_turns_a_date_line_into_a_revision(code, word):
    def line(text: str) -> str:
        return f'<html><body><h1>Headline</h1><div class="post-meta">{text}</div></body></html>'
    url = "https://news.example.com/2022/10/20/story"
    assert extract_metadata(Document.parse(line("24.10.2022"), url), None, FETCHED).published_at == "2022-10-24"
    m = extract_metadata(Document.parse(line(f"{word.capitalize()} 24.10.2022"), url), None, FETCHED)
    assert (m.published_at, m.modified_at) == ("2022-10-20", "2022-10-24")


@pytest.mark.parametrize("code", sorted(c for c, pack in load_packs().items() if "months" in pack.get("dates", {})))
def test_every_month_name_of_a_pack_is_read(code):
    for number, names in enumerate(load_packs()[code]["dates"]["months"], start=1):
        for name in names:
            hits = find_dates(f"5 {name.capitalize()} 2023")
            assert [p.iso() for _, p in hits] == [f"2023-{number:02d}-05"], (code, name)


# ----------------------------------------------------------------------------- relative times, zones, times

def _pack_table(section: str, key: str) -> list[tuple[str, str, str]]:
    """(language, word, meaning) for every entry of a table key in the shipped packs."""
    return [(code, w, v) for code, pack in sorted(load_packs().items())
            for w, v in pack.get(section, {}).get(key, {}).items()]


def _ago(seconds: int) -> str:
    """What parse_relative makes of a time ``seconds`` before FETCHED: a day and time, or the day alone."""
    when = FETCHED.timestamp() - seconds
    stamp = datetime.fromtimestamp(when, timezone.utc)
    return stamp.date().isoformat() if seconds >= UNIT_SECONDS["day"] else stamp.isoformat(timespec="seconds")


@pytest.mark.parametrize("text, seconds", [
    ("Diperbarui 2 jam yang lalu", 2 * 3600),  # Indonesian
    ("seminggu lalu", 7 * 86400),
    ("Aktualisiert vor 5 Minuten", 5 * 60),  # German
    ("vor einem Tag", 86400),
    ("Actualizado hace 3 horas", 3 * 3600),  # Spanish
    ("há uma semana", 7 * 86400),  # Portuguese
    ("il y a 3 heures", 3 * 3600),  # French
    ("un’ora fa", 3600),  # Italian
    ("3 uur geleden", 3 * 3600),  # Dutch
    ("Updated 10 mins ago", 600),  # English
])
def test_a_relative_time_in_each_language_is_read(text, seconds):
    assert parse_relative(text, FETCHED).iso() == _ago(seconds)


@pytest.mark.parametrize("code, word, unit", _pack_table("dates", "relative_units"))
def test_each_relative_unit_counts_its_unit(code, word, unit):
    assert parse_relative(f"vor 3 {word.capitalize()}", FETCHED).iso() == _ago(3 * UNIT_SECONDS[unit])
    assert parse_relative(f"3 {word} lalu", FETCHED).iso() == _ago(3 * UNIT_SECONDS[unit])


@pytest.mark.parametrize("code, word", _pack_words("dates", "relative_one"))
def test_each_word_for_one_counts_one(code, word):
    assert parse_relative(f"{word} jam lalu", FETCHED).iso() == _ago(3600)
    assert parse_relative(f"hace {word} hora", FETCHED).iso() == _ago(3600)


@pytest.mark.parametrize("code, word", _pack_words("dates", "ago_words"))
def test_each_ago_word_makes_a_time_past(code, word):
    assert parse_relative(f"Diperbarui 4 Stunden {word}", FETCHED).iso() == _ago(4 * 3600)
    assert parse_relative(f"4 Stunden {word}x", FETCHED) is None  # a whole word only


@pytest.mark.parametrize("code, word", _pack_words("dates", "ago_prefixes"))
def test_each_ago_prefix_makes_a_time_past(code, word):
    assert parse_relative(f"Aktualisiert {word.capitalize()} 4 hours", FETCHED).iso() == _ago(4 * 3600)


@pytest.mark.parametrize("code, word", _pack_words("dates", "today_words") + _pack_words("dates", "yesterday_words"))
def test_each_day_word_dates_the_day_and_its_time(code, word):
    back = 1 if word in words("dates", "yesterday_words") else 0
    day = datetime.fromtimestamp(FETCHED.timestamp() - back * 86400, timezone.utc).date().isoformat()
    assert parse_relative(word.capitalize(), FETCHED).iso() == day
    assert parse_relative(f"{word}, 10:05 WIB", FETCHED).iso().endswith("10:05:00+07:00")


@pytest.mark.parametrize("code, name, offset", _pack_table("dates", "zones"))
def test_each_zone_gives_its_offset(code, name, offset):
    stamp = parse_date(f"5 Oktober 2022 14:05 {name.upper()}", fetched_at=FETCHED)
    assert stamp.iso() == f"2022-10-05T14:05:00{offset}"


@pytest.mark.parametrize("code, name", _pack_words("dates", "capital_zones"))
def test_a_zone_that_is_a_word_counts_only_in_capitals(code, name):
    assert parse_date(f"5 Oktober 2022 14:05 {name}", fetched_at=FETCHED).iso() == "2022-10-05T14:05:00"
    assert parse_date(f"5 Oktober 2022 14:05 {name.upper()}", fetched_at=FETCHED).iso() != "2022-10-05T14:05:00"


@pytest.mark.parametrize("code, word", _pack_words("dates", "time_words"))
def test_each_time_word_joins_a_date_to_its_time(code, word):
    assert parse_date(f"24 Oktober 2022 {word} 14.05", fetched_at=FETCHED).iso() == "2022-10-24T14:05:00"


@pytest.mark.parametrize("code, word", _pack_words("dates", "clock_words"))
def test_each_clock_word_after_a_time_keeps_its_zone(code, word):
    assert parse_date(f"24 Oktober 2022, 14:05 {word} WIB", fetched_at=FETCHED).iso() == "2022-10-24T14:05:00+07:00"


# ----------------------------------------------------------------------------- body furniture

_PROSE = ("Warga yang hadir dalam pertemuan itu terbelah: sebagian memuji rencana jalur sungai yang baru, "
          "sebagian lagi meminta dana dialihkan ke sekolah dan lampu jalan.")


def _story(line: str) -> str:
    """An article of two real paragraphs with ``line`` between them."""
    return (f"<html><body><article><h1>Jalur sungai diperpanjang dua kilometer</h1><p>{_PROSE}</p>"
            f"<p>{line}</p><p>{_PROSE.replace('Warga', 'Penduduk')}</p></article></body></html>")


@pytest.mark.parametrize("line", [
    "Baca juga: Harga cabai rawit naik lagi di pasar induk",  # Indonesian
    "Lesen Sie auch: Stadtrat streitet über den Radweg",  # German
    "Read more: Council approves the river walk",  # English
    "Leia também: Prefeitura anuncia nova ciclovia",  # Portuguese
    "関連記事 市議会が川沿いの遊歩道を承認",  # Japanese
    "Tags: sungai, kota",
    "Iklan",
    "Dimas Prasetyo · waktu baca 3 menit",
])
def test_a_furniture_line_in_each_language_is_dropped_from_the_body(line):
    body = extract_body(Document.parse(_story(line), "https://news.example.com/kota/jalur-sungai")).text
    assert _PROSE in body and line not in body


def _line(text: str) -> Chunk:
    """A line of text as the linearizer hands it to the line rules."""
    return Chunk(text, 0, etree.Element("p"), True, False)


@pytest.mark.parametrize("code, phrase", _pack_words("body", "furniture_openings"))
def test_each_furniture_opening_refuses_its_line(code, phrase):
    assert refused_by(_line(f"{phrase.capitalize()} Jalur sungai diperpanjang")) == "boiler"
    assert keep_chunk(_line(f"{_PROSE[:60]} {phrase}"))  # inside a sentence it is prose


@pytest.mark.parametrize("code, label", _pack_words("body", "furniture_labels"))
def test_each_furniture_label_with_its_colon_refuses_its_line(code, label):
    assert refused_by(_line(f"{label.capitalize()}: Jalur sungai")) == "boiler"


@pytest.mark.parametrize("code, word", _pack_words("body", "furniture_words"))
def test_each_furniture_word_alone_is_chrome(code, word):
    assert RULE_BY_NAME["share_bar"].test(_line(word.capitalize()))
    assert not keep_chunk(_line(word.capitalize()))


@pytest.mark.parametrize("code, label", _pack_words("body", "reading_time_labels"))
def test_each_reading_time_label_marks_a_header_line(code, label):
    assert refused_by(_line(f"Dimas Prasetyo · 2 jam lalu · {label} 3 min")) == "reading_time"
    assert refused_by(_line(f"{label.capitalize()}: 3 min")) == "share_bar"
