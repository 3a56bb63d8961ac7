"""Keeping archives for years: an archive made before migrations existed opens and upgrades itself.

The 0.1.0 schema below is the DDL that release wrote (``Base.metadata.create_all``), kept verbatim.
"""
from __future__ import annotations

import sqlite3

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from newsarchive.archive import Archive, open_engine
from newsarchive.archive.fts import search
from newsarchive.archive.migrate import head
from newsarchive.archive.models import Base

pytest.register_assert_rewrite("pg")
import pg  # noqa: E402,F401

pytest_plugins = ["pg"]

SCHEMA_0_1_0 = """
CREATE TABLE articles (
	id INTEGER NOT NULL,
	url VARCHAR NOT NULL,
	canonical_url VARCHAR,
	site VARCHAR NOT NULL,
	site_name VARCHAR,
	headline VARCHAR,
	description VARCHAR,
	published_at VARCHAR,
	published_at_local VARCHAR,
	modified_at VARCHAR,
	language VARCHAR,
	body TEXT NOT NULL,
	tags TEXT NOT NULL,
	images TEXT NOT NULL,
	provenance TEXT NOT NULL,
	content_hash VARCHAR NOT NULL,
	first_seen_at VARCHAR NOT NULL,
	last_fetched_at VARCHAR NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (url)
);
CREATE INDEX ix_articles_published_at ON articles (published_at);
CREATE INDEX ix_articles_site ON articles (site);
CREATE TABLE crawl_runs (
	id INTEGER NOT NULL,
	started_at VARCHAR NOT NULL,
	finished_at VARCHAR,
	site VARCHAR,
	new INTEGER NOT NULL,
	updated INTEGER NOT NULL,
	unchanged INTEGER NOT NULL,
	failed INTEGER NOT NULL,
	status VARCHAR NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE authors (
	article_id INTEGER NOT NULL,
	position INTEGER NOT NULL,
	name VARCHAR NOT NULL,
	PRIMARY KEY (article_id, position),
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX ix_authors_name ON authors (name);
CREATE TABLE cited_sources (
	article_id INTEGER NOT NULL,
	position INTEGER NOT NULL,
	name VARCHAR NOT NULL,
	evidence TEXT NOT NULL,
	char_offset INTEGER,
	PRIMARY KEY (article_id, position),
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX ix_cited_sources_name ON cited_sources (name);
CREATE TABLE article_versions (
	article_id INTEGER NOT NULL,
	version INTEGER NOT NULL,
	fetched_at VARCHAR NOT NULL,
	headline VARCHAR,
	body TEXT NOT NULL,
	content_hash VARCHAR NOT NULL,
	PRIMARY KEY (article_id, version),
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);
CREATE TABLE pages (
	id INTEGER NOT NULL,
	url VARCHAR NOT NULL,
	article_id INTEGER,
	status INTEGER NOT NULL,
	headers TEXT NOT NULL,
	body BLOB NOT NULL,
	body_hash VARCHAR NOT NULL,
	fetched_at VARCHAR NOT NULL,
	last_fetched_at VARCHAR NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE SET NULL
);
CREATE INDEX ix_pages_article_id ON pages (article_id);
CREATE INDEX ix_pages_url ON pages (url);
CREATE UNIQUE INDEX ix_pages_url_hash ON pages (url, body_hash);
"""

OLD_ROWS = [
    "INSERT INTO articles (id, url, site, headline, body, tags, images, provenance, content_hash, first_seen_at, "
    "last_fetched_at, published_at) VALUES (7, 'https://lama.example/2019/berita-lama.html', 'lama.example', "
    "'Berita Lama Sekali', 'Isi berita dari zaman dahulu tentang gunung berapi.', '[]', '[]', '{}', 'h1', "
    "'2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z', '2019-01-01')",
    "INSERT INTO authors (article_id, position, name) VALUES (7, 0, 'Penulis Lama')",
    "INSERT INTO article_versions (article_id, version, fetched_at, headline, body, content_hash) "
    "VALUES (7, 1, '2019-01-01T00:00:00Z', 'Berita Lama Sekali', 'Isi berita dari zaman dahulu.', 'h0')",
    "INSERT INTO crawl_runs (started_at, site, new, updated, unchanged, failed, status) "
    "VALUES ('2019-01-01T00:00:00Z', 'lama.example', 1, 0, 0, 0, 'done')",
]


