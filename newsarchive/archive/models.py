"""The archive schema. Table and column names are a public contract: users write SQL against them
(see the README's schema tables), so rename nothing without a migration."""
from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String, unique=True)
    canonical_url: Mapped[str | None]
    site: Mapped[str] = mapped_column(String, index=True)  # host without www., e.g. "wartapertahanan.com"
    site_name: Mapped[str | None]
    headline: Mapped[str | None]
    description: Mapped[str | None]
    # Sortable UTC text ("2022-10-25T07:05:00Z"), or a bare date when only the day is known.
    published_at: Mapped[str | None] = mapped_column(String, index=True)
    published_at_local: Mapped[str | None]  # as found, with its own UTC offset
    modified_at: Mapped[str | None]
    language: Mapped[str | None]
    body: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(Text, default="[]")  # JSON array
    images: Mapped[str] = mapped_column(Text, default="[]")  # JSON array of {url, caption}
    provenance: Mapped[str] = mapped_column(Text, default="{}")  # JSON: field -> where it came from
    content_hash: Mapped[str] = mapped_column(String)
    first_seen_at: Mapped[str] = mapped_column(String)
    last_fetched_at: Mapped[str] = mapped_column(String)

    authors: Mapped[list[AuthorRow]] = relationship(
        order_by="AuthorRow.position", cascade="all, delete-orphan", back_populates="article")
    cited_sources: Mapped[list[CitedSourceRow]] = relationship(
        order_by="CitedSourceRow.position", cascade="all, delete-orphan", back_populates="article")
    versions: Mapped[list[ArticleVersionRow]] = relationship(
        order_by="ArticleVersionRow.version", cascade="all, delete-orphan", back_populates="article")


class AuthorRow(Base):
    __tablename__ = "authors"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, index=True)
    article: Mapped[ArticleRow] = relationship(back_populates="authors")


class CitedSourceRow(Base):
    __tablename__ = "cited_sources"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, index=True)
    evidence: Mapped[str] = mapped_column(Text)
    char_offset: Mapped[int | None]
    article: Mapped[ArticleRow] = relationship(back_populates="cited_sources")


class ArticleVersionRow(Base):
    __tablename__ = "article_versions"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    fetched_at: Mapped[str] = mapped_column(String)
    headline: Mapped[str | None]
    body: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String)
    article: Mapped[ArticleRow] = relationship(back_populates="versions")


class PageRow(Base):
    """A fetched response, kept raw (zlib-compressed) so the archive can be re-parsed by later parsers.

    One row per distinct (url, body): re-fetching identical bytes only moves ``last_fetched_at``."""

    __tablename__ = "pages"
    __table_args__ = (Index("ix_pages_url_hash", "url", "body_hash", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String, index=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"), index=True)
    status: Mapped[int] = mapped_column(Integer)
    headers: Mapped[str] = mapped_column(Text, default="{}")  # JSON object
    body: Mapped[bytes] = mapped_column(LargeBinary)  # zlib-compressed response body
    body_hash: Mapped[str] = mapped_column(String)
    fetched_at: Mapped[str] = mapped_column(String)
    last_fetched_at: Mapped[str] = mapped_column(String)


class CrawlRunRow(Base):
    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[str] = mapped_column(String)
    finished_at: Mapped[str | None]
    site: Mapped[str | None]
    new: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    gone: Mapped[int] = mapped_column(Integer, default=0)  # pages that answered 404/410: no failure
    skipped: Mapped[int] = mapped_column(Integer, default=0)  # dropped on purpose (known, robots.txt, too large...)
    status: Mapped[str] = mapped_column(String, default="running")


class ListedUpdateRow(Base):
    """The sitemap ``lastmod`` / feed ``updated`` that came with a URL when it was last fetched (or first
    seen, for an article fetched before such values were kept): a different value later announces a
    correction, whatever the two clocks say."""

    __tablename__ = "listed_updates"

    url: Mapped[str] = mapped_column(String, primary_key=True)  # canonical URL, as the sitemap or feed names it
    site: Mapped[str] = mapped_column(String, index=True)  # host without www., as articles.site
    updated: Mapped[str] = mapped_column(String)  # as written in the sitemap or feed
    seen_at: Mapped[str] = mapped_column(String)  # UTC, when it was kept
