"""Hostile command lines: every bad input is one line on stderr ("newsarchive: error: ..."), a non-zero exit and
no traceback; output that cannot be written is an error, never a silent truncation; input is read within
bounds; the archive and special files are never replaced; URL passwords are never printed or logged."""
from __future__ import annotations

import gzip
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest

from conftest import ARTICLE_HTML, CLI, FAST, cli_env, write_page
from newsarchive.cli.inputs import MAX_INPUT_BYTES
from newsarchive.redact import redact, redact_data

pytest.register_assert_rewrite("pg")
from pg import ARTICLES, fill  # noqa: E402

ONE_LINE_ERROR = "newsarchive: error: "


def fill_in(arg: str, files: dict[str, str]) -> str:
    """``arg`` with its ``{name}`` placeholders replaced; other braces (JSON in -s values) left alone."""
    return re.sub(r"\{(\w+)\}", lambda m: files.get(m.group(1), m.group(0)), arg)


@pytest.fixture(scope="module")
def sample_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ARTICLES (three articles with their pages) in a SQLite archive, filled once; tests use copies."""
    archive = tmp_path_factory.mktemp("sample") / "archive.sqlite3"
    fill(str(archive))
    return archive


@pytest.fixture
def archive(sample_archive: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "archive.sqlite3"
    for suffix in ("", "-wal"):
        if Path(f"{sample_archive}{suffix}").exists():
            shutil.copy(f"{sample_archive}{suffix}", f"{copy}{suffix}")
    return copy


@pytest.fixture(scope="module")
def gzip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 20 KB of gzip that decompresses to one byte more than the input bound."""
    bomb = tmp_path_factory.mktemp("bomb") / "page.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * MAX_INPUT_BYTES, compresslevel=9))
    return bomb


@pytest.fixture
def files(tmp_path: Path, archive: Path, gzip_bomb: Path) -> dict[str, str]:
    """Placeholders of the hostile command lines."""
    binary = tmp_path / "program"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64)  # an executable's kind of bytes
    folder = tmp_path / "folder"
    folder.mkdir()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    return {"db": str(archive), "new": str(tmp_path / "new.sqlite3"), "binary": str(binary),
            "folder": str(folder), "fifo": str(fifo), "bomb": str(gzip_bomb), "tmp": str(tmp_path)}


