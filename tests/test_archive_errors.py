"""Unusable archives give one line and a non-zero exit, and nothing is written: a corrupt file, a locked
archive, a PostgreSQL server that is down or refuses the password."""
from __future__ import annotations

import io
import os
import sqlite3

import pytest

from newsarchive.archive import Archive, ArchiveError, open_engine

pytest.register_assert_rewrite("pg")
import pg  # noqa: E402,F401
from pg import fill  # noqa: E402

pytest_plugins = ["pg"]


def one_line_error(result) -> None:  # noqa: ANN001 - CompletedProcess
    assert result.returncode != 0
    assert result.stderr.startswith("newsarchive: error: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_corrupt_sqlite_file(cli, tmp_path):
    corrupt = tmp_path / "corrupt.sqlite3"
    content = b"SQLite format 3\x00" + bytes(range(256)) * 16
    corrupt.write_bytes(content)
    for args in (["sql", "SELECT 1"], ["reparse"]):  # a reader and a writer
        result = cli(*args, "--db", str(corrupt))
        one_line_error(result)
        assert "not a usable SQLite archive" in result.stderr or "cannot open" in result.stderr
    assert corrupt.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corrupt.sqlite3"]


def test_locked_archive(cli, tmp_path, monkeypatch):
    db = tmp_path / "a.sqlite3"
    fill(str(db))
    monkeypatch.setenv("NEWSARCHIVE_LOCK_TIMEOUT", "0.3")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer (a crawl) mid-transaction
    try:
        result = cli("reparse", "--db", str(db))
        one_line_error(result)
        assert "locked by another process" in result.stderr
        # readers are not blocked by a writer (WAL)
        assert cli("sql", "SELECT count(*) AS n FROM articles", "--format", "csv", "--db", str(db)).stdout == "n\n3\n"
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_postgresql_down_or_wrong_password(cli, pg_server, tmp_path):
    with socket_closed_port() as port:
        down = f"postgresql://u:pw@127.0.0.1:{port}/archive"
        with pytest.raises(ArchiveError, match="Connection refused|connection failed"):
            open_engine(down)
    wrong = pg_server.url("postgres", password="not-the-password")
    with pytest.raises(ArchiveError, match="password authentication failed") as info:
        Archive(wrong)
    assert "not-the-password" not in str(info.value)
    target = tmp_path / "out.jsonl"
    result = cli("export", "--format", "jsonl", "--output", str(target), "--db", wrong)
    one_line_error(result)
    assert "password authentication failed" in result.stderr and not target.exists()


def test_empty_postgresql_database_is_not_an_archive_for_readers(cli, pg_url):
    result = cli("search", "x", "--db", pg_url)
    one_line_error(result)
    assert "not a newsarchive archive" in result.stderr


class socket_closed_port:  # noqa: N801 - used as a context manager
    """A loopback port with nothing listening on it."""

    def __enter__(self) -> int:
        import socket
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]

    def __exit__(self, *exc: object) -> None:
        pass


LONG = "a" * 300 + ".sqlite3"  # ENAMETOOLONG


@pytest.mark.parametrize("command", [["sql", "SELECT 1"], ["search", "banjir"], ["export", "--format", "jsonl"],
                                     ["history", "https://uji.example/a.html"], ["stats"], ["reparse"],
                                     ["scrape", "http://127.0.0.1:9/a.html"]])
def test_unusable_path_is_one_line(cli, tmp_path, command):
    """A --db path whose folder is a file, or whose name the file system refuses: one line, exit 2."""
    for target in ("/dev/null/x.sqlite3", str(tmp_path / LONG)):
        result = cli(*command, "--db", target)
        one_line_error(result)
        assert result.returncode == 2, result.stderr


def test_path_errors_are_archive_errors(tmp_path, monkeypatch):
    with pytest.raises(ArchiveError, match="a parent of it is not a directory"):
        Archive("/dev/null/x.sqlite3")
    db = tmp_path / "a.sqlite3"
    db.write_bytes(b"SQLite format 3\x00")  # the magic, then nothing: a damaged file
    for readonly in (False, True):
        with pytest.raises(ArchiveError, match="not a usable SQLite archive"):
            open_engine(db, readonly=readonly)
    assert db.read_bytes() == b"SQLite format 3\x00"


def test_archive_file_is_only_ever_opened_by_sqlite(tmp_path, monkeypatch):
    """Closing any descriptor of the archive drops every SQLite lock the process holds on it (POSIX
    advisory locks are per process), so that another process may checkpoint and delete the WAL under a
    writer. Opening the archive again in a process that has it open must not touch the file outside SQLite."""
    db = tmp_path / "a.sqlite3"
    Archive(db).close()
    opened: list[str] = []
    real_io_open = io.open

    def watch(file, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202 - as io.open
        if str(file).startswith(str(db)):
            opened.append(str(file))
        return real_io_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", watch)
    monkeypatch.setattr("builtins.open", watch)
    real_os_open = os.open
    monkeypatch.setattr(os, "open", lambda f, *a, **k: (opened.append(str(f)) if str(f).startswith(str(db)) else None)
                        or real_os_open(f, *a, **k))
    with Archive(db):  # a writer holds the archive ...
        for readonly in (False, True):  # ... while the same process opens it again, as crawl + store do
            open_engine(db, readonly=readonly).dispose()
    assert opened == []
