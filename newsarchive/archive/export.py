"""Reading articles back out: the Article contract (JSONL), a flat table (CSV), and WARC.

Articles are read in id order, a chunk at a time (keyset pagination), with their authors, cited
sources and pages fetched per chunk: constant memory however large the archive, and a handful of
queries per thousand articles instead of several per article.
"""
from __future__ import annotations

import csv
import json
import logging
import zlib
from collections.abc import Iterator
from http import HTTPStatus
from io import BytesIO
from typing import IO, Any

from sqlalchemy import Connection, text

from newsarchive import __version__
from newsarchive.archive.cdxj import SortedLines, index_line
from newsarchive.archive.filters import Selection
from newsarchive.archive.store import page_header_items
from newsarchive.article import FIELDS

log = logging.getLogger(__name__)

CHUNK = 1000
ARTICLE_COLUMNS = ("id, url, canonical_url, site, site_name, headline, description, published_at, "
                   "published_at_local, modified_at, language, body, tags, images, provenance")
CSV_COLUMNS = ("url", "site", "site_name", "headline", "description", "published_at", "modified_at",
               "language", "authors", "tags", "cited_sources", "body")
# Headers that described the bytes on the wire, not the decoded body we stored.
WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def _chunks(conn: Connection, selection: Selection) -> Iterator[list[Any]]:
    where, params = selection.where()
    last = 0
    while True:
        rows = conn.execute(text(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id > :last {where} "
                                 f"ORDER BY id LIMIT {CHUNK}"), {"last": last, **params}).all()
        if not rows:
            return
        yield rows
        last = rows[-1].id


def _related(conn: Connection, selection: Selection, table: str, columns: str, order: str,
             ids: list[int]) -> Iterator[Any]:
    """Rows of ``table`` (alias ``x``) of the chunk's selected articles ``ids``, by article then ``order``."""
    where, params = selection.where("a")
    # ids are ascending: a range condition uses the primary key, where IN (1000 values) would not scale;
    # the join with the selection keeps out the rows of unselected articles in that range (other sites).
    sql = (f"SELECT x.article_id, {columns} FROM {table} x JOIN articles a ON a.id = x.article_id "
           f"WHERE x.article_id BETWEEN :lo AND :hi {where} ORDER BY x.article_id, {order}")
    return iter(conn.execute(text(sql), {"lo": ids[0], "hi": ids[-1], **params}))