CRAWL = ["crawl", "http://127.0.0.1:9/", "--db", "{new}"]
HOSTILE = [
    # URLs that urlsplit itself refuses
    ["crawl", "http://[::1", "--db", "{new}"],
    ["scrape", "http://[::1", "--db", "{new}"],
    # -s values of every type: numbers, bools, dicts, lists, class paths, and settings the CLI owns
    CRAWL + ["-s", "DOWNLOAD_TIMEOUT=-1"],
    CRAWL + ["-s", "DOWNLOAD_DELAY=inf"],
    CRAWL + ["-s", "DOWNLOAD_DELAY=nan"],
    CRAWL + ["-s", "DOWNLOAD_DELAY=1e15"],
    CRAWL + ["-s", "CONCURRENT_REQUESTS=1e23"],
    CRAWL + ["-s", "CONCURRENT_REQUESTS=2.5"],
    CRAWL + ["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=0"],
    CRAWL + ["-s", "RETRY_TIMES=99999999999999999999999"],
    CRAWL + ["-s", "NEWSARCHIVE_REVISIT_DAYS=1e308"],
    CRAWL + ["-s", "NEWSARCHIVE_STORE_BATCH=0"],
    CRAWL + ["-s", "ROBOTSTXT_OBEY=perhaps"],
    CRAWL + ["-s", "ITEM_PIPELINES=junk"],
    CRAWL + ["-s", "ITEM_PIPELINES=[1]"],
    CRAWL + ["-s", 'ITEM_PIPELINES={"x": "a"}'],
    CRAWL + ["-s", "DOWNLOADER_MIDDLEWARES={"],
    CRAWL + ["-s", "DOWNLOAD_HANDLERS=5"],
    CRAWL + ["-s", "FEEDS=junk"],
    CRAWL + ["-s", "RETRY_HTTP_CODES=500,abc"],
    CRAWL + ["-s", "NEWSARCHIVE_PROGRESS=sometimes"],
    CRAWL + ["-s", "DUPEFILTER_CLASS=junk"],
    CRAWL + ["-s", "DUPEFILTER_CLASS=nosuch.Filter"],
    CRAWL + ["-s", "SPIDER_MODULES=x"],
    CRAWL + ["-s", "NEWSARCHIVE_DB={tmp}/elsewhere.sqlite3"],
    CRAWL + ["-s", "LOG_ENABLED=1"],
    ["scrape", "http://127.0.0.1:9/", "--db", "{new}", "-s", "DOWNLOAD_MAXSIZE=-5"],
    ["demo", "--db", "{new}", "-s", "DOWNLOAD_DELAY=inf"],
    # files that are no sites file, no log file, no page
    ["crawl", "--all", "--sites", "{binary}", "--db", "{new}"],
    ["crawl", "--all", "--sites", "{folder}", "--db", "{new}"],
    ["crawl", "--all", "--sites", "{fifo}", "--db", "{new}"],
    ["crawl", "--all", "--sites", "", "--db", "{new}"],
    ["reparse", "--sites", "{binary}", "--db", "{db}"],
    CRAWL + ["--log-file", "{folder}"],
    CRAWL + ["--log-file", "{binary}"],
    CRAWL + ["--log-file", "{fifo}"],
    CRAWL + ["--log-file", "{db}"],
    CRAWL + ["--max-pages", "1e23"],
    CRAWL + ["--max-pages", "-1"],
    CRAWL + ["--since", "0000-00-00"],
    ["parse", "{binary}"],
    ["parse", "{folder}"],
    ["parse", ""],
    ["parse", "/dev/zero"],
    ["parse", "{fifo}"],
    ["parse", "{bomb}"],
    ["parse", "{tmp}/missing.html"],
    ["parse", "{binary}", "--url", "http://[::1"],
    ["parse", "{binary}", "--url", "javascript:alert(1)"],
    # numbers out of every range
    ["search", "kota", "--limit", "1e23", "--db", "{db}"],
    ["search", "kota", "--limit", "-5", "--db", "{db}"],
    ["search", "kota", "--limit", "99999999999999999999999", "--db", "{db}"],
    ["search", "kota", "--limit", "nan", "--db", "{db}"],
    ["search", "kota", "--limit", "", "--db", "{db}"],
    ["search", *["kota"] * 65, "--db", "{db}"],
    ["search", "kota", "--since", "2023-02-30", "--db", "{db}"],
    ["search", "kota", "--db", "http://[::1"],
    ["search", "kota", "--db", ""],
    ["stats", "--top", "1e23", "--db", "{db}"],
    ["stats", "--top", "99999999999999999999999", "--db", "{db}"],
    ["stats", "--top", "-1", "--db", "{db}"],
    ["history", "https://kabaruji.example/", "--format", "xml", "--db", "{db}"],
    # export targets that are not a new or regular file, or are an archive
    ["export", "--format", "jsonl", "--output", "", "--db", "{db}"],
    ["export", "--format", "jsonl", "--output", "{folder}", "--db", "{db}"],
    ["export", "--format", "jsonl", "--output", "{folder}/", "--db", "{db}"],
    ["export", "--format", "jsonl", "--output", "{fifo}", "--db", "{db}"],
    ["export", "--format", "csv", "--output", "/dev/null", "--db", "{db}"],
    ["export", "--format", "jsonl", "--output", "{db}", "--db", "{db}"],
    ["export", "--format", "warc", "--output", "{tmp}/no/such/folder.warc", "--db", "{db}"],
    # the command line itself
    ["nosuch"],
    ["--nosuch"],
    [],
]


@pytest.mark.parametrize("line", HOSTILE, ids=[" ".join(line)[:70] or "(nothing)" for line in HOSTILE])
def test_hostile_command_line_is_one_line_error(cli, files, line, monkeypatch):
    monkeypatch.setenv("NEWSARCHIVE_READ_TIMEOUT", "1")  # parse FIFO: nobody writes to it
    started = time.monotonic()
    result = cli(*(fill_in(arg, files) for arg in line), timeout=60)
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(ONE_LINE_ERROR) and result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""
    assert time.monotonic() - started < 30  # refused, not crawled, read or waited out
    if "{new}" in line:
        assert not Path(files["new"]).exists() or "crawl could not run" in result.stderr


