"""Full-text search over headline and body.

SQLite: an external-content FTS5 table ``articles_fts`` (rowid = articles.id) kept in step with
``articles`` by triggers on insert, update and delete, then filled from the existing rows.
PostgreSQL: a table ``articles_fts`` (article_id, document tsvector) with a GIN index, kept in step
by a trigger on insert and update (deletes cascade). The tsvector is stored, not an expression
index, because ranking (ts_rank) needs it for every match: recomputing it from the body made a
search over 20,000 articles take 160 ms at the median.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from alembic import op

from newsarchive.archive.fts import pg_document

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = [
    # unicode61 + remove_diacritics: "berita" matches "bérita"; the archive is multilingual, so no stemmer.
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        headline, body, content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, headline, body)
        VALUES ('delete', old.id, old.headline, old.body);
    END""",
    # Only headline/body changes touch the index: moving last_fetched_at on every re-crawl stays cheap.
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, body ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, headline, body)
        VALUES ('delete', old.id, old.headline, old.body);
        INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
    END""",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]
PG_UP = [
    """CREATE TABLE articles_fts (
        article_id integer PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        document tsvector NOT NULL)""",
    "CREATE INDEX ix_articles_fts_document ON articles_fts USING gin (document)",
    f"""CREATE FUNCTION articles_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO articles_fts (article_id, document) VALUES (NEW.id, {pg_document("NEW.")})
        ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
        FOR EACH ROW EXECUTE FUNCTION articles_fts_sync()""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, body ON articles
        FOR EACH ROW EXECUTE FUNCTION articles_fts_sync()""",
    f"INSERT INTO articles_fts (article_id, document) SELECT id, {pg_document()} FROM articles",
]
PG_DOWN = ["DROP TRIGGER articles_fts_update ON articles", "DROP TRIGGER articles_fts_insert ON articles",
           "DROP FUNCTION articles_fts_sync()", "DROP TABLE articles_fts"]
SQLITE_DOWN = ["DROP TRIGGER articles_fts_update", "DROP TRIGGER articles_fts_delete",
               "DROP TRIGGER articles_fts_insert", "DROP TABLE articles_fts"]


def upgrade() -> None:
    for statement in SQLITE_UP if op.get_bind().dialect.name == "sqlite" else PG_UP:
        op.execute(statement)


def downgrade() -> None:
    for statement in SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else PG_DOWN:
        op.execute(statement)
