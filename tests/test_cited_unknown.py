"""Cited sources on outlets the gazetteer does not know, page-level credit lines, and negatives by family.

Every sentence here is written for these tests (invented outlets included).  The ``no_gazetteer``
fixture switches the gazetteer off (``NEWSARCHIVE_GAZETTEER=off``), so a case passes only if the trigger
grammar reads the name from the text by itself.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from newsarchive import find_cited_sources
from newsarchive.cited.gazetteer import GAZETTEER_ENV, load_gazetteer


def _norm(name: str) -> str:
    words = re.findall(r"[^\W_]+", name.casefold().replace(".", ""))
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _names(text: str, language: str | None = None, url: str | None = None) -> list[str]:
    return [_norm(s.name) for s in find_cited_sources(text, language=language, url=url)]


@pytest.fixture
def no_gazetteer(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The gazetteer switched off for one test, and back on after it."""
    monkeypatch.setenv(GAZETTEER_ENV, "off")
    load_gazetteer.cache_clear()
    yield
    monkeypatch.delenv(GAZETTEER_ENV)
    load_gazetteer.cache_clear()


def test_switch_empties_the_gazetteer(no_gazetteer: None) -> None:
    gaz = load_gazetteer()
    assert gaz.entries == [] and gaz.lookup("Reuters") is None


def test_switch_back_on_restores_it() -> None:
    load_gazetteer.cache_clear()
    assert load_gazetteer().lookup("Reuters") is not None


