"""Tests of the metadata cascade on small hand-written pages (newsarchive.extract.metadata)."""
import json
from datetime import datetime, timezone

import pytest

from newsarchive.document import Document
from newsarchive.extract.headline import strip_site
from newsarchive.extract.metadata import Metadata, extract_metadata
from newsarchive.language import choose_language, normalise_code, refine_by_host

FETCHED = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


def meta_of(html: str, url: str = "https://news.example.com/politik/story-1", fetched_at=FETCHED) -> Metadata:
    return extract_metadata(Document.parse(html, url), None, fetched_at)


def page(head: str = "", body: str = "", lang: str = "") -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return f"<html{lang_attr}><head>{head}</head><body>{body}</body></html>"


def ld(obj) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# --------------------------------------------------------------------------- headline

@pytest.mark.parametrize("title, site, expected", [
    ("Big storm hits coast - Example News", "Example News", "Big storm hits coast"),
    ("Big storm hits coast | Example News", "Example News", "Big storm hits coast"),
    ("Example News: Big storm hits coast", "Example News", "Big storm hits coast"),
    # only recognisable site names go; a section label stays (the h1 comparison settles such titles)
    ("Big storm hits coast | Weather | Example News", "Example News", "Big storm hits coast | Weather"),
    ("Big storm hits coast - news.example.com", "", "Big storm hits coast"),
    ("Big storm - what we know", "Example News", "Big storm - what we know"),  # no site name: untouched
])
def test_strip_site(title, site, expected):
    assert strip_site(title, [site] if site else [], "news.example.com") == expected


def test_headline_prefers_visible_h1_over_title_with_site_name():
    m = meta_of(page('<title>Big storm hits coast | Example News</title>', '<h1>Big storm hits coast</h1>'))
    assert m.headline == "Big storm hits coast"
    assert m.provenance["headline"] == "h1"


def test_headline_drops_kicker_when_another_source_has_the_bare_headline():
    html = page('<meta property="og:title" content="Chiesa ruft zum Widerstand auf">'
                + ld({"@type": "NewsArticle", "headline": "SVP-Parteitag: Chiesa ruft zum Widerstand auf"}),
                "<h1>SVP-Parteitag: Chiesa ruft zum Widerstand auf</h1>")
    assert meta_of(html).headline == "Chiesa ruft zum Widerstand auf"


def test_headline_skips_logo_h1():
    html = page("<title>Werkzeuge der Steinzeit | Steinzeit &amp; Co</title>",
                '<h1><a href="/">Steinzeit &amp; Co</a></h1><h1>Werkzeuge der Steinzeit</h1>')
    assert meta_of(html, "https://steinzeit.example.org/artefakte/werkzeuge.html").headline == "Werkzeuge der Steinzeit"


def test_headline_from_title_alone():
    assert meta_of(page("<title>Only a title here - Example News</title>")).headline == "Only a title here"


OG = '<meta property="og:title" content="{}">'
TW = '<meta name="twitter:title" content="{}">'
T = "<title>{}</title>"


def news(headline: str) -> str:
    return ld({"@type": "NewsArticle", "headline": headline})


