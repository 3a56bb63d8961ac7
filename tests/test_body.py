"""Main-text extraction on small hand-written pages: what must be in the body and what must not."""
from __future__ import annotations

import json

import time

import pytest
from lxml import etree

from newsarchive.document import Document
from newsarchive.extract.body import extract_body
from newsarchive.extract.body_blocks import Chunk
from newsarchive.extract.body_render import LINE_RULES, PARAGRAPH, RULE_BY_NAME, keep_chunk, refused_by
from newsarchive.profiles import select_profile

URL = "https://news.example.com/2024/05/some-story.html"

LOREM = ("The council voted on Tuesday to extend the river walk by another two kilometres, "
         "after months of debate about cost, flooding and the fate of the old boat sheds.")
LOREM2 = ("Residents who spoke at the meeting were divided, with some praising the plan "
          "and others saying the money should go to schools, buses and street lighting instead.")
LOREM3 = ("Construction is expected to start next spring and to last about eighteen months, "
          "the city engineer said, adding that the path will stay open on weekends.")


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>T</title>{head}</head><body>{body}</body></html>"


def portal(article: str) -> str:
    """A typical portal: menu, article container, sidebar teasers, footer."""
    return page(f"""
      <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
      <div class="container"><div class="main">
        <h1 class="headline">River walk to grow by two kilometres</h1>
        <div class="article-content">{article}</div>
      </div>
      <div class="sidebar"><h3>Most read</h3>
        <ul><li><a href="/a">Another story about something else entirely, long title</a></li>
            <li><a href="/b">Yet another story with a long and winding title here</a></li></ul></div>
      </div>
      <footer><p>Copyright 2024 Example News. All rights reserved. Contact us for licensing.</p></footer>""")