def make_old_archive(target: str) -> None:
    if target.startswith("postgresql"):
        with psycopg.connect(target) as conn:
            # What create_all emitted on PostgreSQL: SERIAL keys, BYTEA blobs.
            conn.execute(SCHEMA_0_1_0.replace("BLOB", "BYTEA").replace("\tid INTEGER NOT NULL", "\tid SERIAL NOT NULL"))
            for statement in OLD_ROWS:
                conn.execute(statement)
    else:
        with sqlite3.connect(target) as conn:
            conn.executescript(SCHEMA_0_1_0)
            for statement in OLD_ROWS:
                conn.execute(statement)
        conn.close()


def test_old_archive_upgrades_without_loss(backend):
    make_old_archive(backend)
    with Archive(backend) as archive, archive.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head()
        row = conn.execute(text("SELECT headline, body, published_at FROM articles WHERE id = 7")).one()
        assert row == ("Berita Lama Sekali", "Isi berita dari zaman dahulu tentang gunung berapi.", "2019-01-01")
        assert conn.execute(text("SELECT name FROM authors")).scalars().all() == ["Penulis Lama"]
        assert conn.execute(text("SELECT count(*) FROM article_versions")).scalar_one() == 1
        assert conn.execute(text("SELECT status FROM crawl_runs")).scalar_one() == "done"
        # the rows written before full-text search existed are indexed by the upgrade
        assert [h.url for h in search(conn, "gunung berapi")] == ["https://lama.example/2019/berita-lama.html"]
    with Archive(backend):  # opening again is a no-op
        pass


def test_read_only_command_leaves_an_old_archive_alone(cli, tmp_path):
    """Reading commands never write: an old archive is refused, unchanged, with the command that upgrades it."""
    db = str(tmp_path / "old.sqlite3")
    make_old_archive(db)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    out = cli("search", "gunung", "--format", "json", "--db", db)
    assert out.returncode == 2
    assert out.stderr.startswith("newsarchive: error:") and "newsarchive upgrade --db" in out.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no table, no -wal, no journal mode

    out = cli("upgrade", "--db", db)
    assert out.returncode == 0, out.stderr
    assert head() in out.stdout
    out = cli("search", "gunung", "--format", "json", "--db", db)
    assert out.returncode == 0, out.stderr
    assert "berita-lama" in out.stdout


def test_upgrade_never_creates_an_archive(cli, tmp_path):
    out = cli("upgrade", "--db", str(tmp_path / "none.sqlite3"))
    assert out.returncode == 2 and "no archive" in out.stderr
    assert list(tmp_path.iterdir()) == []


def test_migrations_build_exactly_the_models(backend):
    """Models and migrations are written separately: nothing may differ between them."""
    engine = open_engine(backend)
    try:
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        engine.dispose()
    # articles_fts (FTS5 and its shadow tables; the tsvector table) is the migrations' own, not the models'.
    ignored = ("articles_fts", "alembic_version")
    diffs = [d for d in diffs if not any(name in repr(d) for name in ignored)]
    assert diffs == []


def test_revision_files_agree_with_alembic():
    """migrate.revisions() reads the file names; Alembic reads the files: they must tell the same chain."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from newsarchive.archive.migrate import MIGRATIONS_DIR, revisions

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)
    chain = [s.revision for s in reversed(list(script.walk_revisions()))]
    assert script.get_heads() == [revisions()[-1]]
    assert tuple(chain) == revisions()
