"""`newsarchive sql`: read-only queries; writes refused; no archive is ever created by a query."""
from __future__ import annotations

import json
import os
import pty
import resource
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import unicodedata
from pathlib import Path

import pytest

from newsarchive import parse_article
from newsarchive.archive import Archive

from conftest import ARTICLE_HTML, CLI, cli_env

pytest_plugins = ["pg"]  # the throwaway PostgreSQL server (tests/pg.py)


@pytest.fixture
def filled(db):
    with Archive(db) as archive:
        for i, headline in enumerate(["Pertama", "Kedua"]):
            url = f"https://kabaruji.example/2023/03/berita-{i}.html"
            archive.save(parse_article(ARTICLE_HTML.format(headline=headline), url))
    return db


def test_query_prints_table(cli, filled):
    result = cli("sql", "SELECT headline FROM articles ORDER BY headline", "--db", str(filled), "--format", "table")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "headline"
    assert lines[2:4] == ["Kedua", "Pertama"]
    assert lines[-1] == "(2 rows)"


def test_piped_output_is_csv_by_default(cli, filled):
    result = cli("sql", "SELECT headline FROM articles ORDER BY headline", "--db", str(filled))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "headline\nKedua\nPertama\n"


def test_query_json_and_csv(cli, filled):
    out = cli("sql", "SELECT count(*) AS n FROM articles", "--db", str(filled), "--format", "json")
    assert json.loads(out.stdout) == [{"n": 2}]
    out = cli("sql", "SELECT count(*) AS n FROM articles", "--db", str(filled), "--format", "csv")
    assert out.stdout == "n\n2\n"


@pytest.mark.parametrize("statement", ["DELETE FROM articles", "DROP TABLE articles",
                                       "UPDATE articles SET headline = 'x'"])
def test_writes_are_refused(cli, filled, statement):
    result = cli("sql", statement, "--db", str(filled))
    assert result.returncode == 1
    assert "read-only" in result.stderr
    assert "Traceback" not in result.stderr
    with sqlite3.connect(filled) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (2,)
        assert conn.execute("SELECT count(*) FROM articles WHERE headline = 'x'").fetchone() == (0,)


def test_missing_archive_is_not_created(cli, tmp_path):
    target = tmp_path / "none.sqlite3"
    result = cli("sql", "SELECT 1", "--db", str(target))
    assert result.returncode == 2
    assert "no archive" in result.stderr
    assert not target.exists()


def test_syntax_error(cli, filled):
    result = cli("sql", "SELEC headline FROM articles", "--db", str(filled))
    assert result.returncode == 1
    assert result.stderr.startswith("newsarchive: error: query failed:")
    assert result.stderr.strip().count("\n") == 0


def test_not_sqlite_file(cli, tmp_path):
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("hello, not a database")
    result = cli("sql", "SELECT 1", "--db", str(bogus))
    assert result.returncode == 2
    assert "not a usable SQLite archive" in result.stderr
    assert bogus.read_text() == "hello, not a database"


# -- PostgreSQL: the same command, read-only by the server's own rules ------------------------------


