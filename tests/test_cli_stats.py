"""`newsarchive stats`: counts by site, by day, by cited source."""
from __future__ import annotations

import json

import pytest

pytest.register_assert_rewrite("pg")
import pg  # noqa: E402,F401

pytest_plugins = ["pg"]


def test_stats(cli, filled):
    out = cli("stats", "--format", "json", "--db", filled)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["totals"]["articles"] == 3 and data["totals"]["pages"] == 3
    assert data["by_site"] == [{"site": "kabaruji.example", "articles": 2}, {"site": "lainberita.example", "articles": 1}]
    assert [d["day"] for d in data["by_day"]] == ["2023-05-20", "2023-04-02", "2023-03-14"]
    assert data["by_cited_source"] == [{"cited_source": "Reuters", "articles": 3}]
    if filled.startswith("postgresql"):
        return  # the table layout is backend-independent: checked once, on SQLite
    table = cli("stats", "--since", "2023-04-01", "--db", filled)
    assert "2 articles from 2 site(s)" in table.stdout and "by cited source" in table.stdout