CASES = [
    pytest.param(
        portal(f"<p>{LOREM}</p><p>{LOREM2}</p><p>{LOREM3}</p>"),
        [LOREM, LOREM2, LOREM3],
        ["River walk to grow", "Most read", "Another story", "Copyright 2024", "Home"],
        id="p-portal"),
    pytest.param(
        page(f"""<div class="blog-posts"><div class="post hentry">
          <h3 class="post-title">A post title</h3>
          <div class="post-body entry-content">{LOREM}<br><br>{LOREM2}<br/><br/>
            <table class="tr-caption-container"><tr><td><img src="/img/a.jpg"></td></tr>
              <tr><td class="tr-caption">A caption under the photo</td></tr></table>
            Baca juga: <a href="/x">Judul artikel lain yang menarik</a><br><br>{LOREM3}</div>
          <div class="post-footer">Diposting oleh Admin di 10.00 Label: Berita</div></div>
          <div class="comments"><h4>1 komentar:</h4><p>Great article, thank you so much for writing it!</p></div>
          </div>""", head='<meta name="generator" content="blogger">'),
        [LOREM, LOREM2, LOREM3],
        ["A caption under the photo", "Baca juga", "Judul artikel", "Diposting oleh", "Great article", "A post title"],
        id="blogger-br"),
    pytest.param(
        portal(f"<p><strong>Jakarta (ANTARA)</strong> - {LOREM}</p>"
               f"<p>Baca juga: <a href='/y'>Menteri resmikan jembatan baru di kota</a></p>"
               f"<p>{LOREM2}</p><p><strong>Lihat juga:</strong> <a href='/z'>Video banjir</a></p><p>{LOREM3}</p>"),
        ["Jakarta (ANTARA) - " + LOREM, LOREM2, LOREM3],
        ["Baca juga", "Menteri resmikan", "Lihat juga", "Video banjir"],
        id="dateline-and-baca-juga"),
    pytest.param(
        portal(f"<p>{LOREM}</p><figure><img src='/p.jpg'><figcaption>Photo: the river at dawn</figcaption>"
               f"</figure><p>{LOREM2}</p><div class='share-buttons'><a href='#'>Facebook</a>"
               f"<a href='#'>Twitter</a></div><p>{LOREM3}</p>"
               f"<div class='related-articles'><h3>Related</h3><ul><li><a href='/r'>Related story with a "
               f"fairly long title</a></li></ul></div>"),
        [LOREM, LOREM2, LOREM3],
        ["Photo: the river at dawn", "Facebook", "Related story"],
        id="figure-share-related"),
    pytest.param(
        portal(f"<p>{LOREM}</p><h2>What happens next</h2><p>{LOREM2}</p>"
               f"<ul><li>Phase one covers the northern bank and the old harbour area.</li>"
               f"<li>Phase two links the path to the central station and the market.</li></ul>"
               f"<blockquote><p>We have waited twenty years for this, said one resident.</p></blockquote>"
               f"<p>{LOREM3}</p>"),
        [LOREM, "What happens next", "Phase one covers", "We have waited twenty years", LOREM3],
        [],
        id="headings-lists-quotes"),
    pytest.param(
        page(f"""<div id="wrap"><div class="article-body">{LOREM}
              <div class="ad"><script>var x = 1;</script>Advertisement</div>
              <p>{LOREM2}</p><style>.x{{color:red}}</style><form><input name="q"><button>Search</button></form>
              <p>{LOREM3}</p></div><div id="comments" class="comments-area"><p>I disagree with
              every single word of this article and here is a long explanation why.</p></div></div>"""),
        [LOREM, LOREM2, LOREM3],
        ["var x", "Advertisement", "color:red", "Search", "I disagree"],
        id="scripts-ads-forms-comments"),
    pytest.param(
        page(f"""<main><div class="story">
               <div class="para-wrap"><div><p>{LOREM}</p></div></div>
               <div class="ad-slot"><span>Advertisement</span></div>
               <div class="para-wrap"><div><p>{LOREM2}</p></div></div>
               <div class="para-wrap"><div><p>{LOREM3}</p></div></div>
             </div></main>"""),
        [LOREM, LOREM2, LOREM3],
        ["Advertisement"],
        id="one-div-per-paragraph"),
    pytest.param(
        page(f"""<div class="container"><span itemprop="articleBody"><b>Site.com</b> - {LOREM}
               <div><br></div><div>{LOREM2}</div><div>{LOREM3}</div></span></div>"""),
        ["Site.com - " + LOREM, LOREM2, LOREM3],
        [],
        id="inline-articlebody-container"),
    pytest.param(
        page(f"""<article><div class="lead">A short standfirst that sums up the whole story in a line.</div>
               <div class="article-text"><p>{LOREM}</p><p>{LOREM2}</p><p>{LOREM3}</p></div></article>
               <div class="more"><article><h3><a href='/q'>Teaser headline one, long enough</a></h3></article></div>"""),
        ["A short standfirst", LOREM, LOREM3],
        ["Teaser headline one"],
        id="lead-paragraph"),
    pytest.param(
        page(f"""<article><h1>River walk grows</h1><h2 class="post-subtitle">A longer walk by the river for the whole
               town</h2><div class="article-text"><p>{LOREM}</p><p>{LOREM2}</p><p>{LOREM3}</p></div></article>"""),
        [LOREM, LOREM3],
        ["A longer walk by the river"],
        id="subtitle-heading-is-a-deck"),
]


