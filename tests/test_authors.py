"""Table-driven tests of the author helpers (newsarchive.extract.authors) and of the byline sources
(newsarchive.extract.byline), one small function at a time."""
import json

import pytest

from newsarchive.document import Document
from newsarchive.extract import authors as au
from newsarchive.extract import byline as by
from newsarchive.extract.authors import clean_authors, clean_name, split_byline
from newsarchive.extract.jsonld import JsonLd
from newsarchive.profiles import Profile


@pytest.mark.parametrize("values, expected", [
    # labels in many languages
    (["By Jane Doe"], ["Jane Doe"]),
    (["Penulis: Dewi Kania"], ["Dewi Kania"]),
    (["Oleh : Maya Sofia"], ["Maya Sofia"]),
    (["Diposting oleh Budi Santoso"], ["Budi Santoso"]),
    (["Posted by John Roe"], ["John Roe"]),
    (["Von Anna Fink"], ["Anna Fink"]),
    (["Par Jean Dupont"], ["Jean Dupont"]),
    (["Por María López"], ["María López"]),
    (["Reporter: Nur Imansyah"], ["Nur Imansyah"]),
    (["Zeige alle Beiträge von Petra Ruland"], ["Petra Ruland"]),
    (["Kontributor Lhokseumawe, Ahmad Yani"], ["Ahmad Yani"]),
    # lists
    (["A. Smith, B. Jones and C. Brown"], ["A. Smith", "B. Jones", "C. Brown"]),
    (["Budisantoso Budiman dan Agus S"], ["Budisantoso Budiman", "Agus S"]),
    (["Jane Doe & John Roe"], ["Jane Doe", "John Roe"]),
    (["Jane Doe | John Roe"], ["Jane Doe", "John Roe"]),
    (["Mathatisi Sebusi/Mohalenyane Phakela"], ["Mathatisi Sebusi", "Mohalenyane Phakela"]),
    (["Reporter: Rina Wati | Editor: Budi Santoso"], ["Rina Wati"]),
    (["Rep: Fuji Lestari/ Red: Esti Rahayu"], ["Fuji Lestari"]),     # writer and editor, short labels
    (["Red Hong Yi"], ["Red Hong Yi"]),                               # without a colon "Red" is a name
    (["Fino Kristo - detikinet"], ["Fino Kristo"]),                   # a spaced dash parts name and outlet
    (["Siti Aeni - Jurnalis"], ["Siti Aeni"]),
    (["Von Anna Fink - Berlin"], ["Anna Fink"]),                     # the other side is a place ...
    (["By Jane Doe - The Guardian"], ["Jane Doe"]),                  # ... an outlet ...
    (["25.10.2022 - Reiner Nagel"], ["Reiner Nagel"]),               # ... or a date
    (["Kabar.com - Ardito"], ["Ardito"]),
    (["Iris Lange-Fricke", "Jean-Paul Roux"], ["Iris Lange-Fricke", "Jean-Paul Roux"]),  # hyphens do not
    (["Penulis: | Lailatul Fitri | Editor: | Arif Setiawan"], ["Lailatul Fitri"]),  # label and name split apart
    (["Video | Budi Santoso"], ["Budi Santoso"]),                    # a kicker is no editor label
    (["Von Anna Fink, Glückstadt"], ["Anna Fink"]),                  # "by Name, Place": written from
    (["Por María López, Madrid"], ["María López"]),
    (["Oleh: Dewi Kania, Masriadi"], ["Dewi Kania", "Masriadi"]),    # Indonesian single names stay
    # roles, brackets, handles, e-mail addresses
    (["Jane Doe, Senior Correspondent"], ["Jane Doe"]),
    (["Elena Oberholzer (obe)"], ["Elena Oberholzer"]),
    (["Williams Perdomo @wperdomod"], ["Williams Perdomo"]),
    (["Jane Doe jane.doe@example.com"], ["Jane Doe"]),
    # de-duplication is case-blind and keeps the first spelling; ALL CAPS is kept as written
    (["Jane Doe", "JANE DOE", "John Roe"], ["Jane Doe", "John Roe"]),
    (["JACOBO BETANCUR PELÁEZ"], ["JACOBO BETANCUR PELÁEZ"]),
    # initials and single names stay
    (["ssi"], ["ssi"]),
    (["Lars"], ["Lars"]),
    # wire services are credited authors and stay
    (["Felix Schröder, dpa"], ["Felix Schröder", "dpa"]),
])
def test_clean_authors(values, expected):
    assert clean_authors(values) == expected


