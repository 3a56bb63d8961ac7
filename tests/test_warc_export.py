"""`export --format warc [--cdxj]`: every stored capture, indexed as cdxj-indexer indexes it, and imported back."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from test_warc_import import D1, D3, SITE, jsonl, rows, sample, wget_warc

CDXJ_INDEXER = Path(sys.executable).parent / "cdxj-indexer"


def export_warc(cli, db: Path, tmp_path: Path, name: str = "export.warc.gz") -> tuple[Path, Path]:
    warc, index = tmp_path / name, tmp_path / (name + ".cdxj")
    out = cli("export", "--format", "warc", "--output", str(warc), "--cdxj", str(index), "--db", str(db))
    assert out.returncode == 0, out.stderr
    return warc, index


def test_every_capture_is_exported_with_its_own_date(cli, tmp_path, db):
    cli("import-warc", str(sample(tmp_path)), "--db", str(db))
    warc, _ = export_warc(cli, db, tmp_path)
    with warc.open("rb") as fh:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.rec_headers.get_header("WARC-Date"),
                    r.http_headers, r.content_stream().read()) for r in ArchiveIterator(fh)]
    assert records[0][0] == "warcinfo"
    responses = records[1:]
    assert [(r[1], r[2]) for r in responses] == [(u, d) for u, d in rows(db, "SELECT url, fetched_at FROM pages ORDER BY id")]
    captures = [r for r in responses if r[1] == f"{SITE}/2023/03/pompa-air.html"]
    assert [c[2] for c in captures] == [D1, D3]
    assert b"Tiga Kecamatan" in captures[0][4] and b"Empat Kecamatan" in captures[1][4]
    # the gzip-encoded, chunked capture is written decoded, its headers saying so
    surut = next(r for r in responses if "genangan" in r[1])
    assert surut[3].get_header("Content-Encoding") is None and surut[3].get_header("Transfer-Encoding") is None
    assert surut[3].get_header("Content-Length") == str(len(surut[4])) and b"Genangan Mulai Surut" in surut[4]


def test_round_trip_gives_the_same_articles(cli, tmp_path, site):
    root, base = site
    first = tmp_path / "first.sqlite3"
    assert cli("import-warc", str(sample(tmp_path)), "--db", str(first)).returncode == 1  # its truncated tail
    assert cli("import-warc", str(wget_warc(root, base, tmp_path)), "--db", str(first)).returncode == 0
    warc, _ = export_warc(cli, first, tmp_path)
    second = tmp_path / "second.sqlite3"
    out = cli("import-warc", str(warc), "--db", str(second))
    assert out.returncode == 0, out.stderr
    assert jsonl(cli, second) == jsonl(cli, first)
    query = "SELECT url, fetched_at, body_hash, status FROM pages ORDER BY url, fetched_at"
    assert rows(second, query) == rows(first, query)
    versions = "SELECT a.url, v.version, v.fetched_at, v.content_hash FROM article_versions v JOIN articles a ON a.id = v.article_id ORDER BY 1, 2"
    assert rows(second, versions) == rows(first, versions)
    # and the copy exports the same WARC payloads again
    again, _ = export_warc(cli, second, tmp_path, "again.warc.gz")
    assert sorted(payloads(again)) == sorted(payloads(warc))


def payloads(warc: Path) -> list[tuple[str, str, bytes]]:
    with warc.open("rb") as fh:
        return [(r.rec_headers.get_header("WARC-Target-URI"), r.rec_headers.get_header("WARC-Date"),
                 r.content_stream().read()) for r in ArchiveIterator(fh) if r.rec_type == "response"]


def test_cdxj_is_what_cdxj_indexer_writes(cli, tmp_path, db, site):
    root, base = site
    cli("import-warc", str(sample(tmp_path)), str(wget_warc(root, base, tmp_path)), "--db", str(db))
    for name in ("export.warc.gz", "plain.warc"):
        warc, index = export_warc(cli, db, tmp_path, name)
        ours = index.read_text(encoding="utf-8").splitlines()
        theirs = subprocess.run([str(CDXJ_INDEXER), "--sort", str(warc)], capture_output=True, text=True, check=True)
        assert ours == theirs.stdout.splitlines()
        assert ours == sorted(ours) and len(ours) == rows(db, "SELECT count(*) FROM pages")[0][0]
        key, stamp, data = ours[0].split(" ", 2)
        fields = json.loads(data)
        assert key.startswith(("1,0,0,127:", "example,")) and len(stamp) == 14
        assert set(fields) == {"url", "mime", "status", "digest", "length", "offset", "filename"}
        assert fields["filename"] == name
        # the offset and length find the record in the file
        with warc.open("rb") as fh:
            fh.seek(int(fields["offset"]))
            record = next(iter(ArchiveIterator(fh)))
            assert record.rec_headers.get_header("WARC-Target-URI") == fields["url"]


def test_cdxj_needs_a_warc_file(cli, tmp_path, db):
    cli("import-warc", str(sample(tmp_path)), "--db", str(db))
    out = cli("export", "--format", "warc", "--cdxj", str(tmp_path / "i.cdxj"), "--db", str(db))
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "--output" in out.stderr
    out = cli("export", "--format", "jsonl", "--output", str(tmp_path / "a.jsonl"), "--cdxj", str(tmp_path / "i.cdxj"),
              "--db", str(db))
    assert out.returncode == 2 and not (tmp_path / "a.jsonl").exists()


def test_site_export_keeps_only_that_sites_pages(cli, tmp_path, db):
    cli("import-warc", str(sample(tmp_path)), "--db", str(db))
    warc = tmp_path / "harbour.warc"
    out = cli("export", "--format", "warc", "--site", "harbour-news.example", "--output", str(warc), "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert [p[0] for p in payloads(warc)] == ["https://harbour-news.example/2023/03/terminal-reopens.html"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 4
