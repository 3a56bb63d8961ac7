"""Site profiles: the schema ``data/profiles.toml`` is checked against, each profile's fixture, and ``date_format``.

Every profile has a folder ``tests/golden/profiles/<name>/`` with a page we wrote (invented text, markup in the shape
of the CMS or site the profile is for) and ``expect.json``: the fields ``parse_article`` must return (checked as
in the other golden suites, ``tests/golden_checks.py``) and ``needs_profile``, the fields that come out wrong when
profiles are switched off. A profile whose fixture parses as well without it has no reason to exist.
"""
from __future__ import annotations

import json
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import lxml.html
import pytest

import newsarchive.profiles as profiles_mod
from newsarchive import Article, parse_article
from newsarchive.document import Document
from newsarchive.errors import UserError
from newsarchive.profiles import (FIELDS, GENERATORS, KEYS, PROFILES_FILE, Profile, ProfileError, compile_selector,
                                  load_profiles, select_profile)

from conftest import cli_env
from golden_checks import check_field, norm

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "profiles"
DOCS = (ROOT / "docs" / "profiles.md").read_text(encoding="utf-8")
FIELD_CHECKS = ("headline", "published_at", "authors", "body_first", "body_last", "body_clean", "language")
NAMES = [p.name for p in load_profiles()]


# --- every profile has a fixture that fails without it ---------------------------------------------------------

def test_every_profile_has_a_fixture_folder_and_every_folder_a_profile() -> None:
    folders = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())
    assert folders == sorted(NAMES)
    for name in folders:
        assert (GOLDEN / name / "page.html").is_file() and (GOLDEN / name / "expect.json").is_file(), name


@lru_cache(maxsize=None)
def expect(name: str) -> dict:
    return json.loads((GOLDEN / name / "expect.json").read_text(encoding="utf-8"))


def page(name: str) -> bytes:
    return (GOLDEN / name / "page.html").read_bytes()


@lru_cache(maxsize=None)
def parsed(name: str) -> Article:
    return parse_article(page(name), expect(name)["url"])


@pytest.mark.parametrize("name", NAMES)
def test_fixture_is_faithful(name: str) -> None:
    """What the expectation names is on the page, and the furniture is outside the expected paragraphs."""
    g = expect(name)
    text = norm(lxml.html.fromstring(page(name)).text_content())
    for key in ("headline", "body_first", "body_last"):
        assert norm(g[key]) in text, key
    for item in g["furniture"]:
        assert norm(item).casefold() in text.casefold(), item
        assert norm(item).casefold() not in norm(g["body_first"] + " " + g["body_last"]).casefold(), item
    assert g["needs_profile"] and set(g["needs_profile"]) <= set(FIELD_CHECKS)
    assert g["page_class"].strip(), "say which page class the profile fixes"


@pytest.mark.parametrize("name", NAMES)
def test_fixture_chooses_its_profile(name: str) -> None:
    assert parsed(name).provenance.get("profile") == name


@pytest.mark.parametrize("name, field", [(n, f) for n in NAMES for f in FIELD_CHECKS])
def test_profile_fixture_field(name: str, field: str) -> None:
    check_field(parsed(name), expect(name), field, expect(name)["furniture"])


@pytest.mark.parametrize("name", NAMES)
def test_profile_matters(name: str, monkeypatch) -> None:
    """With profiles switched off, each field of ``needs_profile`` comes out wrong: the profile earns its keep."""
    monkeypatch.setattr(profiles_mod, "load_profiles", lambda *args: ())
    bare = parse_article(page(name), expect(name)["url"])
    assert "profile" not in bare.provenance
    for field in expect(name)["needs_profile"]:
        with pytest.raises(AssertionError):
            check_field(bare, expect(name), field, expect(name)["furniture"])


# --- the schema ---------------------------------------------------------------------------------------------------

def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "profiles.toml"
    path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str) -> str:
    with pytest.raises(ProfileError) as info:
        load_profiles(write(tmp_path, text))
    message = str(info.value)
    assert "\n" not in message
    return message


def test_the_shipped_profiles_load_once() -> None:
    assert load_profiles() is load_profiles()  # cached: read and compiled once per process
    assert load_profiles(PROFILES_FILE) == load_profiles()
    assert all(p.description for p in load_profiles()), "say in description why each profile exists"


def test_a_profile_error_is_a_user_error() -> None:
    """The CLI prints a UserError as one line and exits 2, without a traceback."""
    assert issubclass(ProfileError, UserError) and issubclass(ProfileError, ValueError)


