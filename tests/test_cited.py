"""Table-driven tests of find_cited_sources, one table per pattern family, negatives included.

Every sentence here is written for these tests.  Expected names are compared after the same light
normalisation the evaluation uses (case, dots and a leading "the" ignored), exactly and in order.
"""
from __future__ import annotations

import re
import time

import pytest

from newsarchive import find_cited_sources
from newsarchive.article import CitedSource


def _norm(name: str) -> str:
    words = re.findall(r"[^\W_]+", name.casefold().replace(".", ""))
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _names(text: str, language: str | None = None, url: str | None = None) -> list[str]:
    return [_norm(s.name) for s in find_cited_sources(text, language=language, url=url)]


def _check(text: str, expected: list[str], language: str | None, url: str | None) -> None:
    got = _names(text, language, url)
    assert got == [_norm(e) for e in expected], (text, got)


REFERENCE = ('"...akan dirahasiakan," kata juru bicara Staf Gabungan, Kolonel Dave Butler, dilansir CNN International, '
             "Selasa (25/10/2022).")


def test_reference_sentence() -> None:
    got = find_cited_sources(REFERENCE, language="id", url="https://news.example.id/a/1")
    assert [s.name for s in got] == ["CNN International"]
    src = got[0]
    assert REFERENCE[src.offset : src.offset + len("CNN International")] == "CNN International"
    assert "dilansir CNN International" in src.evidence


INDONESIAN = [
    ("Harga minyak mentah naik dua persen, seperti dilansir Reuters, Kamis (4/1/2024).", ["Reuters"]),
    ("Dilansir dari Al Jazeera, gencatan senjata itu berlaku mulai tengah malam.", ["Al Jazeera"]),
    ("Melansir laman Nikkei Asia, pabrik itu akan beroperasi tahun depan.", ["Nikkei Asia"]),
    ("Dikutip dari Kompas.com, jalan tol itu dibuka untuk umum pekan depan.", ["Kompas.com"]),
    ("Mengutip Bloomberg, saham perusahaan itu turun 4 persen.", ["Bloomberg"]),
    ("Seperti dikutip Haluan Riau, jembatan itu ambruk pada Minggu dini hari.", ["Haluan Riau"]),
    ("Menurut laporan The Irish Times, pemerintah Irlandia menunda rencana itu.", ["The Irish Times"]),
    ("Seperti diberitakan Solopos.com sebelumnya, banjir merendam tiga kecamatan.", ["Solopos.com"]),
    ("Seperti dilaporkan Radar Jember, ratusan rumah terendam sejak Senin.", ["Radar Jember"]),
    ("Kantor berita Yonhap melaporkan, Korea Utara kembali menembakkan rudal balistik.", ["Yonhap"]),
    ("Harian Kompas memberitakan, proyek itu molor hingga dua tahun.", ["Kompas"]),
    ("Bernama dan The Star melaporkan, banjir melanda empat negeri.", ["Bernama", "The Star"]),
    ("Seperti dilansir detikcom dari AFP, kebakaran itu menewaskan tujuh orang.", ["detikcom", "AFP"]),
    ("Dilansir Tribunnews.com yang mengutip Xinhua, gempa itu berkekuatan 6,1.", ["Tribunnews.com", "Xinhua"]),
    ("\u201cKami siap,\u201d ujar pelatih itu kepada Goal.com, Senin (3/6/2024).", ["Goal.com"]),
    ("\u201cTidak ada korban,\u201d kata Kapolsek Ciawi kepada wartawan, Selasa.", []),
    ("Sumber: Jakarta Globe", ["Jakarta Globe"]),
    ("Berdasarkan data Badan Nasional Penanggulangan Bencana (BNPB), 12 orang masih hilang.",
     ["Badan Nasional Penanggulangan Bencana"]),
    ("Menurut siaran pers Kementerian Kesehatan, vaksin itu aman.", ["Kementerian Kesehatan"]),
    ("Berdasarkan informasi di situs resmi BMKG, hujan lebat akan turun hingga Jumat.", ["BMKG"]),
    ("Menurut Menteri Keuangan Sri Mulyani, defisit anggaran masih terkendali.", []),
    ("Menurut BMKG, gempa itu tidak berpotensi tsunami.", []),
    ("Menurut keterangan warga, api muncul dari dapur.", []),
    ("Rusia mengklaim telah menguasai kota itu, seperti dilansir Reuters.", ["Reuters"]),
    ("Polisi membongkar sindikat uang palsu di Bekasi, dikutip dari Antara.", ["Antara"]),
    ("Artikel ini telah tayang di Kompas.com dengan judul \"Jalan Tol Dibuka\".", ["Kompas.com"]),
    ("Hal itu tertulis dalam dokumen yang diperoleh Tempo.", ["Tempo"]),
    ("Film dokumenter itu tayang di Netflix mulai pekan depan.", []),
]

