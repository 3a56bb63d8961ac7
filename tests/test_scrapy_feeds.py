"""The Scrapy way: ``scrapy crawl article -a url=... -o FILE`` exports the articles with Scrapy's own feed
exporters, as the Article contract's fields, while the pipelines archive them as usual."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from conftest import ARTICLE_HTML, FAST, ROOT, cli_env, write_page

from newsarchive.article import FIELDS

SCRAPY = Path(sys.executable).parent / "scrapy"
HEADLINE = "Jadwal Baru Angkutan Kota Berlaku Pekan Depan"


def test_feed_exports_write_the_article_fields(site, tmp_path: Path) -> None:
    root, base = site
    write_page(root, "/2023/03/jadwal-baru.html", ARTICLE_HTML.format(headline=HEADLINE))
    db, jsonl, table = tmp_path / "archive.sqlite3", tmp_path / "items.jsonl", tmp_path / "items.csv"
    env = {**cli_env(), "NEWSARCHIVE_DB": str(db)}  # the default archive, kept out of the checkout
    result = subprocess.run([str(SCRAPY), "crawl", "article", "-a", f"url={base}/2023/03/jadwal-baru.html",
                             "-o", str(jsonl), "-o", str(table), *FAST, "-s", "NEWSARCHIVE_MAX_PAGES=1"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "not JSON serializable" not in result.stderr, result.stderr[-2000:]
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert [r["headline"] for r in rows] == [HEADLINE]
    assert list(rows[0]) == list(FIELDS)  # the Article's fields, in the contract's order, nothing else
    assert rows[0]["authors"] == ["Rina Kartika"] and rows[0]["cited_sources"][0]["name"] == "Reuters"
    with table.open(encoding="utf-8", newline="") as fh:
        records = list(csv.DictReader(fh))
    assert [r["headline"] for r in records] == [HEADLINE] and "Article(" not in table.read_text(encoding="utf-8")
    assert db.exists()  # and the pipelines archived it
