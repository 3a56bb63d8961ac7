"""The 0.1.0 schema: articles, authors, cited_sources, article_versions, pages, crawl_runs.

Written out in full rather than derived from the models, so that later model changes cannot change
what this revision creates.

Revision ID: 0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.String, nullable=False, unique=True),
        sa.Column("canonical_url", sa.String),
        sa.Column("site", sa.String, nullable=False),
        sa.Column("site_name", sa.String),
        sa.Column("headline", sa.String),
        sa.Column("description", sa.String),
        sa.Column("published_at", sa.String),
        sa.Column("published_at_local", sa.String),
        sa.Column("modified_at", sa.String),
        sa.Column("language", sa.String),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("tags", sa.Text, nullable=False),
        sa.Column("images", sa.Text, nullable=False),
        sa.Column("provenance", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String, nullable=False),
        sa.Column("first_seen_at", sa.String, nullable=False),
        sa.Column("last_fetched_at", sa.String, nullable=False),
    )
    op.create_index("ix_articles_published_at", "articles", ["published_at"])
    op.create_index("ix_articles_site", "articles", ["site"])
    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.String, nullable=False),
        sa.Column("finished_at", sa.String),
        sa.Column("site", sa.String),
        sa.Column("new", sa.Integer, nullable=False),
        sa.Column("updated", sa.Integer, nullable=False),
        sa.Column("unchanged", sa.Integer, nullable=False),
        sa.Column("failed", sa.Integer, nullable=False),
        sa.Column("status", sa.String, nullable=False),
    )
    op.create_table(
        "authors",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False),
    )
    op.create_index("ix_authors_name", "authors", ["name"])
    op.create_table(
        "cited_sources",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("char_offset", sa.Integer),
    )
    op.create_index("ix_cited_sources_name", "cited_sources", ["name"])
    op.create_table(
        "article_versions",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("fetched_at", sa.String, nullable=False),
        sa.Column("headline", sa.String),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String, nullable=False),
    )
    op.create_table(
        "pages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.String, nullable=False),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="SET NULL")),
        sa.Column("status", sa.Integer, nullable=False),
        sa.Column("headers", sa.Text, nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
        sa.Column("body_hash", sa.String, nullable=False),
        sa.Column("fetched_at", sa.String, nullable=False),
        sa.Column("last_fetched_at", sa.String, nullable=False),
    )
    op.create_index("ix_pages_article_id", "pages", ["article_id"])
    op.create_index("ix_pages_url", "pages", ["url"])
    op.create_index("ix_pages_url_hash", "pages", ["url", "body_hash"], unique=True)


def downgrade() -> None:
    for table in ("pages", "article_versions", "cited_sources", "authors", "crawl_runs", "articles"):
        op.drop_table(table)
