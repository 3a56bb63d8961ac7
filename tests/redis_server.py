"""A throwaway Redis server for the tests (the shared frontier of ``crawl --frontier``).

Use from a test module with ``pytest_plugins = ["redis_server"]``. The server is Debian's ``redis-server``
(``make system`` installs it), started once per session on a free port on 127.0.0.1, in a temporary folder,
with persistence off, and stopped at the end; never the machine's own Redis service. Each test gets a
database number of its own (``redis_url``), flushed first. A missing redis-server is an error, not a skip.
"""
from __future__ import annotations

import itertools
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

# Redis's default number of databases; tests take them in turn.
DATABASES = 16
START_TIMEOUT = 20.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def redis_port() -> Iterator[int]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is not installed: run `make system` (apt-get install redis-server)", pytrace=False)
    root = Path(tempfile.mkdtemp(prefix="newsarchive-redis-"))
    port = _free_port()
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
                               "no", "--dir", str(root), "--databases", str(DATABASES)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                redis.Redis(port=port).ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("redis-server did not start", pytrace=False)
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)


_numbers = itertools.count(1)


@pytest.fixture
def redis_url(redis_port: int) -> str:
    """``redis://127.0.0.1:PORT/N``: an empty database of the session's server."""
    number = next(_numbers) % DATABASES
    redis.Redis(port=redis_port, db=number).flushdb()
    return f"redis://127.0.0.1:{redis_port}/{number}"
