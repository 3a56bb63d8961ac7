"""A throwaway PostgreSQL server for the tests, and the ``backend`` fixture (SQLite file / PostgreSQL URL).

Use from a test module with ``pytest_plugins = ["pg"]``. The server is Debian's postgresql package
(binaries in /usr/lib/postgresql/*/bin): initdb and postgres run as the ``postgres`` user when the
tests run as root (PostgreSQL refuses to run as root), the data directory and the unix socket live in
a temporary folder, it listens on 127.0.0.1 on a free port, and a test user logs in with a password.
It is started once per test session and stopped at the end. A missing PostgreSQL is an error, not a
skip: CI installs it (``make system``), and a silently skipped backend is an untested one.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

USER, PASSWORD = "newsarchive_test", "s3cret-pw"


@dataclass
class PgServer:
    host: str
    port: int
    socket_dir: Path

    def url(self, dbname: str, password: str = PASSWORD) -> str:
        return f"postgresql://{USER}:{password}@{self.host}:{self.port}/{dbname}"

    def admin(self) -> psycopg.Connection:
        """A superuser connection over the unix socket (trust), for creating and dropping databases."""
        return psycopg.connect(host=str(self.socket_dir), port=self.port, user="postgres",
                               dbname="postgres", autocommit=True)

    def create_database(self) -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" OWNER {USER}')
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _bindir() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    pytest.fail("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run `make system` "
                "(apt-get install postgresql)", pytrace=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres() -> dict[str, object]:
    """subprocess arguments to run as the postgres user when we are root."""
    return {"user": "postgres", "group": "postgres"} if os.geteuid() == 0 else {}


def _run(cmd: list[str], **kw: object) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, **_as_postgres(), **kw)  # type: ignore[call-overload]
    if result.returncode != 0:
        pytest.fail(f"{cmd[0]} failed: {result.stderr.strip() or result.stdout.strip()}", pytrace=False)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bindir = _bindir()
    root = Path(tempfile.mkdtemp(prefix="newsarchive-pg-"))
    root.chmod(0o755)
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    pwfile = root / "pw"
    pwfile.write_text("unused-superuser-password\n")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        shutil.chown(sockets, "postgres", "postgres")
        shutil.chown(pwfile, "postgres", "postgres")
    port = _free_port()
    # Unix socket: trust (our superuser admin connection); TCP on 127.0.0.1: passwords (the archive's).
    _run([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
          "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={pwfile}"], cwd=root)
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    _run([str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "-t", "60",
          "start"], cwd=root)
    server = PgServer("127.0.0.1", port, sockets)
    try:
        with server.admin() as conn:
            conn.execute(f"CREATE ROLE {USER} LOGIN PASSWORD '{PASSWORD}'")
        yield server
    finally:
        subprocess.run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, cwd=root, **_as_postgres())  # type: ignore[call-overload]
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty database on the test server, as a ``postgresql://`` URL with password."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An archive target that does not exist yet: a SQLite file path, or an empty PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "archive.sqlite3")
    return request.getfixturevalue("pg_url")


# -- an archive with a few articles, on either backend ----------------------------------------------

PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{headline} - {site}</title>
<meta property="og:title" content="{headline}">
<meta property="article:published_time" content="{date}T09:30:00+07:00">
<meta name="author" content="Rina Kartika"></head>
<body><header><nav><a href="/">Beranda</a></nav></header>
<article><h1>{headline}</h1>
<p>{site} - {lead}, seperti dilansir Reuters, Selasa (14/3/2023).</p>
<p>Perubahan ini mencakup rute bus malam dan kereta ringan yang melayani kawasan pinggiran kota.</p>
<p>Warga diminta memeriksa papan informasi di setiap halte sebelum berangkat.</p>
</article><footer>Hak cipta</footer></body></html>
"""
ARTICLES = [  # (url, headline, date, lead)
    ("https://kabaruji.example/2023/03/jadwal-angkutan.html", "Jadwal Baru Angkutan Umum", "2023-03-14",
     "Pemerintah kota mengumumkan jadwal baru angkutan umum yang berlaku mulai pekan depan"),
    ("https://kabaruji.example/2023/04/banjir-pesisir.html", "Banjir Rob Melanda Pesisir", "2023-04-02",
     "Banjir rob kembali melanda kawasan pesisir utara setelah air laut pasang tinggi"),
    ("https://www.lainberita.example/2023/05/festival-kuliner.html", "Festival Kuliner Nusantara Dibuka",
     "2023-05-20", "Festival kuliner nusantara dibuka di alun-alun dengan ratusan pedagang"),
]


def page_html(headline: str, date: str, lead: str, site: str = "Kabar Uji") -> str:
    return PAGE.format(headline=headline, date=date, lead=lead, site=site)


def fill(target: str) -> list[str]:
    """Save ARTICLES, each with its page, into the archive at ``target``; returns their URLs."""
    from newsarchive import parse_article
    from newsarchive.archive import Archive
    from newsarchive.archive.store import FetchedPage

    with Archive(target) as archive:
        for url, headline, date, lead in ARTICLES:
            html = page_html(headline, date, lead).encode()
            page = FetchedPage(url, 200, html, {"Content-Type": "text/html; charset=utf-8", "Server": "test"})
            archive.save(parse_article(html, url), page)
    return [a[0] for a in ARTICLES]


@pytest.fixture
def filled(backend: str) -> str:
    """``backend`` holding ARTICLES (three articles on two sites, with their pages)."""
    fill(backend)
    return backend