# --- names read by the trigger grammar alone (gazetteer off; the outlets are invented) --------------
UNKNOWN_OUTLETS = [
    # a single name word after a news-work trigger
    ("\u201cStok beras aman,\u201d katanya kepada Lintasan ketika ditemui di gudang, Senin.", "id", ["Lintasan"]),
    ("\u201cWe sold out in an hour,\u201d the baker told BakeTV on Friday.", "en", ["BakeTV"]),
    ("Dalam wawancara khusus dengan GemaNews, pelatih itu mengaku siap mundur.", "id", ["GemaNews"]),
    ("In an interview with the Prairie Sentinel, the mayor ruled out a new tax.", "en", ["Prairie Sentinel"]),
    ("Dalam satu temu bual bersama TV8, menteri itu menjelaskan kenaikan tarif elektrik.", "ms", ["TV8"]),
    ("Wartawan Sinarwaktu yang berada di lokasi melihat asap hitam membubung.", "id", ["Sinarwaktu"]),
    ("Tayangan Al Qamar memperlihatkan antrean panjang di perbatasan.", "id", ["Al Qamar"]),
    ("Additional reporting by Kestrel", "en", ["Kestrel"]),
    ("\u201cPanen tahun ini bagus,\u201d kata Wayan pada Kabar Subak, Minggu.", "id", ["Kabar Subak"]),
    # news verbs after the name, in the reporting sense
    ("Lumbung Post melaporkan, harga gabah turun dua hari berturut-turut.", "id", ["Lumbung Post"]),
    ("The smelter will close for a month, Ferrowire reported on Tuesday.", "en", ["Ferrowire"]),
    ("The port will reopen on Monday, Dockside reported.", "en", ["Dockside"]),
    ("The Harbour Ledger and Coastline Times both reported the merger.", "en", ["The Harbour Ledger", "Coastline Times"]),
    ("Radar Tapal dan Tapal Post sama-sama melaporkan, jembatan itu ditutup.", "id", ["Radar Tapal", "Tapal Post"]),
    ("Der Morgenblick reported that talks had stalled.", "en", ["Der Morgenblick"]),
    # "memberitakan" (to carry a story as news) is a newsroom's verb wherever its subject stands
    ("Lintasan memberitakan bahwa jembatan itu ditutup sejak Senin.", "id", ["Lintasan"]),
    ("Penutupan jembatan itu diberitakan Lintasan pada Senin.", "id", ["Lintasan"]),
    # an inverted news verb after the story, like "..., X reported."
    ("The ferry will stop for a week, reports Dockside.", "en", ["Dockside"]),
    # the wire formula for relaying another newsroom's interview: whoever quotes someone "as saying"
    ("Tirnews quoted the harbour master as saying the port would close.", "en", ["Tirnews"]),
    ("The port will close, Kestrel cited an official as saying.", "en", ["Kestrel"]),
    ("The minister was quoted by Tirnews as saying the port would close.", "en", ["Tirnews"]),
    # a headline credited to an outlet-shaped name
    ("Port ferry fares to rise by a fifth from June: Harbour Times", "en", ["Harbour Times"]),
    ("Tarif feri naik seperlima mulai Juni: Harian Lintasan", "id", ["Harian Lintasan"]),
    # strong triggers, chains, lists and appositives
    ("Seperti dilansir Warta Lembah dari Kestrel, bendungan itu retak.", "id", ["Warta Lembah", "Kestrel"]),
    ("Lintasan yang mengutip Ferrowire menyebutkan, pabrik itu akan dijual.", "id", ["Lintasan", "Ferrowire"]),
    ("The fares, reported by Dockside, Ferry Herald and The Wharf, rise in May.", "en",
     ["Dockside", "Ferry Herald", "The Wharf"]),
    ("Memetik akhbar Jepun, Asahi Kogyo Shimbun, kerajaan akan menaikkan cukai.", "ms", ["Asahi Kogyo Shimbun"]),
    ("Menurut laporan portal berita Indonesia, Suluh, dua rumah roboh.", "ms", ["Suluh"]),
    ("Akhbar berbahasa Tamil, Malar Seithi, melaporkan bahawa pasar itu dipindahkan.", "ms", ["Malar Seithi"]),
    ("Sebagaimana dikabarkan Kabar Pesisir, nelayan libur melaut.", "id", ["Kabar Pesisir"]),
    ("Dalam siniar Obrolan Senja, mantan menteri itu mengaku pernah ditawari jabatan.", "id", ["Obrolan Senja"]),
    ("Kepada Pelitanet, pedagang mengaku omzetnya turun separuh.", "id", ["Pelitanet"]),
    ("Berdasarkan informasi yang diterima Radar Pesisir, korban berusia 40 tahun.", "id", ["Radar Pesisir"]),
    ("Data itu dihimpun Kabarbanua.com dari sejumlah sumber.", "id", ["Kabarbanua.com"]),
    ("Situs resmi Dinas Pangan mencatat harga cabai naik.", "id", ["Dinas Pangan"]),
    ("Dalam dialog yang disiarkan TVKU Semarang, wali kota menjelaskan anggaran.", "id", ["TVKU Semarang"]),
    ("Images broadcast by state television KTV showed the flooded square.", "en", ["KTV"]),
    ("A council has renamed three streets, h/t Capetown Current.", "en", ["Capetown Current"]),
    ("Writing in an opinion piece for the Delta Chronicle, the economist urged restraint.", "en", ["Delta Chronicle"]),
    ("Speaking on the Tidewater Money podcast, the banker ruled out a cut.", "en", ["Tidewater Money"]),
    ("According to the Harbour Weather Office's website, the signal stays up.", "en", ["Harbour Weather Office"]),
    ("Dalam rilis resmi Pelabuhan Tanjung Emas Regional Tengah, arus barang naik.", "id",
     ["Pelabuhan Tanjung Emas Regional Tengah"]),
    ("Hasil rekapitulasi di situs web Komisi Pemilihan Daerah menunjukkan partisipasi 70 persen.", "id",
     ["Komisi Pemilihan Daerah"]),
    ("Berdasarkan pemantauan situs AirLens pada Rabu pagi, udara tidak sehat.", "id", ["AirLens"]),
    # credit lines: datelines, closing dashes, web-address datelines
    ("SEOUL, Oct. 8 (Hanbit) -- Exports rose for a fifth month.", "en", ["Hanbit"]),
    ("Seoul (ANTARA/Hanbit-OANA) - Ekspor naik lima persen.", "id", ["ANTARA", "Hanbit-OANA"]),
    ("Jambatan itu dibuka semula selepas diperiksa. \u2013 Utusan Kinabalu", "ms", ["Utusan Kinabalu"]),
    ("Banjir surut menjelang petang. \u2014 KINIPOST", "ms", ["KINIPOST"]),
    ("LINTASPOS.COM, PALU - Dinas Perhubungan menambah bus sekolah.", "id", ["LINTASPOS.COM"]),
    # a language edition of an outlet ("X English")
    ("Ferry fares will rise in June, according to Lagoon Daily English.", "en", ["Lagoon Daily English"]),
    ("The port reopened on Monday, according to Halden English.", "en", ["Halden English"]),
    # co-subjects of a news verb: the outlet shape of one makes its partner an outlet
    ("The Fjord Gazette and public broadcaster NRV both reported that the bridge would close.", "en",
     ["Fjord Gazette", "NRV"]),
    # ... and with a news verb in the reporting sense any single name word beside an outlet shape counts
    ("Kestrel and Harbour Wire reported that the ferry would stop for a week.", "en", ["Kestrel", "Harbour Wire"]),
    ("Lintasan dan Tapal Post melaporkan, jembatan itu ditutup.", "id", ["Lintasan", "Tapal Post"]),
    # ... but not beside a lone outlet word referring back, nor with a plain speech verb
    ("Marlow and the Post reported that the plant had closed.", "en", ["the Post"]),
    ("Marlow and the Harbour Times said the talks had failed.", "en", ["Harbour Times"]),
    # anonymous sourcing is news-desk language: the one who cites unnamed people is an outlet
    ("The grocer will sell its bakery unit, Kettle said, citing two people familiar with the talks.", "en",
     ["Kettle"]),
    ("Harbour Wire, citing unnamed officials, said the strike would end on Friday.", "en", ["Harbour Wire"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), UNKNOWN_OUTLETS)
def test_unknown_outlets(no_gazetteer: None, text: str, language: str, expected: list[str]) -> None:
    assert _names(text, language) == [_norm(e) for e in expected], text


# --- an outlet's attribution that names its own source ("X reported, citing Y") ---------------------
CITED_BY_OUTLET = [
    ("Fares will rise in May, the Harbour Times reported, citing Lembah Senja.", "en", ["Harbour Times", "Lembah Senja"]),
    ("The smelter will close, Ferrowire reported, citing KNA.", "en", ["Ferrowire", "KNA"]),
    ("Fares will rise, the Harbour Times said, citing a report by the Lembah Senja.", "en",
     ["Harbour Times", "Lembah Senja"]),
    ("Harga beras naik, Tapal Post melaporkan, mengutip Lembah Senja.", "id", ["Tapal Post", "Lembah Senja"]),
    # a newsroom also cites people and offices: titled, described or referred back to, or an institution
    ("Fares will rise, the Harbour Times reported, citing Kirby.", "en", ["Harbour Times"]),
    ("Fares will rise, the Harbour Times reported, citing Health Minister Ana Ruiz.", "en", ["Harbour Times"]),
    ("Fares will rise, the Harbour Times reported, citing Port spokesman Li Wei.", "en", ["Harbour Times"]),
    ("Fares will rise, the Harbour Times reported, citing Jane Doe, a spokeswoman for the port.", "en",
     ["Harbour Times"]),
    ("Fares will rise, the Harbour Times reported, citing Jane Doe as saying so.", "en", ["Harbour Times"]),
    ("Fares will rise, the Harbour Times reported, citing the Interior Ministry.", "en", ["Harbour Times"]),
    ("Fares will rise, the Harbour Times reported, citing South Korea.", "en", ["Harbour Times"]),
    # no outlet before the verb, no chain
    ("Fares will rise, the ministry said, citing Lembah Senja.", "en", []),
]


@pytest.mark.parametrize(("text", "language", "expected"), CITED_BY_OUTLET)
def test_cited_by_outlet(no_gazetteer: None, text: str, language: str, expected: list[str]) -> None:
    assert _names(text, language) == [_norm(e) for e in expected], text


# --- credit codes and sister sites (the gazetteer settles what the grammar cannot) -----------------
GAZETTEER_SETTLES = [
    ("Polisi menambah personel pengamanan di tiga kecamatan. (ant/jpnn)", "https://www.jpnn.com/a/1", ["ant"]),
    ("Distribusi air bersih dilakukan dengan truk tangki. (antara/xyz)", "https://example.id/a/1", ["antara"]),
    ("Baru saja jadi pacar sudah begitu. [ab/contohsitus/upi]", "https://www.contohsitus.com/a/1", ["upi"]),
    ("Harga cabai turun di pasar induk. (exp/shd)", "https://example.id/a/2", []),
    ("BATAM, TRIBUNBATAM.id - Kapal feri kembali berlayar normal.", "https://www.tribunnews.com/a/1",
     ["TRIBUNBATAM.id"]),
    ("BATAM, TRIBUNBATAM.id - Kapal feri kembali berlayar normal.", "https://batam.tribunnews.com/a/1", []),
    ("Seperti dilansir Kompas.com, jalan itu ditutup.", "https://www.kompas.com/a/1", []),
]


@pytest.mark.parametrize(("text", "url", "expected"), GAZETTEER_SETTLES)
def test_gazetteer_settles(text: str, url: str, expected: list[str]) -> None:
    assert _names(text, "id", url) == [_norm(e) for e in expected], text


# --- what is never a source, one table per family --------------------------------------------------
PHOTO_CREDITS = [
    "Warga melintasi jalan yang tergenang banjir di pesisir (foto: Harian Lintasan)",
    "Ilustrasi warga melintasi jalan yang tergenang banjir: Harian Lintasan",
    "Residents wade through a flooded street near the harbour. Image courtesy: Harbour Times",
    "Residents wade through a flooded street near the harbour: Harbour Times/Jane Doe",
    "Warga melintasi jalan yang tergenang di pesisir utara. (ANTARA FOTO/Budi Santoso/ab)",
    "Visitors walk along the old city wall during the holiday. (Xinhua/Chen Mingyu)",
    "Petugas memeriksa tanggul yang jebol. (Foto: Reuters/Ahmad Fauzi)",
]
UNNAMED_MEDIA = [
    "Sejumlah media Korea Selatan memberitakan, penyanyi itu akan wajib militer.",
    "Media setempat melaporkan, jalan itu longsor.",
    "Local media reported that the bridge had collapsed.",
    "Menurut akhbar Jepun, cukai hotel akan dinaikkan.",
]
OUTLET_AS_SUBJECT = [
    "Rappler said it would appeal the ruling and keep publishing.",
    "Dia pernah bekerja sebagai mantan jurnalis Tempo selama sepuluh tahun.",
    "\u201cHarga tiket naik tahun depan,\u201d kata panitia kepada the Post, Jumat.",
]
HOAX_ATTRIBUTIONS = [
    "Pesan berantai yang beredar itu mengklaim, mengutip Kompas, bahwa bank akan tutup.",
    "Mesej tular yang kononnya memetik laporan Harian Metro itu mendakwa sekolah akan ditutup.",
    "Tidak ditemukan artikel dengan judul serupa di situs web kumparan.",
    "Harian Metro menafikan pernah menyiarkan laporan sedemikian.",
]
COMMON_WORDS = [
    "Bantuan itu berupa beras, minyak goreng, antara lain untuk warga lansia.",
    "Seorang pria bernama Joko ditangkap di terminal.",
    "Situasinya kontan berubah setelah hujan turun.",
    "Police reported that three people had been arrested.",
    "Warga melaporkan kejadian itu ke kantor polisi terdekat.",
    "The Government said it would review the rules.",
    "Tesla reported record deliveries in the third quarter.",
    "Pfizer reported on Monday that its trial had succeeded.",
    "BPBD melaporkan, sepuluh rumah rusak akibat angin kencang.",
    "The Pentagon reported that no troops were hurt.",
    "\u201cKami sudah siap,\u201d ujarnya kepada Andi, rekannya.",
    "Northwind reported that quarterly revenue rose 10 percent.",
    "Kepada KPK, tersangka mengaku menerima suap.",
    "Pfizer and Moderna reported that their trials had succeeded.",
    # writing and speech verbs inverted name writers and speakers; "lapor X" is also "report to X"
    "The mine will close next spring, writes Marlow.",
    "Fares will rise in June, says Marlow.",
    "Jika melihat kebakaran, lapor Damkar.",
    "Diberitakan sebelumnya, jembatan itu ditutup sejak Senin.",
    "Dia memberitakan kasus itu ketika masih bekerja di koran daerah.",
    # people and offices quoting someone "as saying"
    "Marlow quoted his grandmother as saying that the sea gives and takes.",
    "Officials quoted the governor as saying the port would close.",
    "The company quoted the chief executive as saying sales would rise.",
]
SPEAKERS_AND_INSTITUTIONS = [
    "Port ferry fares to rise by a fifth from June: Prime Minister",
    "Port ferry fares to rise by a fifth from June: Marlow",
    "Menurut Budi Santoso, harga beras akan turun.",
    "\u201cKami siap,\u201d kata Kapolres kepada wartawan.",
    "According to Maria Lopez, the plant will reopen.",
    "Menteri itu mengatakan kepada DPR bahwa anggaran cukup.",
    "Smith spoke to reporters outside the court.",
    "\u201cWe will talk again,\u201d the envoy told Harrison on Friday.",
    "Dalam wawancara dengan Suharyo, pelatih itu mengaku siap mundur.",
    "\u201cTidak ada korban,\u201d katanya kepada wartawan di Manila.",
    "Hasil itu ditetapkan Komisi Pemilihan Umum (KPU).",
    "Berdasarkan situs Gunung Padang, para peneliti menggali lagi.",
    "The ministry, citing officials at the port, said cargo was moving again.",
    "Ferry fares will rise, according to Phil Oakes, who teaches English.",
]


@pytest.mark.parametrize(
    "text", PHOTO_CREDITS + UNNAMED_MEDIA + OUTLET_AS_SUBJECT + HOAX_ATTRIBUTIONS + COMMON_WORDS + SPEAKERS_AND_INSTITUTIONS
)
def test_never_a_source(text: str) -> None:
    assert _names(text) == [], text


@pytest.mark.parametrize(
    "text", PHOTO_CREDITS + UNNAMED_MEDIA + OUTLET_AS_SUBJECT + HOAX_ATTRIBUTIONS + COMMON_WORDS + SPEAKERS_AND_INSTITUTIONS
)
def test_never_a_source_without_gazetteer(no_gazetteer: None, text: str) -> None:
    assert _names(text) == [], text


# --- the page's own site ----------------------------------------------------------------------------
OWN_SITE_BY_HOST = [
    ("Jakarta (ANTARA) - Harga emas naik.", "https://www.antaranews.com/berita/1"),
    ("VIVA.co.id - Penyanyi itu tampil memukau.", "https://life.viva.co.id/a/1"),
    ("Berdasarkan pantauan Akurat.co, harga daging stabil.", "https://health.akurat.co/a/1"),
    # a regional edition named brand + region, on a host that puts the region first
    ("\u201cJalan rusak,\u201d katanya kepada RadarRiau.com, Senin.", "https://riau.radarnews.com/a/1"),
    ("RADARRIAU.COM, PEKANBARU - Jembatan ditutup.", "https://riau.radarnews.com/a/1"),
    ("\u201cPesanan naik,\u201d kata Rina kepada Radar Riau, Sabtu.", "https://riau.radarnews.com/a/1"),
    # a host made of the name's initials and last word
    ("\u201cKami tidak sangka,\u201d katanya kepada Warta Kinabalu semalam.", "https://www.wkinabalu.com.my/a/1"),
]
# ... but a sister edition of the group is a source
SISTER_EDITIONS = [
    ("\u201cJalan rusak,\u201d katanya kepada RadarJambi.com, Senin.", "https://riau.radarnews.com/a/1",
     ["radarjambicom"]),
    ("\u201cPesanan naik,\u201d kata Rina kepada Radar Riau, Sabtu.", "https://www.radarnews.com/a/1",
     ["radar riau"]),
]


@pytest.mark.parametrize(("text", "url", "expected"), SISTER_EDITIONS)
def test_sister_editions_stay_sources(no_gazetteer: None, text: str, url: str, expected: list[str]) -> None:
    assert _names(text, "id", url) == expected, text


@pytest.mark.parametrize(("text", "url"), OWN_SITE_BY_HOST)
def test_own_site_by_host_labels(no_gazetteer: None, text: str, url: str) -> None:
    assert _names(text, "id", url) == [], text


# --- the gazetteer's schema ---------------------------------------------------------------------------
def test_every_gazetteer_entry_is_valid() -> None:
    import tomllib

    from newsarchive.cited.gazetteer import GAZETTEER_PATH, problems

    raw = tomllib.loads(GAZETTEER_PATH.read_text(encoding="utf-8"))["outlets"]
    wrong = {row.get("name", "?"): problems(row) for row in raw if problems(row)}
    assert wrong == {}
    names = [row["name"] for row in raw]
    assert len(names) == len(set(names)), "a name is listed twice"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({"name": "X News", "kind": "outlet"}, "no source, hosts or parent"),
        ({"name": "X News", "kind": "paper", "hosts": ["x.test"]}, "unknown kind 'paper'"),
        ({"name": "X News", "hosts": "x.test"}, "hosts is not a list"),
        ({"name": "X News", "hosts": ["x.test"], "codes": ["XN"]}, "codes are written in lower case"),
        ({"name": "X News", "hosts": ["x.test"], "owner": "Y"}, "unknown key 'owner'"),
    ],
)
def test_schema_problems_are_named(row: dict, problem: str) -> None:
    from newsarchive.cited.gazetteer import problems

    assert problem in problems(row)


