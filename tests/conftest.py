"""Shared fixtures: a real HTTP server on 127.0.0.1 for pages the tests write, the demo site, and the
CLI run as a subprocess (as cron would run it)."""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsarchive.demo import DEMO_DIR, DemoServer

ROOT = Path(__file__).resolve().parent.parent
CLI = Path(sys.executable).parent / "newsarchive"
# Tests crawl loopback servers: no politeness delays.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "RETRY_TIMES=0"]


# Loopback crawls must never go through a proxy of the machine running the tests (Scrapy's
# HttpProxyMiddleware reads these, and no_proxy is not reliably honoured for 127.0.0.1:PORT).
PROXY_VARIABLES = {"http_proxy", "https_proxy", "all_proxy", "no_proxy"}


def cli_env() -> dict[str, str]:
    """The environment the CLI runs in: the test process's, less Scrapy's and the proxy variables."""
    return {k: v for k, v in os.environ.items()
            if not k.startswith("SCRAPY_") and k.lower() not in PROXY_VARIABLES}


def run_cli(*args: str, cwd: Path | str | None = None, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = cli_env()
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, cwd=cwd, timeout=timeout, env=env)


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """An empty folder served on 127.0.0.1: tests write pages into it. Yields (folder, base URL)."""
    root = tmp_path / "site"
    root.mkdir()
    with DemoServer(root) as base:
        yield root, base


@pytest.fixture(scope="session")
def demo_base() -> Iterator[str]:
    with DemoServer(DEMO_DIR) as base:
        yield base


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "archive.sqlite3"


def write_page(root: Path, path: str, html: str) -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


ARTICLE_HTML = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{headline} - Kabar Uji</title>
<meta property="og:title" content="{headline}">
<meta property="article:published_time" content="2023-03-14T09:30:00+07:00">
<meta name="author" content="Rina Kartika"></head>
<body><header><nav><a href="/">Beranda</a></nav></header>
<article><h1>{headline}</h1>
<p>Kabar Uji - Pemerintah kota mengumumkan jadwal baru angkutan umum yang berlaku mulai pekan depan, seperti dilansir Reuters, Selasa (14/3/2023).</p>
<p>Perubahan jadwal ini mencakup rute bus malam dan kereta ringan yang melayani kawasan pinggiran kota.</p>
<p>Warga diminta memeriksa papan informasi di setiap halte sebelum berangkat.</p>
</article><footer>Hak cipta Kabar Uji</footer></body></html>
"""