@pytest.mark.parametrize("values", [
    ["Admin"], ["Redaksi"], ["Staff"], ["https://www.facebook.com/someone"], ["jane@example.com"],
    ["@janedoe"], ["Publicado hace 3 horas"], ["25.10.2022"], ["deinen Hochzeitsbloggern"], ["sarah-indra"],
    [""], ["   "], ["Share"], ["Save"],
    ["Publicado el"], ["Diterbitkan"], ["Aktualisiert am"],  # a date line's label once its date is cut
])
def test_non_names_are_dropped(values):
    assert clean_authors(values) == []


def test_outlet_name_dropped_only_when_people_remain():
    assert clean_authors(["Jane Doe", "Example News"], drop=["Example News"]) == ["Jane Doe"]
    assert clean_authors(["Example News"], drop=["Example News"]) == ["Example News"]


def test_outlet_address_is_not_a_list_of_people():
    # Single words beside the outlet's own name are its address; a full name beside it is still a person.
    assert clean_authors(["examplenews.de, Frankfurt, Germany"], drop=["examplenews.de"]) == ["examplenews.de"]
    assert clean_authors(["examplenews.de, Jane Doe"], drop=["examplenews.de"]) == ["Jane Doe"]
    assert clean_authors(["Frankfurt, Germany"], drop=["examplenews.de"]) == ["Frankfurt", "Germany"]
    assert clean_authors(["Kabar24.com, Jakarta"], drop=["Kabar24.com"]) == []  # a dateline
    assert clean_authors(["kabar.example, Reuters"], drop=["kabar.example"]) == ["Reuters"]  # a wire is no place


def test_wire_services_can_be_dropped():
    assert clean_authors(["Jane Doe, Reuters"], keep_wire=False) == ["Jane Doe"]


def test_domain_names_are_kept_as_outlet_credit():
    assert clean_name("nieuwsblad.be") == "nieuwsblad.be"


def test_split_byline_segments():
    assert split_byline("Penulis: A | Editor: B") == ["A"]
    assert split_byline("") == []


@pytest.mark.parametrize("values, expected", [
    (["Sarah E. Needleman"], ["Sarah E. Needleman"]),  # an initial is not the conjunction "e"
    (["Anna I. Berg and Y. Chen"], ["Anna I. Berg", "Y. Chen"]),
    (["María Pérez y Juan Gómez"], ["María Pérez", "Juan Gómez"]),
    (["Paolo Rossi e Giulia Bianchi"], ["Paolo Rossi", "Giulia Bianchi"]),
])
def test_conjunctions_split_but_initials_do_not(values, expected):
    assert clean_authors(values) == expected


@pytest.mark.parametrize("values, expected", [
    (["ROBERT BURNS, AP National Security Writer"], ["ROBERT BURNS"]),
    (["Kristen Falc'honKristen Falc'hon"], ["Kristen Falc'hon"]),
    (["Rasender Reporter"], ["Rasender Reporter"]),  # a pen name, not a role line
])
def test_role_lines_and_doubled_names(values, expected):
    assert clean_authors(values) == expected


# --------------------------------------------------------------------------- the refusal tables of clean_name
# (private, tested one predicate at a time: each on a fragment it must refuse and one it must keep)

@pytest.mark.parametrize("table, refused, kept", [
    (au._RAW_REFUSALS, "", "Jane Doe"),
    (au._RAW_REFUSALS, "(jane@example.com)", "Jane Doe jane@example.com"),
    (au._CONTACT_REFUSALS, "Publicado hace 3 horas", "Jane Doe"),
    (au._ROLE_REFUSALS, "Senior Correspondent", "Jane Doe"),
    (au._ROLE_REFUSALS, "AP National Security Writer", "Rasender Reporter"),
    (au._NAME_REFUSALS, "A" * 61, "Jacobo Betancur Peláez"),
    (au._NAME_REFUSALS, "—·—", "Lê Phương"),
    (au._NAME_REFUSALS, "edilson.la.rosa", "nieuwsblad.be"),
    (au._NAME_REFUSALS, "http:example", "Jane Doe"),
    (au._NAME_REFUSALS, "sarah-indra", "Jean-Paul Roux"),
    (au._NAME_REFUSALS, "Redaksi", "Dewi Kania"),
    (au._NAME_REFUSALS, "Anna Maria Luisa Beatriz Carla Fink", "Anna Maria Luisa Beatriz Fink"),
    (au._NAME_REFUSALS, "Read The Full Story.", "Jane B."),
    (au._NAME_REFUSALS, "deinen Hochzeitsbloggern", "Ursula von der Leyen"),
])
def test_refusal_tables(table, refused, kept):
    assert au._refusal(refused, table) is not None
    assert au._refusal(kept, table) is None