# --- page level: credit lines kept out of the body are still read --------------------------------------
_PARAGRAPH = " ".join(["Pemerintah kota menambah armada bus sekolah untuk melayani siswa di pinggiran kota."] * 3)


def _page_sources(inside: str, outside: str, url: str = "https://www.contohberita.id/berita/2024/10/01/bus") -> list[str]:
    from newsarchive import parse_article

    html = f"""<html><head><title>Bus sekolah baru</title><meta property="og:type" content="article"></head><body>
<header><nav><a href="/">Beranda</a></nav></header><article><h1>Bus sekolah baru</h1><div class="article-body">
<p>{_PARAGRAPH}</p><p>{_PARAGRAPH}</p><p>{_PARAGRAPH}</p>{inside}</div></article>{outside}
<footer>Hak cipta 2024</footer></body></html>"""
    article = parse_article(html, url)
    assert "(ant/" not in article.body and "tayang di" not in article.body and "Baca artikel" not in article.body
    return [_norm(s.name) for s in article.cited_sources]


PAGE_CREDIT_LINES = [
    ("<p>(ant/jpnn)</p>", "", "https://www.contohberita.id/a/1", ["ant", "jpnn"]),
    ("<p>(ant/jpnn)</p>", "", "https://www.jpnn.com/news/1", ["ant"]),
    ("", '<div class="box">Artikel ini telah tayang di Kompas.com dengan judul "Bus Baru", klik untuk baca.</div>',
     "https://www.contohberita.id/a/2", ["Kompas.com"]),
    ('<p>Baca artikel detiknews, "Bus Sekolah Baru" selengkapnya https://news.detik.com/x</p>', "",
     "https://www.contohberita.id/a/3", ["detikNews"]),
    ('<p>Baca artikel detiknews, "Bus Sekolah Baru" selengkapnya https://news.detik.com/x</p>', "",
     "https://news.detik.com/berita/1", []),  # the page's own site
]


@pytest.mark.parametrize(("inside", "outside", "url", "expected"), PAGE_CREDIT_LINES)
def test_page_credit_lines(inside: str, outside: str, url: str, expected: list[str]) -> None:
    assert _page_sources(inside, outside, url) == [_norm(e) for e in expected]
