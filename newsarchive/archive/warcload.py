"""Importing WARC files into the archive: each HTML capture read as a crawl reads a response, then stored.

The pages come from :func:`newsarchive.archive.warcimport.read_captures` (streamed, bounded); each is parsed by
:func:`parse_capture`, the crawl's own reading path (``newsarchive.reading.article_from_page`` with the site's
profile and time zone, then ``newsarchive.normalise``), dated by its ``WARC-Date``; the articles and their pages
go through ``Archive.save_many`` as a crawl's do (versions on changed content; the same bytes twice store
nothing), and a page that is no article is kept in ``pages`` as a crawl keeps one.

Parsing is a pure function of the page, so ``jobs`` > 1 spreads it over a process pool while this process
reads the files and is the one writer. At most :data:`IN_FLIGHT_PER_JOB` chunks of :data:`CHUNK` pages per
job are out at a time, and results are written in file order: memory stays that of a few hundred pages,
whatever the size of the files, and the archive ends the same whatever ``jobs`` is.
"""
from __future__ import annotations

import logging
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from newsarchive.archive.store import Archive, FetchedPage, SaveResult, site_of
from newsarchive.archive.warcimport import Capture, ReadCounts, WarcError, read_captures
from newsarchive.article import Article
from newsarchive.normalise import normalise
from newsarchive.parsepool import parser_env, take_env, worker_context
from newsarchive.reading import article_from_page, is_candidate, site_for
# This command always parses: the parser (its models, and the profiles file, whose errors are reported before
# anything else) loads on import, as it did before newsarchive.reading deferred it for crawls that parse in a pool.
import newsarchive.parse  # noqa: E402,F401  # isort: skip
from newsarchive.sites import Site

log = logging.getLogger(__name__)

CHUNK = 50  # pages per parse task and per write transaction
IN_FLIGHT_PER_JOB = 2  # chunks handed to each worker ahead of the writer: the bound on memory


@dataclass
class ImportReport:
    files: int = 0
    records: int = 0
    results: Counter[str] = field(default_factory=Counter)  # new / updated / unchanged articles
    pages_only: int = 0  # HTML pages kept without an article (not an article, or an index page)
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> records
    errors: int = 0  # damaged files and unusable records, each reported on one line

    def summary(self) -> str:
        skipped = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items())) or "none"
        return (f"import-warc done: {self.records} record(s) in {self.files} file(s): "
                f"{self.results['new']} new, {self.results['updated']} updated, "
                f"{self.results['unchanged']} unchanged article(s), {self.pages_only} page(s) kept that are "
                f"no articles; skipped: {skipped}; {self.errors} error(s)")


def parse_capture(page: FetchedPage, site: Site | None) -> Article | None:
    """The article in ``page`` as a crawl stores it (parsed, normalised), or None: not an article page."""
    if not is_candidate(page.url, site):
        return None
    article = article_from_page(page, site)
    return normalise(article) if article.is_article else None


_SITES: list[Site] = []  # a worker's copy of the sites file's entries, set once by _start_worker


def _start_worker(env: dict[str, str], sites: list[Site]) -> None:
    global _SITES
    take_env(env)
    _SITES = sites


def _parse_chunk(pages: Sequence[FetchedPage], sites: list[Site] | None = None) -> list[Article | None]:
    sites = _SITES if sites is None else sites
    return [parse_capture(p, site_for(p.url, sites)) for p in pages]


