"""The SQLite full-text table declared so that Datasette and sqlite-utils find it.

Both tools find a table's FTS index by the text of its declaration, looking for ``content="articles"`` or
``content=[articles]``; 0002 wrote ``content='articles'``, which SQLite reads the same but they do not see, so
Datasette offered no search box and ``?_search=`` did nothing. The table is declared again with the name in
double quotes and rebuilt from ``articles``; its rowids, triggers and tokenizer stay as they were. PostgreSQL
archives have no FTS5 table: nothing changes there.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_TRIGGERS = ("articles_fts_insert", "articles_fts_delete", "articles_fts_update")


def _declare(content: str) -> list[str]:
    """Drop the FTS5 table and its triggers, and declare them again with ``content`` written as given.

    The triggers repeat 0002's on purpose: a revision is a frozen record of one step, and must keep doing
    what it did when a later revision changes."""
    return [*(f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGERS), "DROP TABLE IF EXISTS articles_fts",
            f"""CREATE VIRTUAL TABLE articles_fts USING fts5(
                headline, body, content={content}, content_rowid='id',
                tokenize='unicode61 remove_diacritics 2')""",
            """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
            END""",
            """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, headline, body)
                VALUES ('delete', old.id, old.headline, old.body);
            END""",
            """CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, body ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, headline, body)
                VALUES ('delete', old.id, old.headline, old.body);
                INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
            END""",
            "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')"]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in _declare('"articles"'):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in _declare("'articles'"):
            op.execute(statement)
