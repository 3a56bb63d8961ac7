"""`newsarchive history URL`: versions and a unified diff of what changed."""
from __future__ import annotations

import pytest

from newsarchive import parse_article
from newsarchive.archive import Archive

pytest.register_assert_rewrite("pg")
from pg import ARTICLES, page_html  # noqa: E402

pytest_plugins = ["pg"]


def test_history_shows_versions_and_diff(cli, filled):
    url, headline, date, lead = ARTICLES[1]
    with Archive(filled) as archive:
        archive.save(parse_article(page_html("Banjir Rob Surut", date, lead + " dan kini mulai surut"), url))
    out = cli("history", url, "--db", filled)
    assert out.returncode == 0, out.stderr
    assert "2 version(s)" in out.stdout
    assert "-# Banjir Rob Melanda Pesisir" in out.stdout
    assert "+# Banjir Rob Surut" in out.stdout
    assert "dan kini mulai surut" in out.stdout and "--- version 1" in out.stdout


def test_unknown_url(cli, tmp_path):
    db = str(tmp_path / "a.sqlite3")
    Archive(db).close()
    out = cli("history", "https://nowhere.example/x", "--db", db)
    assert out.returncode == 1 and out.stderr.startswith("newsarchive: error: no article")
