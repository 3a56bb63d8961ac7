"""What the archive already knows, as a crawl needs it: which URLs are stored, when each was last
fetched, its ETag/Last-Modified (kept in ``pages.headers``), and the ``crawl_runs`` journal.

Reads and the few writes a crawl makes beside ``Archive.save`` (a 304 moves ``last_fetched_at``; a run
row is opened and closed) go through here, on the archive's own models, so the schema stays owned by
``newsarchive.archive``. Nothing here is SQLite-specific.
"""
from __future__ import annotations

import logging
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.http import HtmlResponse, Response
from sqlalchemy import Engine, delete, insert, select, update

from newsarchive.archive.db import READER  # reads take no write lock
from newsarchive.archive.models import ArticleRow, CrawlRunRow, ListedUpdateRow, PageRow
from newsarchive.archive.store import page_headers
from newsarchive.timeutil import iso_utc, utc_now
from newsarchive.urls import canonicalize, host_of

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from newsarchive.lock import ArchiveLock

log = logging.getLogger(__name__)

# Signal (``crawler.signals``, argument ``page``: a FetchedPage): a fetched HTML page that is not stored as
# an article (the parser did not take it for one). The store pipeline keeps its raw bytes in ``pages``
# so that a later parser can ``reparse`` it; the spider only reports it.
page_not_article = object()
# Sitemap lastmod / feed updated values kept in memory before they are written to ``listed_updates`` (and
# at the end of the run). A SIGKILL loses at most these: their articles fall back on the time comparison.
LISTED_FLUSH = 500
# Request meta set by the spider on a page request from a sitemap or feed: the URL as listed (canonical)
# and the lastmod / updated value that came with it.
LISTED_META = "na_listed"
UPDATED_META = "na_updated"


def parse_when(text: str | None) -> datetime | None:
    """A sitemap ``lastmod`` (W3C datetime or date), a feed's RFC 822 or RFC 3339 time, as aware UTC."""
    if not text:
        return None
    text = text.strip()
    moment: datetime | None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if moment.tzinfo is None:  # a date or a naive time: read as UTC, the bias is hours at most
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


@dataclass
class Known:
    """One stored article as the crawl sees it."""

    article_url: str
    last_fetched: datetime | None
    published: datetime | None
    etag: str | None = None
    last_modified: str | None = None
    this_run: bool = False  # fetched by the running crawl: another link to it is a mere duplicate
    page_id: int | None = None  # the stored page whose ETag/Last-Modified a conditional GET sends


def _headers(text: str | None) -> dict[str, str]:
    """Stored response headers with lower-case names (the archive's one reader of that JSON does the parsing)."""
    return {k.lower(): v for k, v in page_headers(text).items()}