MALAY = [
    ("Memetik laporan Sinar Harian, mangsa dibawa ke hospital berhampiran.", ["Sinar Harian"]),
    ("Menurut laporan Harian Metro, suspek ditahan di sebuah kondominium.", ["Harian Metro"]),
    ("Kerajaan negeri akan menaik taraf jalan itu tahun depan, lapor Berita Harian.", ["Berita Harian"]),
    ("\u201cKami terkejut,\u201d katanya kepada Astro Awani.", ["Astro Awani"]),
    ("SHAH ALAM, 5 Julai (Bernama) -- Sebanyak 30 keluarga dipindahkan ke pusat pemindahan.", ["Bernama"]),
    ("Katanya seperti dipetik Kosmo, dia tidak pernah menerima sebarang notis.", ["Kosmo"]),
    ("\u201cKami akan teruskan usaha itu,\u201d katanya kepada pemberita di sini hari ini.", []),
    ("Lebih 200 penduduk dipindahkan ke dewan orang ramai berhampiran. \u2014 Bernama", ["Bernama"]),
    ("Seperti yang dilaporkan oleh Utusan Malaysia, projek itu ditangguhkan.", ["Utusan Malaysia"]),
]

ENGLISH = [
    ("The strike will go ahead on Monday, according to The Sydney Morning Herald.", ["The Sydney Morning Herald"]),
    ("The deal is worth $2 billion, according to Tom Harris, a senior analyst.", []),
    ("Prices rose 3 percent, according to data from the Bureau of Labor Statistics.", ["Bureau of Labor Statistics"]),
    ("Le Figaro reported that the minister would resign before the summer.", ["Le Figaro"]),
    ("The merger talks were first reported by Semafor.", ["Semafor"]),
    ("Water levels fell sharply, the Reuters news agency reported.", ["Reuters"]),   # descriptor dropped
    ("The Harbour Gazette newspaper reported that fares would rise.", ["The Harbour Gazette"]),
    ("Figures from the Met Office show a dry spring.", ["Met Office"]),               # at a sentence start
    ("\u201cWe will rebuild,\u201d the mayor told CBC News on Friday.", ["CBC"]),  # gazetteer name
    ("\u201cWe will rebuild,\u201d the mayor told reporters on Friday.", []),
    ("In an interview with the Financial Times, the chief executive ruled out a sale.", ["Financial Times"]),
    ("The airline plans to cut 900 jobs, The Information reported, citing two people at the company.",
     ["The Information"]),
    ("TOKYO (Kyodo) - The government will raise the minimum wage by 50 yen.", ["Kyodo News"]),  # gazetteer name
    ("PARIS, March 3 (AFP) - Farmers blocked roads around the capital again on Sunday.", ["AFP"]),
    ("Source: Associated Press", ["Associated Press"]),
    ("MUMBAI, March 2 (PTI): The city recorded its hottest day of the year.", ["PTI"]),
    ("See the list of questions (FAQ-Liste): answers below.", []),
    ("Ticket sales doubled in the first weekend (via Variety).", ["Variety"]),
    ("The draft, seen by the Financial Times, caps bonuses at 100 percent of salary.", ["Financial Times"]),
    ("The CEO said the company would keep its headquarters in Ohio.", []),
    ("The plan is sound, according to Dawn Mitchell, a transport economist.", []),
    ("Funding rose, according to the Ministry of Youth and Sport.", []),
    ("\u201cWe never give up,\u201d the captain told BBC Sport after the match.", ["BBC Sport"]),
    ("\u201cIt was terrifying,\u201d said Maria Lopez, 54, who lives nearby.", []),
    ("The Washington Post and The Atlantic both reported the memo on Tuesday.",
     ["The Washington Post", "The Atlantic"]),
]