def test_a_missing_file_means_no_profiles(tmp_path) -> None:
    assert load_profiles(tmp_path / "none.toml") == ()


def test_every_key_loads(tmp_path) -> None:
    (p,) = load_profiles(write(tmp_path, """
[profile.kabarhulu]
description = "dates written month first"
hosts = ["WWW.KabarHulu.id", "kabarhulu.co.id"]
drop = [".iklan", "(//div[@id='terkait'])[1]"]
timezone = "Asia/Jakarta"
date_format = "%m/%d/%Y %H:%M"

[profile.kabarhulu.fields]
headline = "h1.judul"
published = ".tanggal"
modified = ".ubah"
author = "//span[@class='penulis']"
body = "div.isi"
"""))
    assert p.hosts == ("kabarhulu.id", "kabarhulu.co.id")  # as Document.host writes hosts: lower case, no www.
    assert set(p.fields) == set(FIELDS) and p.date_format == "%m/%d/%Y %H:%M" and p.timezone == "Asia/Jakarta"
    assert p.drop == (".iklan", "(//div[@id='terkait'])[1]") and p.description


def test_unknown_field_names_file_profile_and_field(tmp_path) -> None:
    message = load_error(tmp_path, "[profile.blogger]\ngenerator = 'blogger'\nfields = { headlnie = 'h1' }\n")
    assert message == "profiles.toml: profile blogger: unknown field 'headlnie' (did you mean 'headline'?)"


@pytest.mark.parametrize("body, error", [
    # unknown keys
    ("dorp = ['.x']\nfields = { body = 'div' }", "unknown key 'dorp' (did you mean 'drop'?)"),
    ("fields = { tags = 'a' }", "unknown field 'tags' (known: headline, published, modified, author, body)"),
    # wrong types
    ("hosts = 'kabarhulu.id'\nfields = { body = 'div' }", "hosts must be a list of non-empty strings"),
    ("hosts = ['']\nfields = { body = 'div' }", "hosts must be a list of non-empty strings"),
    ("fields = 'div.isi'", "fields must be a table of field = selector"),
    ("fields = { body = 3 }", "fields.body must be a selector (a non-empty string)"),
    ("drop = '.iklan'", "drop must be a list of non-empty strings"),
    ("timezone = 7\nfields = { body = 'div' }", "timezone must be a non-empty string"),
    ("description = ['x']\nfields = { body = 'div' }", "description must be a non-empty string"),
    ("generator = 'blogspot'\nfields = { body = 'div' }", "generator 'blogspot' is not one of blogger, wordpress"),
    ("hosts = ['https://kabarhulu.id/']\nfields = { body = 'div' }", "hosts: 'https://kabarhulu.id/' is not a host"),
    ("hosts = ['kabarhulu.id']\ngenerator = 'wordpress'\nfields = { body = 'div' }", "give hosts or generator"),
    ("hosts = ['kabarhulu.id']", "sets nothing: give fields, drop or timezone"),
    # selectors that do not compile, or select no elements
    ("fields = { body = 'div..isi' }", "fields.body: bad CSS selector 'div..isi'"),
    ("fields = { headline = 'h1::text' }", "fields.headline: bad CSS selector 'h1::text'"),
    ("drop = ['.iklan', '//div[@class=']", "drop[1]: bad XPath '//div[@class='"),
    ("fields = { author = '//span[tidak-ada(.)]' }", "fields.author: bad XPath '//span[tidak-ada(.)]'"),
    ("fields = { body = '//x:div' }", "fields.body: bad XPath '//x:div'"),
    ("fields = { body = '(count(//p))' }", "fields.body: XPath '(count(//p))' gives a float, not elements"),
    # time zones and date formats
    ("timezone = 'Asia/Jakrta'", "timezone: unknown time zone 'Asia/Jakrta'"),
    ("fields = { published = '.tgl' }\ndate_format = '%d/%m/%Y %Q'", "%Q is not allowed"),
    ("fields = { published = '.tgl' }\ndate_format = '%c'", "%c is not allowed"),
    ("fields = { published = '.tgl' }\ndate_format = '%H:%M %Z'", "%Z is not allowed"),
    ("fields = { published = '.tgl' }\ndate_format = '%d/%m %H:%M'", "does not read a whole date"),
    ("fields = { published = '.tgl' }\ndate_format = '%m/%Y'", "does not read a whole date"),
    ("fields = { published = '.tgl' }\ndate_format = '%d/%m/%Y %I:%M'", "%I (12-hour clock) needs %p"),
    ("fields = { published = '.tgl' }\ndate_format = '%G/%m/%d'", "cannot read back a date it writes"),
    ("fields = { body = 'div' }\ndate_format = '%d/%m/%Y'", "date_format reads the text of fields.published"),
])
def test_schema_errors(tmp_path, body: str, error: str) -> None:
    if error.startswith("timezone: unknown"):
        import zoneinfo
        if not zoneinfo.available_timezones():
            pytest.skip("no time zone database on this system")
    message = load_error(tmp_path, f"[profile.kabarhulu]\n{body}\n")
    assert message.startswith("profiles.toml: profile kabarhulu: "), message
    assert error in message, message