# One case per furniture rule: what a news page puts inside or next to the article, written from scratch.
RULE_CASES = [
    pytest.param(
        portal(f"<p>{LOREM}</p><p>Warga diminta mengungsi ke tempat yang lebih tinggi, seperti dilansir Reuters.</p>"
               f"<p>\"Kami siap,\" kata juru bicara itu kepada AFP.</p><p>{LOREM2}</p>"
               f"<p>Warga memadati alun-alun kota. Foto: Budi Santoso/Kabar Uji</p><p>{LOREM3}</p>"),
        ["seperti dilansir Reuters.", "kepada AFP.", LOREM2, LOREM3], ["Foto: Budi Santoso"],
        id="sentence-ending-in-an-agency-is-prose-a-caption-credit-is-not"),
    pytest.param(
        portal(f"<div data-component='byline-block'><p>11 June 2024</p><p>Tom Ashworth</p></div>"
               f"<p><span class='screen-reader-text'>Published On</span> {LOREM}</p>"
               f"<div class='leggi'><p>LEGGI ANCHE</p><ul><li><a href='/x'>Altra storia di oggi</a></li></ul></div>"
               f"<p>{LOREM2}</p><p>7 min readJun 11, 2024</p><p>{LOREM3}</p><p>rina.kartika@kabar.example</p>"),
        [LOREM, LOREM2, LOREM3], ["Tom Ashworth", "Published On", "LEGGI ANCHE", "min read", "rina.kartika@"],
        id="byline-block-screen-reader-text-insert-labels-and-sign-off-address"),
    pytest.param(
        portal(f"<p>First published on Tue 11 Jun 2024 07.12 BST</p><p>Please turn on JavaScript to use this "
               f"feature</p><p>{LOREM}</p><p>{LOREM2}</p><p>A version of this article appears in print on June 12, "
               f"2024, Section A, Page 14.</p>"),
        [LOREM, LOREM2], ["First published", "JavaScript", "appears in print"],
        id="live-blog-and-print-edition-lines"),
    pytest.param(
        portal(f"<p>{LOREM}</p><p>Pas foto: ukuran 4x6 berlatar merah (2 lembar)</p>"
               "<p>Rata-rata waktu baca anak Indonesia hanya 1 jam per hari, menurut survei.</p>"
               "<p>Laporan koresponden BBC menyebut ribuan warga mengungsi.</p>"
               f"<p>Dapatkan informasi jadwal KRL terbaru melalui aplikasi KRL Access.</p><p>{LOREM2}</p>"),
        ["Pas foto: ukuran", "waktu baca anak", "Laporan koresponden BBC", "jadwal KRL terbaru", LOREM2], [],
        id="prose-that-resembles-furniture-stays"),
    pytest.param(
        portal(f"<p>Rina Kartika 2 jam lalu · waktu baca 1 menit</p><p>{LOREM}</p><p>{LOREM2}</p>"
               "<p>Scroll ke bawah untuk melanjutkan membaca</p><p>[Gambas:Video 20detik]</p>"
               "<p><strong>Laporan Wartawan Kabar Uji, Galih Permadi</strong></p>"
               f"<p>{LOREM3}</p><div>Follow Berita Kabar Uji di <a href='/g'>Google News</a></div>"
               "<p>Dapatkan update berita pilihan dan breaking news setiap hari dari Kabar Uji. Mari bergabung "
               "di Grup Telegram Kabar Uji, caranya klik link berikut, lalu join. Anda harus install aplikasi "
               "Telegram terlebih dulu di ponsel, dan pastikan notifikasi aktif agar tidak ketinggalan kabar.</p>"),
        [LOREM, LOREM2, LOREM3], ["waktu baca", "Scroll ke bawah", "Gambas", "Laporan Wartawan", "Google News",
                                  "Grup Telegram"],
        id="indonesian-portal-furniture-lines"),
    pytest.param(
        portal(f"<p>{LOREM}</p><div data-qa-id='image-caption-box'><span>Warga di alun-alun.</span></div>"
               f"<p>{LOREM2}</p><div data-testid='comment-section'><span>Tulis Komentar</span>"
               "<span>Belum ada komentar</span></div>"),
        [LOREM, LOREM2], ["Tulis Komentar", "Belum ada komentar"],
        id="test-hooks-name-furniture"),
    pytest.param(
        portal(f"<p>{LOREM}</p><p>{LOREM2}</p><p>Neue Entwicklungen lesen Sie in unserem Liveblog:</p>"
               "<div class='embed'><a href='/liveblog'>Liveblog</a></div>"),
        [LOREM, LOREM2], ["in unserem Liveblog"],
        id="dangling-lead-in-at-the-end"),
    pytest.param(
        portal(f"<p>{LOREM}</p><p>The plan has three parts:</p><p>{LOREM2}</p><p>{LOREM3}</p>"),
        [LOREM, "The plan has three parts:", LOREM3], [],
        id="colon-line-inside-the-text-stays"),
    pytest.param(
        portal(f"<p>{LOREM}</p><p>Ein Klick für den Datenschutz</p><p>Externer Inhalt</p>"
               f"<p>{LOREM2}</p><p>Die Bürgermeisterin zur Zukunft der Bootshäuser. 21.04.2024 | 3:18 min</p>"
               f"<p>{LOREM3}</p>"),
        [LOREM, LOREM2, LOREM3], ["Ein Klick", "Externer Inhalt", "3:18 min"],
        id="consent-placeholders-and-video-teasers"),
    pytest.param(
        portal(f"<p>{LOREM}</p><p>{LOREM2}</p><p>{LOREM3}</p>"
               "<div><form method='post'><p>Create a free account to continue reading this story today.</p>"
               "<p>Registration is a free and easy way to support our journalism and our local reporters.</p>"
               "<p>By clicking Create Account you confirm that you have read and agree to our terms of use.</p>"
               "<label>First name</label><input name='first'></form></div>"),
        [LOREM, LOREM3], ["Create a free account", "Registration is a free", "By clicking", "First name"],
        id="registration-form-with-paragraphs"),
    pytest.param(
        portal(f"<p>{LOREM}</p><div class='infobox'><h3>Background</h3><p>The boat sheds were built in 1921 and "
               f"have been listed since the late seventies.</p></div><p>{LOREM2}</p><p>{LOREM3}</p>"),
        [LOREM, LOREM2, LOREM3], ["Background", "boat sheds were built"],
        id="infobox"),
    pytest.param(
        portal(f"<p>{LOREM}</p><div class='teaser-inline'><h3><a href='/other'>Harbour plan stalls again</a></h3>"
               f"<p>The harbour redevelopment has been delayed for a third time, officials said. "
               f"<a href='/other'>more</a></p></div><p>{LOREM2}</p><p>{LOREM3}</p>"),
        [LOREM, LOREM2, LOREM3], ["Harbour plan stalls", "redevelopment has been delayed"],
        id="teaser-card-with-link"),
    pytest.param(
        page(f"<article><p class='teaser'>The river walk will grow by two kilometres, the council decided on "
             f"Tuesday night.</p><div class='article-text'><p>{LOREM}</p><p>{LOREM2}</p><p>{LOREM3}</p></div>"
             f"</article>"),
        ["The river walk will grow by two kilometres", LOREM], [],
        id="teaser-class-lead-without-link-stays"),
    pytest.param(
        portal(f"<p>{LOREM}</p><p>Warning: Undefined variable $x in /var/www/html/wp-content/themes/a/single.php "
               f"on line 42</p><p>{LOREM2}</p><p>Pictured from left, the mayor and two councillors at the river "
               f"on Tuesday.</p><p>{LOREM3}</p><p>abc/PAP</p><p>amw</p>"),
        [LOREM, LOREM2, LOREM3], ["Warning: Undefined", "Pictured from left", "abc/PAP", "amw"],
        id="php-warning-pictured-caption-agency-initials"),
    pytest.param(
        portal(f"<p>{LOREM}</p><p>{LOREM2}</p><p>{LOREM3}</p>"
               f"<p>Follow the Example News on Twitter and Instagram @examplenews and on Facebook. Send us a "
               f"message on WhatsApp or email us at desk@example.com</p>"
               f"<p>Example News is not responsible for the opinions, statements or media content presented by "
               f"contributors.</p><p>Quelle: Verband der Flussanrainer, 3. Mai 2024</p>"
               f"<p>ANZEIGE - Heute schon an morgen gedacht?</p><p>... weiter zu \"Teil zwei\"</p>"
               f"<h3>More about</h3><p>Table of Contents</p>"),
        [LOREM3], ["Follow the Example News", "not responsible for the opinions", "Quelle:", "ANZEIGE",
                   "weiter zu", "More about", "Table of Contents"],
        id="social-disclaimer-source-ad-next-lines"),
    pytest.param(
        portal(f"<p>{LOREM}</p><div class='article-image'><img src='/a.jpg' width='800'>"
               f"<p>The old boat sheds at dusk, seen from the bridge</p></div><p>{LOREM2}</p><p>{LOREM3}</p>"),
        [LOREM, LOREM2, LOREM3], ["The old boat sheds at dusk"],
        id="caption-in-image-wrapper"),
    pytest.param(
        page(f"<main><div class='x1a'><h1>River walk to grow</h1><p>The council backs a longer river walk, "
             f"but residents are split over the cost of the plan.</p></div>"
             f"<div class='x2b'><p>{LOREM}</p><p>{LOREM2}</p><p>{LOREM3}</p></div></main>",
             head='<meta property="og:description" content="The council backs a longer river walk, but residents '
                  'are split over the cost of the plan.">'),
        ["The council backs a longer river walk", LOREM, LOREM3], [],
        id="lead-repeating-meta-description"),
    pytest.param(
        portal(f"<h3>Some texts are hard to write, and this one, the last before a long break, was the hardest of "
               f"them all, because it feels like saying goodbye to everyone who has read along, commented and "
               f"written to me for years.</h3>"
               f"<h2>What comes next</h2><p>{LOREM}</p><p>{LOREM2}</p><p>{LOREM3}</p>"),
        ["Some texts are hard to write", "What comes next", LOREM], [],
        id="paragraph-long-heading-is-prose"),
    pytest.param(
        page(f"<div class='main'><p>{LOREM}</p><p>{LOREM2}</p><p>{LOREM3}</p>"
             f"<div class='next-story'><h2><a href='/n'>A completely different story about the zoo</a></h2>"
             f"<p>The zoo welcomed two baby otters, keepers said, and visitors queued for hours on end.</p>"
             f"</div></div>"),
        [LOREM, LOREM3], ["different story about the zoo", "baby otters"],
        id="next-story-block"),
    pytest.param(
        portal(f"<p>{LOREM}</p><p>The mayor's deputy, <a href='/deputy'>who has opposed every extension of the path "
               f"since the first plan in 2019</a>, abstained this time.</p>"
               f"<p><a href='/x'>Another story with a long linked headline that is not part of this article</a></p>"
               f"<p><a href='/a'>Sports</a> | <a href='/b'>Weather and traffic for the whole region today</a> | "
               f"<a href='/c'>Opinion pages and letters to the editor</a>.</p><p>{LOREM2}</p><p>{LOREM3}</p>"),
        ["who has opposed every extension of the path since the first plan in 2019", "abstained this time", LOREM3],
        ["Another story with a long linked", "Weather and traffic"],
        id="sentence-mostly-link-stays-link-lines-go"),
    pytest.param(
        portal(f"<p>{LOREM}</p><div class='entry-info'>21 mins ago11:48 Jane Doe</div><p>{LOREM2}</p>"
               f"<p>{LOREM3}</p>"),
        [LOREM, LOREM2, LOREM3], ["21 mins ago"],
        id="live-blog-time-line"),
    pytest.param(
        page(f"<main><div class='x9'><p>{LOREM}</p><p>{LOREM2}</p>"
             f"<article class='k2'><h3><a href='/live'>Live: all the news from the council</a></h3>"
             f"<p>Every decision, every vote and every reaction as it happens.</p></article>"
             f"<p>{LOREM3}</p><p>{LOREM}</p><p>{LOREM2}</p></div></main>"),
        [LOREM, LOREM3], ["all the news from the council", "Every decision, every vote"],
        id="teaser-card-article-inside-body"),
    pytest.param(
        portal(f"<p>*Werbung. Dieser Beitrag enthält Werbung für einen Sponsor.</p><p>{LOREM}</p><p>{LOREM2}</p>"
               f"<p>{LOREM3}</p><p>Have a tip? Jane Doe may be reached at jane@example.com or on the phone.</p>"
               f"<section class='vcard author'><p>Jane Doe writes about cities, rivers and the people who "
               f"live by them. Her blog is full of walks, maps and more.</p></section>"),
        [LOREM, LOREM3], ["Werbung", "Have a tip", "Her blog is full of walks"],
        id="ad-disclosure-tip-line-author-card"),
    pytest.param(
        portal(f"<p>{LOREM}</p><p>{LOREM2}</p><p>{LOREM3}</p><p>【関連記事】</p><p>おすすめ情報</p>"
               f"<div>3月2日</div><p>市は3月2日に新しい遊歩道の計画を発表した。</p>"),
        [LOREM3, "市は3月2日に新しい遊歩道の計画を発表した。"], ["関連記事", "おすすめ情報", "3月2日 市は"],
        id="cjk-related-labels-and-date-lines"),
]


