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