@pytest.mark.parametrize("head, body, expected", [
    # og:title only repeats the SEO <title>: the JSON-LD headline, which the article's h1 shows, wins
    (OG.format("Storm chaos: what drivers need to know now") + T.format("Storm chaos: what drivers need to know now")
     + news("Flooded roads close across the valley"),
     "<article><h1>Flooded roads close across the valley</h1></article>", "Flooded roads close across the valley"),
    # ... also when no h1 shows it (the visible h1 sits in a menu)
    (OG.format("Storm chaos: what drivers need to know now") + T.format("Storm chaos: what drivers need to know now")
     + news("Flooded roads close across the valley"),
     '<nav class="menu"><h1>Storm chaos: what drivers need to know now</h1></nav>',
     "Flooded roads close across the valley"),
    # og:title is the JSON-LD headline padded with words: an SEO variant
    (OG.format("Valley floods: latest news and updates on the storm") + T.format("Weather desk")
     + news("Valley floods: news and updates on the storm"), "", "Valley floods: news and updates on the storm"),
    # a distinct og:title (not the <title>, not a padded copy) stays the editorial headline
    (OG.format("Why the valley keeps flooding") + T.format("Flooded roads close across the valley")
     + news("Flooded roads close across the valley"),
     "<article><h1>Flooded roads close across the valley</h1></article>", "Why the valley keeps flooding"),
    # og:title shorter than the h1 is the editorial short headline ...
    (OG.format("Council approves new bridge") + news("Council approves new bridge over the river Wey"),
     "<article><h1>Council approves new bridge over the river Wey</h1></article>", "Council approves new bridge"),
    # ... unless og:title, JSON-LD and <title> are all the one stored title and the article's h1 says more
    (OG.format("Council approves new bridge") + T.format("Council approves new bridge")
     + news("Council approves new bridge"),
     "<article><h1>Council approves new bridge over the river Wey</h1></article>",
     "Council approves new bridge over the river Wey"),
    # ... but not when that longer h1 is a menu entry
    (OG.format("Council approves new bridge") + T.format("Council approves new bridge over the river Wey")
     + news("Council approves new bridge"),
     '<nav><h1>Council approves new bridge over the river Wey</h1></nav>', "Council approves new bridge"),
    # teaser h1s inside links do not count as the page's visible headline
    (OG.format("Storm chaos: what drivers need to know now") + T.format("Storm chaos: what drivers need to know now")
     + news("Flooded roads close across the valley"),
     '<h1>Flooded roads close across the valley</h1><a href="/x"><h1>Storm chaos: what drivers need to know now</h1></a>',
     "Flooded roads close across the valley"),
])
def test_headline_og_against_jsonld(head, body, expected):
    assert meta_of(page(head, body)).headline == expected


@pytest.mark.parametrize("head, body, expected", [
    # the document title's quotes win over a re-typeset h1 ("it's" shown as "it’s") ...
    (OG.format("It's the mayor's call") + T.format("It's the mayor's call - Example News"),
     "<h1>It’s the mayor’s call</h1>", "It's the mayor's call"),
    # ... but dashes keep the h1's form (titles use " - " as a separator)
    (T.format("Energy week - ten days of talks"), "<h1>Energy week – ten days of talks</h1>",
     "Energy week – ten days of talks"),
    # a closing guillemet is part of the quotation, not a separator
    (T.format("Näßler: «Liebe kennt keine Pause» – Example News"), "", "Näßler: «Liebe kennt keine Pause»"),
    # invisible characters (word joiner, soft hyphen) do not survive into the headline
    ("", "<h1>Two cousins: \u2013\u2060 Magic trip round the coun\u00adtry</h1>", "Two cousins: \u2013 Magic trip round the country"),
    # a byline glued to the title goes with the site name
    (OG.format("Roommate agrees to interview | Example News | by Jane Doe")
     + news("Roommate agrees to interview"), "", "Roommate agrees to interview"),
])
def test_headline_written_form(head, body, expected):
    assert meta_of(page(head, body)).headline == expected


@pytest.mark.parametrize("head, body, expected", [
    # itemprop=headline on a <div>, its kicker span dropped, beats an h1 that sits in the breadcrumb
    (T.format("Sick child: what employers must know | impulse"),
     '<div id="breadcrumb"><ul><li><h1>Sick child: what employers must know</h1></li></ul></div>'
     '<article><div itemprop="headline"><span class="highline">Sick child</span> What employers should know about '
     "parents' rights</div></article>", "What employers should know about parents' rights"),
    # no h1 but a section label: the h2 that the title starts with (before " - subtitle")
    (OG.format("30.11. | Book of the week - Jane Doe (ed.) • 1619"),
     '<h1>Literature</h1><div><h2>30.11. | Book of the week</h2><h3>Jane Doe (ed.) • 1619</h3></div>',
     "30.11. | Book of the week"),
    # three content h1s are section headings, not the headline: the title stands
    (T.format("Returns and refunds"),
     "<section><h1>Our three steps to easy returns and refunds</h1><p>a</p><h1>Returning as a guest</h1><p>b</p>"
     "<h1>Returning with an account</h1><p>c</p></section>", "Returns and refunds"),
    # no h1, a social title cut at a quote mark (an unescaped ' in the attribute): the h2 has it whole
    (OG.format("Warga Protes Jadwal Kapal yang Disebut"),
     "<div class=\"judul\"><h2>Warga Protes Jadwal Kapal yang Disebut 'Tak Masuk Akal'</h2></div><p>Isi berita.</p>",
     "Warga Protes Jadwal Kapal yang Disebut 'Tak Masuk Akal'"),
    # no h1: an h2 that ends with the title's last segment ("Site - Topic" with the h2 "Section Topic")
    (T.format("Fire Brigade Oldenburg - Training"), "<h2>Boat service Training</h2><p>text</p>",
     "Boat service Training"),
])
def test_headline_content_markup(head, body, expected):
    assert meta_of(page(head, body), "https://brigade-divers.example.de/boat/training.html").headline == expected


