"""Pages made to hurt the parser are bounded in time and memory, and still give their article; a page that
is valid in its declared charset but for a few bytes keeps that charset.

Each hostile page is parsed by `newsarchive parse` in a subprocess with a deadline, so a page that would
take minutes fails the test instead of hanging it; the bounds themselves are checked on the tree."""
from __future__ import annotations

import json

import pytest
from lxml import etree

from newsarchive import parse_article
from newsarchive.document import Document, bound_markup
from newsarchive.encoding import decode_html
from newsarchive.limits import MAX_ATTRIBUTES, MAX_BODY_CHARS, MAX_ELEMENTS

HEAD = ('<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Uji Halaman Ganas - Kabar Uji</title>'
        '<meta property="article:published_time" content="2024-05-01T08:00:00+07:00"></head><body><article>'
        "<h1>Uji Halaman Ganas</h1>"
        "<p>Pemerintah kota mengumumkan jadwal baru angkutan umum yang berlaku mulai pekan depan di seluruh "
        "wilayah, termasuk rute bus malam.</p>"
        "<p>Perubahan jadwal ini mencakup kereta ringan yang melayani kawasan pinggiran kota setiap hari.</p>")
TAIL = "</article></body></html>"
FIRST = "Pemerintah kota mengumumkan jadwal baru angkutan umum"

HOSTILE = {
    # libxml2 compares each attribute with those before it: quadratic in attributes per element
    "40,000 attributes": '<div ' + " ".join(f'data-a{i}="v{i}"' for i in range(40_000)) + ">x</div>",
    "200,000 attributes": '<div ' + " ".join(f"a{i}" for i in range(200_000)) + ">x</div>",
    "attributes with > in quotes": '<div ' + " ".join(f'a{i}=">"' for i in range(40_000)) + ">x</div>",
    "attributes with < in quotes": '<div ' + " ".join(f"a{i}='<'" for i in range(40_000)) + ">x</div>",
    "attributes after a quoted <script>": '<a title="<script>">x</a><div ' + " ".join(f"a{i}" for i in range(60_000))
                                          + ">x</div>",
    "attributes, tag never closed": '<div ' + "\n".join(f"a{i}=x" for i in range(60_000)),
    "half a million elements": "<p>a</p>" * 500_000,
    "a million line breaks": "<p>" + "kata<br>" * 1_000_000 + "</p>",
    "deep nesting": "<div>" * 200_000 + "x" + "</div>" * 200_000,
    "unclosed nesting": "<span><b>" * 100_000,
    "one giant paragraph": "<p>" + "kata " * 1_500_000 + "</p>",
    "many links": "<p>" + '<a href="/x">k</a> ' * 300_000 + "</p>",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_page_parses_quickly_and_keeps_its_article(cli, tmp_path, name):
    page = tmp_path / "page.html"
    page.write_text(HEAD + HOSTILE[name] + TAIL, encoding="utf-8")
    result = cli("parse", str(page), "--url", "https://uji.example/2024/05/ganas.html", timeout=60)
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["headline"] == "Uji Halaman Ganas"
    assert article["body"].startswith(FIRST)
    assert len(article["body"]) <= MAX_BODY_CHARS


@pytest.mark.parametrize("name", ["40,000 attributes", "attributes with > in quotes", "attributes with < in quotes",
                                  "attributes after a quoted <script>", "attributes, tag never closed"])
def test_attributes_are_capped_before_lxml(name):
    doc = Document.parse(HEAD + HOSTILE[name] + TAIL, "https://uji.example/a.html")
    assert doc.tree is not None
    assert max(len(el.attrib) for el in doc.tree.iter() if isinstance(el.tag, str)) == MAX_ATTRIBUTES


def test_elements_are_capped_before_lxml():
    text = bound_markup(HEAD + HOSTILE["half a million elements"] + TAIL)
    tree = etree.fromstring(text, etree.HTMLParser())
    assert MAX_ELEMENTS - 20 < sum(1 for _ in tree.iter()) <= MAX_ELEMENTS + 3  # + html, head, body


def test_ordinary_markup_is_untouched():
    """Long tags of real pages (a data: URI, a srcset, a script that compares with <) pass as they are."""
    data_uri = "data:image/png;base64," + "A" * 50_000
    srcset = ", ".join(f"/img/{w}.jpg {w}w" for w in range(100, 3000, 10))
    script = "<script>for (var i = 0; i <n; i++) {" + " x = y;" * 2000 + "}</script>"
    page = HEAD + f'<img src="{data_uri}" alt="Foto"><img srcset="{srcset}">' + script + TAIL
    assert bound_markup(page) == page


def test_body_is_cut_at_a_paragraph_break():
    paragraph = "Kalimat uji yang cukup panjang untuk paragraf berita biasa tentang jadwal angkutan kota. " * 10
    page = HEAD + "".join(f"<p>{i} {paragraph}</p>" for i in range(400)) + TAIL
    body = parse_article(page, "https://uji.example/2024/05/panjang.html").body
    assert MAX_BODY_CHARS // 2 < len(body) <= MAX_BODY_CHARS
    assert body.endswith("angkutan kota.")  # a whole paragraph, not a cut word


# -- charsets: the declared one wins over a few bad bytes ------------------------------------------------

UTF8_PAGE = ('<!doctype html><html lang="id"><head>{meta}<title>Kafe “Kopi Tubruk” di Jalan Sudirman</title>'
             "</head><body><article><h1>Kafe “Kopi Tubruk” di Jalan Sudirman</h1><p>Menu kafe — café au lait, "
             "crème brûlée dan kopi tubruk — laris manis sejak dibuka pada Senin pagi, kata pemiliknya.</p>"
             "<p>Pengunjung datang dari Bandung, Bogor dan Depok untuk mencoba menu baru yang ditawarkan.</p>"
             "</article></body></html>")


@pytest.mark.parametrize("declared", ["header", "meta", "both"])
@pytest.mark.parametrize("bad", [b"\xff", b"\xc3", b"\xe2\x80", b"\x80\x80\x80"])
def test_a_few_invalid_bytes_keep_the_declared_utf8(declared, bad):
    meta = '<meta charset="utf-8">' if declared in ("meta", "both") else ""
    header = "text/html; charset=UTF-8" if declared in ("header", "both") else "text/html"
    data = UTF8_PAGE.format(meta=meta).encode("utf-8").replace(b"laris", b"la" + bad + b"ris")
    text, encoding = decode_html(data, header)
    assert encoding == "utf-8"
    assert "café au lait, crème brûlée" in text and "“Kopi Tubruk”" in text
    assert "la\ufffd" in text  # the bad bytes, and only they, became U+FFFD
    article = parse_article(data, "https://uji.example/2024/05/kafe.html", content_type=header)
    assert article.headline == "Kafe “Kopi Tubruk” di Jalan Sudirman"
    assert "Ã" not in article.body and "crème brûlée" in article.body


def test_a_false_declaration_still_loses_to_the_bytes():
    """A cp1252 page served as UTF-8: every accented letter is invalid UTF-8, none valid, so the
    declaration is the error and the bytes are detected."""
    data = UTF8_PAGE.format(meta="").encode("cp1252")
    text, encoding = decode_html(data, "text/html; charset=utf-8")
    assert encoding != "utf-8"
    assert "\ufffd" not in text and "café au lait" in text