@pytest.mark.parametrize("html, present, absent", CASES + RULE_CASES)
def test_body_contains_and_excludes(html: str, present: list[str], absent: list[str]) -> None:
    doc = Document.parse(html, URL)
    body = extract_body(doc, select_profile(doc))
    flat = " ".join(body.text.split())
    for snippet in present:
        assert " ".join(snippet.split()) in flat, snippet
    for snippet in absent:
        assert snippet not in flat, snippet


def test_paragraphs_are_separated_by_one_blank_line() -> None:
    doc = Document.parse(portal(f"<p>{LOREM}</p><p>{LOREM2}</p>"), URL)
    assert extract_body(doc).text == f"{LOREM}\n\n{LOREM2}"


def test_br_pairs_split_paragraphs() -> None:
    html = page(f"<div class='post-body'>{LOREM}<br><br>{LOREM2}<br>{LOREM3}</div>")
    text = extract_body(Document.parse(html, URL)).text
    assert text == f"{LOREM}\n\n{LOREM2}\n{LOREM3}"


def test_images_with_captions_are_absolute() -> None:
    html = portal(f"<p>{LOREM}</p><figure><img data-src='/img/river.jpg' src='data:image/gif;base64,xx'>"
                  f"<figcaption>The river at dawn</figcaption></figure><p>{LOREM2}</p>")
    body = extract_body(Document.parse(html, URL))
    assert [(i.url, i.caption) for i in body.images] == [("https://news.example.com/img/river.jpg",
                                                          "The river at dawn")]