# --------------------------------------------------------------------------- dates

def test_jsonld_graph_dates_and_authors():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://x/#page", "name": "Page"},
        {"@type": ["NewsArticle"], "headline": "Headline", "datePublished": "2024-05-03T15:47:42+02:00",
         "dateModified": "2024-05-04T08:00:00+02:00", "author": [{"@id": "https://x/#p1"}, {"@type": "Person", "name": "Anna Fink"}],
         "publisher": {"@type": "Organization", "name": "Example News"}},
        {"@type": "Person", "@id": "https://x/#p1", "name": "Birgit Baumann", "url": "https://x/birgit"},
    ]}
    m = meta_of(page(ld(graph)))
    assert m.published_at == "2024-05-03T15:47:42+02:00"
    assert m.modified_at == "2024-05-04T08:00:00+02:00"
    assert m.authors == ["Birgit Baumann", "Anna Fink"]
    assert m.provenance["published_at"].startswith("jsonld:datePublished")
    assert m.site_name == "Example News"


def test_meta_published_time_and_agreement_beats_lone_time_element():
    html = page('<meta property="article:published_time" content="2024-05-03T10:00:00Z">',
                '<div class="related"><time datetime="2023-01-01">old</time></div>'
                '<span class="date">3. Mai 2024</span>')
    m = meta_of(html, "https://news.example.com/2024/05/03/story")
    assert m.published_at == "2024-05-03T10:00:00+00:00"


def test_indonesian_visible_date_line_with_wib():
    html = page("", '<h1>Judul berita yang cukup panjang</h1>'
                    '<div class="date">Jum\'at, 05 Nopember 2015 - 14:56 WIB</div><p>Isi.</p>')
    assert meta_of(html, "https://www.example.co.id/berita/123").published_at == "2015-11-05T14:56:00+07:00"


def test_utc_label_on_local_time_is_relabelled_by_visible_zone():
    html = page('<meta property="article:published_time" content="2017-05-15T18:43:56Z">',
                '<h1>Judul</h1><span class="time">15 Mei 2017 18:43 WIB</span>')
    assert meta_of(html, "https://www.example.co.id/berita/1").published_at.endswith("+07:00")


def test_naive_time_attribute_takes_the_zone_its_text_shows():
    html = page("", '<h1>Judul</h1><time datetime="2023-03-10 08:15:00">10 Mar 2023, 08:15 WIB</time>')
    assert meta_of(html, "https://www.example.com/read/1").published_at == "2023-03-10T08:15:00+07:00"
    # a different wall-clock time in the text is another statement: the attribute stays as written
    html = page("", '<h1>Judul</h1><time datetime="2023-03-10 08:15:00">10 Mar 2023, 09:30 WIB</time>')
    assert meta_of(html, "https://www.example.com/read/1").published_at == "2023-03-10T08:15:00"