SOCIAL = [
    ("Kepolisian mengumumkan penutupan jalan melalui akun Instagram resminya, @polresta.contoh, Senin.",
     ["@polresta.contoh"]),
    ("Penyanyi itu membagikan kabar tersebut lewat unggahan TikTok pada Jumat malam.", ["TikTok"]),
    ("Ia memamerkan foto pernikahannya di akun Instagram-nya.", ["Instagram"]),
    ("The band announced the tour in a post on Instagram on Tuesday.", ["Instagram"]),
    ("The ministry said on its official X account, @MinistryExample, that flights would resume.", ["@MinistryExample"]),
    ("Aktris itu tampil cantik di acara tersebut. Foto: Instagram/@aktris.contoh", []),
    ("\u201cSudah sampai,\u201d kata Kasat Lantas melalui pesan WhatsApp, Rabu.", []),
]

CHAINS_AND_LISTS = [
    ("Seperti dilansir Okezone dari kantor berita Reuters, harga minyak turun.", ["Okezone.com", "Reuters"]),
    ("Menurut Berita Harian yang memetik agensi berita AFP, kapal itu karam.", ["Berita Harian", "AFP"]),
    ("Tokyo Shimbun, citing a report by NHK, said the plant would close.", ["Tokyo Shimbun", "NHK"]),
    ("Xinhua dan Kyodo melaporkan, kapal itu berlayar tanpa izin.", ["Xinhua", "Kyodo News"]),
    ("Sumber: Reuters, AFP, Antara", ["Reuters", "AFP", "Antara"]),
    ("Berdasarkan data Bank Dunia dan Dana Moneter Internasional (IMF), pertumbuhan melambat.",
     ["Bank Dunia", "Dana Moneter Internasional"]),
    ("Mengutip laman resmi Pusat Studi Bencana dan Mitigasi Iklim, suhu naik.",
     ["Pusat Studi Bencana dan Mitigasi Iklim"]),
]

DOCUMENTS = [
    ("Dikutip dari siaran pers PT Angkasa Pura, jumlah penumpang naik 10 persen.", ["PT Angkasa Pura"]),
    ("Data Badan Pusat Statistik menunjukkan ekspor turun.", ["Badan Pusat Statistik"]),
    ("Menurut keterangan resmi Kementerian Luar Negeri, dua WNI dievakuasi.", ["Kementerian Luar Negeri"]),
    ("Menurut kenyataan di laman web rasmi Jabatan Bomba, kebakaran dikawal.", ["Jabatan Bomba"]),
    ("Unemployment fell, according to figures from the Central Statistics Office.", ["Central Statistics Office"]),
    ("The data scientists said the model was wrong.", []),
    ("Data Scientists are in demand, the survey found.", []),
]

NEGATIVE = [
    ("The newspaper reported that fares would rise.", []),  # a descriptor alone names nobody
    ("Baca juga: Harga Emas Antam Hari Ini Naik Rp 5.000", []),
    ("READ MORE: Reuters reported record profits at the bank", []),
    ("Warga memadati pasar pada Sabtu pagi. (Foto: ANTARA/Budi Santoso)", []),
    ("Pesan berantai itu mengklaim, mengutip BBC, bahwa semua sekolah akan ditutup.", []),
    ("A viral post claims to quote Reuters as saying the bank will close.", []),
    ("Sebelum menjadi pembawa acara, ia bekerja di harian Kompas selama lima tahun.", []),
    ("The newspaper, which was founded in 1821, now has more digital than print readers.", []),
    ("Media tempatan melaporkan, suspek melarikan diri ke Thailand.", []),
    ("Sebagaimana diberitakan sebelumnya, jalan itu ditutup sejak Senin.", []),
]

