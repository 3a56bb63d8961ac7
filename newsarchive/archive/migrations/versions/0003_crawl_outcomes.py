"""Crawl outcomes apart, and the change signals of sitemaps and feeds.

``crawl_runs`` gains ``gone`` (pages that answered 404/410, no longer counted as failed) and ``skipped``
(requests dropped on purpose); ``listed_updates`` keeps the sitemap ``lastmod`` / feed ``updated`` seen
with each URL, so that a changed value announces a correction even when it is not later than our fetch.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NOT NULL with a server default: rows of earlier runs read 0 (they counted no such thing).
    with op.batch_alter_table("crawl_runs") as batch:
        batch.add_column(sa.Column("gone", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("skipped", sa.Integer, nullable=False, server_default="0"))
    op.create_table(
        "listed_updates",
        sa.Column("url", sa.String, primary_key=True),
        sa.Column("site", sa.String, nullable=False),
        sa.Column("updated", sa.String, nullable=False),
        sa.Column("seen_at", sa.String, nullable=False),
    )
    op.create_index("ix_listed_updates_site", "listed_updates", ["site"])


def downgrade() -> None:
    op.drop_index("ix_listed_updates_site", "listed_updates")
    op.drop_table("listed_updates")
    with op.batch_alter_table("crawl_runs") as batch:
        batch.drop_column("skipped")
        batch.drop_column("gone")
