"""Scrapy spiders. They discover and fetch; they never extract (that is ``newsarchive.parse``)."""
