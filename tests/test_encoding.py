"""Pages that declare no charset at all: the bytes alone must say what the text is (newsarchive.encoding)."""
from __future__ import annotations

import pytest

from newsarchive.encoding import decode_html

# One short page per legacy encoding, in the language that encoding was made for; none declares a charset.
PAGES = {
    # Western European text: few accented letters, so detection ties windows-1252 with Baltic or Central European
    # code pages that would turn them into other letters.
    "cp1252": "Die Bürger von Großenhain haben über den neuen Radweg abgestimmt – knapp, aber deutlich: „Ja“.",
    "cp1252 French": "L'équipe a présenté hier le projet du nouveau pont, déjà très attendu à Liège.",
    # Polish in windows-1250: read as windows-1252, its letters would become superscripts and signs.
    "cp1250": "Mieszkańcy Łodzi zagłosowali za nową ścieżką rowerową; żadna z dzielnic nie była przeciw.",
    # Russian in windows-1251 and Greek in windows-1253: nearly all "accented letters" as windows-1252.
    "cp1251": "Жители города проголосовали за новую велосипедную дорожку вдоль набережной реки.",
    "cp1253": "Οι κάτοικοι της πόλης ψήφισαν υπέρ του νέου ποδηλατόδρομου κατά μήκος του ποταμού.",
}


def _page(text: str) -> str:
    return f"<html><head><title>Berita</title></head><body><h1>Berita</h1><p>{text}</p><p>{text}</p></body></html>"


@pytest.mark.parametrize("name", list(PAGES))
def test_an_undeclared_legacy_page_decodes_exactly(name: str) -> None:
    encoding = name.split()[0]
    page = _page(PAGES[name])
    text, _ = decode_html(page.encode(encoding))
    assert text == page


def test_undeclared_western_text_is_read_as_windows_1252() -> None:
    _, encoding = decode_html(_page(PAGES["cp1252"]).encode("cp1252"))
    assert encoding == "cp1252"


def test_undeclared_utf8_stays_utf8() -> None:
    page = _page(PAGES["cp1250"] + " " + PAGES["cp1251"])
    assert decode_html(page.encode("utf-8")) == (page, "utf-8")
