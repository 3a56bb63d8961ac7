"""Undoing an HTTP ``Content-Encoding`` (gzip, deflate, br, zstd) within a size bound.

A page kept in a WARC is the body as it came over the wire, compressed or not. Decoding uses the very
decoders Scrapy's HttpCompressionMiddleware uses for a crawl (bounded: they stop once ``max_size`` bytes have
come out), so a decompression bomb costs at most ``max_size`` bytes, here as in a crawl.
"""
from __future__ import annotations

from collections.abc import Callable

from scrapy.utils._compression import _DecompressionMaxSizeExceeded, _inflate, _unbrotli, _unzstd
from scrapy.utils.gz import gunzip

DECODERS: dict[str, Callable[..., bytes]] = {
    "gzip": gunzip, "x-gzip": gunzip, "deflate": _inflate, "br": _unbrotli, "zstd": _unzstd,
}
# Codings that leave the bytes as they are.
IDENTITY = {"", "identity", "none"}


class TooLarge(ValueError):
    """The decoded body would exceed the bound."""


class BadEncoding(ValueError):
    """The body does not decode as its ``Content-Encoding`` says, or names a coding we do not know."""


def decode_body(body: bytes, encoding: str | None, max_size: int) -> bytes:
    """``body`` with its content codings undone, last applied first (``Content-Encoding: gzip, br``)."""
    codings = [c.strip().lower() for c in (encoding or "").split(",")]
    for coding in reversed([c for c in codings if c not in IDENTITY]):
        decoder = DECODERS.get(coding)
        if decoder is None:
            raise BadEncoding(f"unknown Content-Encoding {coding!r}")
        try:
            body = decoder(body, max_size=max_size)
        except _DecompressionMaxSizeExceeded:
            raise TooLarge(f"over {max_size:,} bytes once decoded ({coding})") from None
        except Exception as exc:  # zlib.error, OSError, EOFError, brotli.error: a broken stream, whichever
            raise BadEncoding(f"body does not decode as {coding}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    return body
