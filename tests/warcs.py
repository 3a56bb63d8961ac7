"""WARC files for the tests, written with warcio (a tool we did not write), and the news pages they hold.

The pages are our own, in the style of an Indonesian and an English news site."""
from __future__ import annotations

import gzip
import zlib
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{headline} - {site}</title>
<meta property="og:title" content="{headline}">
<meta property="article:published_time" content="{date}">
<meta name="author" content="{author}"></head>
<body><header><nav><a href="/">{home}</a></nav></header>
<article><h1>{headline}</h1>
{paragraphs}
</article><footer>{site}</footer></body></html>
"""

ID_TEXT = ("{site} - Balai Besar Wilayah Sungai menambah pompa air di tiga kecamatan setelah hujan deras semalam, "
           "seperti dilansir Antara, Senin (6/3/2023).",
           "Petugas memperkirakan genangan surut dalam dua hari bila cuaca cerah dan pintu air dibuka bertahap.",
           "Warga yang rumahnya terendam diminta mengungsi ke balai desa yang telah disiapkan pemerintah daerah.")
EN_TEXT = ("The harbour authority reopened the eastern terminal on Tuesday after repairs to the crane rails, "
           "Reuters reported.",
           "Shipping agents said the backlog of containers would take about a week to clear at the current pace.",
           "Port workers' unions welcomed the reopening but asked for a review of night-shift safety rules.")


def news_page(headline: str, *, english: bool = False, site: str = "Warta Sungai", date: str = "2023-03-06T08:15:00+07:00",
              extra: str = "") -> bytes:
    text = EN_TEXT if english else ID_TEXT
    paragraphs = "\n".join(f"<p>{p.format(site=site)}</p>" for p in text) + (f"\n<p>{extra}</p>" if extra else "")
    return PAGE.format(lang="en" if english else "id", headline=headline, site=site, date=date,
                       author="Maya Lestari" if english else "Budi Santoso", home="Home" if english else "Beranda",
                       paragraphs=paragraphs).encode("utf-8")


class Warc:
    """A WARC being written: ``response(...)``, ``request(...)``, ... then ``data()`` or ``save(path)``."""

    def __init__(self, gzip: bool = True) -> None:
        self.buffer = BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=gzip)

    def _write(self, url: str, kind: str, payload: bytes, date: str, http: StatusAndHeaders | None = None,
               **extra: str) -> None:
        record = self.writer.create_warc_record(url, kind, payload=BytesIO(payload), http_headers=http,
                                                warc_headers_dict={"WARC-Date": date, **extra})
        self.writer.write_record(record)

    def warcinfo(self) -> None:
        self.writer.write_record(self.writer.create_warcinfo_record("test.warc.gz", {"software": "warcio"}))

    def response(self, url: str, body: bytes, date: str, *, status: str = "200 OK", ctype: str = "text/html; charset=utf-8",
                 encoding: str | None = None, chunked: bool = False) -> None:
        headers = [("Content-Type", ctype)] if ctype else []
        if encoding == "gzip":
            body = gzip.compress(body)
        elif encoding == "deflate":
            body = zlib.compress(body)
        if encoding:
            headers.append(("Content-Encoding", encoding))
        if chunked:
            half = len(body) // 2
            body = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:half], body[half:])) + b"0\r\n\r\n"
            headers.append(("Transfer-Encoding", "chunked"))
        else:
            headers.append(("Content-Length", str(len(body))))
        self._write(url, "response", body, date, StatusAndHeaders(status, headers, protocol="HTTP/1.1"))

    def request(self, url: str, date: str) -> None:
        self._write(url, "request", b"", date, StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "x")], is_http_request=True))

    def revisit(self, url: str, date: str) -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = self.writer.create_revisit_record(url, "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", url, date, http_headers=http)
        record.rec_headers.replace_header("WARC-Date", date)
        self.writer.write_record(record)

    def metadata(self, url: str, date: str) -> None:
        self._write(url, "metadata", b"outlinks: http://example.com/\r\n", date, None,
                    **{"Content-Type": "application/warc-fields"})

    def data(self) -> bytes:
        return self.buffer.getvalue()

    def save(self, path: Path, tail: bytes = b"") -> Path:
        path.write_bytes(self.data() + tail)
        return path