class _Parsers:
    """Chunks of pages in, (pages, articles) out in the order given: inline, or in a process pool."""

    def __init__(self, jobs: int, sites: list[Site]) -> None:
        self.sites = sites
        self.limit = jobs * IN_FLIGHT_PER_JOB
        self.pool = None
        if jobs > 1:
            # The crawl's parse workers (newsarchive.parsepool): forked from a server that has the parser
            # loaded, never from this process and its database connections, with this process's settings.
            self.pool = ProcessPoolExecutor(jobs, mp_context=worker_context(), initializer=_start_worker,
                                            initargs=(parser_env(), sites))
        self.pending: deque[tuple[list[FetchedPage], Future[list[Article | None]]]] = deque()

    def submit(self, pages: list[FetchedPage]) -> Iterable[tuple[list[FetchedPage], list[Article | None]]]:
        if self.pool is None:
            yield pages, _parse_chunk(pages, self.sites)
            return
        self.pending.append((pages, self.pool.submit(_parse_chunk, pages)))
        while len(self.pending) >= self.limit:
            yield self._oldest()

    def drain(self) -> Iterable[tuple[list[FetchedPage], list[Article | None]]]:
        while self.pending:
            yield self._oldest()

    def _oldest(self) -> tuple[list[FetchedPage], list[Article | None]]:
        pages, future = self.pending.popleft()
        return pages, future.result()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def _write(archive: Archive, pages: list[FetchedPage], articles: list[Article | None], report: ImportReport) -> None:
    """One chunk, stored: the articles with their pages (one transaction), then the other pages."""
    items = [(a, p) for p, a in zip(pages, articles) if a is not None]
    for result in archive.save_many(items, batch=max(1, len(items))):
        report.results[SaveResult(result).value] += 1
    for page, article in zip(pages, articles):
        if article is None:
            archive.store_page(page)
            report.pages_only += 1


class WarcImport:
    """One import run: ``run(paths)`` reads, parses and stores; errors go to ``on_error``, one line each."""

    def __init__(self, archive: Archive, *, jobs: int = 1, site: str | None = None, sites: Iterable[Site] = (),
                 max_payload: int, on_error: Callable[[str], None] = log.error,
                 progress: Callable[[int, int], None] | None = None) -> None:
        self.archive, self.jobs, self.site = archive, jobs, site
        self.sites = list(sites)
        self.max_payload = max_payload
        self.on_error = on_error
        self.progress = progress
        self.report = ImportReport()
        self.done_bytes = 0
        self.total_bytes = 0
        self.shown = -1

    def run(self, paths: Sequence[str | Path]) -> ImportReport:
        self.total_bytes = sum(_size(p) for p in paths)
        parsers = _Parsers(self.jobs, self.sites)
        try:
            for path in paths:
                for pages, articles in self._file(path, parsers):
                    _write(self.archive, pages, articles, self.report)
            for pages, articles in parsers.drain():
                _write(self.archive, pages, articles, self.report)
        finally:
            parsers.close()
        return self.report

    def _file(self, path: str | Path, parsers: _Parsers) -> Iterable[tuple[list[FetchedPage], list[Article | None]]]:
        counts = ReadCounts()
        chunk: list[FetchedPage] = []
        self.report.files += 1
        try:
            for capture in read_captures(path, counts, self.max_payload, self._record_error(path), self._at):
                if self._wanted(capture):
                    chunk.append(capture.page)
                if len(chunk) >= CHUNK:
                    yield from parsers.submit(chunk)
                    chunk = []
        except WarcError as exc:  # the pages read before the damage are imported all the same
            self._error(f"{path}: {exc}")
        except OSError as exc:
            self._error(f"{path}: cannot read: {exc.strerror or exc}")
        if chunk:
            yield from parsers.submit(chunk)
        self.report.records += counts.records
        self.report.skipped.update(counts.skipped)
        self.done_bytes += _size(path)
        self._at(0)

    def _at(self, position: int) -> None:
        """Progress, in bytes of all the files, shown again only when it moved by a thousandth."""
        done = self.done_bytes + position
        step = max(1, self.total_bytes // 1000)
        if self.progress and (done // step != self.shown // step or done >= self.total_bytes):
            self.shown = done
            self.progress(min(done, self.total_bytes), self.total_bytes)

    def _wanted(self, capture: Capture) -> bool:
        if self.site and site_of(capture.page.url) != self.site:
            self.report.skipped["other sites"] += 1
            return False
        return True

    def _record_error(self, path: str | Path) -> Callable[[str], None]:
        return lambda message: self._error(f"{path}: {message}")

    def _error(self, message: str) -> None:
        self.report.errors += 1
        self.on_error(message)


def _size(path: str | Path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