@pytest.mark.parametrize("stamp, byline, expected", [
    # a WIB time labelled "Z" in JSON-LD, the zone shown in a byline block the date scan does not read
    ("2022-10-24T14:05:00Z", "Yusuf Maulana, <b>Jurnalis</b> · <b>Senin 24 Oktober 2022 14:05 WIB</b>",
     "2022-10-24T14:05:00+07:00"),
    # a stamp without a zone and the same time shown with one
    ("2022-10-24T14:05:00", "Senin, 24 Oktober 2022 - 14:05 WIB", "2022-10-24T14:05:00+07:00"),
    # a real UTC stamp whose time the page does not show in another zone stays UTC
    ("2022-10-24T07:05:00Z", "Senin, 24 Oktober 2022 - 14:05 WIB", "2022-10-24T07:05:00+00:00"),
    # ... also when that clock time turns up elsewhere, not on a date line of that day
    ("2022-10-24T07:05:00Z", "Senin, 24 Oktober 2022 - 14:05 WIB</div><p>Air surut pukul 07.05 WIB.</p><div>",
     "2022-10-24T07:05:00+00:00"),
    ("2022-10-24T14:05:00", "Live: Bundesliga 14:05 CET", "2022-10-24T14:05:00"),
])
def test_structured_stamp_takes_the_zone_shown_beside_its_time(stamp, byline, expected):
    html = page(ld({"@type": "NewsArticle", "headline": "Judul", "datePublished": stamp}),
                f'<h1>Judul</h1><div class="namerep">{byline}</div>')
    assert meta_of(html, "https://news.example.com/read/1").published_at == expected


@pytest.mark.parametrize("published, modified, expected", [
    # the CMS that wrote the WIB publication time as "Z" wrote the modification time the same way
    ("2022-10-24T14:05:00Z", "2022-10-25T09:30:12Z", ("2022-10-24T14:05:00+07:00", "2022-10-25T09:30:12+07:00")),
    # a zone-less publication stamp says nothing about a UTC modification stamp
    ("2022-10-24T14:05:00", "2022-10-24T18:00:00Z", ("2022-10-24T14:05:00+07:00", "2022-10-24T18:00:00+00:00")),
])
def test_modified_stamp_relabelled_only_like_a_mislabelled_published_one(published, modified, expected):
    html = page(ld({"@type": "NewsArticle", "headline": "Judul", "datePublished": published,
                    "dateModified": modified}),
                '<h1>Judul</h1><div class="date">Senin, 24 Okt 2022 14:05 WIB</div>')
    m = meta_of(html, "https://news.example.com/read/1")
    assert (m.published_at, m.modified_at) == expected


@pytest.mark.parametrize("head, body, expected", [
    # two stamps, one wall-clock time, two offsets: the offset is no fact, the time as written is kept
    ('<meta property="article:published_time" content="2021-06-16T23:00:00-07:00">'
     '<meta name="pubdate" content="Wed, 16 Jun 2021 23:00:00 GMT">', "", "2021-06-16T23:00:00"),
    # ... and the zone the page prints beside that time then places it
    ('<meta property="article:published_time" content="2021-06-16T23:00:00-07:00">'
     '<meta name="pubdate" content="Wed, 16 Jun 2021 23:00:00 GMT">',
     '<div class="date">Rabu, 16 Juni 2021 23:00 WIB</div>', "2021-06-16T23:00:00+07:00"),
    # the same instant written in two zones is no contradiction
    ('<meta property="article:published_time" content="2021-06-16T23:00:00+07:00">'
     '<meta name="pubdate" content="Wed, 16 Jun 2021 16:00:00 GMT">', "", "2021-06-16T23:00:00+07:00"),
])
def test_stamps_that_disagree_on_the_offset_keep_the_wall_clock(head, body, expected):
    html = page(head, f"<h1>Judul</h1>{body}<p>Isi.</p>")
    assert meta_of(html, "https://news.example.com/read/1").published_at == expected


def test_relative_date_against_fetch_time():
    html = page("", '<h1>Judul</h1><span class="date">2 jam lalu</span>')
    assert meta_of(html).published_at == "2024-06-01T10:00:00+00:00"


def test_labelled_date_in_text_and_url_fallback():
    html = page("", "<h1>Headline</h1><ul><li><strong>Datum</strong> 28.04.2023</li></ul>")
    assert meta_of(html).published_at == "2023-04-28"
    assert meta_of(page("", "<h1>x</h1>"), "https://e.com/2022/10/25/slug").published_at == "2022-10-25"