@pytest.mark.parametrize("text, error", [
    ("[profile.a\n", "profiles.toml: not a valid TOML file"),
    ("title = 'x'\n", "profiles.toml: unknown top-level key 'title'"),
    ("profile = 3\n", "profiles.toml: profiles are [profile.NAME] tables"),
    ("[profile]\nblogger = 3\n", "profiles.toml: profile blogger: must be a table"),
])
def test_file_errors(tmp_path, text: str, error: str) -> None:
    assert error in load_error(tmp_path, text)


def test_an_unreadable_file_is_a_profile_error(tmp_path) -> None:
    folder = tmp_path / "profiles.toml"
    folder.mkdir()
    with pytest.raises(ProfileError, match="cannot read"):
        load_profiles(folder)


def test_selectors_compile_as_the_extractors_read_them() -> None:
    tree = lxml.html.fromstring("<html><body><div class='post-body x'><p>a</p></div><p>b</p></body></html>")
    assert [e.tag for e in compile_selector("div.post-body > p")(tree)] == ["p"]
    first = compile_selector("(//div[contains(@class,'post-body')])[1]")(tree)
    assert [e.get("class") for e in first] == ["post-body x"]


def test_generators_are_those_the_document_recognises() -> None:
    for name in GENERATORS:
        doc = Document.parse(f"<html><head><meta name='generator' content='{name.title()} 6.1'></head></html>",
                             "https://example.org/a")
        assert doc.generator == name


def test_hosts_are_matched_as_documents_name_them(tmp_path, monkeypatch) -> None:
    found = load_profiles(write(tmp_path, "[profile.k]\nhosts = ['www.KabarHulu.id']\nfields = { body = 'main' }\n"))
    monkeypatch.setattr(profiles_mod, "load_profiles", lambda *args: found)
    doc = Document.parse("<html><body><main>x</main></body></html>", "https://m.kabarhulu.id/a")
    assert select_profile(doc).name == "k"


def test_docs_describe_every_key_and_field() -> None:
    for name in (*KEYS, *FIELDS):
        assert f"`{name}`" in DOCS, f"docs/profiles.md does not describe {name}"


def test_docs_example_is_a_valid_profile(tmp_path) -> None:
    block = DOCS[DOCS.index("[profile.kabarhulu]"):]
    (p,) = load_profiles(write(tmp_path, block[:block.index("```")]))
    assert p.parse_date("Diperbarui 05/07/2023 09:05") is not None


# --- the CLI: one line, exit 2, no traceback --------------------------------------------------------------------

