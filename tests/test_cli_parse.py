"""`newsarchive parse FILE`: no network, no archive, one JSON object; bad files get a one-line error."""
from __future__ import annotations

import gzip
import json
import subprocess

import pytest

from conftest import ARTICLE_HTML, CLI, cli_env


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


def test_a_program_is_refused_before_anything_is_printed(cli):
    """What a user did: `newsarchive parse /bin/ls`, by file name and on standard input."""
    result = cli("parse", "/bin/ls")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "newsarchive: error: /bin/ls is not an article: binary data, not HTML\n"
    with open("/bin/ls", "rb") as program:
        piped = subprocess.run([str(CLI), "parse", "-"], stdin=program, capture_output=True, text=True,
                               timeout=120, env=cli_env())
    assert piped.returncode == 2 and piped.stdout == ""
    assert piped.stderr == "newsarchive: error: standard input is not an article: binary data, not HTML\n"


@pytest.mark.parametrize("text", ["id,headline\n1,a < b\n2,x<y and z\n", "2023-03-14 INFO fetched <none>\n"])
def test_text_without_html_is_refused(cli, tmp_path, text):
    notes = tmp_path / "notes.txt"
    notes.write_text(text, encoding="utf-8")
    result = cli("parse", str(notes))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"newsarchive: error: {notes} is not an article: no HTML markup in it\n"


def test_dash_reads_the_page_from_standard_input(tmp_path):
    html = ARTICLE_HTML.format(headline="Dari masukan standar")
    result = subprocess.run([str(CLI), "parse", "-"], input=html, capture_output=True, text=True, timeout=120,
                            env=cli_env())
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["headline"] == "Dari masukan standar" and data["url"] == "file:///dev/stdin"