@pytest.mark.parametrize("predicate, refused, kept", [
    (au._is_empty, "", "X"),
    (au._is_bare_email, "<jane@example.com>", "Jane Doe jane@example.com"),
    (au._has_digit, "25.10.2022", "Jane Doe"),
    (au._is_role_only, "Senior Correspondent", "Jane Doe"),
    (au._ends_in_role, "Staff Writer", "Rasender Reporter"),
    (au._is_too_long, "x" * 61, "x" * 60),
    (au._has_no_letter, "---", "A."),
    (au._is_dotted_slug, "edilson.la.rosa", "nieuwsblad.be"),
    (au._is_handle_or_link, "@janedoe", "Jane Doe"),
    (au._is_login_slug, "sarah-indra", "Sarah-Indra"),
    (au._is_placeholder, "Staff Writer", "Jane Doe"),
    (au._has_too_many_words, "A B C D E F", "A B C D E"),
    (au._is_sentence, "Read more here.", "Jane B."),
    (au._is_prose, "web sitesinde", "Vincent van Gogh"),
])
def test_name_predicates(predicate, refused, kept):
    assert predicate(refused)
    assert not predicate(kept)


def test_each_refusal_names_its_reason():
    assert au._refusal("Admin", au._NAME_REFUSALS) == "placeholder"
    assert au._refusal("Jane Doe", au._NAME_REFUSALS) is None


@pytest.mark.parametrize("predicate, refused, kept", [
    (au._is_label_word, "capital", "ssi"),
    (au._is_agency_acronym, "SP-X", "AFP"),
])
def test_list_filter_predicates(predicate, refused, kept):
    assert predicate(refused)
    assert not predicate(kept)


def test_list_filters_keep_a_name_that_stands_alone():
    assert clean_authors(["capital"]) == ["capital"]
    assert clean_authors(["Jane Doe, capital"]) == ["Jane Doe"]
    assert clean_authors(["Jane Doe, SP-X"]) == ["Jane Doe"]
    assert clean_authors(["Jane Doe, AFP"]) == ["Jane Doe", "AFP"]


def test_dateline_place_and_outlet_address():
    assert au._is_dateline_place("Von Anna Fink, Berlin", ["Anna Fink", "Berlin"])
    assert not au._is_dateline_place("Anna Fink, Berlin", ["Anna Fink", "Berlin"])  # no "by": two writers
    assert not au._is_dateline_place("By Jane Doe, AFP", ["Jane Doe", "AFP"])
    assert au._is_outlet_address(["x.de", "Frankfurt"], ["x.de", "Frankfurt"], {"x de"})
    assert not au._is_outlet_address(["x.de", "Jane Doe"], ["x.de", "Jane Doe"], {"x de"})


# --------------------------------------------------------------------------- the byline source table
# (newsarchive.extract.byline: each source function on a tiny page)


def page_of(head: str = "", body: str = "", url: str = "https://news.example.com/a/1", site=(), profile=None):
    doc = Document.parse(f"<html><head>{head}</head><body>{body}</body></html>", url)
    return by.Page.of(doc, JsonLd(doc.jsonld), list(site), profile)


def ld_script(obj) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_source_table_is_ordered_by_stage():
    stages = [s.stage for s in by.AUTHOR_SOURCES]
    assert stages == sorted(stages, key=list(by.Stage).index)  # stated, then marked, then text
    assert len({s.name for s in by.AUTHOR_SOURCES}) == len(by.AUTHOR_SOURCES)


def test_profile_source():
    p = page_of(body='<div class="who">Jane Doe</div>', profile=Profile("t", fields={"author": ".who"}))
    assert by._profile_authors(p) == [(["Jane Doe"], "profile")]
    assert by._profile_authors(page_of(body='<div class="who">Jane Doe</div>')) == []


def test_jsonld_sources():
    p = page_of(ld_script({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"},
                           "creator": "John Roe"}))
    assert by._jsonld_author(p) == [(["Jane Doe"], "jsonld:author")]
    assert by._jsonld_creator(p) == [(["John Roe"], "jsonld:creator")]
    # the web page's author when the article states none
    p = page_of(ld_script({"@type": "WebPage", "author": "Jane Doe"}))
    assert by._jsonld_author(p) == [(["Jane Doe"], "jsonld:author")]


def test_jsonld_author_contradicted_by_byline_and_creator():
    p = page_of(ld_script({"@type": "NewsArticle", "author": "Budi Editor", "creator": "Dewi Kania"}),
                '<div class="byline">Oleh <span itemprop="author">Dewi Kania</span></div>')
    assert by._jsonld_author(p) == [([], "jsonld:author")]


