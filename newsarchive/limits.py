"""Bounds on what one page may cost the parser, whatever its markup: named here, in one place, and listed
in the README's Errors section.

Each bound is far above what real pages need (the largest of our 383 development pages has about 10,000
elements and 1.5 MB of HTML; the busiest tag, 60 attributes), and each turns a page made to be slow into
one that parses in a second or two. libxml2 checks every attribute of an element against the ones before
it, so an element with 40,000 attributes took 12 s and one with 200,000 over 500 s; a page of half a
million elements took 6 s of extraction.
"""
from __future__ import annotations

# Characters of decoded HTML parsed; the rest of a larger page is cut (its tail is scripts and footers).
MAX_HTML_CHARS = 5_000_000
# Elements (start tags) parsed; the markup is cut before the next one.
MAX_ELEMENTS = 50_000
# Attributes kept on one element; the rest of them are dropped before lxml sees the tag.
MAX_ATTRIBUTES = 200
# Characters of article body kept (about 30,000 words; the longest long-reads have a third of that): it
# bounds the cited-source and language passes that read the whole body.
MAX_BODY_CHARS = 200_000
# Elements of a page beyond which trafilatura's second opinion on a weak body is not asked: it reads the whole
# tree again with rules of its own, which on a page of tens of thousands of links or line breaks takes minutes.
MAX_SECOND_OPINION_ELEMENTS = 20_000
# Characters of one text node read by the running-text date scan: date lines are short and come first.
MAX_DATE_CHUNK = 2_000