@pytest.mark.parametrize("command", ["parse", "reparse"])
def test_cli_reports_a_bad_profiles_file_on_one_line(tmp_path, command) -> None:
    bad = write(tmp_path, "[profile.blogger]\ngenerator = 'blogger'\nfields = { headlnie = 'h1' }\n")
    (tmp_path / "page.html").write_text("<html><body><h1>x</h1></body></html>", encoding="utf-8")
    # A launcher named like the console script (so the package does not load the parser on import), pointing
    # the profiles at the bad file first: the real CLI, in a fresh interpreter, as cron would run it.
    launcher = tmp_path / "newsarchive"
    launcher.write_text("import sys\nfrom pathlib import Path\nimport newsarchive.profiles\n"
                        f"newsarchive.profiles.PROFILES_FILE = Path({str(bad)!r})\n"
                        "from newsarchive.cli import main\nsys.exit(main())\n", encoding="utf-8")
    args = {"parse": ["parse", str(tmp_path / "page.html")],
            "reparse": ["reparse", "--db", str(tmp_path / "a.sqlite3")]}[command]
    result = subprocess.run([sys.executable, str(launcher), *args], capture_output=True, text=True, timeout=120,
                            env=cli_env(), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr == ("newsarchive: error: profiles.toml: profile blogger: unknown field 'headlnie' "
                             "(did you mean 'headline'?)\n")


# --- date_format --------------------------------------------------------------------------------------------------

MONTH_FIRST = Profile(name="t", fields={"published": ".tanggal"}, date_format="%m/%d/%Y %H:%M")


@pytest.mark.parametrize("text, want", [
    ("05/06/2023 14:20", "2023-05-06T14:20:00"),                 # month first, as the format says
    ("  05/06/2023\n 14:20 ", "2023-05-06T14:20:00"),            # white space is not part of the format
    ("Diposting 05/06/2023 14:20 WIB", "2023-05-06T14:20:00"),   # label and zone name around the date
    ("(05/06/2023 14:20)", "2023-05-06T14:20:00"),
    ("06/05/2023", None),                                        # the time is part of the format
    ("13/05/2023 14:20", None),                                  # no month 13
    ("", None),
    (None, None),
])
def test_parse_date(text, want) -> None:
    got = MONTH_FIRST.parse_date(text)
    assert (got.isoformat() if got else None) == want
    assert got is None or got.tzinfo is None  # wall-clock time: the caller places it in the site's zone


def test_parse_date_with_offset_and_month_names() -> None:
    p = Profile(name="t", fields={"published": "time"}, date_format="%B %d, %Y at %I:%M %p %z")
    got = p.parse_date("Published May 06, 2023 at 2:20 PM +0700 by the desk")
    assert got.isoformat() == "2023-05-06T14:20:00+07:00"
    assert p.date_has_time and not Profile(name="d", fields={"published": "x"}, date_format="%d.%m.%Y").date_has_time


def test_parse_date_without_a_format_is_none() -> None:
    assert Profile(name="t", fields={"body": "div"}).parse_date("05/06/2023 14:20") is None


# The end-to-end effect waits on newsarchive/extract/published.py calling Profile.parse_date for the profile's
# published and modified elements (another change); strict, so these fail loudly once it does: drop the marks then.
DATED_PAGE = """<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>Warga Tanam Seribu Pohon di Bantaran Sungai</title></head>
<body><article><h1>Warga Tanam Seribu Pohon di Bantaran Sungai</h1>
<div class="info"><span class="penulis">Dimas Prakoso</span> <span class="tanggal">05/06/2023 14:20</span>
<span class="ubah">Diperbarui 05/07/2023 09:05</span></div>
<p>Sekitar dua ratus warga menanam seribu bibit pohon di sepanjang bantaran sungai pada Minggu pagi, dengan bibit
yang dibagikan dinas lingkungan hidup setempat.</p>
<p>Ketua panitia mengatakan penanaman akan diulang setiap bulan sampai seluruh bantaran yang gundul tertutup
kembali oleh pepohonan.</p></article></body></html>"""
MONTH_FIRST_SITE = Profile(name="kabarhulu", fields={"published": ".tanggal", "modified": ".ubah"},
                           date_format="%m/%d/%Y %H:%M", timezone="Asia/Jakarta")


def parse_month_first(monkeypatch) -> Article:
    monkeypatch.setattr(profiles_mod, "load_profiles", lambda *args: (MONTH_FIRST_SITE,))
    return parse_article(DATED_PAGE, "https://www.kabarhulu.id/2023/warga-tanam-pohon", profile="kabarhulu")


def test_date_format_reads_the_published_element(monkeypatch) -> None:
    # Read day first (the generic rule outside US domains) this is 5 June; the site writes month first.
    assert parse_month_first(monkeypatch).published_at == "2023-05-06T14:20:00+07:00"


def test_modified_field_and_date_format(monkeypatch) -> None:
    assert parse_month_first(monkeypatch).modified_at == "2023-05-07T09:05:00+07:00"


# --- drop ---------------------------------------------------------------------------------------------------------

def test_drop_keeps_the_text_that_follows_a_dropped_element() -> None:
    from newsarchive.extract.body import extract_body

    html = ("<html><body><div class='post-body'><div class='share-box'>Bagikan: Facebook</div>"
            "Warga Desa Sukamaju kembali dapat menyeberangi sungai setelah jembatan gantung diperbaiki.<br><br>"
            "Perbaikan memakan waktu tiga minggu, kata kepala desa, dan dibiayai dana desa serta sumbangan warga."
            "</div></body></html>")
    doc = Document.parse(html, "https://catatan.blogspot.com/2023/05/jembatan.html")
    body = extract_body(doc, Profile(name="t", drop=(".share-box",)))
    assert body.text.startswith("Warga Desa Sukamaju")