def test_meta_source_and_outlet_address():
    p = page_of('<meta name="author" content="Jane Doe"><meta name="dc.creator" content="https://x.example/jane">')
    assert by._meta_authors(p) == [(["Jane Doe"], "meta:author")]
    p = page_of('<meta name="author" content="Deutsche Welle (www.dw.com)">')
    by._meta_authors(p)
    assert "deutsche welle" in p.drop_keys  # a value with a web address names the outlet


def test_twitter_label_source():
    p = page_of('<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="3 min">'
                '<meta name="twitter:label2" content="Written by"><meta name="twitter:data2" content="Jane Doe">')
    assert by._twitter_label_author(p) == [(["Jane Doe"], "meta:twitter:data2")]


def test_microdata_source():
    p = page_of(body='<span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span>'
                     '<meta itemprop="author" content="John Roe">')
    assert by._microdata_authors(p) == [(["Jane Doe"], "microdata:author")]
    assert by._microdata_authors(page_of(body="<p>x</p>")) == []


def test_rel_author_source_skips_teasers():
    p = page_of(body='<a rel="author" href="/j">Jane Doe</a>'
                     '<section class="related"><a rel="author" href="/r">John Roe</a></section>')
    assert by._rel_authors(p) == [(["Jane Doe"], "rel=author")]


def test_classed_byline_source():
    p = page_of(body='<div class="byline">By <a class="author" href="/a">Jane Doe</a> and '
                     '<a class="author" href="/b">John Roe</a></div>')
    assert by._classed_byline(p) == [(["Jane Doe", "John Roe"], "byline")]
    # linked editors are no writers
    p = page_of(body='<div class="byline">Penulis: <a href="/a">Jane Doe</a> | Editor: <a href="/b">John Roe</a></div>')
    assert by._classed_byline(p) == [(["Jane Doe"], "byline")]
    # a single word only when no full name follows
    p = page_of(body='<div class="author">Lars</div><div class="post-author">Jane Doe</div>')
    assert by._classed_byline(p) == [(["Jane Doe"], "byline")]
    assert by._classed_byline(page_of(body='<div class="author">Lars</div>')) == [(["Lars"], "byline")]
    # picture credits and author boxes are no bylines
    assert by._classed_byline(page_of(body='<figure><figcaption><span class="author">Jane Doe</span>'
                                           '</figcaption></figure>')) == []


def test_text_byline_source():
    p = page_of(body="<p>Article text.</p><p>Penulis: Dewi Kania</p>")
    assert by._text_byline(p) == [(["Dewi Kania"], "text-byline")]
    assert by._text_byline(page_of(body="<p>Autor</p><p>home</p>")) == []  # a bare label needs a name after it


def test_text_byline_reads_the_indonesian_short_labels():
    """"Rep: X/ Red: Y" under the headline, as Indonesian portals print reporter and editor (redaktur)."""
    p = page_of(body='<h1>Banjir surut</h1><div class="red">Rep: Wulan Pertiwi/ <span></span> Red: Yoga Saputra</div>'
                     "<p>Air mulai surut sejak pagi.</p>")
    assert by._text_byline(p) == [(["Wulan Pertiwi"], "text-byline")]
    # without its colon "Rep" is no label
    assert by._text_byline(page_of(body="<p>Rep Wulan Pertiwi</p>")) == []


def test_a_section_link_in_a_byline_is_no_name():
    """A portal's date-and-reporter line links its section ("TRENDING") beside the reporter's page."""
    p = page_of(body='<div class="date-reporter"><span><a href="/olahraga/">OLAHRAGA</a> | 3 Mei 2023 10:15</span>'
                     '<span>Reporter : <a href="/reporter/rina-wati/">Rina Wati</a></span></div>')
    assert by._classed_byline(p) == [(["Rina Wati"], "byline")]
    # ... or files it under a section word ("Escribe Ana Ruiz en Territorio")
    p = page_of(body='<div class="article-author">Escribe <a href="/periodista/ana-ruiz/">Ana Ruiz</a> en '
                     '<a href="/seccion/territorio/">Territorio</a></div>')
    assert by._classed_byline(p) == [(["Ana Ruiz"], "byline")]
    # a writer whose page sits at the site's top level keeps the link: its text is no bare path segment
    p = page_of(body='<div class="byline">By <a href="/jane-doe">Jane Doe</a></div>')
    assert by._classed_byline(p) == [(["Jane Doe"], "byline")]