def test_future_and_ancient_dates_are_rejected():
    html = page('<meta property="article:published_time" content="2999-01-01T00:00:00Z">'
                '<meta name="date" content="1970-01-01">')
    assert meta_of(html).published_at is None


@pytest.mark.parametrize("text, expected", [
    # a short date line under the headline is the page's date
    ("<p>Posted 3 March 2023, 10:00</p>", "2023-03-03T10:00:00"),
    # a long line that starts with its date still is
    ("<p>3 March 2023 - " + "The council met on Tuesday to discuss the budget and many other things. " * 2 + "</p>",
     "2023-03-03"),
    # a date deep inside a long sentence belongs to the story: the page's modification date stands in
    ("<p>" + "After the band split up and she went on to found her own label with her mother " * 2
     + "on 3 December 2006, she released four albums.</p>", "2020-02-14"),
])
def test_text_date_near_h1_must_look_like_a_date_line(text, expected):
    html = page('<meta property="article:modified_time" content="2020-02-14">', f"<h1>Headline here</h1>{text}")
    assert meta_of(html).published_at == expected


def test_modified_kept_apart_from_published():
    html = page('<meta property="article:published_time" content="2024-05-01T10:00:00+02:00">'
                '<meta property="article:modified_time" content="2024-05-02T10:00:00+02:00">')
    m = meta_of(html)
    assert (m.published_at, m.modified_at) == ("2024-05-01T10:00:00+02:00", "2024-05-02T10:00:00+02:00")


# --------------------------------------------------------------------------- authors

