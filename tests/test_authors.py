"""Table-driven tests of the author helpers (newsarchive.extract.authors)."""
import pytest

from newsarchive.extract import authors as au
from newsarchive.extract.authors import clean_authors, clean_name, split_byline


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
