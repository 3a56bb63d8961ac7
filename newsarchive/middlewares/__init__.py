"""Scrapy components that keep crawl state behind Scrapy's own interfaces (dupefilter, downloader
middleware), so that a shared scheduler (scrapy-redis) can later carry the same logic."""