# -- output that cannot be written ----------------------------------------------------------------------

FULL_DISK = [
    ["export", "--format", "csv"], ["export", "--format", "jsonl"], ["export", "--format", "warc"],
    ["sql", "SELECT url, headline FROM articles"], ["search", "Reuters"], ["search", "Reuters", "--format", "json"],
    ["stats"], ["stats", "--format", "json"], ["history", ARTICLES[0][0]], ["parse", "{page}"], ["--help"],
]


@pytest.mark.parametrize("line", FULL_DISK, ids=[" ".join(line)[:40] for line in FULL_DISK])
def test_full_disk_on_stdout_is_one_line_and_exit_1(archive, tmp_path, line):
    page = tmp_path / "page.html"
    page.write_text(ARTICLE_HTML.format(headline="Jadwal baru angkutan kota"), encoding="utf-8")
    args = [a.format(page=page) for a in line]
    if args[0] not in ("parse", "--help"):
        args += ["--db", str(archive)]
    with open("/dev/full", "w") as full:
        result = subprocess.run([str(CLI), *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
                                env=cli_env())
    assert result.returncode == 1, result.stderr
    assert result.stderr == f"{ONE_LINE_ERROR}cannot write to standard output: No space left on device\n"


@pytest.mark.parametrize("line", [["export", "--format", "jsonl"], ["export", "--format", "warc"], ["stats"]])
def test_closed_stdout_is_one_line(archive, line):
    command = " ".join(f"'{a}'" for a in [str(CLI), *line, "--db", str(archive)])
    result = subprocess.run(["bash", "-c", f"{command} >&-"], capture_output=True, text=True, timeout=120,
                            env=cli_env())
    assert result.returncode == 1
    assert result.stderr == f"{ONE_LINE_ERROR}cannot write to standard output: it is closed\n"


def test_broken_pipe_stays_quiet(archive):
    """The reader went away (``| head``): exit 0 as before, and no 'Exception ignored' noise at exit."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write the command makes meets EPIPE
    try:
        result = subprocess.run([str(CLI), "export", "--format", "jsonl", "--db", str(archive)], stdout=write_end,
                                stderr=subprocess.PIPE, text=True, timeout=120, env=cli_env())
    finally:
        os.close(write_end)
    assert result.returncode == 0 and result.stderr == ""


# -- export never replaces what it must not ---------------------------------------------------------------


def test_export_refuses_special_targets_and_leaves_them(cli, archive, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(victim)
    fifo = tmp_path / "fifo.jsonl"
    os.mkfifo(fifo)
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    for target, why in ((link, "symbolic link"), (fifo, "not a regular file"), (Path("/dev/null"), "not a regular"),
                        (archive, "the archive's own file"), (other, "SQLite database")):
        result = cli("export", "--format", "jsonl", "--output", str(target), "--db", str(archive))
        assert result.returncode == 2 and why in result.stderr, (target, result.stderr)
        assert result.stderr.count("\n") == 1
    assert link.is_symlink() and victim.read_text() == "keep me\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    with sqlite3.connect(archive) as conn:  # the archive is whole
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (len(ARTICLES),)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_export_replaces_a_regular_file_keeping_its_mode(cli, archive, tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    target.chmod(0o640)
    result = cli("export", "--format", "jsonl", "--output", str(target), "--db", str(archive))
    assert result.returncode == 0, result.stderr
    assert len(target.read_text().splitlines()) == len(ARTICLES)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


# -- parse reads within bounds ----------------------------------------------------------------------------


def test_parse_refuses_large_files_before_reading(cli, tmp_path):
    big = tmp_path / "big.html"
    with big.open("wb") as fh:
        fh.truncate(MAX_INPUT_BYTES + 1)  # sparse: costs no disk
    result = cli("parse", str(big))
    assert result.returncode == 2 and f"larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB" in result.stderr
    zero = cli("parse", "/dev/zero", timeout=60)
    assert zero.returncode == 2 and "/dev/zero is larger than" in zero.stderr


def test_parse_fifo_without_writer_times_out(tmp_path):
    fifo = tmp_path / "page.fifo"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = subprocess.run([str(CLI), "parse", str(fifo)], capture_output=True, text=True, timeout=60,
                            env=cli_env() | {"NEWSARCHIVE_READ_TIMEOUT": "1"})
    assert result.returncode == 2 and "no end of input within 1 s" in result.stderr
    assert time.monotonic() - started < 20 and result.stdout == ""


def test_parse_fifo_with_a_writer_and_stdin(tmp_path):
    html = ARTICLE_HTML.format(headline="Lewat pipa bernama")
    fifo = tmp_path / "page.fifo"
    os.mkfifo(fifo)

    def write_later() -> None:
        time.sleep(0.5)  # the reader is waiting by then
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write(html)

    writer = threading.Thread(target=write_later)
    writer.start()
    result = subprocess.run([str(CLI), "parse", str(fifo)], capture_output=True, text=True, timeout=60,
                            env=cli_env() | {"NEWSARCHIVE_READ_TIMEOUT": "20"})
    writer.join()
    assert result.returncode == 0, result.stderr
    assert '"headline": "Lewat pipa bernama"' in result.stdout
    piped = subprocess.run([str(CLI), "parse", "-", "--url", "https://kabaruji.example/a.html"], input=html,
                           capture_output=True, text=True, timeout=60, env=cli_env())
    assert piped.returncode == 0 and '"url": "https://kabaruji.example/a.html"' in piped.stdout
    with open("/dev/zero", "rb") as zero:
        endless = subprocess.run([str(CLI), "parse", "-"], stdin=zero, capture_output=True, text=True, timeout=60,
                                 env=cli_env())
    assert endless.returncode == 2 and endless.stderr.startswith(f"{ONE_LINE_ERROR}standard input is larger than")


def test_parse_gzip_bomb_and_binary_print_nothing(cli, gzip_bomb, tmp_path):
    bomb = cli("parse", str(gzip_bomb))
    assert bomb.returncode == 2 and "once decompressed" in bomb.stderr and bomb.stdout == ""
    png = tmp_path / "image.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16)
    binary = cli("parse", str(png))
    assert binary.returncode == 2 and binary.stdout == "" and "binary data, not HTML" in binary.stderr
    utf16 = tmp_path / "utf16.html"  # NUL bytes, but text: its byte order mark says so
    utf16.write_bytes(ARTICLE_HTML.format(headline="Halaman UTF-16").encode("utf-16"))
    assert '"headline": "Halaman UTF-16"' in cli("parse", str(utf16)).stdout


# -- URL passwords ----------------------------------------------------------------------------------------


def test_redact_hides_passwords_only():
    assert redact("Crawled (200) <GET http://user:secret@127.0.0.1:8080/a.html>") == \
        "Crawled (200) <GET http://user:***@127.0.0.1:8080/a.html>"
    assert redact("invalid hostname: user:secret@127.0.0.1") == "invalid hostname: user:***@127.0.0.1"
    assert redact("http://u:p@ss@host/x") == "http://u:***@host/x"  # '@' in the password
    for kept in ("mail bob@example.com", "http://user@host/", "http://[::1]:80/a", "no url here"):
        assert redact(kept) == kept
    assert redact_data({"url": "http://a:secret@h/x", "body": "a:b@c is prose"}) == \
        {"url": "http://a:***@h/x", "body": "a:b@c is prose"}


@pytest.mark.parametrize("command", ["scrape", "crawl"])
def test_url_password_is_never_printed_or_logged(cli, site, db, tmp_path, command):
    root, base = site
    write_page(root, "a.html", ARTICLE_HTML.format(headline="Berita rahasia"))
    url = base.replace("http://", "http://user:secret@") + "/a.html"
    log = tmp_path / "crawl.log"
    result = cli("-v", command, url, "--db", str(db), "--log-file", str(log), *FAST)
    assert result.returncode == 1  # Scrapy does not fetch a URL with userinfo: the fetch fails
    # -v and the log file carry Scrapy's own records, tracebacks included: redacted too
    shown = result.stdout + result.stderr + log.read_text(encoding="utf-8")
    assert "user:***@" in shown  # the URL is reported, without its password
    assert "secret" not in shown
    with sqlite3.connect(db) as conn:
        assert "secret" not in repr(conn.execute("SELECT * FROM crawl_runs").fetchall())