def test_og_image_is_the_fallback() -> None:
    html = page(f"<div class='entry-content'><p>{LOREM}</p><p>{LOREM2}</p></div>",
                head='<meta property="og:image" content="/og.png">')
    body = extract_body(Document.parse(html, URL))
    assert [i.url for i in body.images] == ["https://news.example.com/og.png"]


def test_blogger_caption_table() -> None:
    html = page(f"""<div class="post-body entry-content">{LOREM}<br><br>
      <table class="tr-caption-container"><tr><td><a href="https://bp.blogspot.com/big.jpg">
      <img src="https://bp.blogspot.com/s320/big.jpg"></a></td></tr>
      <tr><td class="tr-caption">Warga memadati alun-alun kota</td></tr></table>{LOREM2}</div>""",
                head='<meta name="generator" content="blogger">')
    body = extract_body(Document.parse(html, URL))
    assert body.images[0].url == "https://bp.blogspot.com/s320/big.jpg"
    assert body.images[0].caption == "Warga memadati alun-alun kota"
    assert "Warga memadati" not in body.text


@pytest.mark.parametrize("raw", [
    b"", b"\x00\x01\x02\xff\xfe binary junk \x00", b"<html></html>", b"<html><body></body></html>",
    b"<p>", "<html><body>" + "<div>" * 5000 + "deep" + "</div>" * 5000 + "</body></html>",
    "<html><body><p>\u00a0</p><br><br><br></body></html>",
])
def test_junk_never_raises(raw: bytes | str) -> None:
    body = extract_body(Document.parse(raw, URL))
    assert isinstance(body.text, str)