@pytest.mark.parametrize("line, expected", [
    ("Von Cosima Künzel", ["Cosima Künzel"]),
    ("Blog Beitrag von Jana Beispiel", ["Jana Beispiel"]),
    ("Ein Beitrag von Jana Beispiel", ["Jana Beispiel"]),
    ("A post by Jane Doe", ["Jane Doe"]),
    ("Article by Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
])
def test_paragraph_byline_with_a_short_lead(line, expected):
    html = page("", f"<h1>Headline</h1><article><p>{line}</p><p>{'Some article text here. ' * 10}</p></article>")
    assert meta_of(html).authors == expected


@pytest.mark.parametrize("after, expected", [
    ('<span class="tarih">05.04.2025 - 14:20</span>', ["Dewi Lestari"]),  # "Name |" then the date: a byline
    ('<span class="section">Ekonomi</span>', []),                         # then a section name: not one
])
def test_name_element_right_before_the_date_element(after, expected):
    html = page("", f'<h1>Headline</h1><div class="row"><span>Dewi Lestari &nbsp;|</span>{after}</div>'
                    f"<p>{'Some article text here. ' * 10}</p>")
    assert meta_of(html).authors == expected


def test_label_before_the_date_in_a_top_bar_is_no_byline():
    html = page("", '<div class="top"><span>Berita Utama |</span><span class="date">Senin, 6 Mei 2024</span></div>'
                    f"<h1>Headline</h1><p>{'Some article text here. ' * 10}</p>")
    assert meta_of(html).authors == []


def test_byline_naming_more_writers_than_the_metadata_wins():
    html = page('<meta name="author" content="Nadia Prameswari">',
                '<h1>Headline</h1><div class="detail__author">Nadia Prameswari, Fikri Ardiansyah - detikFinance</div>'
                f"<p>{'Some article text here. ' * 10}</p>")
    assert meta_of(html, "https://finance.detik.com/x").authors == ["Nadia Prameswari", "Fikri Ardiansyah"]


def test_other_stories_authors_do_not_join_the_metadata_author():
    html = page('<meta name="author" content="Jane Doe">',
                '<h1>Headline</h1><section class="latest"><a rel="author" href="/a/j">John Roe</a></section>'
                f"<p>{'Some article text here. ' * 10}</p>")
    assert meta_of(html).authors == ["Jane Doe"]


def test_editor_linked_in_the_byline_is_not_an_author():
    html = page("", '<h1>Headline</h1><div id="penulis">Penulis: <a href="/p/1">Lailatul Fitriyah</a> | '
                    'Editor: <a href="/p/2">Arif Setiawan</a></div>' f"<p>{'Some article text here. ' * 10}</p>")
    assert meta_of(html).authors == ["Lailatul Fitriyah"]


def test_photo_credit_classed_element_is_not_a_byline():
    html = page("", '<h1>Headline</h1><span class="detail-foto-editor">Foto: Budi Santoso</span>'
                    '<div class="author">Oleh Ratna Sari</div>'
                    f"<p>{'Some article text here. ' * 10}</p>")
    assert meta_of(html).authors == ["Ratna Sari"]


def test_organisation_author_loses_to_visible_person():
    html = page('<meta property="og:site_name" content="Lesotho Times">'
                + ld({"@type": "BlogPosting", "headline": "H", "author": {"@type": "Organization", "name": "Lesotho Times"}}),
                '<p><strong>Mathatisi Sebusi/Mohalenyane Phakela</strong></p><p>' + "Long article text. " * 20 + "</p>")
    assert meta_of(html, "https://lestimes.com/x/").authors == ["Mathatisi Sebusi", "Mohalenyane Phakela"]


def test_organisation_kept_when_nobody_else_is_named():
    html = page('<meta property="og:site_name" content="DER SPIEGEL">'
                + ld({"@type": "NewsArticle", "headline": "H", "author": {"@type": "Organization", "name": "DER SPIEGEL"}}))
    assert meta_of(html, "https://www.spiegel.de/x").authors == ["DER SPIEGEL"]


def test_indonesian_byline_itemprop():
    html = page("", '<div class="byline">Pewarta: <span itemprop="author">Budisantoso Budiman dan Agus S</span></div>')
    assert meta_of(html, "https://www.antaranews.com/berita/1").authors == ["Budisantoso Budiman", "Agus S"]


def test_jsonld_author_that_is_the_editor_loses_to_byline_and_creator():
    html = page(ld({"@type": "NewsArticle", "headline": "H", "creator": {"@type": "Person", "name": "Desca Lidya Natalia"},
                    "author": {"@type": "Person", "name": "B Kunto Wibisono"}}),
                '<div class="byline">Oleh <span itemprop="author">Desca Lidya Natalia</span></div>')
    assert meta_of(html).authors == ["Desca Lidya Natalia"]


def test_twitter_written_by_label():
    html = page('<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Amy Motroni">')
    assert meta_of(html).authors == ["Amy Motroni"]


# --------------------------------------------------------------------------- small fields and robustness

def test_canonical_site_description_tags():
    html = page('<link rel="canonical" href="/politik/story-1"><meta property="og:site_name" content="Example">'
                '<meta name="description" content="  A  summary. "><meta name="keywords" content="a, b, A">'
                '<meta property="article:tag" content="c">')
    m = meta_of(html)
    assert m.canonical_url == "https://news.example.com/politik/story-1"
    assert m.site_name == "Example"
    assert m.description == "A summary."
    assert m.tags == ["c"]  # a stated tag list wins over keyword metas (SEO key phrases on many sites)
    assert meta_of(page('<meta name="keywords" content="a, b, A">')).tags == ["a", "b"]


def test_tags_from_cms_meta_and_from_a_visible_tag_list():
    assert meta_of(page('<meta name="content_tag" content="banjir, Bekasi">')).tags == ["banjir", "Bekasi"]
    assert meta_of(page('<meta property="article:tag" content="Peatlands,Environment">')).tags == \
        ["Peatlands", "Environment"]
    html = page("", '<nav><a href="/tag/populer">Populer</a></nav><h1>Judul</h1><p>Isi.</p>'
                    '<div class="tags"><a href="/tag/ular-sanca">ular sanca</a> <a href="/tag/bantul">bantul</a></div>')
    assert meta_of(html).tags == ["ular sanca", "bantul"]  # not the menu's
    trending = page("", '<div class="hot-topic"><a href="/tag/pemilu">#Pemilu</a></div><h1>Judul</h1><p>Isi.</p>'
                        '<div class="card"><a href="/tag/sepakbola">Sepakbola</a></div>')
    assert meta_of(trending).tags == []  # a trending bar and another story's card are not this article's tags


def test_wordpress_category_links_are_no_tags():
    """WordPress writes categories as ``rel="category tag"`` (classic) or rel=tag links in ``taxonomy-category``."""
    classic = page("", '<h1>Judul</h1><p>Isi.</p><span class="cat-links"><a href="/category/daerah/" '
                       'rel="category tag">Daerah</a></span><span class="tags-links"><a href="/tag/banjir/" '
                       'rel="tag">Banjir</a></span>')
    assert meta_of(classic).tags == ["Banjir"]
    block = page("", '<h1>Judul</h1><p>Isi.</p><div class="taxonomy-category wp-block-post-terms"><a href="/topik/x/"'
                     ' rel="tag">Daerah</a></div><div class="taxonomy-post_tag wp-block-post-terms"><a '
                     'href="/tag/banjir/" rel="tag">Banjir</a></div>')
    assert meta_of(block).tags == ["Banjir"]


def test_site_name_falls_back_to_host():
    assert meta_of(page("<title>t</title>"), "https://www.example.org/a").site_name == "example.org"


@pytest.mark.parametrize("html", [
    "", "   ", "not html at all", "<html></html>", "<html><body><h1></h1></body></html>",
    page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'),
    page(ld([1, "x", None, {"@type": 5, "author": {"name": ["A", 3]}, "datePublished": 12}])),
    page('<meta name="date" content="garbage"><meta property="article:published_time" content="2022-13-45">'),
])
def test_junk_never_raises(html):
    m = meta_of(html)
    assert isinstance(m, Metadata)


def test_language_from_markup_and_content():
    assert normalise_code("en-US") == "en" and normalise_code("in") == "id" and normalise_code("x-default") is None
    assert refine_by_host("ms", "www.kompas.co.id") == "id"
    text = ("Pemerintah daerah menyampaikan bahwa pembangunan jalan akan dilanjutkan tahun depan setelah "
            "anggaran disetujui oleh dewan perwakilan rakyat daerah dalam rapat paripurna kemarin sore. "
            "Kepala dinas pekerjaan umum mengatakan bahwa warga diminta bersabar karena proyek ini "
            "membutuhkan waktu yang cukup lama untuk diselesaikan dengan baik.")
    assert choose_language("en", text, "www.example.co.id")[0] == "id"  # template lang="en" overruled
    assert choose_language("de", "kurz", None)[0] == "de"  # too little text: markup stands
    m = meta_of(page("", f"<p>{text}</p>", lang="id-ID"), "https://www.example.co.id/a")
    assert m.language == "id"


def test_utc_stamp_is_expressed_in_the_country_domain_zone():
    html = page('<meta property="article:published_time" content="2022-05-04T00:25:56Z">')
    m = meta_of(html, "https://www.example.com.ar/politica/nota")
    assert m.published_at == "2022-05-03T21:25:56-03:00"  # the same instant, on the day Argentine readers saw
    assert meta_of(html, "https://www.example.com/x").published_at == "2022-05-04T00:25:56+00:00"


def test_utc_stamp_near_midnight_follows_the_day_in_the_url():
    html = page('<meta property="article:published_time" content="2023-11-01T23:01:00Z">')
    # zone unknown (.com): the page's day, without inventing an offset
    assert meta_of(html, "https://news.example.com/2023/11/02/story").published_at == "2023-11-02"
    # zone known from the country domain: the same instant in local time
    assert meta_of(html, "https://www.example.it/2023/11/02/story").published_at == "2023-11-02T00:01:00+01:00"


def test_profile_timezone_applies_to_times_printed_without_offset():
    from newsarchive.profiles import Profile

    html = page("", '<h1>Judul</h1><span class="date">24.10.2022 14:05</span>')
    doc = Document.parse(html, "https://blog.example.com/2022/10/x.html")
    m = extract_metadata(doc, Profile(name="t", timezone="Asia/Jakarta"), FETCHED)
    assert m.published_at == "2022-10-24T14:05:00+07:00"
    assert extract_metadata(doc, None, FETCHED).published_at == "2022-10-24T14:05:00"
