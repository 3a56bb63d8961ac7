"""Language packs (data/languages/*.toml): every file follows the schema, a typo is an error, and the byline
labels they hold are what the author extractor strips (Blogger's own label in each of its languages)."""
from __future__ import annotations

import pytest

from newsarchive.extract.authors import clean_authors
from newsarchive.langpacks import PACKS_DIR, PackError, load_packs, words


def test_every_pack_follows_the_schema():
    packs = load_packs()
    assert {"id", "en", "ms", "de", "no"} <= set(packs)
    assert all(code.isalpha() and len(code) == 2 for code in packs)  # ISO 639-1 file names


@pytest.mark.parametrize("text, error", [
    ("[byline]\nlabel = ['oleh']\n", "unknown key byline.label"),
    ("[bylines]\nlabels = ['oleh']\n", "unknown section [bylines]"),
    ("[byline]\nlabels = 'oleh'\n", "must be a list of words"),
    ("[byline]\nlabels = ['oleh', '']\n", "must be a list of words"),
])
def test_a_typo_in_a_pack_is_an_error(tmp_path, text, error):
    (tmp_path / "xx.toml").write_text(text, encoding="utf-8")
    with pytest.raises(PackError, match=error.replace("[", r"\[").replace("]", r"\]")):
        load_packs(tmp_path)


def test_a_new_language_is_a_new_file(tmp_path):
    (tmp_path / "sw.toml").write_text("[byline]\nlabels = ['Imeandikwa na']\n", encoding="utf-8")
    assert words("byline", "labels", tmp_path) == ("imeandikwa na",)
    assert "imeandikwa na" not in words("byline", "labels", PACKS_DIR)


@pytest.mark.parametrize("byline", ["Diposting oleh Anna Berger", "Posted by Anna Berger", "Eingestellt von Anna Berger",
                                    "Lagt inn av Anna Berger", "Dicatat oleh Anna Berger", "Gepost door Anna Berger",
                                    "Postado por Anna Berger", "Publié par Anna Berger", "Upplagd av Anna Berger"])
def test_bloggers_author_label_in_each_language_is_stripped(byline):
    assert clean_authors([byline]) == ["Anna Berger"]