def _by_article(conn: Connection, selection: Selection, table: str, columns: str, order: str,
                ids: list[int]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {}
    for row in _related(conn, selection, table, columns, order, ids):
        grouped.setdefault(row.article_id, []).append(row)
    return grouped


def _authors(conn: Connection, selection: Selection, ids: list[int]) -> dict[int, list[Any]]:
    return _by_article(conn, selection, "authors", "x.name", "x.position", ids)


def _cited(conn: Connection, selection: Selection, ids: list[int]) -> dict[int, list[Any]]:
    return _by_article(conn, selection, "cited_sources", "x.name, x.evidence, x.char_offset", "x.position", ids)


def iter_articles(conn: Connection, selection: Selection = Selection()) -> Iterator[dict[str, Any]]:
    """Every selected article as ``Article.to_dict()`` would give it, plus ``site`` under ``_site``."""
    for rows in _chunks(conn, selection):
        ids = [r.id for r in rows]
        authors = _authors(conn, selection, ids)
        cited = _cited(conn, selection, ids)
        for r in rows:
            yield {
                "url": r.url, "canonical_url": r.canonical_url, "site_name": r.site_name,
                "headline": r.headline, "description": r.description,
                # The date as the page gave it (with its offset), as the parser returned it.
                "published_at": r.published_at_local or r.published_at, "modified_at": r.modified_at,
                "authors": [a.name for a in authors.get(r.id, [])], "body": r.body, "language": r.language,
                "tags": json.loads(r.tags or "[]"), "images": json.loads(r.images or "[]"),
                "cited_sources": [{"name": c.name, "evidence": c.evidence, "offset": c.char_offset}
                                  for c in cited.get(r.id, [])],
                "is_article": True, "provenance": json.loads(r.provenance or "{}"),
                "_site": r.site, "_id": r.id,
            }


def write_jsonl(out: IO[str], conn: Connection, selection: Selection) -> int:
    n = 0
    for record in iter_articles(conn, selection):
        out.write(json.dumps({k: record[k] for k in FIELDS}, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def write_csv(out: IO[str], conn: Connection, selection: Selection) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for r in iter_articles(conn, selection):
        writer.writerow([r["url"], r["_site"], r["site_name"], r["headline"], r["description"], r["published_at"],
                         r["modified_at"], r["language"], "; ".join(r["authors"]), "; ".join(r["tags"]),
                         "; ".join(c["name"] for c in r["cited_sources"]), r["body"]])
        n += 1
    return n


PAGE_CHUNK = 100  # stored pages read at a time for the WARC: their bodies are held until written


class _Counting:
    """A binary stream that counts the bytes written through it: each WARC record's offset and length."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out, self.position = out, 0

    def write(self, data: bytes) -> int:
        self.out.write(data)
        self.position += len(data)
        return len(data)

    def flush(self) -> None:
        self.out.flush()


def _pages(conn: Connection, selection: Selection) -> Iterator[Any]:
    """Every stored page (each ``pages`` row: each distinct capture), in the order they were stored; with a
    selection, the pages of the selected articles only."""
    where, params = selection.where("a")
    join = "JOIN articles a ON a.id = p.article_id" if where else ""
    last = 0
    while True:
        rows = conn.execute(text(f"SELECT p.id, p.url, p.status, p.headers, p.body, p.fetched_at FROM pages p {join} "
                                 f"WHERE p.id > :last {where} ORDER BY p.id LIMIT {PAGE_CHUNK}"),
                            {"last": last, **params}).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].id


def _without_page(conn: Connection, selection: Selection) -> int:
    where, params = selection.where("a")
    return conn.execute(text(f"SELECT count(*) FROM articles a WHERE NOT EXISTS "
                             f"(SELECT 1 FROM pages p WHERE p.article_id = a.id) {where}"), params).scalar_one()


def write_warc(out: IO[bytes], conn: Connection, selection: Selection, gzip: bool = True,
               index: SortedLines | None = None, filename: str = "") -> tuple[int, int]:
    """A ``warcinfo`` record, then one ``response`` record per stored page (every capture, not only the
    latest), as fetched and dated by its fetch time (the first fetch of those bytes, the anchor its article's
    relative dates were read from). ``index``: gets a CDXJ line per response, naming ``filename``.

    Returns (records written, articles without a stored page, plus damaged pages left out)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    counting = _Counting(out)
    writer = WARCWriter(counting, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record(filename or "newsarchive-export.warc", {
        "software": f"newsarchive/{__version__}", "format": "WARC File Format 1.1",
        "description": "Pages of a newsarchive archive, as they were fetched"}))
    written, missing = 0, _without_page(conn, selection)
    # An uncompressed record is followed by two CRLFs that indexers count as the gap between records, not as
    # part of the record; in a .warc.gz they are inside the record's gzip member.
    trailer = 0 if gzip else len(b"\r\n\r\n")
    for page in _pages(conn, selection):
        body = _page_body(page)
        if body is None:
            missing += 1
            continue
        headers = [(k, v) for k, v in page_header_items(page.headers) if k.lower() not in WIRE_HEADERS]
        headers.append(("Content-Length", str(len(body))))
        record = writer.create_warc_record(
            page.url, "response", payload=BytesIO(body),
            http_headers=StatusAndHeaders(f"{page.status} {_reason(page.status)}", headers, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": page.fetched_at})
        offset = counting.position
        writer.write_record(record)
        written += 1
        if index is not None:
            index.add(index_line(page.url, page.fetched_at, {
                "mime": record.http_headers.get_header("Content-Type"), "status": page.status,
                "digest": record.rec_headers.get_header("WARC-Payload-Digest"),
                "length": counting.position - offset - trailer, "offset": offset, "filename": filename}))
    return written, missing


def _page_body(page: Any) -> bytes | None:
    """A stored page's body, or None (logged) when its stored bytes do not decompress: one damaged row must
    not cost the export of every other page."""
    try:
        return zlib.decompress(page.body)
    except (zlib.error, TypeError) as exc:
        log.warning("stored page of %s is damaged and left out of the WARC: %s", page.url, exc)
        return None


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"
