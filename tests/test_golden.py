"""Golden tests: every article of the bundled demo site (``data/demo/``) against its hand-written expectations.

One JSON file per article in ``tests/golden/demo/`` gives the page (``path``, relative to ``data/demo/``) and what
``newsarchive.parse_article`` must return for it:

- ``headline``      equal after whitespace normalisation;
- ``published_at``  the same instant *and* the same UTC offset (+07:00 WIB, +08:00 WITA);
- ``authors``       the list of names, exactly, in page order;
- ``cited_sources`` the list of ``CitedSource.name``, exactly, in order of appearance;
- ``body_first`` / ``body_last``  the first and last paragraph of ``Article.body``, after whitespace normalisation
  (paragraphs are the non-blank lines of the body, so both the ``"\\n\\n"`` and the ``"\\n"`` convention work);
- ``language`` and ``tags`` (Blogger labels, in page order), exactly.

Besides, the body must hold none of the Blogger furniture around the post (comments heading, popular-posts widget,
author line, "Baca juga" links). Each field is its own test (``test_golden_field[<slug>-<field>]``) so a failure
names the field to fix. ``exercises`` in each JSON file says which extraction problem the page poses.

The pages are read from disk with ``{{BASE}}`` replaced in memory, exactly as the demo server would serve them.
The last tests check the site itself: every root-relative link resolves to a file, the feed and sitemap are
well-formed and list every golden article.
"""
from __future__ import annotations

import json
import re
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import lxml.html
import pytest

from newsarchive import parse_article

from golden_checks import check_field

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo"
GOLDEN = Path(__file__).resolve().parent / "golden" / "demo"
BASE = "http://127.0.0.1:8000"
TOKEN = "{{BASE}}"
FURNITURE = ("Posting Komentar", "Postingan Populer", "Diposting oleh", "Baca juga")
FIELDS = ("headline", "published_at", "authors", "cited_sources", "body_first", "body_last", "body_clean",
          "language", "tags")

CASES = sorted(GOLDEN.glob("*.json"))




@lru_cache(maxsize=None)
def golden(name: str) -> dict:
    return json.loads((GOLDEN / name).read_text(encoding="utf-8"))


def page_bytes(rel: str) -> bytes:
    return (DEMO / rel).read_bytes().replace(TOKEN.encode(), BASE.encode())


@lru_cache(maxsize=None)
def parsed(name: str):
    g = golden(name)
    return parse_article(page_bytes(g["path"]), f"{BASE}/{g['path']}")


def test_golden_fixtures_exist():
    assert len(CASES) >= 10, f"expected 10+ golden fixtures in {GOLDEN}"
    for path in CASES:
        g = golden(path.name)
        missing = {"path", *[f for f in FIELDS if f != "body_clean"]} - g.keys()
        assert not missing, f"{path.name} lacks {missing}"
        assert (DEMO / g["path"]).is_file(), g["path"]
        assert Path(g["path"]).stem == path.stem


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("case", [p.name for p in CASES], ids=[p.stem for p in CASES])
def test_golden_field(case: str, field: str):
    g = golden(case)
    check_field(parsed(case), g, field, FURNITURE)


# --- the site itself -------------------------------------------------------------------------------------------

SITE_FILES = sorted(p for p in DEMO.rglob("*") if p.is_file() and p.suffix in {".html", ".xml", ".txt", ""})


def _resolve(href: str) -> Path | None:
    """The file a root-relative link points to (as the demo server maps it), or None for other links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    target = DEMO / unquote(parts.path).lstrip("/")
    return target / "index.html" if target.is_dir() else target


def test_demo_internal_links_resolve():
    broken = []
    for page in DEMO.rglob("*.html"):
        tree = lxml.html.fromstring(page.read_bytes())
        for el, attr, link, _ in tree.iterlinks():
            if attr not in {"href", "src"} or el.tag == "meta":
                continue
            if link.startswith(TOKEN):  # canonical links use the token; resolve them like root-relative ones
                link = link[len(TOKEN):]
            target = _resolve(link)
            if target is not None and not target.is_file():
                broken.append(f"{page.relative_to(DEMO)} -> {link}")
    assert not broken, broken


def test_demo_has_no_absolute_internal_links():
    bad = []
    for page in SITE_FILES:
        text = page.read_text(encoding="utf-8")
        for m in re.finditer(r"(?:href|src|content)=\"(https?://[^\"]+)\"", text):
            bad.append(f"{page.relative_to(DEMO)}: {m.group(1)}")
        if "127.0.0.1" in text or "localhost" in text:
            bad.append(f"{page.relative_to(DEMO)}: hard-coded loopback host")
    assert not bad, bad


def _xml(rel: str) -> ElementTree.Element:
    return ElementTree.fromstring(page_bytes(rel))


def test_demo_sitemap_and_feed_list_every_article():
    want = {f"{BASE}/{golden(p.name)['path']}" for p in CASES}
    sm = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    sitemap = {u.findtext(f"{sm}loc") for u in _xml("sitemap.xml").iter(f"{sm}url")}
    assert want <= sitemap
    atom = "{http://www.w3.org/2005/Atom}"
    feed = _xml("feeds/posts/default")
    alternates = set()
    for entry in feed.iter(f"{atom}entry"):
        assert entry.findtext(f"{atom}published") and entry.findtext(f"{atom}updated")
        alternates |= {link.get("href") for link in entry.iter(f"{atom}link") if link.get("rel") == "alternate"}
    assert alternates == want
    robots = page_bytes("robots.txt").decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in robots


def test_demo_feed_dates_match_golden():
    atom = "{http://www.w3.org/2005/Atom}"
    published = {}
    for entry in _xml("feeds/posts/default").iter(f"{atom}entry"):
        href = next(link.get("href") for link in entry.iter(f"{atom}link") if link.get("rel") == "alternate")
        published[href] = datetime.fromisoformat(entry.findtext(f"{atom}published"))
    for p in CASES:
        g = golden(p.name)
        assert published[f"{BASE}/{g['path']}"] == datetime.fromisoformat(g["published_at"]), p.name
