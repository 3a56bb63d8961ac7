"""`newsarchive import-warc`: WARCs written by warcio and by Debian's wget, imported as a crawl would store them."""
from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from conftest import write_page
from warcs import Warc, news_page

from newsarchive.archive.warcimport import ReadCounts, WarcError, read_captures

SITE = "http://warta-sungai.example"
D1, D2, D3 = "2023-03-06T01:15:00Z", "2023-03-06T05:40:00Z", "2023-03-07T02:00:00Z"


def sample(tmp_path: Path) -> Path:
    """Every kind of record a crawler writes, two captures of one article, and a truncated gzip member at the end."""
    w = Warc()
    w.warcinfo()
    w.request(f"{SITE}/2023/03/pompa-air.html", D1)
    w.response(f"{SITE}/2023/03/pompa-air.html", news_page("Pompa Air Ditambah di Tiga Kecamatan"), D1)
    w.metadata(f"{SITE}/2023/03/pompa-air.html", D1)
    # chunked and gzip-encoded, as a server sends it
    w.response(f"{SITE}/2023/03/genangan-surut.html", news_page("Genangan Mulai Surut"), D2, encoding="gzip", chunked=True)
    w.response("https://harbour-news.example/2023/03/terminal-reopens.html",
               news_page("Eastern Terminal Reopens", english=True, site="Harbour News"), D2, encoding="deflate")
    w.response(f"{SITE}/img/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, D1, ctype="image/png")
    w.response(f"{SITE}/2023/03/hilang.html", news_page("Tidak Ada"), D1, status="404 Not Found")
    w.revisit(f"{SITE}/2023/03/pompa-air.html", D2)
    # the same article later, corrected: a second version
    w.response(f"{SITE}/2023/03/pompa-air.html", news_page("Pompa Air Ditambah di Empat Kecamatan",
                                                           extra="Pembaruan: satu kecamatan lagi ditambahkan."), D3)
    last = Warc()
    last.response(f"{SITE}/2023/03/terpotong.html", news_page("Terpotong"), D3)
    return w.save(tmp_path / "sample.warc.gz", tail=last.data()[:-60])


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def jsonl(cli, db) -> list[dict]:
    out = cli("export", "--format", "jsonl", "--db", str(db))
    assert out.returncode == 0, out.stderr
    return sorted((json.loads(line) for line in out.stdout.splitlines()), key=lambda r: r["url"])


def test_import_reads_every_kind_of_record(cli, tmp_path, db):
    warc = sample(tmp_path)
    out = cli("import-warc", str(warc), "--db", str(db))
    assert out.returncode == 1, out.stderr  # the truncated member at the end
    assert "Traceback" not in out.stderr
    errors = out.stderr.strip().splitlines()
    assert len(errors) == 1 and str(warc) in errors[0] and "record 11" in errors[0] and "truncated" in errors[0]
    summary = out.stdout.strip().splitlines()[-1]
    assert "3 new, 1 updated, 0 unchanged" in summary
    for skipped in ("1 metadata", "1 not 200", "1 not HTML", "1 request", "1 revisit", "1 warcinfo"):
        assert skipped in summary
    articles = dict(rows(db, "SELECT url, headline FROM articles"))
    assert articles == {f"{SITE}/2023/03/pompa-air.html": "Pompa Air Ditambah di Empat Kecamatan",
                        f"{SITE}/2023/03/genangan-surut.html": "Genangan Mulai Surut",
                        "https://harbour-news.example/2023/03/terminal-reopens.html": "Eastern Terminal Reopens"}
    # each capture kept, decoded, dated by its WARC-Date
    pages = rows(db, "SELECT url, fetched_at, last_fetched_at FROM pages ORDER BY id")
    assert pages == [(f"{SITE}/2023/03/pompa-air.html", D1, D1), (f"{SITE}/2023/03/genangan-surut.html", D2, D2),
                     ("https://harbour-news.example/2023/03/terminal-reopens.html", D2, D2),
                     (f"{SITE}/2023/03/pompa-air.html", D3, D3)]
    assert rows(db, "SELECT count(*) FROM pages WHERE url LIKE '%genangan%'") == [(1,)]
    versions = rows(db, "SELECT v.version, v.fetched_at, v.headline FROM article_versions v JOIN articles a "
                        "ON a.id = v.article_id WHERE a.url LIKE '%pompa-air%' ORDER BY v.version")
    assert versions == [(1, D1, "Pompa Air Ditambah di Tiga Kecamatan"), (2, D3, "Pompa Air Ditambah di Empat Kecamatan")]
    assert rows(db, "SELECT first_seen_at, last_fetched_at FROM articles WHERE url LIKE '%pompa-air%'") == [(D1, D3)]
    english = [a for a in jsonl(cli, db) if "harbour" in a["url"]][0]
    assert english["language"] == "en" and english["cited_sources"][0]["name"] == "Reuters"


def test_same_file_twice_adds_nothing(cli, tmp_path, db):
    warc = sample(tmp_path)
    cli("import-warc", str(warc), "--db", str(db))
    tables = ("articles", "article_versions", "pages", "authors", "cited_sources")
    before = {t: rows(db, f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables}
    again = cli("import-warc", str(warc), "--db", str(db))
    assert again.returncode == 1 and "0 new, 0 updated, 4 unchanged" in again.stdout
    assert {t: rows(db, f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables} == before


def test_two_jobs_store_what_one_does(cli, tmp_path):
    warc = sample(tmp_path)
    one, two = tmp_path / "one.sqlite3", tmp_path / "two.sqlite3"
    first = cli("import-warc", str(warc), "--db", str(one))
    second = cli("import-warc", str(warc), "--jobs", "2", "--db", str(two))
    assert first.returncode == second.returncode == 1 and "Traceback" not in second.stderr
    assert first.stdout == second.stdout
    assert jsonl(cli, one) == jsonl(cli, two)
    assert rows(one, "SELECT url, fetched_at, body_hash FROM pages ORDER BY id") == \
        rows(two, "SELECT url, fetched_at, body_hash FROM pages ORDER BY id")


def test_site_option_and_damage_in_one_file_spares_the_next(cli, tmp_path, db):
    w = Warc(gzip=False)
    w.response(f"{SITE}/2023/03/pertama.html", news_page("Berita Pertama"), D1)
    w.response(f"{SITE}/2023/03/kedua.html", news_page("Berita Kedua"), D2)
    data = w.data()
    second = data.index(b"WARC/1.", 10)
    corrupt = tmp_path / "corrupt.warc"
    corrupt.write_bytes(data[:second] + b"GARBAGE RECORD\r\n" + data[second + 16:])
    good = sample(tmp_path)
    out = cli("import-warc", str(corrupt), str(tmp_path / "missing.warc.gz"), str(good), "--site", "www.warta-sungai.example",
              "--db", str(db))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    errors = out.stderr.strip().splitlines()
    assert len(errors) == 3
    assert "missing.warc.gz: no such file" in errors[0]  # known before any file is read
    assert str(corrupt) in errors[1] and "record 2 at offset" in errors[1] and "GARBAGE" in errors[1]
    assert str(good) in errors[2] and "truncated gzip member" in errors[2]
    urls = {u for (u,) in rows(db, "SELECT url FROM articles")}
    assert urls == {f"{SITE}/2023/03/pertama.html", f"{SITE}/2023/03/pompa-air.html", f"{SITE}/2023/03/genangan-surut.html"}
    assert "1 other sites" in out.stdout


def test_unusable_input_is_one_line(cli, tmp_path, db):
    text = tmp_path / "notes.txt"
    text.write_text("not a warc\n")
    out = cli("import-warc", str(text), "--db", str(db))
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "Unknown archive format" in out.stderr
    out = cli("import-warc", str(tmp_path / "none.warc"), "--db", str(db))
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "no such file" in out.stderr
    out = cli("import-warc", str(text), "--jobs", "0", "--db", str(db))
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_oversized_payloads_are_skipped_in_bounded_memory(cli, tmp_path, db):
    w = Warc()
    bomb = b"<html><body>" + b" " * (25 * 1024 * 1024) + b"</body></html>"  # 25 MB, gzipped to some KB
    w.response(f"{SITE}/2023/03/bom.html", bomb, D1, encoding="gzip")
    w.response(f"{SITE}/2023/03/sesudahnya.html", news_page("Sesudah Bom"), D2)
    warc = w.save(tmp_path / "bomb.warc.gz")
    assert warc.stat().st_size < 1024 * 1024
    out = cli("import-warc", str(warc), "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert "1 too large" in out.stdout and "1 new" in out.stdout
    # an uncompressed payload over the bound is never held whole either
    counts = ReadCounts()
    w = Warc(gzip=False)
    w.response(f"{SITE}/2023/03/besar.html", b"<html>" + b"x" * 200_000, D1)
    w.response(f"{SITE}/2023/03/kecil.html", news_page("Kecil"), D1)
    found = list(read_captures(w.save(tmp_path / "big.warc"), counts, 100_000))
    assert [c.page.url for c in found] == [f"{SITE}/2023/03/kecil.html"] and counts.skipped["too large"] == 1


def test_reader_names_the_damaged_record(tmp_path):
    w = Warc(gzip=False)
    for i in range(3):
        w.response(f"{SITE}/2023/03/b{i}.html", news_page(f"Berita {i}"), D1)
    data = w.data()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[:-200])
    counts = ReadCounts()
    with pytest.raises(WarcError, match=r"record 3 at offset \d+: truncated record"):
        list(read_captures(cut, counts, 10**6))
    wrong = tmp_path / "length.warc"
    wrong.write_bytes(data.replace(b"Content-Length: ", b"Content-Length: 1", 1))
    with pytest.raises(WarcError, match="record 1 at offset 0: .*Content-Length is wrong"):
        list(read_captures(wrong, ReadCounts(), 10**6))


# -- a WARC written by wget from a local site ------------------------------------------------------------

def wget_warc(root: Path, base: str, tmp_path: Path) -> Path:
    write_page(root, "index.html", '<html><body><a href="/2023/03/pompa-air.html">a</a> '
                                   '<a href="/2023/03/terminal.html">b</a></body></html>')
    write_page(root, "2023/03/pompa-air.html", news_page("Pompa Air Ditambah di Tiga Kecamatan").decode())
    write_page(root, "2023/03/terminal.html", news_page("Eastern Terminal Reopens", english=True).decode())
    wget = shutil.which("wget")
    assert wget, "wget is not installed (make install adds Debian's wget)"
    target = tmp_path / "crawl"
    done = subprocess.run([wget, "--recursive", "--level=1", "--no-verbose", "-e", "robots=off", "--no-proxy",
                           f"--warc-file={target}", "--directory-prefix", str(tmp_path / "mirror"), base + "/"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return target.with_name("crawl.warc.gz")


def test_wget_warc_imports(cli, site, tmp_path, db):
    root, base = site
    warc = wget_warc(root, base, tmp_path)
    out = cli("import-warc", str(warc), "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert "2 new" in out.stdout and "request" in out.stdout and "warcinfo" in out.stdout
    headlines = {h for (h,) in rows(db, "SELECT headline FROM articles")}
    assert headlines == {"Pompa Air Ditambah di Tiga Kecamatan", "Eastern Terminal Reopens"}
    # fetch times are wget's WARC-Date of each response
    from warcio.archiveiterator import ArchiveIterator
    with warc.open("rb") as fh:
        dates = {r.rec_headers.get_header("WARC-Target-URI"): r.rec_headers.get_header("WARC-Date")
                 for r in ArchiveIterator(fh) if r.rec_type == "response"}
    for url, fetched in rows(db, "SELECT url, fetched_at FROM pages WHERE article_id IS NOT NULL"):
        assert fetched == dates[url]
    assert rows(db, "SELECT count(*) FROM pages WHERE article_id IS NULL") == [(1,)]  # the index page, kept
    again = cli("import-warc", str(warc), "--db", str(db))
    assert again.returncode == 0 and "0 new, 0 updated, 2 unchanged" in again.stdout


def test_gzip_member_sanity():
    """The sample's last gzip member really is cut short (what the import test relies on)."""
    member = gzip.compress(b"x" * 1000)
    with pytest.raises(EOFError):
        gzip.decompress(member[:-10])
