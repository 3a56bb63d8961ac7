"""Scrapy commands of the project (``COMMANDS_MODULE``): Scrapy's own, with newsarchive's exit codes."""