def test_postgresql_query_formats(cli, pg_url):
    from pg import fill
    fill(pg_url)
    out = cli("sql", "SELECT site, count(*) AS n FROM articles GROUP BY site ORDER BY site", "--db", pg_url,
              "--format", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [{"site": "kabaruji.example", "n": 2}, {"site": "lainberita.example", "n": 1}]
    out = cli("sql", "SELECT count(*) AS n FROM articles", "--db", pg_url, "--format", "csv")
    assert out.stdout == "n\n3\n"
    out = cli("sql", "SELECT url FROM articles WHERE false", "--db", pg_url, "--format", "csv")
    assert (out.returncode, out.stdout) == (0, "url\n")  # no rows: still the header
    out = cli("sql", "SELECT generate_series(1, 2500) AS x", "--db", pg_url, "--format", "jsonl")
    assert [json.loads(line)["x"] for line in out.stdout.splitlines()] == list(range(1, 2501))  # batch after batch


def test_postgresql_writes_are_refused(cli, pg_url):
    from pg import fill
    fill(pg_url)
    for statement in ("DELETE FROM articles", "COMMIT; DELETE FROM articles",
                      "COMMIT; SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE; DELETE FROM articles"):
        result = cli("sql", statement, "--db", pg_url)
        assert result.returncode == 1, (statement, result.stdout)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert cli("sql", "SELECT count(*) AS n FROM articles", "--db", pg_url, "--format", "csv").stdout == "n\n3\n"


def test_postgresql_query_stops_at_the_timeout(cli, pg_url):
    from pg import fill
    fill(pg_url)
    result = cli("sql", "SELECT pg_sleep(30)", "--db", pg_url, "--timeout", "0.5", timeout=60)
    assert result.returncode == 1
    assert result.stderr == "newsarchive: error: query stopped after 0.5 s (--timeout)\n"


# -- a reading command never creates or changes a file ---------------------------------------------


def files_of(folder: Path) -> dict[str, bytes]:
    """The folder's files and their bytes; a WAL archive's ``-shm`` (the readers' shared index, which
    SQLite itself keeps beside a WAL database) and an empty ``-wal`` are SQLite's to create and not data."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.endswith("-shm") and not (p.name.endswith("-wal") and not p.stat().st_size)}


@pytest.mark.parametrize("statement", [
    "ATTACH DATABASE '{elsewhere}' AS x",  # would create a file anywhere
    "ATTACH DATABASE '{archive}' AS again",  # would checkpoint the archive's own WAL on exit
    "VACUUM INTO '{elsewhere}'",
    "PRAGMA journal_mode = DELETE",
    "PRAGMA main.user_version = 7",
    "PRAGMA wal_checkpoint(TRUNCATE)",
    "PRAGMA wal_checkpoint",
    "PRAGMA optimize",
    "SELECT load_extension('mod_spatialite')",
])
def test_statements_that_touch_files_are_refused(cli, filled, tmp_path, statement):
    elsewhere = tmp_path / "elsewhere" / "new.db"
    elsewhere.parent.mkdir()
    before = files_of(filled.parent)
    result = cli("sql", statement.format(elsewhere=elsewhere, archive=filled), "--db", str(filled))
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith("newsarchive: error: query failed:") and "Traceback" not in result.stderr
    assert not elsewhere.exists()
    assert files_of(filled.parent) == before


def test_reading_pragmas_still_work(cli, filled):
    result = cli("sql", "PRAGMA table_info(articles)", "--db", str(filled), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "headline" in {row["name"] for row in json.loads(result.stdout)}


def test_foreign_sqlite_file_is_left_as_it_was(cli, tmp_path):
    """Someone else's SQLite file that happens to have an articles table: no tables, triggers or WAL added."""
    foreign = tmp_path / "theirs.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT)")
        conn.execute("INSERT INTO articles (title) VALUES ('theirs')")
    conn.close()
    before = files_of(tmp_path)
    for command in (["sql", "SELECT 1"], ["search", "theirs"], ["stats"], ["export", "--format", "jsonl"]):
        result = cli(*command, "--db", str(foreign))
        assert result.returncode == 2, result.stdout
        assert "newsarchive upgrade" in result.stderr and result.stderr.count("\n") == 1
        assert files_of(tmp_path) == before


RUNAWAY = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


def test_runaway_query_stops_at_the_timeout(cli, filled):
    result = cli("sql", RUNAWAY, "--db", str(filled), "--timeout", "0.5", timeout=60)
    assert result.returncode == 1
    assert result.stderr == "newsarchive: error: query stopped after 0.5 s (--timeout)\n"


@pytest.mark.parametrize("value", ["-1", "nan", "abc", "1e99"])
def test_bad_timeout_is_a_usage_error(cli, filled, value):
    result = cli("sql", "SELECT 1", "--db", str(filled), "--timeout", value)
    assert result.returncode == 2 and "--timeout" in result.stderr and "Traceback" not in result.stderr


def test_ctrl_c_stops_a_running_query(filled):
    proc = subprocess.Popen([str(CLI), "sql", RUNAWAY, "--db", str(filled), "--timeout", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env())
    time.sleep(1.5)  # well inside the query (Python and SQLAlchemy have started)
    assert proc.poll() is None
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 130
    assert err == "newsarchive: interrupted\n" and out == ""


@pytest.fixture
def read_only_archive(filled):
    """The archive in a folder nobody may write to (a mounted backup, a shared read-only copy). Root
    writes anyway, so the commands then run as the unprivileged user ``nobody``."""
    folder = Path(tempfile.mkdtemp(prefix="newsarchive-ro-"))
    target = folder / "archive.sqlite3"
    shutil.copy(filled, target)  # the WAL was checkpointed when its last writer closed
    for path in (target, folder):
        path.chmod(0o555 if path.is_dir() else 0o444)
    yield target
    folder.chmod(0o755)
    shutil.rmtree(folder)


def as_unprivileged(*args: str) -> subprocess.CompletedProcess[str]:
    prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, str(CLI), *args], capture_output=True, text=True, env=cli_env(), timeout=120)


@pytest.mark.parametrize("command", [["sql", "SELECT count(*) AS n FROM articles", "--format", "csv"],
                                     ["search", "Pertama"], ["stats"], ["export", "--format", "jsonl"],
                                     ["history", "https://kabaruji.example/2023/03/berita-0.html"]])
def test_reading_commands_work_on_read_only_storage(read_only_archive, command):
    before = files_of(read_only_archive.parent)
    result = as_unprivileged(*command, "--db", str(read_only_archive))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert files_of(read_only_archive.parent) == before


# -- rows are streamed: written as they come, in bounded memory --------------------------------------------

ENDLESS_ROWS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"