def test_a_malformed_link_is_no_writer_and_no_error():
    """An address urlsplit cannot read (an unclosed IPv6 host) is skipped, not raised."""
    p = page_of(body='<h1>H</h1><div class="byline"><a href="http://[bad/author/x">Jane Doe</a> '
                     '<a href="/author/john-roe/">John Roe</a></div>')
    assert by._author_page_links(p) == [(["John Roe"], "author-link")]
    assert by._classed_byline(p)[0][0][:1] == ["Jane Doe"]


@pytest.mark.parametrize("body, expected", [
    # WordPress and most blog engines: /author/<slug>/
    ('<h1>H</h1><p>Posted on 3 May by <a href="https://blog.example/author/jane-doe/">Jane Doe</a></p>',
     [(["Jane Doe"], "author-link")]),
    # Indonesian portals: /penulis-<name>, /reporter/<slug>; co-authors share the parent
    ("<h1>H</h1><p>Penulis. <a href='/penulis-Dewi Kania'><b>Dewi Kania</b></a></p>", [(["Dewi Kania"], "author-link")]),
    ('<h1>H</h1><div><a href="/reporter/rina-wati">Rina Wati</a>, <a href="/reporter/agus-salim">Agus Salim</a></div>',
     [(["Rina Wati", "Agus Salim"], "author-link")]),
    # a sidebar before the headline, a related-stories list after it, an editor's page: none is the writer
    ('<aside><a href="/author/john-roe/">John Roe</a></aside><h1>H</h1><p>Text.</p>', []),
    ('<h1>H</h1><section class="related"><a href="/author/john-roe/">John Roe</a></section>', []),
    ('<h1>H</h1><p>Editor: <a href="/editor/john-roe/">John Roe</a></p>', []),
])
def test_author_page_link_source(body, expected):
    assert by._author_page_links(page_of(body=body)) == expected


@pytest.mark.parametrize("body, expected", [
    ("<p><em>Von Anna Fink</em></p>", [(["Anna Fink"], "paragraph-byline")]),
    ("<p>" + "Long article text. " * 10 + "</p><p><strong>Jane Doe/John Roe</strong></p>",
     [(["Jane Doe", "John Roe"], "paragraph-names")]),
    ("<p><strong>Jane Doe</strong></p>", []),  # bold names with no article text beside them
    ("<p>25.10.2022 - Reiner Nagel</p>", [(["Reiner Nagel"], "paragraph-dateline")]),
    ("<span>25.10.2022 - Reiner Nagel</span>", [(["Reiner Nagel"], "paragraph-dateline")]),
    ("<h1>H</h1><div><span>Jane Doe |</span><span>25.10.2022</span></div>", [(["Jane Doe"], "name-then-date")]),
    ("<h1>H</h1><div><span>Jane Doe |</span><span>25.10.2022</span><p>x</p></div>", [(["Jane Doe"], "name-before-date")]),
    ("<div><span>Jane Doe |</span><span>25.10.2022</span></div><h1>H</h1>", []),  # a top bar, not the header
    # the writer, then the date, as one header line under the headline (a <div> of inline text, a <p>)
    ('<h1>H</h1><div class="nate">Rina Wati <span>- 11 Februari 2016 06:30 WIB</span></div>',
     [(["Rina Wati"], "name-then-date")]),
    ("<h1>H</h1><p>Jane Doe • 3 May 2023</p>", [(["Jane Doe"], "name-then-date")]),
    ('<div class="nate">Rina Wati <span>- 11 Februari 2016</span></div><h1>H</h1>', []),  # before the headline
    ("<h1>H</h1><div>Rina Wati <p>- 11 Februari 2016</p></div>", []),  # a block inside: no one line
])
def test_paragraph_source(body, expected):
    assert by._paragraph_byline(page_of(body=body)) == expected


def test_outlet_tests():
    keys = {"lubecker nachrichten", "example"}
    assert by._initials_of_outlet("LN", "ln", keys)
    assert not by._initials_of_outlet("Jane", "jane", keys)
    assert by._matches_outlet("example news", keys)
    assert not by._matches_outlet("jane doe", keys)
    assert by._is_org("PT Media Baru", set())
    assert not by._is_org("Jane Doe", keys)


def test_fuller_byline_wins_over_a_stated_first_name():
    p = page_of('<meta name="author" content="Nadia Prameswari">',
                '<h1>H</h1><div class="detail__author">Nadia Prameswari, Fikri Ardiansyah - detikFinance</div>',
                url="https://finance.detik.com/x")
    assert by.extract_authors(p.doc, p.ld, []) == (["Nadia Prameswari", "Fikri Ardiansyah"], "byline>meta:author")