class CrawlState:
    """The known URLs of some sites (by ``articles.site``) and the policy that says which to fetch again.

    A URL is fetched again when a signal says it changed (a sitemap ``lastmod`` or feed ``updated`` other
    than the one that came with it at our last fetch, or later than that fetch), when it is a recent article
    due for a revisit, or always with ``refresh``. Everything else known is skipped; re-fetches are
    conditional (ETag / Last-Modified). The value seen with each fetched URL is kept in ``listed_updates``."""

    def __init__(self, engine: Engine, *, revisit_days: float = 0, revisit_hours: float = 0,
                 refresh: bool = False) -> None:
        self.engine = engine
        self.revisit_days = revisit_days
        self.revisit_hours = revisit_hours
        self.refresh = refresh
        self.known: dict[str, Known] = {}
        self.listed: dict[str, str] = {}  # canonical URL -> lastmod / updated seen with it (listed_updates)
        self.pending: dict[str, str] = {}  # of those, the ones not written yet

    def load(self, sites: Iterable[str] | None = None) -> int:
        """Load what is stored for the given ``articles.site`` values (all sites when None)."""
        query = (select(ArticleRow.url, ArticleRow.last_fetched_at, ArticleRow.published_at, PageRow.url,
                        PageRow.headers, PageRow.last_fetched_at, PageRow.id)
                 .outerjoin(PageRow, PageRow.article_id == ArticleRow.id))
        names = sorted(set(sites)) if sites is not None else None
        if names is not None:
            query = query.where(ArticleRow.site.in_(names))
        # article url -> (fetch time, id) of the page whose headers we keep: the latest fetched, and of
        # pages fetched at the same moment the latest stored, whatever order the rows come in.
        latest: dict[str, tuple[str, int]] = {}
        with self.engine.connect().execution_options(**READER) as conn:
            for a_url, a_fetched, published, p_url, p_headers, p_fetched, p_id in conn.execute(query):
                entry = self.known.get(a_url)
                if entry is None:
                    entry = Known(a_url, parse_when(a_fetched), parse_when(published))
                    self.known[a_url] = entry
                if p_url is None:
                    continue
                # A page URL (before rel=canonical) is as known as its article.
                self.known.setdefault(canonicalize(p_url), entry)
                if (p_fetched or "", p_id) >= latest.get(a_url, ("", 0)):
                    latest[a_url] = (p_fetched or "", p_id)
                    entry.page_id = p_id
                    headers = _headers(p_headers)
                    entry.etag = headers.get("etag")
                    entry.last_modified = headers.get("last-modified")
        self._load_listed(names)
        log.info("crawl state: %d known URLs", len(self.known))
        return len(self.known)

    def _load_listed(self, sites: list[str] | None) -> None:
        query = select(ListedUpdateRow.url, ListedUpdateRow.updated)
        if sites is not None:
            query = query.where(ListedUpdateRow.site.in_(sites))
        with self.engine.connect().execution_options(**READER) as conn:
            self.listed.update((url, updated) for url, updated in conn.execute(query))

    def get(self, url: str) -> Known | None:
        return self.known.get(canonicalize(url))

    def due(self, url: str, hint: str | None = None, now: datetime | None = None) -> tuple[bool, str]:
        """Should ``url`` be fetched, and why: new, refresh, changed, revisit; or (False, "known") for an
        article the archive holds, (False, "this run") for one this crawl fetched already."""
        entry = self.get(url)
        if entry is None:
            return True, "new"
        if entry.this_run:
            return False, "this run"
        if self.refresh or entry.last_fetched is None:
            return True, "refresh"
        if self._changed(url, hint, entry.last_fetched):
            return True, "changed"
        now = now or utc_now()
        if self.revisit_days > 0 and entry.published is not None \
                and now - entry.published <= timedelta(days=self.revisit_days) \
                and now - entry.last_fetched >= timedelta(hours=self.revisit_hours):
            return True, "revisit"
        if hint and canonicalize(url) not in self.listed:
            # Known, and the value is no later than our fetch: a baseline for the next run to compare with.
            self.remember(url, hint)
        return False, "known"

    def _changed(self, url: str, hint: str | None, last_fetched: datetime) -> bool:
        """Does the sitemap/feed value ``hint`` announce a change of ``url``: another value than the one
        seen at our last fetch (a date-only lastmod of today, a site clock behind ours are never *later*),
        or a moment after that fetch? Two spellings of one moment are the same value."""
        if not hint:
            return False
        signal = parse_when(hint)
        seen = self.listed.get(canonicalize(url))
        if seen is not None:
            before = parse_when(seen)
            if (signal != before) if signal is not None and before is not None else seen.strip() != hint.strip():
                return True
        return signal is not None and signal > last_fetched

    def remember(self, url: str, hint: str) -> None:
        """Keep ``hint``, the sitemap/feed value that came with ``url``, for the next runs to compare with."""
        key = canonicalize(url)
        self.listed[key] = hint
        self.pending[key] = hint
        if len(self.pending) >= LISTED_FLUSH:
            self.flush_listed()

    def flush_listed(self) -> None:
        """Write the values kept since the last flush to ``listed_updates`` (one transaction)."""
        if not self.pending:
            return
        pending, self.pending = self.pending, {}
        stamp = iso_utc(utc_now())
        rows = [{"url": url, "site": host_of(url), "updated": hint, "seen_at": stamp} for url, hint in pending.items()]
        with self.engine.begin() as conn:
            urls = list(pending)
            for start in range(0, len(urls), 500):  # bound the IN list (SQLite's variable limit)
                conn.execute(delete(ListedUpdateRow).where(ListedUpdateRow.url.in_(urls[start:start + 500])))
            conn.execute(insert(ListedUpdateRow), rows)

    def scraped(self, item: object, response: Response | object, **_: object) -> None:
        """``item_scraped``: an article from a sitemap or feed is archived; keep the value that came with it.
        (An item an errback yields comes with a Failure, not a response: nothing to keep then.)"""
        if not isinstance(response, Response):
            return
        url, hint = response.meta.get(LISTED_META), response.meta.get(UPDATED_META)
        if url and hint:
            self.remember(url, hint)

    def mark_fetched(self, url: str, article_url: str | None = None) -> None:
        """Remember, for the rest of this run, that ``url`` was fetched now (it is no longer due)."""
        now = utc_now()
        key = canonicalize(url)
        entry = self.known.get(key) or (self.known.get(article_url) if article_url else None)
        if entry is None:
            entry = Known(article_url or key, now, None)
        entry.last_fetched = now
        entry.this_run = True
        self.known[key] = entry
        if article_url:
            self.known.setdefault(article_url, entry)

    def touch(self, url: str, hint: str | None = None) -> None:
        """A 304: the stored copy is current. Move the fetch times of the article and of the one page whose
        validators were sent (the article's other pages, older copies or other URLs, were not fetched), and
        keep ``hint``, the sitemap/feed value that announced the change, as seen."""
        if hint:
            self.remember(url, hint)
        entry = self.get(url)
        if entry is None:
            return
        stamp = iso_utc(utc_now())
        with self.engine.begin() as conn:
            conn.execute(update(ArticleRow).where(ArticleRow.url == entry.article_url)
                         .values(last_fetched_at=stamp))
            if entry.page_id is not None:
                conn.execute(update(PageRow).where(PageRow.id == entry.page_id).values(last_fetched_at=stamp))
        entry.last_fetched = utc_now()

    def resume_pages(self, since: str, sites: Iterable[str] | None = None) -> Iterator[HtmlResponse]:
        """The article pages an interrupted run stored (fetched at or after ``since``), as responses built
        from the stored copies: their links may never have been followed. The spider follows them without
        reading the archive itself."""
        for url, body, ctype in pages_fetched_since(self.engine, since, sites):
            yield HtmlResponse(url, body=body, headers={"Content-Type": ctype or "text/html"})