def test_first_rows_arrive_while_the_query_still_runs(filled):
    """An endless query: its first rows must reach the reader long before it stops (v0.1 printed nothing
    until the whole result was in memory)."""
    proc = subprocess.Popen([str(CLI), "sql", ENDLESS_ROWS, "--db", str(filled), "--timeout", "120"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env())
    try:
        first = [proc.stdout.readline() for _ in range(3)]
        assert first == ["x\n", "1\n", "2\n"]
        assert proc.poll() is None  # still running: the rows came before the end
    finally:
        proc.stdout.close()  # the reader goes away: a quiet end (broken pipe), no traceback
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and "Traceback" not in err


def _count_lines(args: list[str], **popen: object) -> tuple[int, int, str]:
    """(lines written, exit code, stderr) of the CLI, its output counted without being kept."""
    proc = subprocess.Popen([str(CLI), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(),
                            **popen)
    lines = 0
    while chunk := proc.stdout.read(1 << 20):
        lines += chunk.count(b"\n")
    err = proc.stderr.read().decode()
    return lines, proc.wait(timeout=60), err


# The process may allocate at most this much data: far less than the result below (400,000 rows of 500
# characters, over 200 MB as Python objects), and about twice what the command needs to start.
DATA_LIMIT = 150 * 1024 * 1024


def test_a_large_result_streams_in_bounded_memory(filled):
    query = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 400000) "
             "SELECT x, printf('%500d', x) AS pad FROM c")

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_DATA, (DATA_LIMIT, DATA_LIMIT))

    for fmt in ("csv", "jsonl"):
        lines, code, err = _count_lines(["sql", query, "--db", str(filled), "--format", fmt, "--timeout", "0"],
                                        preexec_fn=limit_memory)
        assert code == 0, err
        assert lines == 400_000 + (fmt == "csv")


def test_the_time_limit_stops_a_streaming_query_and_keeps_its_rows(filled):
    lines, code, err = _count_lines(["sql", ENDLESS_ROWS, "--db", str(filled), "--timeout", "1"])
    assert code == 1
    assert err == "newsarchive: error: query stopped after 1 s (--timeout)\n"
    assert lines > 1000  # what was written before the limit stays written


def test_the_time_limit_is_a_setting(filled, monkeypatch):
    monkeypatch.setenv("NEWSARCHIVE_SQL_TIMEOUT", "0.5")
    lines, code, err = _count_lines(["sql", RUNAWAY, "--db", str(filled)])
    assert (code, err) == (1, "newsarchive: error: query stopped after 0.5 s (--timeout)\n")
    monkeypatch.setenv("NEWSARCHIVE_SQL_TIMEOUT", "soon")
    lines, code, err = _count_lines(["sql", "SELECT 1", "--db", str(filled)])
    assert code == 2 and err.startswith("newsarchive: error: NEWSARCHIVE_SQL_TIMEOUT: not a number")


def test_a_reader_that_pauses_does_not_use_up_the_time_limit(filled):
    """`sql ... | less` left unscrolled: the command waits for its reader, and that wait is not query time."""
    query = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 100000) SELECT x FROM c"
    proc = subprocess.Popen([str(CLI), "sql", query, "--db", str(filled), "--timeout", "4"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env())
    time.sleep(8)  # far more than the limit; the output (over 500 KB) does not fit in the pipe meanwhile
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert out.count(b"\n") == 100_001


# -- the table: for a terminal, aligned in screen columns ------------------------------------------------


def _screen_width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


WIDE_ROWS = ("SELECT '東京で大雨、交通に乱れ' AS headline, 'a' AS mark UNION ALL SELECT 'Banjir surut', 'b' "
             "UNION ALL SELECT '서울 지하철 파업', 'c' UNION ALL SELECT 'Café', 'd'")


def test_wide_characters_stay_aligned(cli, filled):
    result = cli("sql", WIDE_ROWS, "--db", str(filled), "--format", "table")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "(4 rows)"
    starts = {_screen_width(line[:line.rindex(mark)]) for line, mark in zip(lines[:1] + lines[2:6], "mabcd")}
    assert len(starts) == 1, result.stdout  # the second column starts at one screen column on every line


def _on_a_terminal(*args: str) -> str:
    """The CLI's output when its stdout is a terminal (a pseudo-terminal read by the test)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([str(CLI), *args], stdout=slave, stderr=subprocess.PIPE, env=cli_env())
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the terminal's last writer closed it
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=60) == 0, proc.stderr.read()
    return b"".join(chunks).decode().replace("\r\n", "\n")


def test_cells_are_cut_on_a_terminal_only(cli, filled):
    query = "SELECT printf('%0200d', 7) AS long, '東京' || printf('%0100d', 8) AS wide"
    shown = _on_a_terminal("sql", query, "--db", str(filled))
    lines = shown.splitlines()
    assert lines[0].split() == ["long", "wide"] and lines[-1] == "(1 row)"  # a table: the terminal's default
    long, wide = lines[2][:60], lines[2][62:]
    assert long.endswith("…") and _screen_width(long) == 60
    assert wide.startswith("東京") and wide.endswith("…") and _screen_width(wide) <= 60
    piped = cli("sql", query, "--db", str(filled), "--format", "table")
    assert "…" not in piped.stdout and f"{7:0200d}  東京{8:0100d}" in piped.stdout  # whole when piped
    assert cli("sql", query, "--db", str(filled)).stdout.splitlines()[1] == f"{7:0200d},東京{8:0100d}"  # CSV