OWN_SITE = [
    ("Reuters reported that the bank cut rates.", "https://www.reuters.com/markets/x", []),
    ("Jakarta (ANTARA) - Pemerintah menaikkan harga BBM.", "https://www.antaranews.com/berita/1", []),
    ("Jakarta (ANTARA) - Pemerintah menaikkan harga BBM.", "https://www.example-aggregator.com/a", ["Antara"]),
    ("Kompas.com, Jakarta - Polisi menutup jalan itu.", "https://nasional.kompas.com/read/1", []),
    ("\u201cJalan rusak,\u201d kata warga kepada TribunJatim.com, Jumat.", "https://jatim.tribunnews.com/x", []),
    ("Dilansir detikFinance, harga emas naik.", "https://www.detik.com/x", []),
    # The URL says nothing (a local copy): the leading dateline names the site.
    ("KabarPesisir.com - Jembatan itu putus. \u201cKami kaget,\u201d kata warga kepada KabarPesisir.com.",
     "http://127.0.0.1:8000/2024/01/x.html", []),
    ("Liputan6.com, Jakarta - Polisi menutup jalan itu.", "https://berita-lokal.blogspot.com/x", ["Liputan6.com"]),
]


@pytest.mark.parametrize(("text", "expected"), INDONESIAN)
def test_indonesian(text: str, expected: list[str]) -> None:
    _check(text, expected, "id", None)


@pytest.mark.parametrize(("text", "expected"), MALAY)
def test_malay(text: str, expected: list[str]) -> None:
    _check(text, expected, "ms", None)


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english(text: str, expected: list[str]) -> None:
    _check(text, expected, "en", None)


@pytest.mark.parametrize(("text", "expected"), SOCIAL)
def test_social(text: str, expected: list[str]) -> None:
    _check(text, expected, None, None)


@pytest.mark.parametrize(("text", "expected"), CHAINS_AND_LISTS)
def test_chains_and_lists(text: str, expected: list[str]) -> None:
    _check(text, expected, None, None)


@pytest.mark.parametrize(("text", "expected"), DOCUMENTS)
def test_documents(text: str, expected: list[str]) -> None:
    _check(text, expected, None, None)


@pytest.mark.parametrize(("text", "expected"), NEGATIVE)
def test_not_sources(text: str, expected: list[str]) -> None:
    _check(text, expected, None, None)


@pytest.mark.parametrize(("text", "url", "expected"), OWN_SITE)
def test_own_site(text: str, url: str, expected: list[str]) -> None:
    _check(text, expected, None, url)


def test_language_is_detected_when_missing() -> None:
    assert _names("Harga cabai naik tajam di pasar induk, seperti dilansir Reuters pada hari ini.") == ["reuters"]
    assert _names("Shares fell sharply on Monday, and the index closed lower, according to Bloomberg.") == ["bloomberg"]


def test_once_each_in_order() -> None:
    text = ("Dilansir AFP, banjir meluas. Reuters melaporkan, dua bendungan jebol. "
            "Seperti dikutip AFP, evakuasi terus berlangsung.")
    assert _names(text, "id") == ["afp", "reuters"]


def test_offsets_point_at_the_surface_form() -> None:
    text = "Gempa itu terasa hingga Padang, seperti dilansir Kantor Berita Antara, Minggu."
    [src] = find_cited_sources(text, language="id")
    assert isinstance(src, CitedSource)
    assert text[src.offset :].startswith("Kantor Berita Antara")


@pytest.mark.parametrize("text", ["", " ", "\u200b\u200b", "\n\n\n", "((((", "@", "Sumber:", "dilansir", "(Reuters) -"])
def test_degenerate_inputs_never_crash(text: str) -> None:
    assert isinstance(find_cited_sources(text), list)


def test_odd_characters() -> None:
    text = "Harga naik, seperti\u00a0dilansir Reu\u200bters,\u00a0Kamis. \u201cSaya kaget,\u201d katanya."
    [src] = find_cited_sources(text, language="id")
    assert src.name == "Reuters"
    assert text[src.offset : src.offset + 3] == "Reu"


def test_windows_line_endings() -> None:
    text = "Banjir merendam 40 rumah di pinggir kota. (AFP)\r\nSource: Reuters\r\n"
    assert _names(text) == ["afp", "reuters"]


def test_large_text_is_linear() -> None:
    para = "Harga beras naik lagi di pasar, seperti dilansir Antara, Senin (1/1/2024). " * 20 + "\n\n"
    text = para * (10_000_000 // len(para) + 1)
    t0 = time.perf_counter()
    got = find_cited_sources(text, language="id")
    assert [s.name for s in got] == ["Antara"]
    assert time.perf_counter() - t0 < 60