# The counts of a crawl_runs row (newsarchive.runrecord.run_counts makes them from the run's stats).
RUN_COLUMNS = ("new", "updated", "unchanged", "failed", "gone", "skipped")


# -- crawl_runs -------------------------------------------------------------------------------------------
def close_stale_runs(engine: Engine, alive: Callable[[int], bool] | None = None) -> list[tuple[int, str]]:
    """Runs left 'running' by a killed process become 'interrupted'. ``alive(run_id)`` says which runs still
    run (on PostgreSQL each run holds a lock of its own: crawlers of other sites and workers of a shared
    frontier run alongside); without it, the caller's lock must prove that no other run is alive.
    Returns the closed runs' (id, started_at)."""
    with engine.begin() as conn:
        rows = [(r.id, r.started_at) for r in conn.execute(  # a writer's transaction: read-then-update
            select(CrawlRunRow.id, CrawlRunRow.started_at).where(CrawlRunRow.status == "running"))]
        rows = [r for r in rows if alive is None or not alive(r[0])]
        if rows:
            conn.execute(update(CrawlRunRow).where(CrawlRunRow.id.in_([r[0] for r in rows]))
                         .values(status="interrupted"))
    return rows


def resume_point(engine: Engine) -> str | None:
    """When the latest runs were interrupted (killed, or stopped by SIGTERM/SIGINT), the start of the
    earliest of them: their stored articles' links may not have been followed. None after a full run.
    Runs still going (other sites' crawlers, other workers of a shared frontier) are passed over."""
    start = None
    with engine.connect().execution_options(**READER) as conn:
        for status, started in conn.execute(select(CrawlRunRow.status, CrawlRunRow.started_at)
                                            .order_by(CrawlRunRow.id.desc()).limit(50)):
            if status == "running":
                continue
            if status != "interrupted":
                break
            start = started
    return start


@dataclass(frozen=True)
class RunStart:
    run_id: int
    stale: list[tuple[int, str]]  # (id, started_at) of the dead runs this one closed
    resume_since: str | None  # where the dead runs' work is taken up (see resume_point)


def begin_run(engine: Engine, lock: "ArchiveLock", label: str | None) -> RunStart:
    """What every run does once it holds its lock (``newsarchive crawl``, or a bare ``scrapy crawl`` through
    the run recorder): close the rows of runs whose process is gone, take up their work, open its own row."""
    stale = close_stale_runs(engine, lock.run_alive)
    resume_since = min(filter(None, [resume_point(engine), *(s for _, s in stale)]), default=None)
    return RunStart(start_run(engine, label, lock.reserve_run()), stale, resume_since)


