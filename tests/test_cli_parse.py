"""`newsarchive parse FILE`: no network, no archive, one JSON object; bad files get a one-line error."""
from __future__ import annotations

import gzip
import json

from conftest import ARTICLE_HTML


def test_parse_html_file(cli, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(ARTICLE_HTML.format(headline="Jadwal baru angkutan kota"), encoding="utf-8")
    result = cli("parse", str(page), "--url", "https://kabaruji.example/2023/03/jadwal-baru.html")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["headline"] == "Jadwal baru angkutan kota"
    assert data["url"] == "https://kabaruji.example/2023/03/jadwal-baru.html"
    assert data["published_at"].startswith("2023-03-14")
    assert "Rina Kartika" in data["authors"]
    assert data["body"].startswith("Kabar Uji - Pemerintah kota")


def test_parse_gzip_file(cli, tmp_path):
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(ARTICLE_HTML.format(headline="Berkas terkompresi").encode()))
    result = cli("parse", str(page))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["headline"] == "Berkas terkompresi"


def test_missing_file_is_one_line_error(cli, tmp_path):
    result = cli("parse", str(tmp_path / "nope.html"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_binary_junk_is_not_an_article(cli, tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 50)
    result = cli("parse", str(junk))
    assert result.returncode == 2
    assert "not an article" in result.stderr
    assert "Traceback" not in result.stderr
