"""`newsarchive reparse`: stored pages re-extracted with today's parsers; versions only where content changed."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from newsarchive import parse_article
from newsarchive.archive import Archive
from newsarchive.archive.store import FetchedPage

pytest.register_assert_rewrite("pg")
from pg import ARTICLES, page_html  # noqa: E402

pytest_plugins = ["pg"]


def _stale(target: str) -> None:
    """As if an older parser had got the first article wrong: a truncated body, no authors."""
    url, headline, date, lead = ARTICLES[0]
    html = page_html(headline, date, lead).encode()
    article = parse_article(html, url)
    article.body = article.body.split("\n")[0]
    article.authors = []
    with Archive(target) as archive:
        # No page: saving the very bytes already stored is a no-op by design (re-reading them is reparse's job).
        archive.save(article)


def test_reparse_updates_and_versions(cli, filled):
    _stale(filled)
    out = cli("reparse", "--db", filled)
    assert out.returncode == 0, out.stderr
    assert "3 article(s), 1 changed" in out.stdout
    assert out.stderr == ""  # no progress bar when stderr is not a terminal
    with Archive(filled) as archive, archive.engine.connect() as conn:
        versions = conn.execute(text("SELECT a.url, count(*) FROM article_versions v JOIN articles a "
                                     "ON a.id = v.article_id GROUP BY a.url ORDER BY a.url")).all()
        authors = conn.execute(text("SELECT count(*) FROM authors")).scalar_one()
        # the index followed the re-parse: the restored paragraph is searchable again
        from newsarchive.archive.fts import search
        assert sorted(h.url for h in search(conn, "halte berangkat")) == sorted(a[0] for a in ARTICLES)
    assert dict(versions) == {ARTICLES[0][0]: 3, ARTICLES[1][0]: 1, ARTICLES[2][0]: 1}
    assert authors == 3
    again = cli("reparse", "--site", "kabaruji.example", "--db", filled)
    assert "2 article(s), 0 changed" in again.stdout, again.stdout


def test_reparse_missing_archive(cli, tmp_path):
    out = cli("reparse", "--db", str(tmp_path / "none.sqlite3"))
    assert out.returncode == 2 and "no archive" in out.stderr
    assert not (tmp_path / "none.sqlite3").exists()


def test_progress_bar_only_on_a_terminal():
    import io

    from newsarchive.cli.output import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Terminal(), io.StringIO()
    for stream in (tty, pipe):
        bar = Progress("reparse", stream, width=10)
        bar(5, 10)
        bar(10, 10)
    assert tty.getvalue() == "\rreparse [#####.....] 5/10 50%\rreparse [##########] 10/10 100%\n"
    assert pipe.getvalue() == ""


def test_reparse_uses_the_sites_file(cli, tmp_path):
    """`--sites FILE`: the site's time zone applies as in a crawl; a bad file is one line, exit 2."""
    db = str(tmp_path / "a.sqlite3")
    url = "https://kabaruji.example/2023/03/jadwal.html"
    html = page_html("Jadwal Baru", "2023-03-14", "Isi").replace("T09:30:00+07:00", "T09:30:00").encode()
    with Archive(db) as archive:
        archive.save(parse_article(html, url), FetchedPage(url, 200, html, {"Content-Type": "text/html"}))
    sites = tmp_path / "sites.toml"
    sites.write_text('[site.kabaruji]\nstart_urls = ["https://kabaruji.example/"]\ntimezone = "Asia/Jakarta"\n')
    out = cli("reparse", "--sites", str(sites), "--db", db)
    assert out.returncode == 0, out.stderr
    assert "1 article(s), 0 changed" in out.stdout
    with Archive(db) as archive, archive.engine.connect() as conn:
        assert conn.execute(text("SELECT published_at_local, published_at FROM articles")).one() == (
            "2023-03-14T09:30:00+07:00", "2023-03-14T02:30:00Z")
    bad = cli("reparse", "--sites", str(tmp_path / "none.toml"), "--db", db)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "no sites file" in bad.stderr


def test_reparse_waits_for_no_one_while_a_crawl_holds_the_archive(cli, tmp_path):
    """reparse takes the crawl's per-archive lock: held by another run, it exits 3 at once and writes nothing."""
    from pg import fill

    from newsarchive.lock import ArchiveLock

    db = str(tmp_path / "a.sqlite3")
    fill(db)
    with ArchiveLock(db):
        out = cli("reparse", "--db", db)
    assert out.returncode == 3
    assert "already running" in out.stderr and out.stderr.strip().count("\n") == 0
    again = cli("reparse", "--db", db)  # the lock is free again
    assert again.returncode == 0, again.stderr