def test_html_in_jsonld_article_body_keeps_inline_words_together() -> None:
    sentence = "Presiden <b>Joko Widodo</b> meresmikan jalan tol baru di Sumatra bersama para menteri dan gubernur."
    ld = json.dumps({"@type": "NewsArticle", "articleBody": f"<p>{sentence}</p>" * 6})
    html = (f"<html><head><script type='application/ld+json'>{ld}</script></head>"
            "<body><h1>Tol baru</h1><div id='app'></div></body></html>")
    body = extract_body(Document.parse(html, URL)).text
    assert body.split("\n\n")[0] == "Presiden Joko Widodo meresmikan jalan tol baru di Sumatra bersama para menteri dan gubernur."
    assert body.count("\n\n") == 5


def test_huge_page_is_fast() -> None:
    para = f"<div class='entry'><a href='/x'>Link</a><p>{LOREM}</p></div>"
    html = page("<div class='list'>" + para * 20000 + "</div>")  # ~5 MB
    doc = Document.parse(html, URL)
    start = time.perf_counter()
    body = extract_body(doc)
    assert time.perf_counter() - start < 10
    assert LOREM in body.text


# --- the renderer's line rules, one by one -----------------------------------------------------------------------
# For each rule in body_render.LINE_RULES: a line of the class it is written for, (the part of it inside a link),
# and an ordinary sentence of about the same length that must stay. The refused line must be refused by that very
# rule (the first in the table to object), so the examples also pin the table's order.
LINE_RULE_CASES = {
    "link_list": (("Baca juga: Harga beras naik lagi di pasar induk", "Harga beras naik lagi di pasar induk"),
                  "Harga beras naik lagi di pasar induk, kata pedagang."),
    "furniture": ("Pictured from left, the mayor and two councillors at the river on Tuesday.",
                  "Later that day, the mayor and two councillors walked along the river bank."),
    "boiler": ("Baca juga: Pemkot siapkan anggaran baru untuk trotoar",
               "Pemkot juga menyiapkan anggaran baru untuk trotoar kota."),
    "credit_label": ("Oleh: Andi Saputra", "Oleh karena itu, warga menunggu."),
    "share_bar": ("Table of contents", "The river is calm."),
    "reading_time": ("Dimas Pratama 2 jam lalu · waktu baca 1 menit",
                     "Dimas Pratama menunggu dua jam di halte bus itu."),
    "email_only": ("kimmj@example.co.kr", "Kim signed it off."),
    "credit_tail": ("The old boat sheds at dusk, seen from the bridge (Image: Getty)",
                    "The old boat sheds at dusk, seen from the bridge, are to be restored."),
    "credit_head": ("Gambar: Humas Pemkot Bandung", "Humas Pemkot Bandung menjawab."),
    "newsletter": ("Get the best of the week delivered to your inbox every Friday",
                   "The best of the week was delivered to the council on Friday."),
    "stamp": ("Stand: 28.04.2023 17:23 Uhr", "Der Stadtrat stimmte gestern zu."),
}