def start_run(engine: Engine, site: str | None, run_id: int | None = None) -> int:
    """Open a 'running' row; ``run_id``: an id reserved beforehand (``ArchiveLock.reserve_run``)."""
    values: dict[str, object] = {"id": run_id} if run_id is not None else {}
    with engine.begin() as conn:
        result = conn.execute(CrawlRunRow.__table__.insert().values(
            started_at=iso_utc(utc_now()), site=site, new=0, updated=0, unchanged=0, failed=0, gone=0, skipped=0,
            status="running", **values))
        return int(result.inserted_primary_key[0])


def update_run(engine: Engine, run_id: int, counts: dict[str, int], status: str | None = None,
               finished: bool = False) -> None:
    values: dict[str, object] = {k: int(counts.get(k, 0)) for k in RUN_COLUMNS}
    if status:
        values["status"] = status
    if finished:
        values["finished_at"] = iso_utc(utc_now())
    with engine.begin() as conn:
        conn.execute(update(CrawlRunRow).where(CrawlRunRow.id == run_id).values(**values))


def pages_fetched_since(engine: Engine, since: str, sites: Iterable[str] | None = None
                        ) -> Iterator[tuple[str, bytes, str]]:
    """(url, body, content type) of article pages fetched at or after ``since``: an interrupted run
    stored them but may not have followed their links, so the next run follows them from these copies."""
    query = (select(PageRow.id).join(ArticleRow, PageRow.article_id == ArticleRow.id)
             .where(PageRow.last_fetched_at >= since).order_by(PageRow.id))
    if sites is not None:
        query = query.where(ArticleRow.site.in_(sorted(set(sites))))
    # No connection stays open across a yield (on SQLite that would pin a snapshot while the crawl it
    # feeds writes), and bodies are read a chunk at a time: a long killed run stored many.
    with engine.connect().execution_options(**READER) as conn:
        ids = list(conn.scalars(query))
    for start in range(0, len(ids), 100):
        with engine.connect().execution_options(**READER) as conn:
            chunk = [tuple(r) for r in conn.execute(
                select(PageRow.url, PageRow.body, PageRow.headers).where(PageRow.id.in_(ids[start:start + 100])))]
        for url, body, headers in chunk:
            yield url, zlib.decompress(body), _headers(headers).get("content-type", "")


def _close(state: CrawlState) -> None:
    try:
        state.flush_listed()
    except Exception as exc:  # noqa: BLE001 - the values only save refetches; the run's articles are stored
        log.warning("could not keep the sitemap/feed dates seen this run: %s", exc)
    finally:
        state.engine.dispose()


# -- one state per crawler ---------------------------------------------------------------------------------
def state_for(crawler: "Crawler") -> CrawlState | None:
    """The crawl state shared by the dupefilter and the conditional-GET middleware of one crawler, or None
    when incremental crawling is off (``NEWSARCHIVE_INCREMENTAL=0``) or there is no archive."""
    if hasattr(crawler, "_newsarchive_state"):
        return crawler._newsarchive_state  # type: ignore[no-any-return]
    settings = crawler.settings
    state = None
    if settings.getbool("NEWSARCHIVE_INCREMENTAL") and settings.get("NEWSARCHIVE_DB"):
        from newsarchive.archive.db import open_engine  # the archive opens only when a crawl needs it

        state = CrawlState(open_engine(settings["NEWSARCHIVE_DB"]),
                           revisit_days=settings.getfloat("NEWSARCHIVE_REVISIT_DAYS"),
                           revisit_hours=settings.getfloat("NEWSARCHIVE_REVISIT_HOURS"),
                           refresh=settings.getbool("NEWSARCHIVE_REFRESH"))
        spider = crawler.spider
        hosts = getattr(spider, "archive_sites", None)
        state.load(hosts() if callable(hosts) else None)
        crawler.signals.connect(state.scraped, signal=signals.item_scraped, weak=False)
        crawler.signals.connect(lambda **_: _close(state), signal=signals.spider_closed, weak=False)
    crawler._newsarchive_state = state  # type: ignore[attr-defined]
    return state
