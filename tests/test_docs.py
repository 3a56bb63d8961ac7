"""The docs are part of the product: every command and every table is documented in the README."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsarchive.archive.models import Base
from newsarchive.cli import _commands

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented(command, cli):
    assert re.search(rf"`newsarchive {command}\b", README), f"README does not document `newsarchive {command}`"
    result = cli(command, "--help")
    assert result.returncode == 0 and "usage: newsarchive" in result.stdout


@pytest.mark.parametrize("table", sorted(Base.metadata.tables))
def test_every_table_and_column_is_documented(table):
    section = re.search(rf"^\*\*`{table}`\*\*.*?(?=^\*\*`|^## )", README, flags=re.M | re.S)
    assert section, f"README has no schema entry for table {table}"
    for column in Base.metadata.tables[table].columns:
        assert f"`{column.name}`" in section.group(0), f"README does not document {table}.{column.name}"


def test_quick_start_comes_first():
    quick = README.index("## Quick start")
    assert README.index("make run") > quick and README.index("make test") > quick
    assert README.index("make run") < README.index("## Three ways")


def test_readme_site_example_is_a_valid_sites_file(tmp_path):
    from newsarchive.sites import load_sites

    block = README[README.index("[site.kabarkota]"):]
    (tmp_path / "sites.toml").write_text(block[:block.index("```")], encoding="utf-8")
    site = load_sites(tmp_path / "sites.toml")["kabarkota"]
    assert site.is_article_url("https://www.kabarkota.id/berita/123/banjir-rob-surut")
    assert site.timezone == "Asia/Jakarta"


CRAWLING = (Path(__file__).resolve().parent.parent / "docs" / "crawling.md").read_text(encoding="utf-8")


# Set by the CLI itself (from --db; the run's crawl_runs row), not by users.
INTERNAL_SETTINGS = {"NEWSARCHIVE_DB", "NEWSARCHIVE_RUN_ID", "NEWSARCHIVE_RUN_BY_CLI"}


def _settings_named(prefix: str) -> list[str]:
    from newsarchive import settings
    return sorted(name for name in vars(settings) if name.startswith(prefix) and name not in INTERNAL_SETTINGS)


@pytest.mark.parametrize("name", _settings_named("NEWSARCHIVE_"))
def test_every_newsarchive_setting_is_documented(name):
    stem = re.sub(r"_(HOURS|INTERVAL|FLUSH_SECONDS)$", "", name)
    assert f"`{name}`" in CRAWLING or f"`{stem}" in CRAWLING, f"docs/crawling.md does not document {name}"


INTERNAL_LIMITS = {"MAX_DATE_CHUNK"}  # an internal cut of the date scan, not a bound a user meets


def _limits() -> list[tuple[str, int]]:
    from newsarchive import limits
    return sorted((n, v) for n, v in vars(limits).items()
                  if n.isupper() and isinstance(v, int) and n not in INTERNAL_LIMITS)


@pytest.mark.parametrize("name, value", _limits())
def test_every_parse_limit_is_in_the_readme_limits_table(name, value):
    """The README's Errors section lists every bound on hostile input, with the value the code holds."""
    section = README[README.index("**Limits on hostile input.**"):]
    section = section[:section.index("\n\n", section.index("| what |"))]
    assert f"{value:,}" in section, f"README's limits table does not give {name} = {value:,}"