def line_chunk(line: str | tuple[str, str], tag: str = "p") -> Chunk:
    """A chunk as the linearizer makes it; a (text, linked part) pair puts that part inside a link."""
    text, linked = line if isinstance(line, tuple) else (line, "")
    return Chunk(text, len(linked), etree.Element(tag), True, False)


def test_every_line_rule_has_a_case() -> None:
    assert set(LINE_RULE_CASES) == set(RULE_BY_NAME)
    assert len(LINE_RULES) == len(RULE_BY_NAME)  # names are unique


@pytest.mark.parametrize("name", [rule.name for rule in LINE_RULES])
def test_line_rule_refuses_its_class_and_keeps_prose(name: str) -> None:
    furniture, prose = LINE_RULE_CASES[name]
    rule = RULE_BY_NAME[name]
    line = line_chunk(furniture)
    assert len(line.text) < rule.max_len
    assert refused_by(line) == name
    assert not keep_chunk(line)
    sentence = line_chunk(prose)
    assert abs(len(sentence.text) - len(line.text)) <= 20, "the sentence should be about as long as the line"
    assert not rule.test(sentence)
    assert refused_by(sentence) is None
    assert keep_chunk(sentence)


def test_paragraph_length_lines_are_judged_by_the_any_length_rules_only() -> None:
    long = "Baca juga: " + " ".join([LOREM, LOREM2])  # opens like a teaser but runs as long as a paragraph
    assert len(long) >= PARAGRAPH and RULE_BY_NAME["boiler"].test(line_chunk(long))
    assert refused_by(line_chunk(long)) is None
    assert [r.name for r in LINE_RULES if r.max_len > PARAGRAPH] == ["link_list", "furniture"]


def test_captions_and_the_headline_are_never_kept() -> None:
    assert not keep_chunk(line_chunk(LOREM, tag="h1"))
    assert not keep_chunk(Chunk(LOREM, 0, etree.Element("p"), True, True))
    assert not keep_chunk(Chunk(LOREM, 0, etree.Element("p"), True, False, media=True))
    assert keep_chunk(line_chunk(LOREM))
