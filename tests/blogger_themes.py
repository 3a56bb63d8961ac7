"""Golden fixtures for Blogger's official theme families, written from how each theme marks up a post.

"A fixture is a theme, not a page": every case below is one invented article rendered through the skeleton of one
official Blogger theme, in one blog language, the way blogspot.com serves an item page. The parser is tested on the
platform's markup classes (``div.post.hentry``, ``h3.post-title.entry-title``, ``div.post-body.entry-content``,
``span.post-author.vcard``/``span.fn``, ``abbr.published[title]`` or ``time.published[datetime]``,
``span.post-labels a[rel=tag]``) and on the furniture every Blogger page carries around them (date header,
threaded comments with their own dates, popular posts, blog archive, attribution).

Theme families and what their server HTML holds:

- classic "Template Designer" themes (Simple, Awesome Inc., Picture Window, Watermark, Ethereal, Travel): the v1
  Blog widget. ``h2.date-header`` written in the blog's language; the post is ``div.post.hentry`` with
  ``itemprop=blogPost`` BlogPosting microdata; the byline (``Diposting oleh``/``Posted by``...) and the
  ``post-timestamp`` sit in ``post-footer`` and show only the time ("07.05", "7:05 AM"), the full ISO instant being
  in ``abbr.published[title]``; labels on ``post-footer-line-2``; no JSON-LD and no ``article:published_time``.
- Minima, the older layout template: the same classes without any ``itemprop``, a date header without ``<span>``,
  the author as plain ``span.fn`` text and the old ``dl.comments-block`` (non-threaded) comments.
- the classic mobile rendering (``?m=1``): the ``mobile-post`` includable: ``div.date-outer`` + ``h2.date-header``,
  ``div.post.hentry``, ``post-body`` with ``itemprop=articleBody``, a footer with the author name (no label), the
  timestamp and a share button; no labels, no sidebar.
- layouts-era themes (Contempo, Soho, Emporio, Notable, Essential): the v2 Blog widget. Blogger's own
  ``postMetadataJSON`` BlogPosting JSON-LD, the byline in ``div.post-header`` (``span.byline.post-author.vcard``
  and ``span.byline.post-timestamp`` with ``time.published[datetime]`` showing the day only), labels as
  ``span.byline.post-labels``, ``section.comments.threaded`` and a PopularPosts widget whose items carry their own
  ``time.published``.
- Dynamic Views: the server sends a bare skeleton that its JavaScript fills from the feed; what it holds for a post
  is the title (``h1.title.entry-title``), the day heading and the body in ``div.article-content.entry-content``.
  No byline, no time, no labels: the expectation is the day alone, no authors, no tags.

Variants real blogs produce are switched per case (``Variant``): the timestamp hidden (only the date header tells
the day), the byline moved into ``post-header``, ``<br>``-separated, ``<div>``-wrapped or ``<p>`` bodies, a jump
break, a photo with a ``tr-caption`` caption, the sidebar before the main column.

Every text is invented; the markup is written from Blogger's widget includables, not copied from any page.
``CASES`` holds the cases; ``tests/test_golden_blogger.py`` checks ``newsarchive.parse_article`` against them.
"""
from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from typing import Callable, Iterable

# --- the blog's language: every word Blogger writes around a post --------------------------------------------

WEEKDAYS: dict[str, tuple[str, ...]] = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "no": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "ms": ("Isnin", "Selasa", "Rabu", "Khamis", "Jumaat", "Sabtu", "Ahad"),
}
MONTHS: dict[str, tuple[str, ...]] = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"),
    "no": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"),
    "ms": ("Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September", "Oktober",
           "November", "Disember"),
}
# Blogger's "date header format" choices: "long" (the default), "mdy" ("October 25, 2022"), "dmy".
DATE_FORMATS: dict[str, dict[str, str]] = {
    "id": {"long": "{wd}, {d} {mon} {y}", "mdy": "{mon} {d}, {y}", "dmy": "{d} {mon} {y}"},
    "en": {"long": "{wd}, {mon} {d}, {y}", "mdy": "{mon} {d}, {y}", "dmy": "{d} {mon} {y}"},
    "de": {"long": "{wd}, {d}. {mon} {y}", "dmy": "{d}. {mon} {y}"},
    "no": {"long": "{wd} {d}. {mon} {y}", "dmy": "{d}. {mon} {y}"},
    "ms": {"long": "{wd}, {d} {mon} {y}", "mdy": "{mon} {d}, {y}", "dmy": "{d} {mon} {y}"},
}
TIME_FORMATS: dict[str, str] = {"id": "{H:02d}.{M:02d}", "en": "{h}:{M:02d} {ampm}", "de": "{H:02d}:{M:02d}",
                                "no": "{H:02d}:{M:02d}", "ms": "{h}:{M:02d} {ampm}"}
AM_PM: dict[str, tuple[str, str]] = {"en": ("AM", "PM"), "ms": ("PG", "PTG")}
# A comment's timestamp: "<date> <word> <time>" with the date written day-month-year (month-day-year in English).
COMMENT_TIME: dict[str, tuple[str, str]] = {"id": ("dmy", "pukul"), "en": ("mdy", "at"), "de": ("dmy", "um"),
                                            "no": ("dmy", "kl."), "ms": ("dmy", "pada")}

WORDS: dict[str, dict[str, str]] = {
    "id": {
        "posted_by": "Diposting oleh", "at": "di", "labels": "Label:", "comments_n": "{n} komentar",
        "post_comment": "Posting Komentar", "comments_title": "Komentar", "reply": "Balas", "delete": "Hapus",
        "add_comment": "Tambahkan komentar", "load_more": "Muat yang lain...", "replies": "Balasan",
        "said": "mengatakan...", "newer": "Posting Lebih Baru", "older": "Posting Lama", "home": "Beranda",
        "subscribe": "Langganan:", "comment_feed": "Posting Komentar (Atom)", "archive": "Arsip Blog",
        "archive_v2": "Arsip", "popular": "Postingan Populer", "popular_v2": "Postingan populer dari blog ini",
        "about_me": "Mengenai Saya", "profile": "Lihat profil lengkapku", "powered": "Diberdayakan oleh",
        "theme_credit": "Tema {name}.", "email_this": "Kirimkan Ini lewat Email", "share_twitter": "Berbagi ke Twitter",
        "share_facebook": "Berbagi ke Facebook", "share_pinterest": "Bagikan ke Pinterest", "share": "Berbagi",
        "get_link": "Dapatkan link", "other_apps": "Aplikasi Lainnya", "read_more": "Baca selengkapnya",
        "web_version": "Lihat versi web", "report_abuse": "Laporkan Penyalahgunaan", "search": "Telusuri blog ini",
        "skip": "Langsung ke konten utama", "anonymous": "Anonim", "label_widget": "Label", "edit_post": "Edit Entri",
    },
    "en": {
        "posted_by": "Posted by", "at": "at", "labels": "Labels:", "comments_n": "{n} comments",
        "post_comment": "Post a Comment", "comments_title": "Comments", "reply": "Reply", "delete": "Delete",
        "add_comment": "Add comment", "load_more": "Load more...", "replies": "Replies", "said": "said...",
        "newer": "Newer Post", "older": "Older Post", "home": "Home", "subscribe": "Subscribe to:",
        "comment_feed": "Post Comments (Atom)", "archive": "Blog Archive", "archive_v2": "Archive",
        "popular": "Popular Posts", "popular_v2": "Popular posts from this blog", "about_me": "About Me",
        "profile": "View my complete profile", "powered": "Powered by", "theme_credit": "{name} theme.",
        "email_this": "Email This", "share_twitter": "Share to Twitter", "share_facebook": "Share to Facebook",
        "share_pinterest": "Share to Pinterest", "share": "Share", "get_link": "Get link", "other_apps": "Other Apps",
        "read_more": "Read more", "web_version": "View web version", "report_abuse": "Report Abuse",
        "search": "Search This Blog", "skip": "Skip to main content", "anonymous": "Anonymous",
        "label_widget": "Labels", "edit_post": "Edit Post",
    },
    "de": {
        "posted_by": "Eingestellt von", "at": "um", "labels": "Labels:", "comments_n": "{n} Kommentare",
        "post_comment": "Kommentar veröffentlichen", "comments_title": "Kommentare", "reply": "Antworten",
        "delete": "Löschen", "add_comment": "Kommentar hinzufügen", "load_more": "Mehr laden...",
        "replies": "Antworten", "said": "hat gesagt…", "newer": "Neuerer Post", "older": "Älterer Post",
        "home": "Startseite", "subscribe": "Abonnieren", "comment_feed": "Kommentare zum Post (Atom)",
        "archive": "Blog-Archiv", "archive_v2": "Archiv", "popular": "Beliebte Posts",
        "popular_v2": "Beliebte Posts aus diesem Blog", "about_me": "Über mich",
        "profile": "Mein Profil vollständig anzeigen", "powered": "Powered by", "theme_credit": "Design: {name}.",
        "email_this": "Diesen Post per E-Mail versenden", "share_twitter": "Auf Twitter teilen",
        "share_facebook": "In Facebook freigeben", "share_pinterest": "Auf Pinterest teilen", "share": "Teilen",
        "get_link": "Link abrufen", "other_apps": "Weitere Apps", "read_more": "Weiterlesen",
        "web_version": "Webversion anzeigen", "report_abuse": "Missbrauch melden",
        "search": "Diesen Blog durchsuchen", "skip": "Direkt zum Hauptbereich", "anonymous": "Anonym",
        "label_widget": "Labels", "edit_post": "Post bearbeiten",
    },
    "no": {
        "posted_by": "Lagt inn av", "at": "kl.", "labels": "Etiketter:", "comments_n": "{n} kommentarer",
        "post_comment": "Legg inn en kommentar", "comments_title": "Kommentarer", "reply": "Svar",
        "delete": "Slett", "add_comment": "Legg til kommentar", "load_more": "Last inn mer ...", "replies": "Svar",
        "said": "sa ...", "newer": "Nyere innlegg", "older": "Eldre innlegg", "home": "Startsiden",
        "subscribe": "Abonner på:", "comment_feed": "Legg inn kommentarer (Atom)", "archive": "Bloggarkiv",
        "archive_v2": "Arkiv", "popular": "Populære innlegg", "popular_v2": "Populære innlegg fra denne bloggen",
        "about_me": "Om meg", "profile": "Vis hele profilen min", "powered": "Drevet av",
        "theme_credit": "Tema: {name}.", "email_this": "Send dette via e-post", "share_twitter": "Del på Twitter",
        "share_facebook": "Del på Facebook", "share_pinterest": "Del på Pinterest", "share": "Del",
        "get_link": "Hent link", "other_apps": "Andre apper", "read_more": "Les mer",
        "web_version": "Vis nettversjon", "report_abuse": "Rapporter misbruk", "search": "Søk i denne bloggen",
        "skip": "Gå til hovedinnhold", "anonymous": "Anonym", "label_widget": "Etiketter",
        "edit_post": "Rediger innlegg",
    },
    "ms": {
        "posted_by": "Dicatat oleh", "at": "di", "labels": "Label:", "comments_n": "{n} ulasan",
        "post_comment": "Catat Ulasan", "comments_title": "Ulasan", "reply": "Balas", "delete": "Padam",
        "add_comment": "Tambah ulasan", "load_more": "Muatkan lagi...", "replies": "Balasan", "said": "berkata...",
        "newer": "Catatan Terbaru", "older": "Catatan Lama", "home": "Laman utama", "subscribe": "Langgan:",
        "comment_feed": "Catat Ulasan (Atom)", "archive": "Arkib Blog", "archive_v2": "Arkib",
        "popular": "Catatan Popular", "popular_v2": "Catatan popular daripada blog ini", "about_me": "Mengenai Saya",
        "profile": "Lihat profil lengkap saya", "powered": "Dikuasakan oleh", "theme_credit": "Tema {name}.",
        "email_this": "E-melkan Ini", "share_twitter": "Kongsi ke Twitter", "share_facebook": "Kongsi ke Facebook",
        "share_pinterest": "Kongsi ke Pinterest", "share": "Kongsi", "get_link": "Dapatkan pautan",
        "other_apps": "Apl Lain", "read_more": "Baca lagi", "web_version": "Lihat versi web",
        "report_abuse": "Laporkan Penyalahgunaan", "search": "Cari Blog Ini", "skip": "Langkau ke kandungan utama",
        "anonymous": "Tanpa Nama", "label_widget": "Label", "edit_post": "Edit Catatan",
    },
}

# Reader comments (name, text; None = the blog's "anonymous" word) and the blog author's reply.
COMMENTS: dict[str, tuple[tuple[str | None, str], ...]] = {
    "id": (("Budi Santoso", "Mantap, semoga cepat selesai dan aman dilewati warga."),
           (None, "Terima kasih atas informasinya, ditunggu kabar selanjutnya.")),
    "en": (("Karen W.", "Great news, this neighborhood has needed something like this for years."),
           (None, "Thanks for covering this, looking forward to the follow-up.")),
    "de": (("Markus", "Endlich tut sich etwas, vielen Dank für den Bericht!"),
           (None, "Hoffentlich bleibt es diesmal beim geplanten Zeitplan.")),
    "no": (("Kari N.", "Flott at dette endelig er på plass, takk for saken!"),
           (None, "Håper det blir flere slike tiltak i kommunen.")),
    "ms": (("Ahmad Faizal", "Syabas kepada semua pihak yang terlibat, sangat membantu penduduk."),
           (None, "Terima kasih atas perkongsian berita ini.")),
}
AUTHOR_REPLY: dict[str, str] = {
    "id": "Terima kasih, kami akan terus mengikuti perkembangannya.",
    "en": "Thank you! We will keep following the story.",
    "de": "Danke, wir bleiben an dem Thema dran.",
    "no": "Takk, vi følger saken videre.",
    "ms": "Terima kasih, kami akan terus memantau perkembangannya.",
}
# The blog's other posts that its PopularPosts widget lists: (title, snippet).
POPULAR: dict[str, tuple[tuple[str, str], ...]] = {
    "id": (("Jadwal Pelayanan SIM Keliling Pekan Ini",
            "Layanan SIM keliling kembali hadir di lima lokasi berbeda mulai Senin pagi"),
           ("Pasar Murah Digelar di Lapangan Kecamatan",
            "Ratusan paket sembako dijual dengan harga terjangkau bagi warga prasejahtera")),
    "en": (("Road Closures Planned for Fall Festival Weekend",
            "Several downtown streets will close to traffic from Friday evening through Sunday"),
           ("Council Candidates Meet at Town Hall Forum",
            "Six candidates answered questions about housing, parking and parks")),
    "de": (("Weihnachtsmarkt öffnet eine Woche früher",
            "In diesem Jahr beginnt der Markt auf dem Rathausplatz bereits Mitte November"),
           ("Neue Buslinie verbindet die Ortsteile",
            "Ab Montag fährt die Linie 14 im Halbstundentakt zwischen Oberdorf und Bahnhof")),
    "no": (("Ny fergerute fra sommeren", "Fra juni blir det avganger hver time mellom kaia og øyene"),
           ("Rekordmange på julemarkedet", "Over 5000 besøkende fant veien til torget i helgen")),
    "ms": (("Jadual Kutipan Sampah Baharu Bermula Bulan Depan",
            "Kutipan sampah di kawasan perumahan akan dibuat tiga kali seminggu"),
           ("Pasar Tani Dibuka Setiap Sabtu", "Penduduk kini boleh mendapatkan hasil tani segar setiap pagi Sabtu")),
}
CAPTIONS: dict[str, str] = {
    "id": "Suasana di lokasi kegiatan. (Foto: dokumentasi warga)",
    "en": "The scene on Monday afternoon. (Photo courtesy of the county)",
    "de": "Blick auf den Ort des Geschehens. (Foto: privat)",
    "no": "Fra stedet mandag ettermiddag. (Foto: privat)",
    "ms": "Suasana di lokasi pada petang Isnin. (Foto: ihsan penduduk)",
}
# Theme names as the Attribution widget writes them in each language (English name when not translated).
THEME_NAMES: dict[str, dict[str, str]] = {
    "Simple": {"id": "Sederhana", "de": "Einfach", "no": "Enkel", "ms": "Ringkas"},
    "Picture Window": {"id": "Jendela Gambar"},
    "Watermark": {"id": "Tanda Air"},
    "Travel": {"id": "Perjalanan"},
}


def words(lang: str) -> dict[str, str]:
    return WORDS[lang]


def theme_name(name: str, lang: str) -> str:
    return THEME_NAMES.get(name, {}).get(lang, name)


# --- the invented articles -------------------------------------------------------------------------------------

def tz(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


@dataclass(frozen=True)
class Blog:
    title: str
    host: str
    description: str


@dataclass(frozen=True)
class Story:
    lang: str
    blog: Blog
    headline: str
    author: str
    published: datetime
    tags: tuple[str, ...]
    paragraphs: tuple[str, ...]


STORIES: dict[str, tuple[Story, ...]] = {
    "id": (
        Story("id", Blog("Kabar Sukamulya", "kabarsukamulya.blogspot.com", "Berita dan cerita dari desa kami"),
              "Warga Tiga Desa Gotong Royong Perbaiki Jembatan Gantung", "Rudi Hartono",
              datetime(2022, 10, 25, 7, 5, tzinfo=tz(7)), ("Daerah", "Infrastruktur"), (
                  "SUKAMULYA - Ratusan warga dari tiga desa di Kecamatan Cibeber Hilir bergotong royong memperbaiki "
                  "jembatan gantung yang putus diterjang arus sungai pekan lalu. Jembatan sepanjang 60 meter itu "
                  "menjadi satu-satunya akses warga menuju pasar dan sekolah.",
                  "Perbaikan dimulai sejak Sabtu pagi dengan mengganti papan lantai dan tali baja yang rusak. Bahan "
                  "bangunan dikumpulkan dari swadaya warga serta bantuan sebuah perusahaan perkebunan di sekitar "
                  "lokasi.",
                  "\"Anak-anak sudah seminggu harus memutar sejauh tujuh kilometer untuk sampai ke sekolah. Karena itu "
                  "kami tidak mau menunggu lama,\" kata Kepala Desa Sukamulya, Endang Suherman, Senin (24/10/2022).",
                  "Endang menambahkan, pemerintah kabupaten telah berjanji membangun jembatan permanen pada tahun "
                  "anggaran berikutnya. Sementara itu, warga diminta membatasi jumlah orang yang melintas, paling "
                  "banyak sepuluh orang sekaligus.",
                  "Hingga Senin sore, perbaikan sudah mencapai sekitar 80 persen dan ditargetkan rampung akhir "
                  "pekan ini.",
              )),
        Story("id", Blog("Warta Pasar Raya", "wartapasarraya.blogspot.com", "Harga dan kabar pasar setiap hari"),
              "Harga Cabai Rawit di Pasar Induk Melonjak Dua Kali Lipat", "Dewi Anggraini",
              datetime(2022, 11, 3, 0, 20, tzinfo=tz(7)), ("Ekonomi", "Pasar"), (
                  "Harga cabai rawit merah di Pasar Induk Kramat Raya melonjak hingga Rp90.000 per kilogram dalam "
                  "sepekan terakhir, dua kali lipat dibandingkan awal bulan lalu.",
                  "Para pedagang menyebut pasokan dari sentra produksi di dataran tinggi berkurang akibat hujan deras "
                  "yang membuat banyak tanaman membusuk sebelum dipanen.",
                  "\"Biasanya kami menerima lima ton sehari, sekarang paling banyak dua ton,\" ujar Haryono, pedagang "
                  "grosir yang sudah berjualan selama dua puluh tahun.",
                  "Dinas Perdagangan setempat berencana menggelar operasi pasar mulai pekan depan untuk menahan "
                  "kenaikan harga agar tidak semakin memberatkan warga.",
              )),
        Story("id", Blog("Catatan Kota Tepian", "catatankotatepian.blogspot.com", "Informasi seputar kota kami"),
              "Festival Perahu Hias Meriahkan Hari Jadi Kota Tepian", "Agus Wibowo",
              datetime(2023, 3, 18, 16, 45, tzinfo=tz(7)), ("Budaya",), (
                  "Puluhan perahu hias berlayar menyusuri sungai dalam Festival Perahu Tepian yang digelar untuk "
                  "memperingati hari jadi kota ke-214, Sabtu (18/3/2023) sore.",
                  "Setiap perahu dihias dengan ornamen bambu, kain tenun, dan lampu warna-warni yang dirangkai oleh "
                  "kelompok warga dari masing-masing kelurahan.",
                  "Ribuan penonton memadati dermaga dan jembatan sejak siang hari. Sebagian di antaranya datang dari "
                  "kabupaten tetangga.",
                  "Panitia mencatat 46 perahu ikut serta tahun ini, naik dari 31 perahu pada festival sebelumnya. "
                  "Pemenang akan diumumkan pada malam puncak di alun-alun kota.",
              )),
        Story("id", Blog("Suara Pesisir Utara", "suarapesisirutara.blogspot.com", "Dari warga pesisir, untuk warga"),
              "Banjir Rob Rendam Ratusan Rumah di Pesisir Utara", "Yohanes Tarigan",
              datetime(2022, 12, 30, 21, 10, tzinfo=tz(7)), ("Bencana", "Pesisir", "Berita Utama"), (
                  "Banjir rob kembali merendam ratusan rumah di tiga kelurahan pesisir utara sejak Jumat (30/12/2022) "
                  "petang. Ketinggian air di beberapa titik mencapai 50 sentimeter.",
                  "Badan Penanggulangan Bencana Daerah mencatat sedikitnya 640 rumah terdampak. Warga yang rumahnya "
                  "tergenang mengungsi sementara ke balai kelurahan dan masjid terdekat.",
                  "Petugas menyiagakan enam pompa air portabel serta perahu karet untuk membantu evakuasi warga lanjut "
                  "usia dan anak-anak.",
                  "Menurut prakiraan, pasang air laut maksimum masih akan terjadi hingga awal Januari. Warga diminta "
                  "mengamankan barang berharga dan dokumen penting ke tempat yang lebih tinggi.",
                  "Pemerintah kota menyatakan pembangunan tanggul laut tahap kedua akan dimulai pada pertengahan "
                  "tahun depan.",
              )),
    ),
    "en": (
        Story("en", Blog("Harbor Road Gazette", "harborroadgazette.blogspot.com", "News from Alder County"),
              "County Board Approves New Bike Lanes Along Harbor Road", "Megan Doyle",
              datetime(2022, 10, 25, 7, 5, tzinfo=tz(-7)), ("Local News", "Transportation"), (
                  "The Alder County Board of Supervisors voted 4-1 on Monday night to add protected bike lanes along "
                  "a two-mile stretch of Harbor Road, ending more than a year of debate over the busy corridor.",
                  "The $3.2 million project will narrow the road from four travel lanes to three and install concrete "
                  "curbs between cyclists and traffic. Construction is expected to begin next spring.",
                  "\"We heard from parents who are afraid to let their kids ride to school,\" Supervisor Linda Marsh "
                  "said before the vote. \"This is about making the road work for everyone.\"",
                  "Several business owners along the corridor spoke against the plan, saying the loss of a lane would "
                  "slow deliveries. The board agreed to review traffic counts six months after the lanes open.",
              )),
        Story("en", Blog("Riverside Weekly Notes", "riversideweeklynotes.blogspot.com",
                         "Neighborhood news and notices"),
              "Volunteer Crews Clear Storm Debris From Riverside Trail", "Tom Alvarez",
              datetime(2023, 1, 17, 16, 40, tzinfo=tz(-8)), ("Community",), (
                  "More than 80 volunteers spent Tuesday hauling fallen branches and mud off the Riverside Trail, "
                  "which has been closed since the January storms flooded its lower section.",
                  "Parks staff said the crews cleared about a mile of the path, roughly half of the damaged area. "
                  "Heavy equipment will be needed to remove two large oaks that fell across the trail near the "
                  "footbridge.",
                  "\"People love this trail, and it showed today,\" said parks coordinator Renee Kim. \"We had "
                  "retirees, scout troops and a whole soccer team out here.\"",
                  "The city hopes to reopen the full trail by early March, depending on the weather.",
              )),
        Story("en", Blog("Millbrook Chronicle", "millbrookchronicle.blogspot.com", "Community news since 2009"),
              "Library Extends Weekend Hours After Record Summer Attendance", "Priya Raman",
              datetime(2022, 9, 8, 11, 30, tzinfo=tz(-7)), ("Education", "Library"), (
                  "The Millbrook Public Library will stay open until 8 p.m. on Saturdays and add Sunday afternoon "
                  "hours starting this month, after recording its busiest summer in more than a decade.",
                  "Library director Alan Whitfield said nearly 41,000 people visited the main branch between June and "
                  "August, a 22 percent increase over last year.",
                  "The summer reading program alone drew 1,900 children and teens, many of whom attended weekend "
                  "workshops on coding, comics and gardening.",
                  "The extra hours will be funded through the end of the fiscal year by a grant from a local "
                  "foundation. The library board will decide in June whether to make them permanent.",
                  "Weekend story time for toddlers will also move from 10 a.m. to 11 a.m. to accommodate families who "
                  "asked for a later start.",
              )),
        Story("en", Blog("Westfield Town Crier", "westfieldtowncrier.blogspot.com",
                         "Local news for Westfield families"),
              "High School Robotics Team Heads to State Finals", "Daniel Okafor",
              datetime(2023, 2, 27, 19, 55, tzinfo=tz(-8)), ("Schools", "Sports"), (
                  "Westfield High School's robotics team has qualified for the state championship for the first "
                  "time, after its robot placed second at the regional tournament on Saturday.",
                  "The 18-member team designed and built the machine in six weeks. It had to pick up foam cones and "
                  "stack them on poles across a crowded field while dodging opponents.",
                  "\"Half of our team had never touched a wrench in September,\" said senior captain Maya Lindqvist. "
                  "\"Now they are rebuilding gearboxes between matches.\"",
                  "The state finals take place March 18 in Sacramento. The team is raising money for travel and "
                  "replacement parts through a car wash and an online fundraiser.",
              )),
    ),
    "de": (
        Story("de", Blog("Mühlbacher Nachrichten", "muehlbacher-nachrichten.blogspot.com", "Neues aus der Gemeinde"),
              "Gemeinderat beschließt Sanierung des alten Freibads", "Katrin Hoffmann",
              datetime(2022, 10, 25, 7, 5, tzinfo=tz(2)), ("Lokales", "Politik"), (
                  "Das Freibad am Mühlbach wird saniert: Der Gemeinderat hat am Montagabend mit großer Mehrheit "
                  "beschlossen, rund 2,4 Millionen Euro in das über 50 Jahre alte Bad zu investieren.",
                  "Erneuert werden vor allem die Technik zur Wasseraufbereitung und das undichte Schwimmerbecken. "
                  "Auch die Umkleiden sollen barrierefrei umgebaut werden.",
                  "„Das Bad ist für viele Familien der wichtigste Treffpunkt im Sommer“, sagte Bürgermeister Stefan "
                  "Albrecht in der Sitzung. Ein Neubau wäre nach Berechnungen der Verwaltung fast doppelt so teuer "
                  "geworden.",
                  "Die Arbeiten sollen nach dem Ende der Badesaison im September 2023 beginnen. Zur Saison 2024 soll "
                  "das Bad wieder öffnen.",
              )),
        Story("de", Blog("Neudorfer Blatt", "neudorferblatt.blogspot.com", "Lokales aus Neudorf und Umgebung"),
              "Hochwasserschutz: Deich bei Neudorf wird erhöht", "Jürgen Brandt",
              datetime(2023, 1, 12, 18, 30, tzinfo=tz(1)), ("Umwelt",), (
                  "Der Deich entlang der Aue bei Neudorf wird auf einer Länge von 1,8 Kilometern um einen halben "
                  "Meter erhöht. Das hat der Wasserverband am Donnerstag mitgeteilt.",
                  "Nach dem Hochwasser im vergangenen Winter hatten Anwohner mehr Schutz gefordert. Damals stand das "
                  "Wasser nur wenige Zentimeter unter der Deichkrone.",
                  "Die Kosten von etwa 4,1 Millionen Euro tragen zum größten Teil das Land und der Bund. Die "
                  "Bauarbeiten sollen im Frühjahr beginnen und bis zum Herbst abgeschlossen sein.",
                  "Während der Arbeiten bleibt der beliebte Radweg auf der Deichkrone gesperrt. Eine Umleitung wird "
                  "über die Kreisstraße ausgeschildert.",
              )),
    ),
    "no": (
        Story("no", Blog("Strandvika-posten", "strandvikaposten.blogspot.com", "Nytt fra bygda"),
              "Ny gang- og sykkelvei åpnet langs fjorden", "Ingrid Solberg",
              datetime(2022, 10, 25, 7, 5, tzinfo=tz(2)), ("Lokalt", "Samferdsel"), (
                  "Mandag ble den nye gang- og sykkelveien mellom sentrum og Strandvika offisielt åpnet. Den tre "
                  "kilometer lange strekningen går langs fjorden og har vært etterlengtet i mange år.",
                  "Prosjektet har kostet 46 millioner kroner og er finansiert av fylkeskommunen og kommunen i "
                  "fellesskap.",
                  "– Nå kan barna sykle trygt til skolen uten å ferdes langs riksveien, sa ordfører Marit Lunde under "
                  "åpningen.",
                  "Veien får belysning hele året, og det er satt opp benker og to rasteplasser med utsikt over "
                  "fjorden.",
              )),
        Story("no", Blog("Bakkeli-nytt", "bakkelinytt.blogspot.com", "Lokale nyheter fra Bakkeli"),
              "Skolen fikk nytt bibliotek etter dugnad", "Per Arne Haugen",
              datetime(2023, 2, 6, 20, 15, tzinfo=tz(1)), ("Skole",), (
                  "Elever, foreldre og lærere ved Bakkeli skole har brukt tre helger på å gjøre om et gammelt lagerrom "
                  "til et nytt skolebibliotek.",
                  "Over 2000 bøker er gitt av lokale givere, og en snekkerbedrift i bygda laget hyllene gratis.",
                  "– Det er fantastisk å se hvor mange som stilte opp, sier rektor Hanne Bergstrøm.",
                  "Biblioteket åpner for elevene mandag, og skal også være åpent for bygdas innbyggere to kvelder i "
                  "uken.",
              )),
    ),
    "ms": (
        Story("ms", Blog("Berita Pekan Lama", "beritapekanlama.blogspot.com", "Berita tempatan terkini"),
              "Jambatan Baharu Kurangkan Kesesakan di Pekan Lama", "Nurul Aisyah",
              datetime(2022, 10, 25, 7, 5, tzinfo=tz(8)), ("Berita Tempatan", "Infrastruktur"), (
                  "Jambatan baharu yang menghubungkan Pekan Lama dengan kawasan perumahan Taman Seri Melati dibuka "
                  "kepada orang ramai pada Isnin, sekali gus mengurangkan kesesakan lalu lintas di jalan utama.",
                  "Projek bernilai RM38 juta itu siap tiga bulan lebih awal daripada jadual asal, menurut kenyataan "
                  "Jabatan Kerja Raya negeri.",
                  "\"Dahulu saya mengambil masa hampir sejam untuk ke tempat kerja. Hari ini hanya dua puluh minit,\" "
                  "kata seorang penduduk, Rahimah Yusof.",
                  "Pihak berkuasa tempatan turut memasang lampu jalan tambahan dan laluan pejalan kaki di kedua-dua "
                  "belah jambatan.",
              )),
        Story("ms", Blog("Suara Seri Melati", "suaraserimelati.blogspot.com", "Berita dan info komuniti"),
              "Pesta Buku Negeri Tarik Ribuan Pengunjung", "Hafiz Rahman",
              datetime(2023, 4, 9, 22, 40, tzinfo=tz(8)), ("Pendidikan",), (
                  "Pesta Buku Negeri yang berlangsung selama sembilan hari di dewan konvensyen bandar raya menarik "
                  "lebih 60,000 pengunjung, jauh melebihi sasaran penganjur.",
                  "Sebanyak 120 penerbit tempatan menyertai pesta buku tahun ini, termasuk penerbit buku kanak-kanak "
                  "dan komik yang mendapat sambutan luar biasa.",
                  "Pengarah program, Encik Zulkifli Hassan, berkata jualan buku meningkat hampir 40 peratus berbanding "
                  "tahun lalu.",
                  "Penganjur merancang untuk mengadakan pesta buku bergerak ke daerah-daerah luar bandar pada hujung "
                  "tahun ini.",
              )),
    ),
}


# --- formatting as Blogger formats -------------------------------------------------------------------------------

def esc(text: str) -> str:
    """Text content, escaped as Blogger escapes it."""
    return html.escape(text, quote=False)


def att(text: str) -> str:
    """An attribute value (Blogger quotes template attributes with ')."""
    return html.escape(text, quote=True)


def js(text: str) -> str:
    """A string inside the single-quoted JavaScript Blogger writes (_WidgetManager data)."""
    return (text.replace("\\", "\\\\").replace("'", "\\x27").replace('"', "\\x22").replace("<", "\\x3c")
            .replace(">", "\\x3e").replace("=", "\\x3d").replace("&", "\\x26"))


def date_text(lang: str, day: date, style: str = "long") -> str:
    pattern = DATE_FORMATS[lang].get(style) or DATE_FORMATS[lang]["dmy"]
    return pattern.format(wd=WEEKDAYS[lang][day.weekday()], d=day.day, mon=MONTHS[lang][day.month - 1], y=day.year)


def time_text(lang: str, moment: datetime) -> str:
    am, pm = AM_PM.get(lang, ("", ""))
    hour12 = moment.hour % 12 or 12
    return TIME_FORMATS[lang].format(H=moment.hour, M=moment.minute, h=hour12, ampm=am if moment.hour < 12 else pm)


def comment_time_text(lang: str, moment: datetime) -> str:
    style, word = COMMENT_TIME[lang]
    return f"{date_text(lang, moment.date(), style)} {word} {time_text(lang, moment)}"


def number(seed: str, digits: int) -> str:
    """A stable Blogger-looking numeric id (blog, post, comment, profile ids)."""
    value = int(hashlib.sha1(seed.encode()).hexdigest(), 16) % (9 * 10 ** (digits - 1))
    return str(10 ** (digits - 1) + value)


def token(seed: str) -> str:
    """The opaque part of a blogger.googleusercontent.com image address."""
    return "AVvXsE" + hashlib.sha1(seed.encode()).hexdigest()[:34]


def slug(headline: str) -> str:
    """The permalink slug Blogger makes of a title: ASCII words, cut near 40 characters."""
    ascii_words = []
    for word in headline.lower().split():
        clean = "".join(ch for ch in word if ch.isascii() and ch.isalnum())
        if clean:
            ascii_words.append(clean)
    out: list[str] = []
    for word in ascii_words:
        if out and len("-".join(out + [word])) > 40:
            break
        out.append(word)
    return "-".join(out)


# --- one rendering: the story, the theme configuration, the URLs and ids ---------------------------------------

@dataclass(frozen=True)
class Variant:
    """How one blog configured its theme (Layout > Blog Posts settings, the editor that wrote the body)."""

    body_style: str = "div"          # "br" (old editor), "div", "div-br", "p" (2020 editor)
    image: str = ""                  # "", "plain" (separator div), "caption" (tr-caption-container table)
    jump_break: bool = False         # <a name='more'></a> after the first paragraph
    show_timestamp: bool = True      # False: the day in the date header is all the page tells
    byline_in_header: bool = False   # classic: author + timestamp moved to post-header-line-1
    itemprop: bool = True            # False: Minima-era markup without schema.org microdata
    threaded: bool = True            # False: the old dl.comments-block
    html_lang: bool = True           # <html lang=...> (older classic templates leave it out)
    date_style: str = "long"         # date header / post date format
    sidebar_first: bool = False      # layouts: the sidebar column comes before <main> in the source


@dataclass(frozen=True)
class Page:
    theme: str
    story: Story
    variant: Variant
    mobile: bool = False

    @property
    def lang(self) -> str:
        return self.story.lang

    @property
    def w(self) -> dict[str, str]:
        return words(self.story.lang)

    @property
    def home(self) -> str:
        return f"https://{self.story.blog.host}/"

    @property
    def canonical(self) -> str:
        p = self.story.published
        return f"{self.home}{p.year}/{p.month:02d}/{slug(self.story.headline)}.html"

    @property
    def url(self) -> str:
        return self.canonical + ("?m=1" if self.mobile else "")

    def link(self, url: str) -> str:
        """An internal link as this rendering writes it (the mobile template keeps ?m=1 on every link)."""
        return url + ("?m=1" if self.mobile else "")

    @property
    def blog_id(self) -> str:
        return number(self.story.blog.host, 19)

    @property
    def post_id(self) -> str:
        return number(self.canonical, 19)

    @property
    def profile(self) -> str:
        return "https://www.blogger.com/profile/" + number(self.story.author, 20)

    @property
    def image(self) -> str:
        return f"https://blogger.googleusercontent.com/img/b/R29vZ2xl/{token(self.canonical)}/s1600/foto-utama.jpg"

    @property
    def og_image(self) -> str:
        return self.image.replace("/s1600/", "/w1200-h630-p-k-no-nu/")

    @property
    def iso(self) -> str:
        return self.story.published.isoformat()

    @property
    def modified(self) -> datetime:
        return self.story.published + timedelta(hours=2, minutes=36, seconds=27)

    @property
    def description(self) -> str:
        first = self.story.paragraphs[0]
        return first if len(first) <= 150 else first[:150].rsplit(" ", 1)[0] + "..."

    def date_header(self) -> str:
        return date_text(self.lang, self.story.published.date(), "long")

    def post_date(self) -> str:
        return date_text(self.lang, self.story.published.date(), self.variant.date_style)


@dataclass(frozen=True)
class Comment:
    cid: str
    author: str
    profile: str | None
    text: str
    when: datetime
    replies: tuple["Comment", ...] = ()


def comments(page: Page) -> tuple[Comment, ...]:
    """Two reader comments, the first answered by the post's author; each dated after the post."""
    lang, start = page.lang, page.story.published
    (name1, text1), (name2, text2) = COMMENTS[lang]
    first = start + timedelta(hours=3, minutes=7)
    reply = Comment(number(page.canonical + "r", 19), page.story.author, page.profile, AUTHOR_REPLY[lang],
                    first + timedelta(hours=1, minutes=48))
    return (
        Comment(number(page.canonical + "c1", 19), name1 or page.w["anonymous"],
                "https://www.blogger.com/profile/" + number(str(name1), 20), text1, first, (reply,)),
        Comment(number(page.canonical + "c2", 19), name2 or page.w["anonymous"], None, text2,
                start + timedelta(days=1, hours=2, minutes=31)),
    )


def popular(page: Page) -> list[tuple[str, str, str, datetime]]:
    """The PopularPosts entries: (title, url, snippet, published) of older posts of the same blog."""
    out = []
    for i, (title, snippet) in enumerate(POPULAR[page.lang]):
        when = page.story.published - timedelta(days=26 + 45 * i, hours=5 * i + 2, minutes=13 * i)
        out.append((title, f"{page.home}{when.year}/{when.month:02d}/{slug(title)}.html", snippet, when))
    return out


# --- shared pieces: <head>, the post body, comments, the widget manager ----------------------------------------

def all_head_content(page: Page) -> str:
    """What Blogger's ``all-head-content`` include emits: generator, feeds, canonical and the og:* tags."""
    blog, title = page.story.blog, page.story.headline
    feeds = f"{page.home}feeds"
    lines = [
        "<meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/>",
        "<meta content='blogger' name='generator'/>",
        f"<link href='{page.home}favicon.ico' rel='icon' type='image/x-icon'/>",
        f"<link href='{page.canonical}' rel='canonical'/>",
        f'<link rel="alternate" type="application/atom+xml" title="{att(blog.title)} - Atom" '
        f'href="{feeds}/posts/default" />',
        f'<link rel="alternate" type="application/rss+xml" title="{att(blog.title)} - RSS" '
        f'href="{feeds}/posts/default?alt=rss" />',
        f'<link rel="service.post" type="application/atom+xml" title="{att(blog.title)} - Atom" '
        f'href="https://www.blogger.com/feeds/{page.blog_id}/posts/default" />',
        f'<link rel="alternate" type="application/atom+xml" title="{att(blog.title)} - Atom" '
        f'href="{feeds}/{page.post_id}/comments/default" />',
        "<!--Can't find substitution for tag [blog.ieCssRetrofitLinks]-->",
    ]
    if page.variant.image:
        lines.append(f"<link href='{page.og_image}' rel='image_src'/>")
    lines += [f"<meta content='{page.canonical}' property='og:url'/>",
              f"<meta content='{att(title)}' property='og:title'/>",
              f"<meta content='{att(page.description)}' property='og:description'/>"]
    if page.variant.image:
        lines.append(f"<meta content='{page.og_image}' property='og:image'/>")
    return "\n".join(lines)


def html_open(page: Page, classic: bool) -> str:
    lang = f" lang='{page.lang}'" if page.variant.html_lang else ""
    if not classic:
        return f"<!DOCTYPE html>\n<html dir='ltr'{lang}>"
    return (f"<!DOCTYPE html>\n<html class='v2' dir='ltr'{lang} xmlns='http://www.w3.org/1999/xhtml' "
            "xmlns:b='http://www.google.com/2005/gml/b' xmlns:data='http://www.google.com/2005/gml/data' "
            "xmlns:expr='http://www.google.com/2005/gml/expr'>")


def skin(name: str, designer: str) -> str:
    return (f"<style id='page-skin-1' type='text/css'><!--\n/*\n-----------------------------------------------\n"
            f"Blogger Template Style\nName:     {name}\nDesigner: {designer}\n"
            "----------------------------------------------- */\n"
            "body {\n  font: normal normal 12px Arial, Tahoma, Helvetica, FreeSans, sans-serif;\n}\n"
            ".date-header span {\n  text-transform: uppercase;\n}\n--></style>")


def body_html(page: Page) -> str:
    """The post body as the Blogger editor left it, in the variant's style."""
    v, paras = page.variant, [esc(p) for p in page.story.paragraphs]
    blocks = {
        "br": (paras, "<br />\n<br />\n", "<br />\n<a name='more'></a><br />\n"),
        "div": ([f'<div style="text-align: justify;">{p}</div>' for p in paras],
                '\n<div style="text-align: justify;"><br /></div>\n',
                "\n<a name='more'></a><div style=\"text-align: justify;\"><br /></div>\n"),
        "p": ([f'<p style="text-align: justify;">{p}</p>' for p in paras], "\n", "\n<a name='more'></a>\n"),
        "div-br": (paras, "<br />\n<br />\n", "<br />\n<a name='more'></a><br />\n"),
    }
    items, sep, jump = blocks[v.body_style]
    text = items[0] + (jump if v.jump_break else sep) + sep.join(items[1:])
    if v.body_style == "div-br":
        text = f'<div style="text-align: justify;">{text}</div>'
    return image_html(page) + text


def image_html(page: Page) -> str:
    v, small = page.variant, page.image.replace("/s1600/", "/w640-h360/")
    img = (f'<img border="0" data-original-height="720" data-original-width="1280" height="360" src="{small}" '
           'width="640" />')
    if v.image == "plain":
        return (f'<div class="separator" style="clear: both; text-align: center;"><a href="{page.image}" '
                f'style="margin-left: 1em; margin-right: 1em;">{img}</a></div>\n'
                + ("<br />\n" if v.body_style in ("br", "div-br") else ""))
    if v.image == "caption":
        return ('<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container" '
                'style="margin-left: auto; margin-right: auto;"><tbody><tr><td style="text-align: center;">'
                f'<a href="{page.image}" style="margin-left: auto; margin-right: auto;">{img}</a></td></tr>\n'
                f'<tr><td class="tr-caption" style="text-align: center;">{esc(CAPTIONS[page.lang])}</td></tr>'
                "</tbody></table>\n")
    return ""


def comment_li(page: Page, c: Comment, top: bool = True) -> str:
    """One comment of the server-rendered thread (``data:post.commentHtml``)."""
    w = page.w
    who = (f'<a href="{c.profile}" rel="nofollow">{esc(c.author)}</a>' if c.profile else esc(c.author))
    ms = int(c.when.timestamp() * 1000)
    replies = "".join(comment_li(page, r, top=False) for r in c.replies)
    thread = ""
    if top:
        hidden = "" if c.replies else " hidden"
        thread = (f'<div class="comment-replies"><div id="c{c.cid}-rt" class="comment-thread inline-thread{hidden}">'
                  '<span class="thread-toggle thread-expanded"><span class="thread-arrow"></span>'
                  f'<span class="thread-count"><a target="_self">{w["replies"]}</a></span></span>'
                  f'<ol id="c{c.cid}-ra" class="thread-chrome thread-expanded"><div>{replies}</div>'
                  f'<div id="c{c.cid}-continue" class="continue"><a class="comment-reply" target="_self" '
                  f'data-comment-id="{c.cid}">{w["reply"]}</a></div></ol></div></div>')
    return (f'<li class="comment" id="c{c.cid}"><div class="avatar-image-container">'
            '<img src="//resources.blogblog.com/img/blank.gif" alt=""/></div>'
            f'<div class="comment-block"><div class="comment-header"><cite class="user">{who}</cite>'
            '<span class="icon user "></span><span class="datetime secondary-text">'
            f'<a rel="nofollow" href="{page.link(page.canonical)}?showComment={ms}#c{c.cid}">'
            f'{esc(comment_time_text(page.lang, c.when))}</a></span></div>'
            f'<p class="comment-content">{esc(c.text)}</p><span class="comment-actions secondary-text">'
            f'<a class="comment-reply" target="_self" data-comment-id="{c.cid}">{w["reply"]}</a>'
            f'<span class="item-control blog-admin blog-admin pid-{number(c.author, 9)}"><a target="_self" '
            f'href="https://www.blogger.com/comment/delete/{page.blog_id}/{c.cid}">{w["delete"]}</a></span>'
            f'</span></div>{thread}<div class="comment-replybox-single" id="c{c.cid}-ce"></div></li>')


def comment_holder(page: Page) -> str:
    """The threaded comments' server HTML, script included, as both widget versions emit it."""
    w, items = page.w, "".join(comment_li(page, c) for c in comments(page))
    return ("<script async='async' src='' type='text/javascript'></script>\n"
            "<script type='text/javascript'>\n(function() {\n  var items = null;\n  var msgs = null;\n"
            "  var config = {};\n  // render now, or queue to render when library loads\n})();\n</script>\n"
            f'<div id=\'comment-holder\'>\n<div class="comment-thread toplevel-thread"><ol id="top-ra">{items}</ol>'
            f'<div id="top-continue" class="continue"><a class="comment-reply" target="_self">{w["add_comment"]}</a>'
            '</div><div class="comment-replybox-thread" id="top-ce"></div>'
            f'<div class="loadmore hidden" data-post-id="{page.post_id}"><a target="_self">{w["load_more"]}</a>'
            "</div></div>\n</div>")


def comment_form(page: Page) -> str:
    w = page.w
    return ("<div class='comment-form'>\n<a name='comment-form'></a>\n"
            f"<h4 id='comment-post-message'>{w['post_comment']}</h4>\n<p></p>\n"
            f"<a href='https://www.blogger.com/comment/frame/{page.blog_id}?po={page.post_id}&amp;hl={page.lang}"
            f"&amp;saa=85391&amp;origin={page.home.rstrip('/')}' id='comment-editor-src'></a>\n"
            "<iframe allowtransparency='true' class='blogger-iframe-colorize blogger-comment-from-post' "
            "frameborder='0' height='410px' id='comment-editor' name='comment-editor' src='' width='100%'></iframe>\n"
            "<script src='https://www.blogger.com/static/v1/jsbin/2567313873-comment_from_post_iframe.js' "
            "type='text/javascript'></script>\n<script type='text/javascript'>\n"
            "      BLOG_CMT_createIframe('https://www.blogger.com/rpc_relay.html');\n    </script>\n</div>")


def comments_classic(page: Page) -> str:
    """The v1 Blog widget's comments: threaded (``comments-content``) or the old ``dl.comments-block``."""
    n = sum(1 + len(c.replies) for c in comments(page))
    head = (f"<div class='comments' id='comments'>\n<a name='comments'></a>\n"
            f"<h4>{page.w['comments_n'].format(n=n)}:</h4>\n")
    if page.variant.threaded:
        inner = f"<div class='comments-content'>\n{comment_holder(page)}\n</div>\n"
    else:
        inner = comments_dl(page)
    return head + inner + f"<p class='comment-footer'>\n{comment_form(page)}\n</p>\n</div>"


def comments_dl(page: Page) -> str:
    rows = []
    flat = [c for top in comments(page) for c in (top, *top.replies)]
    for c in sorted(flat, key=lambda c: c.when):
        who = f"<a href='{c.profile}' rel='nofollow'>{esc(c.author)}</a>" if c.profile else esc(c.author)
        ms = int(c.when.timestamp() * 1000)
        rows.append(f"<dt class='comment-author ' id='c{c.cid}'>\n<a name='c{c.cid}'></a>\n{who}\n"
                    f"{page.w['said']}\n</dt>\n<dd class='comment-body' id='Blog1_cmt-{c.cid}'>\n<p>\n{esc(c.text)}\n"
                    f"</p>\n</dd>\n<dd class='comment-footer'>\n<span class='comment-timestamp'>\n"
                    f"<a href='{page.canonical}?showComment={ms}#c{c.cid}' title='comment permalink'>\n"
                    f"{esc(comment_time_text(page.lang, c.when))}\n</a>\n</span>\n</dd>")
    return (f"<div id='Blog1_comments-block-wrapper'>\n<dl class='avatar-comment-indent' id='comments-block'>\n"
            + "\n".join(rows) + "\n</dl>\n</div>\n")


def widget_manager(page: Page, template: str, localized: str, variant: str, responsive: bool) -> str:
    """The closing script every Blogger page carries: the blog/template/view data context."""
    blog, title = page.story.blog, page.story.headline
    data_blog = (f"{{'blogId': '{page.blog_id}', 'title': '{js(blog.title)}', 'url': '{page.url}', "
                 f"'canonicalUrl': '{page.canonical}', 'homepageUrl': '{page.home}', "
                 f"'searchUrl': '{page.home}search', 'canonicalHomepageUrl': '{page.home}', "
                 "'bloggerUrl': 'https://www.blogger.com', 'hasCustomDomain': false, 'httpsEnabled': true, "
                 "'enabledCommentProfileImages': true, 'adultContent': false, 'encoding': 'UTF-8', "
                 f"'locale': '{page.lang}', 'localeUnderscoreDelimited': '{page.lang}', 'languageDirection': 'ltr', "
                 f"'isPrivate': false, 'isMobile': {str(page.mobile).lower()}, "
                 f"'isMobileRequest': {str(page.mobile).lower()}, 'mobileClass': '{' mobile' if page.mobile else ''}', "
                 "'isDynamicViewsAvailable': true, 'adsenseHostId': 'ca-host-pub-1556223355139109', "
                 f"'jumpLinkMessage': '{js(page.w['read_more'])}', 'pageType': 'item', 'postId': '{page.post_id}', "
                 f"'pageName': '{js(title)}', 'pageTitle': '{js(blog.title)}: {js(title)}'}}")
    data_view = (f"{{'title': '{js(title)}', 'description': '{js(page.description)}', 'url': '{page.url}', "
                 "'type': 'item', 'isSingleItem': true, 'isMultipleItems': false, 'isError': false, "
                 "'isPage': false, 'isPost': true, 'isHomepage': false, 'isArchive': false, "
                 f"'isLabelSearch': false, 'postId': {page.post_id}}}")
    data_template = (f"{{'name': '{template}', 'localizedName': '{js(localized)}', "
                     f"'isResponsive': {str(responsive).lower()}, 'isAlternateRendering': "
                     f"{str(page.mobile).lower()}, 'isCustom': false, 'variant': '{variant}', "
                     f"'variantId': '{variant}'}}")
    return ("<script type=\"text/javascript\" src=\"https://www.blogger.com/static/v1/widgets/3845888474-widgets.js\">"
            "</script>\n<script type='text/javascript'>\n"
            f"window['__wavt'] = 'AOuZoY5Tq3kq2b:{number(page.url, 13)}';"
            f"_WidgetManager._Init('//www.blogger.com/rearrange?blogID\\x3d{page.blog_id}',"
            f"'//{page.url.split('://', 1)[1]}','{page.blog_id}');\n"
            f"_WidgetManager._SetDataContext([{{'name': 'blog', 'data': {data_blog}}}, "
            f"{{'name': 'features', 'data': {{}}}}, {{'name': 'template', 'data': {data_template}}}, "
            f"{{'name': 'view', 'data': {data_view}}}]);\n"
            "_WidgetManager._RegisterWidget('_BlogView', new _WidgetInfo('Blog1', 'main', "
            "document.getElementById('Blog1'), {'cmtInteractionsEnabled': false, 'lightboxEnabled': true}, "
            "'displayModeFull'));\n</script>")


# --- classic (v1 Blog widget) pieces ---------------------------------------------------------------------------

def author_classic(page: Page, label: bool = True) -> str:
    name, w = esc(page.story.author), page.w
    said = f"{w['posted_by']}\n" if label else ""
    if not page.variant.itemprop:
        return f"<span class='post-author vcard'>\n{said}<span class='fn'>{name}</span>\n</span>"
    return (f"<span class='post-author vcard'>\n{said}<span class='fn' itemprop='author' itemscope='itemscope' "
            f"itemtype='http://schema.org/Person'>\n<meta content='{page.profile}' itemprop='url'/>\n"
            f"<a class='g-profile' href='{page.profile}' rel='author' title='author profile'>\n"
            f"<span itemprop='name'>{name}</span>\n</a>\n</span>\n</span>")


def timestamp_classic(page: Page) -> str:
    if not page.variant.show_timestamp:
        return "<span class='post-timestamp'>\n</span>"
    shown = esc(time_text(page.lang, page.story.published))
    link = page.link(page.canonical)
    if not page.variant.itemprop:
        return (f"<span class='post-timestamp'>\n{page.w['at']}\n<a class='timestamp-link' href='{link}' "
                f"rel='bookmark' title='permanent link'><abbr class='published' title='{page.iso}'>{shown}</abbr>"
                "</a>\n</span>")
    return (f"<span class='post-timestamp'>\n{page.w['at']}\n<meta content='{page.canonical}' itemprop='url'/>\n"
            f"<a class='timestamp-link' href='{link}' rel='bookmark' title='permanent link'>"
            f"<abbr class='published' itemprop='datePublished' title='{page.iso}'>{shown}</abbr></a>\n</span>")


def labels_classic(page: Page) -> str:
    links = ",\n".join(f"<a href='{page.home}search/label/{att(t).replace(' ', '%20')}' rel='tag'>{esc(t)}</a>"
                       for t in page.story.tags)
    return f"<span class='post-labels'>\n{page.w['labels']}\n{links}\n</span>"


def share_classic(page: Page) -> str:
    w, base = page.w, f"https://www.blogger.com/share-post.g?blogID={page.blog_id}&amp;postID={page.post_id}"
    buttons = [("email", w["email_this"]), ("blog", "BlogThis!"), ("twitter", w["share_twitter"]),
               ("facebook", w["share_facebook"]), ("pinterest", w["share_pinterest"])]
    links = "\n".join(f"<a class='goog-inline-block share-button sb-{key}' href='{base}&amp;target={key}' "
                      f"target='_blank' title='{att(text)}'><span class='share-button-link-text'>{esc(text)}</span></a>"
                      for key, text in buttons)
    return f"<div class='post-share-buttons goog-inline-block'>\n{links}\n</div>"


def edit_icon(page: Page) -> str:
    return (f"<span class='post-icons'>\n<span class='item-control blog-admin pid-{number(page.story.author, 9)}'>\n"
            f"<a href='https://www.blogger.com/post-edit.g?blogID={page.blog_id}&amp;postID={page.post_id}"
            f"&amp;from=pencil' title='{att(page.w['edit_post'])}'>\n<img alt='' class='icon-action' height='18' "
            "src='https://resources.blogblog.com/img/icon18_edit_allbkg.gif' width='18'/>\n</a>\n</span>\n</span>")


def post_classic(page: Page, share: bool = True, title_link: bool = False) -> str:
    """``div.post.hentry`` of the v1 Blog widget (the ``post`` includable), byline in footer or header."""
    v, s = page.variant, page.story
    byline = f"{author_classic(page)}\n{timestamp_classic(page)}"
    title = f"<a href='{page.canonical}'>{esc(s.headline)}</a>" if title_link else esc(s.headline)
    micro = (" itemprop='blogPost' itemscope='itemscope' itemtype='http://schema.org/BlogPosting'"
             if v.itemprop else "")
    metas = ""
    if v.itemprop:
        metas = ((f"<meta content='{page.image}' itemprop='image_url'/>\n" if v.image else "")
                 + f"<meta content='{page.blog_id}' itemprop='blogId'/>\n"
                 f"<meta content='{page.post_id}' itemprop='postId'/>\n")
    body_micro = " itemprop='description articleBody'" if v.itemprop else ""
    name_micro = " itemprop='name'" if v.itemprop else ""
    return (f"<div class='post hentry uncustomized-post-template'{micro}>\n{metas}<a name='{page.post_id}'></a>\n"
            f"<h3 class='post-title entry-title'{name_micro}>\n{title}\n</h3>\n"
            f"<div class='post-header'>\n<div class='post-header-line-1'>{byline if v.byline_in_header else ''}"
            "</div>\n</div>\n"
            f"<div class='post-body entry-content' id='post-body-{page.post_id}'{body_micro}>\n{body_html(page)}\n"
            "<div style='clear: both;'></div>\n</div>\n"
            "<div class='post-footer'>\n<div class='post-footer-line post-footer-line-1'>\n"
            f"{'' if v.byline_in_header else byline}\n<span class='post-comment-link'>\n</span>\n{edit_icon(page)}\n"
            f"{share_classic(page) if share else ''}\n</div>\n"
            f"<div class='post-footer-line post-footer-line-2'>\n{labels_classic(page)}\n</div>\n"
            "<div class='post-footer-line post-footer-line-3'>\n<span class='post-location'>\n</span>\n</div>\n"
            "</div>\n</div>")


def date_header_classic(page: Page, span: bool = True) -> str:
    text = esc(page.date_header())
    return f"<h2 class='date-header'><span>{text}</span></h2>" if span else f"<h2 class='date-header'>{text}</h2>"


def blog_widget_classic(page: Page, span: bool = True, share: bool = True, title_link: bool = False) -> str:
    w = page.w
    return ("<div class='widget Blog' data-version='1' id='Blog1'>\n<div class='blog-posts hfeed'>\n\n"
            "          <div class=\"date-outer\">\n        \n"
            f"{date_header_classic(page, span)}\n\n          <div class=\"date-posts\">\n        \n"
            f"<div class='post-outer'>\n{post_classic(page, share, title_link)}\n{comments_classic(page)}\n</div>\n\n"
            "        </div></div>\n      \n</div>\n"
            "<div class='blog-pager' id='blog-pager'>\n<span id='blog-pager-newer-link'>\n"
            f"<a class='blog-pager-newer-link' href='{page.home}2022/11/kabar-terbaru.html' "
            f"id='Blog1_blog-pager-newer-link' title='{w['newer']}'>{w['newer']}</a>\n</span>\n"
            f"<span id='blog-pager-older-link'>\n<a class='blog-pager-older-link' "
            f"href='{page.home}2022/09/kabar-lama.html' id='Blog1_blog-pager-older-link' "
            f"title='{w['older']}'>{w['older']}</a>\n</span>\n<a class='home-link' href='{page.home}'>{w['home']}</a>\n"
            "</div>\n<div class='clear'></div>\n<div class='post-feeds'>\n<div class='feed-links'>\n"
            f"{w['subscribe']}\n<a class='feed-link' href='{page.home}feeds/{page.post_id}/comments/default' "
            f"target='_blank' type='application/atom+xml'>{w['comment_feed']}</a>\n</div>\n</div>\n</div>")


def popular_classic(page: Page) -> str:
    """The v1 PopularPosts widget: thumbnail, title and snippet of each post (no dates)."""
    items = []
    for title, url, snippet, _ in popular(page):
        items.append(f"<li>\n<div class='item-content'>\n<div class='item-thumbnail'>\n<a href='{url}' "
                     f"target='_blank'>\n<img alt='' border='0' src='https://blogger.googleusercontent.com/img/b/"
                     f"R29vZ2xl/{token(url)}/w72-h72-p-k-no-nu/thumb.jpg'/>\n</a>\n</div>\n"
                     f"<div class='item-title'><a href='{url}'>{esc(title)}</a></div>\n"
                     f"<div class='item-snippet'>{esc(snippet)}</div>\n</div>\n<div style='clear: both;'></div>\n</li>")
    return (f"<div class='widget PopularPosts' data-version='1' id='PopularPosts1'>\n<h2>{page.w['popular']}</h2>\n"
            "<div class='widget-content popular-posts'>\n<ul>\n" + "\n".join(items) + "\n</ul>\n"
            "<div class='clear'></div>\n</div>\n</div>")


def archive_classic(page: Page) -> str:
    """The v1 BlogArchive widget, hierarchy style: year, month, and the month's post titles."""
    p, w = page.story.published, page.w
    month_url = f"{page.home}{p.year}/{p.month:02d}/"
    titles = [page.story.headline] + [t for t, *_ in popular(page)[:1]]
    posts = "\n".join(f"<li><a href='{page.canonical if i == 0 else month_url}'>{esc(t)}</a></li>"
                      for i, t in enumerate(titles))
    return (f"<div class='widget BlogArchive' data-version='1' id='BlogArchive1'>\n<h2>{w['archive']}</h2>\n"
            "<div class='widget-content'>\n<div id='ArchiveList'>\n<div id='BlogArchive1_ArchiveList'>\n"
            "<ul class='hierarchy'>\n<li class='archivedate expanded'>\n<a class='toggle' href='javascript:void(0)'>\n"
            "<span class='zippy toggle-open'>\n\n        &#9660;&#160;\n      \n</span>\n</a>\n"
            f"<a class='post-count-link' href='{page.home}{p.year}/'>\n{p.year}\n</a>\n"
            "<span class='post-count' dir='ltr'>(37)</span>\n<ul class='hierarchy'>\n"
            "<li class='archivedate expanded'>\n"
            f"<a class='post-count-link' href='{month_url}'>\n{MONTHS[page.lang][p.month - 1]}\n</a>\n"
            f"<span class='post-count' dir='ltr'>(4)</span>\n<ul class='posts'>\n{posts}\n</ul>\n</li>\n</ul>\n"
            "</li>\n</ul>\n</div>\n</div>\n<div class='clear'></div>\n</div>\n</div>")


def profile_classic(page: Page) -> str:
    w = page.w
    return (f"<div class='widget Profile' data-version='1' id='Profile1'>\n<h2>{w['about_me']}</h2>\n"
            "<div class='widget-content'>\n<dl class='profile-datablock'>\n<dt class='profile-data'>\n"
            f"<a class='profile-name-link g-profile' href='{page.profile}' rel='author' "
            f"style='background-image: url(//www.blogger.com/img/logo-16.png);'>\n{esc(page.story.author)}\n</a>\n"
            f"</dt>\n</dl>\n<a class='profile-link' href='{page.profile}' rel='author'>{w['profile']}</a>\n"
            "<div class='clear'></div>\n</div>\n</div>")


def attribution_classic(page: Page, theme: str | None) -> str:
    w = page.w
    credit = w["theme_credit"].format(name=theme_name(theme, page.lang)) + " " if theme else ""
    return ("<div class='widget Attribution' data-version='1' id='Attribution1'>\n"
            f"<div class='widget-content' style='text-align: center;'>\n{esc(credit)}{w['powered']} "
            "<a href='https://www.blogger.com' target='_blank'>Blogger</a>.\n</div>\n<div class='clear'></div>\n"
            "</div>")


def navbar(page: Page) -> str:
    return ("<div class='navbar section' id='navbar'><div class='widget Navbar' data-version='1' id='Navbar1'>"
            "<script type=\"text/javascript\">\n    function setAttributeOnload(object, attribute, val) {\n"
            "      if(window.addEventListener) {\n        window.addEventListener('load',\n"
            "          function(){ object[attribute] = val; }, false);\n      }\n    }\n  </script>\n"
            "<div id=\"navbar-iframe-container\"></div>\n<script type=\"text/javascript\">\n"
            "      gapi.load(\"gapi.iframes:gapi.iframes.style.bubble\", function() {\n"
            "          gapi.iframes.getContext().openChild({\n"
            f"              url: 'https://www.blogger.com/navbar/{page.blog_id}?po\\x3d{page.post_id}"
            f"\\x26origin\\x3dhttps://{page.story.blog.host}',\n"
            "              where: document.getElementById(\"navbar-iframe-container\"),\n"
            "              id: \"navbar-iframe\"\n          });\n      });\n    </script></div></div>")


def header_widget_classic(page: Page) -> str:
    blog = page.story.blog
    return ("<div class='header section' id='header'><div class='widget Header' data-version='1' id='Header1'>\n"
            "<div id='header-inner'>\n<div class='titlewrapper'>\n<h1 class='title'>\n"
            f"<a href='{page.link(page.home)}'>{esc(blog.title)}</a>\n</h1>\n</div>\n"
            f"<div class='descriptionwrapper'>\n<p class='description'><span>{esc(blog.description)}</span></p>\n"
            "</div>\n</div>\n</div></div>")


def caps(region: str) -> tuple[str, str]:
    """The fauxborder/cap wrappers Template Designer themes put around every region."""
    top = (f"<div class='{region}-cap-top cap-top'>\n<div class='cap-left'></div>\n<div class='cap-right'></div>\n"
           f"</div>\n<div class='fauxborder-left {region}-fauxborder-left'>\n"
           f"<div class='fauxborder-right {region}-fauxborder-right'></div>\n<div class='region-inner {region}-inner'>")
    bottom = (f"</div>\n</div>\n<div class='{region}-cap-bottom cap-bottom'>\n<div class='cap-left'></div>\n"
              "<div class='cap-right'></div>\n</div>")
    return top, bottom


# --- classic theme families -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ClassicTheme:
    """A Template Designer theme: its skin, body variant, attribution name and sidebar side."""

    name: str
    designer: str
    variant: str
    sidebar: str = "right"


def page_designer(page: Page, theme: ClassicTheme) -> str:
    """A Template Designer theme page (Simple, Awesome Inc., Picture Window, Watermark, Ethereal, Travel)."""
    title = f"{page.story.blog.title}: {page.story.headline}"
    head = (f"{html_open(page, classic=True)}\n<head>\n<meta content='width=1100' name='viewport'/>\n"
            f"<meta content='IE=EmulateIE7' http-equiv='X-UA-Compatible'/>\n{all_head_content(page)}\n"
            f"<title>{esc(title)}</title>\n{skin(theme.name, theme.designer)}\n"
            "<link type='text/css' rel='stylesheet' href='https://www.blogger.com/static/v1/widgets/"
            "1535467126-widget_css_2_bundle.css' />\n</head>")
    sidebar = (f"<aside>\n<div class='sidebar section' id='sidebar-{theme.sidebar}-1'>\n{popular_classic(page)}\n"
               f"{profile_classic(page)}\n{archive_classic(page)}\n</div>\n</aside>")
    left, right = (sidebar, "<aside>\n</aside>") if theme.sidebar == "left" else ("<aside>\n</aside>", sidebar)
    (h_top, h_bot), (t_top, t_bot), (m_top, m_bot), (f_top, f_bot) = (caps(r) for r in
                                                                      ("header", "tabs", "main", "footer"))
    return f"""{head}
<body class='loading variant-{theme.variant}'>
{navbar(page)}
<div class='body-fauxcolumns'>
<div class='fauxcolumn-outer body-fauxcolumn-outer'>
<div class='fauxborder-left'>
<div class='fauxborder-right'></div>
<div class='fauxcolumn-inner'>
</div>
</div>
</div>
</div>
<div class='content'>
<div class='content-outer'>
<div class='fauxborder-left content-fauxborder-left'>
<div class='fauxborder-right content-fauxborder-right'></div>
<div class='content-inner'>
<header>
<div class='header-outer'>
{h_top}
{header_widget_classic(page)}
{h_bot}
</div>
</header>
<div class='tabs-outer'>
{t_top}
<div class='tabs no-items section' id='crosscol'></div>
<div class='tabs no-items section' id='crosscol-overflow'></div>
{t_bot}
</div>
<div class='main-outer'>
{m_top}
<div class='columns fauxcolumns'>
<div class='columns-inner'>
<div class='column-center-outer'>
<div class='column-center-inner'>
<div class='main section' id='main'>{blog_widget_classic(page)}</div>
</div>
</div>
<div class='column-left-outer'>
<div class='column-left-inner'>
{left}
</div>
</div>
<div class='column-right-outer'>
<div class='column-right-inner'>
{right}
</div>
</div>
</div>
<div style='clear: both'></div>
<!-- columns -->
</div>
<!-- main -->
{m_bot}
</div>
<footer>
<div class='footer-outer'>
{f_top}
<div class='foot no-items section' id='footer-1'></div>
<!-- outside of the include in order to lock Attribution widget -->
<div class='foot section' id='footer-3'>{attribution_classic(page, theme.name)}</div>
{f_bot}
</div>
</footer>
<!-- content -->
</div>
</div>
</div>
</div>
<script type='text/javascript'>
    window.setTimeout(function() {{
        document.body.className = document.body.className.replace('loading', '');
      }}, 10);
  </script>
{widget_manager(page, theme.name, theme_name(theme.name, page.lang), theme.variant, False)}
</body>
</html>
"""


def page_minima(page: Page) -> str:
    """Minima, the 2006 layout template: no microdata, ``h2.date-header`` without span, linked title."""
    title = f"{page.story.blog.title}: {page.story.headline}"
    return f"""{html_open(page, classic=True)}
<head>
{all_head_content(page)}
<title>{esc(title)}</title>
{skin('Minima', 'Douglas Bowman')}
</head>
<body>
{navbar(page)}
<div id='outer-wrapper'><div id='wrap2'>
<!-- skip links for text browsers -->
<span id='skiplinks' style='display:none;'>
<a href='#main'>skip to main </a> |
      <a href='#sidebar'>skip to sidebar</a>
</span>
<div id='header-wrapper'>
{header_widget_classic(page)}
</div>
<div id='content-wrapper'>
<div id='crosscol-wrapper' style='text-align:center'>
<div class='crosscol no-items section' id='crosscol'></div>
</div>
<div id='main-wrapper'>
<div class='main section' id='main'>{blog_widget_classic(page, span=False, share=False, title_link=True)}</div>
</div>
<div id='sidebar-wrapper'>
<div class='sidebar section' id='sidebar'>{popular_classic(page)}
{archive_classic(page)}
{profile_classic(page)}</div>
</div>
<!-- spacer for skins that want sidebar and main to be the same height-->
<div class='clear'>&#160;</div>
</div>
<!-- end content-wrapper -->
<div id='footer-wrapper'>
<div class='footer section' id='footer'>{attribution_classic(page, None)}</div>
</div>
</div></div>
<!-- end outer-wrapper -->
{widget_manager(page, 'Minima', 'Minima', 'minima', False)}
</body>
</html>
"""


def post_mobile(page: Page) -> str:
    """The ``mobile-post`` includable: the classic mobile template's item page."""
    s = page.story
    shown = esc(time_text(page.lang, s.published))
    return (f"<div class='date-outer'>\n{date_header_classic(page)}\n<div class='date-posts'>\n"
            "<div class='post-outer'>\n<div class='post hentry uncustomized-post-template' itemscope='itemscope' "
            "itemtype='http://schema.org/BlogPosting'>\n"
            + (f"<meta content='{page.image}' itemprop='image_url'/>\n" if page.variant.image else "")
            + f"<meta content='{page.blog_id}' itemprop='blogId'/>\n"
            f"<meta content='{page.post_id}' itemprop='postId'/>\n"
            f"<a name='{page.post_id}'></a>\n<h3 class='post-title entry-title' itemprop='name'>\n{esc(s.headline)}\n"
            "</h3>\n<div class='post-header'>\n<div class='post-header-line-1'></div>\n</div>\n"
            f"<div class='post-body entry-content' id='post-body-{page.post_id}' itemprop='articleBody'>\n"
            f"{body_html(page)}\n<div style='clear: both;'></div>\n</div>\n"
            "<div class='post-footer'>\n<div class='post-footer-line post-footer-line-1'>\n"
            f"{author_classic(page, label=False)}\n"
            f"<span class='post-timestamp'>\n{page.w['at']}\n<meta content='{page.canonical}' itemprop='url'/>\n"
            f"<a class='timestamp-link' href='{page.url}' rel='bookmark' title='permanent link'>"
            f"<abbr class='published' itemprop='datePublished' title='{page.iso}'>{shown}</abbr></a>\n</span>\n"
            "<span class='post-comment-link'>\n</span>\n</div>\n"
            "<div class='post-footer-line post-footer-line-2'>\n"
            "<div class='mobile-link-button goog-inline-block' id='mobile-share-button'>\n"
            f"<a href='javascript:void(0);'>{page.w['share']}</a>\n</div>\n</div>\n</div>\n</div>\n"
            f"{comments_classic(page)}\n</div>\n</div>\n</div>")


def page_mobile(page: Page) -> str:
    """The classic mobile template (``?m=1``) of a Simple blog: no sidebar, a pager, profile and attribution."""
    w = page.w
    title = f"{page.story.blog.title}: {page.story.headline}"
    return f"""{html_open(page, classic=True)}
<head>
<meta content='width=device-width,initial-scale=1.0,minimum-scale=1.0,maximum-scale=1.0' name='viewport'/>
{all_head_content(page)}
<title>{esc(title)}</title>
{skin('Simple', 'Blogger')}
</head>
<body class='loading mobile variant-simplysimple'>
<div class='content'>
<div class='content-outer'>
<div class='content-inner'>
<header>
<div class='header-outer'>
{header_widget_classic(page)}
</div>
</header>
<div class='main-outer'>
<div class='region-inner main-inner'>
<div class='columns fauxcolumns'>
<div class='columns-inner'>
<div class='column-center-outer'>
<div class='column-center-inner'>
<div class='main section' id='main'><div class='widget Blog' data-version='1' id='Blog1'>
<div class='blog-posts hfeed'>
{post_mobile(page)}
</div>
<div class='blog-pager' id='blog-pager'>
<div class='mobile-link-button' id='blog-pager-newer-link'>
<a class='blog-pager-newer-link' href='{page.home}2022/11/kabar-terbaru.html?m=1'
 id='Blog1_blog-pager-newer-link' title='{w['newer']}'>&lsaquo;</a>
</div>
<div class='mobile-link-button' id='blog-pager-older-link'>
<a class='blog-pager-older-link' href='{page.home}2022/09/kabar-lama.html?m=1'
 id='Blog1_blog-pager-older-link' title='{w['older']}'>&rsaquo;</a>
</div>
<div class='mobile-link-button' id='blog-pager-home-link'>
<a class='home-link' href='{page.home}?m=1'>{w['home']}</a>
</div>
<div class='mobile-desktop-link'>
<a class='home-link' href='{page.canonical}?m=0'>{w['web_version']}</a>
</div>
</div>
<div class='clear'></div>
</div></div>
</div>
</div>
</div>
</div>
</div>
</div>
<footer>
<div class='footer-outer'>
<div class='region-inner footer-inner'>
<div class='foot section' id='footer-3'>{profile_classic(page)}
{attribution_classic(page, None)}</div>
</div>
</div>
</footer>
</div>
</div>
</div>
{widget_manager(page, 'Simple', theme_name('Simple', page.lang), 'simplysimple', False)}
</body>
</html>
"""


def page_dynamic(page: Page) -> str:
    """Dynamic Views: the server skeleton the view script fills; title, the day and the body are all it holds."""
    s, blog = page.story, page.story.blog
    return f"""<!DOCTYPE html>
<html class='v2' dir='ltr'{f" lang='{page.lang}'" if page.variant.html_lang else ''}>
<head>
<meta content='width=device-width, initial-scale=1' name='viewport'/>
<meta content='IE=9,chrome=1' http-equiv='X-UA-Compatible'/>
{all_head_content(page)}
<title>{esc(blog.title)}: {esc(s.headline)}</title>
<link href='//www.blogblog.com/dynamicviews/4224c15c4e7c9321/css/classic.css' rel='stylesheet' type='text/css'/>
<style id='page-skin-1' type='text/css'><!--
/* Dynamic Views: classic */
body {{ background-color: #eeeeee; }}
--></style>
</head>
<body class='variant-classic'>
<div class='header-bar' id='header'>
<div class='header-bar-inner'>
<h1 class='blog-title'><a href='{page.home}'>{esc(blog.title)}</a></h1>
<p class='blog-description'>{esc(blog.description)}</p>
</div>
</div>
<div id='content'>
<div class='article' id='{page.post_id}'>
<div class='article-header'>
<h2 class='date-header'><span>{esc(page.date_header())}</span></h2>
<h1 class='title entry-title'><a href='{page.canonical}'>{esc(s.headline)}</a></h1>
</div>
<div class='article-content entry-content'>
{body_html(page)}
</div>
</div>
</div>
<script src='//www.blogblog.com/dynamicviews/4224c15c4e7c9321/js/common.js' type='text/javascript'></script>
<script type='text/javascript'>
setTimeout(function() {{ blogger.ui().configure().view(); }}, 0);
</script>
{widget_manager(page, 'Dynamic Views', 'Dynamic Views', 'classic', True)}
</body>
</html>
"""


# --- layouts-era (v2 Blog widget) pieces -----------------------------------------------------------------------

def json_ld(page: Page) -> str:
    """Blogger's own ``postMetadataJSON``: a BlogPosting with Blogger as publisher."""
    s = page.story
    data = {
        "@context": "http://schema.org", "@type": "BlogPosting",
        "mainEntityOfPage": {"@type": "WebPage", "@id": page.canonical},
        "headline": s.headline, "description": page.description, "datePublished": page.iso,
        "dateModified": page.modified.isoformat(),
        "image": ({"@type": "ImageObject", "url": page.og_image, "height": 630, "width": 1200} if page.variant.image
                  else {"@type": "ImageObject", "url": "https://blogger.googleusercontent.com/img/b/U2hvZWJveA/"
                        + token("blogger-default") + "/w1200/", "height": 348, "width": 1200}),
        "publisher": {"@type": "Organization", "name": "Blogger",
                      "logo": {"@type": "ImageObject", "url": "https://blogger.googleusercontent.com/img/b/U2hvZWJveA/"
                               + token("blogger-logo") + "/h60/", "width": 206, "height": 60}},
        "author": {"@type": "Person", "name": s.author},
    }
    return "<script type='application/ld+json'>" + json.dumps(data, ensure_ascii=False, indent=2) + "</script>"


def author_v2(page: Page) -> str:
    return (f"<span class='byline post-author vcard'>\n<span class='post-author-label'>\n{page.w['posted_by']}\n"
            f"</span>\n<span class='fn'>\n<meta content='{page.profile}'/>\n<a class='g-profile' href='{page.profile}' "
            f"rel='author' title='author profile'>\n<span>{esc(page.story.author)}</span>\n</a>\n</span>\n</span>")


def timestamp_v2(page: Page, label: str, url: str, when: datetime, shown: str) -> str:
    iso = when.isoformat()
    return (f"<span class='byline post-timestamp'>\n{label}\n<meta content='{url}'/>\n"
            f"<a class='timestamp-link' href='{url}' rel='bookmark' title='permanent link'>\n"
            f"<time class='published' datetime='{iso}' title='{iso}'>\n{esc(shown)}\n</time>\n</a>\n</span>")


def labels_v2(page: Page) -> str:
    links = "\n".join(f"<a href='{page.home}search/label/{att(t).replace(' ', '%20')}' rel='tag'>\n{esc(t)}\n</a>"
                      for t in page.story.tags)
    return (f"<span class='byline post-labels'>\n<span class='byline-label'>{page.w['labels']}</span>\n{links}\n"
            "</span>")


def share_v2(page: Page, where: str) -> str:
    w = page.w
    sid = f"Blog1-{where}-{page.post_id}"
    base = f"https://www.blogger.com/share-post.g?blogID={page.blog_id}&amp;postID={page.post_id}&amp;target="
    platforms = [("link", w["get_link"], ""), ("facebook", "Facebook", "facebook"), ("twitter", "Twitter", "twitter"),
                 ("pinterest", "Pinterest", "pinterest"), ("email", "Email", "email")]
    items = "\n".join(f"<li>\n<span aria-label='{att(name)}' class='sharing-platform-button sharing-element-{key}' "
                      f"data-href='{base}{target}' data-url='{page.canonical}' role='menuitem' tabindex='-1' "
                      f"title='{att(name)}'>\n<span class='platform-sharing-text'>{esc(name)}</span>\n</span>\n</li>"
                      for key, name, target in platforms)
    return (f"<div class='byline post-share-buttons goog-inline-block'>\n<div aria-owns='sharing-popup-{sid}' "
            f"class='sharing' data-title='{att(page.story.headline)}'>\n<button aria-controls='sharing-popup-{sid}' "
            f"aria-label='{att(w['share'])}' class='sharing-button touch-icon-button' id='sharing-button-{sid}' "
            "role='button'>\n<div class='flat-icon-button ripple'>\n<svg class='svg-icon-24'><use "
            "xlink:href='/responsive/sprite_v1_6.css.svg#ic_share_black_24dp' "
            "xmlns:xlink='http://www.w3.org/1999/xlink'></use></svg>\n</div>\n</button>\n"
            f"<div class='share-buttons-container'>\n<ul aria-hidden='true' aria-label='{att(w['share'])}' "
            f"class='share-buttons hidden' id='sharing-popup-{sid}' role='menu'>\n{items}\n"
            "<li aria-hidden='true' class='hidden'>\n<span class='sharing-platform-button sharing-element-other' "
            f"role='menuitem' tabindex='-1'>\n<span class='platform-sharing-text'>{w['other_apps']}</span>\n</span>\n"
            "</li>\n</ul>\n</div>\n</div>\n</div>")


def comments_v2(page: Page) -> str:
    n = sum(1 + len(c.replies) for c in comments(page))
    return (f"<section class='comments threaded' data-embed='true' data-num-comments='{n}' id='comments'>\n"
            f"<a name='comments'></a>\n<h3 class='title'>{page.w['comments_title']}</h3>\n"
            f"<div class='comments-content'>\n{comment_holder(page)}\n</div>\n"
            f"<p class='comment-footer'>\n{comment_form(page)}\n</p>\n</section>")


def popular_v2(page: Page) -> str:
    """The v2 PopularPosts widget: each entry has its own ``time.published`` and snippet."""
    w, articles = page.w, []
    for title, url, snippet, when in popular(page):
        shown = date_text(page.lang, when.date(), page.variant.date_style)
        articles.append(
            f"<article class='post' role='article'>\n<h3 class='post-title'><a href='{url}'>{esc(title)}</a></h3>\n"
            f"<div class='post-header'>\n<div class='post-header-line-1'>\n{timestamp_v2(page, '', url, when, shown)}"
            "\n</div>\n</div>\n<div class='item-content float-container'>\n"
            "<div class='popular-posts-snippet snippet-container r-snippet-container'>\n"
            f"<div class='snippet-item r-snippetized'>\n{esc(snippet)}\n</div>\n"
            f"<a class='snippet-fade r-snippet-fade hidden' href='{url}'></a>\n</div>\n"
            f"<div class='jump-link flat-button ripple'>\n<a href='{url}' title='{att(title)}'>\n{w['read_more']}\n"
            "</a>\n</div>\n</div>\n</article>")
    return (f"<div class='widget PopularPosts' data-version='2' id='PopularPosts1'>\n"
            f"<h3 class='title'>\n{w['popular_v2']}\n</h3>\n<div class='widget-content'>\n<div role='feed'>\n"
            + "\n".join(articles) + "\n</div>\n</div>\n</div>")


def archive_v2(page: Page) -> str:
    p, w = page.story.published, page.w
    return (f"<div class='widget BlogArchive' data-version='2' id='BlogArchive1'>\n<details class='collapsible "
            f"extendable'>\n<summary>\n<div class='collapsible-title'>\n<h3 class='title'>\n{w['archive_v2']}\n"
            "</h3>\n</div>\n</summary>\n<div class='widget-content'>\n<div id='ArchiveList'>\n"
            "<div id='BlogArchive1_ArchiveList'>\n<ul class='hierarchy'>\n<li class='archivedate'>\n"
            "<div class='hierarchy-title'>\n"
            f"<a class='post-count-link' href='{page.home}{p.year}/{p.month:02d}/'>\n"
            f"{MONTHS[page.lang][p.month - 1]} {p.year}\n<span class='post-count'>4</span>\n</a>\n</div>\n</li>\n"
            "</ul>\n</div>\n</div>\n</div>\n</details>\n</div>")


def labels_widget_v2(page: Page) -> str:
    items = "\n".join(f"<li>\n<a class='label-name' href='{page.home}search/label/{att(t).replace(' ', '%20')}'>\n"
                      f"{esc(t)}\n<span class='label-count'>{3 + i}</span>\n</a>\n</li>"
                      for i, t in enumerate(page.story.tags))
    return (f"<div class='widget Label' data-version='2' id='Label1'>\n<h3 class='title'>\n{page.w['label_widget']}\n"
            f"</h3>\n<div class='widget-content list-label-widget-content'>\n<ul>\n{items}\n</ul>\n</div>\n</div>")


def profile_v2(page: Page) -> str:
    return (f"<div class='widget Profile' data-version='2' id='Profile1'>\n<div class='wrapper solo'>\n"
            "<div>\n<dl class='profile-datablock'>\n<dt class='profile-data'>\n"
            f"<a class='profile-link g-profile' href='{page.profile}' rel='author nofollow'>\n"
            f"{esc(page.story.author)}\n</a>\n</dt>\n</dl>\n"
            f"<a class='profile-link visit-profile' href='{page.profile}' rel='author'>\n{page.w['profile']}\n</a>\n"
            "</div>\n</div>\n</div>")


def attribution_v2(page: Page) -> str:
    return ("<div class='widget Attribution' data-version='2' id='Attribution1'>\n<div class='widget-content'>\n"
            "<div class='blogger'>\n<a href='https://www.blogger.com' rel='nofollow'>\n"
            "<svg class='svg-icon-24'><use xlink:href='/responsive/sprite_v1_6.css.svg#ic_post_blogger_black_24dp' "
            f"xmlns:xlink='http://www.w3.org/1999/xlink'></use></svg>\n{page.w['powered']} Blogger\n</a>\n</div>\n"
            "<div class='image-attribution'>\nTheme images by <a href='http://www.offset.com/photos/394244' "
            "rel='nofollow'>Michael Elkan</a>\n</div>\n</div>\n</div>")


@dataclass(frozen=True)
class LayoutsTheme:
    """A layouts-era theme: its template file, variant, where the byline sits relative to the title, and the
    label the post timestamp carries."""

    name: str
    template: str
    variant: str
    header_before_title: bool = False
    timestamp_label: str = ""
    author_first: bool = True
    share_top: bool = True


def post_v2(page: Page, theme: LayoutsTheme) -> str:
    """The v2 Blog widget's ``post`` includable as the theme arranges it."""
    s = page.story
    stamp = timestamp_v2(page, theme.timestamp_label, page.canonical, s.published, page.post_date())
    byline = f"{author_v2(page)}\n{stamp}" if theme.author_first else f"{stamp}\n{author_v2(page)}"
    header = f"<div class='post-header'>\n<div class='post-header-line-1'>\n{byline}\n</div>\n</div>"
    title = f"<a name='{page.post_id}'></a>\n<h3 class='post-title entry-title'>\n{esc(s.headline)}\n</h3>"
    top = (f"{header}\n{title}" if theme.header_before_title else f"{title}\n"
           + (f"<div class='post-share-buttons post-share-buttons-top'>\n{share_v2(page, 'byline')}\n</div>\n"
              if theme.share_top else "") + header)
    return (f"<div class='post'>\n{json_ld(page)}\n{top}\n<div class='post-body-container'>\n"
            f"<div class='post-body entry-content float-container' id='post-body-{page.post_id}'>\n{body_html(page)}\n"
            "</div>\n</div>\n<div class='post-bottom'>\n<div class='post-footer float-container'>\n"
            "<div class='post-footer-line post-footer-line-1'>\n</div>\n"
            f"<div class='post-footer-line post-footer-line-2'>\n{labels_v2(page)}\n</div>\n"
            "<div class='post-footer-line post-footer-line-3'>\n</div>\n</div>\n"
            f"<div class='post-share-buttons post-share-buttons-bottom invisible'>\n{share_v2(page, 'footer-1')}\n"
            "</div>\n</div>\n</div>")


def head_v2(page: Page, theme: LayoutsTheme) -> str:
    return (f"{html_open(page, classic=False)}\n<head>\n<meta content='width=device-width, initial-scale=1' "
            f"name='viewport'/>\n<title>{esc(page.story.headline)}</title>\n{all_head_content(page)}\n"
            "<!-- Chrome, Firefox OS and Opera -->\n<meta content='#eeeeee' name='theme-color'/>\n"
            "<!-- Windows Phone -->\n<meta content='#eeeeee' name='msapplication-navbutton-color'/>\n"
            f"<style id='page-skin-1' type='text/css'><!--\n/*! Theme: {theme.name} ({theme.template}) */\n"
            "body {\n  overflow-wrap: break-word;\n  word-break: break-word;\n}\n--></style>\n"
            "<link type='text/css' rel='stylesheet' href='https://www.blogger.com/static/v1/widgets/"
            "2975350028-css_bundle_v2.css' />\n</head>")


def page_layouts(page: Page, theme: LayoutsTheme) -> str:
    """A layouts-era theme page: header, ``main`` with the Blog widget, the sidebar, the footer."""
    blog, w = page.story.blog, page.w
    main = (f"<main class='centered-bottom' id='main' role='main' tabindex='-1'>\n"
            "<div class='main section' id='page_body'><div class='widget Blog' data-version='2' id='Blog1'>\n"
            "<div class='blog-posts hfeed container'>\n<article class='post-outer-container'>\n"
            f"<div class='post-outer'>\n{post_v2(page, theme)}\n</div>\n{comments_v2(page)}\n</article>\n</div>\n"
            "<div class='blog-pager container' id='blog-pager'>\n"
            f"<a class='home-link' href='{page.home}'>\n{w['home']}\n</a>\n</div>\n</div></div>\n</main>")
    sidebar = (f"<aside class='sidebar-container container' role='complementary'>\n"
               f"<div class='sidebar_top section' id='sidebar_top'>{profile_v2(page)}\n{popular_v2(page)}</div>\n"
               f"<div class='sidebar_bottom section' id='sidebar_bottom'>{archive_v2(page)}\n"
               f"{labels_widget_v2(page)}\n<div class='widget ReportAbuse' data-version='2' id='ReportAbuse1'>\n"
               f"<h3 class='title'>\n<a class='report_abuse' href='https://www.blogger.com/go/report-abuse' "
               f"rel='noopener nofollow' target='_blank'>\n{w['report_abuse']}\n</a>\n</h3>\n</div></div>\n</aside>")
    columns = f"{sidebar}\n{main}" if page.variant.sidebar_first else f"{main}\n{sidebar}"
    return f"""{head_v2(page, theme)}
<body class='version-1-3-3 variant-{theme.variant}'>
<a class='skip-navigation' href='#main' tabindex='0'>
{w['skip']}
</a>
<div class='page'>
<div class='page_body'>
<div class='centered'>
<header class='centered-top-container' role='banner'>
<div class='centered-top'>
<div class='search'>
<form action='{page.home}search' target='_top'>
<input aria-label='{att(w['search'])}' autocomplete='off' class='search-input' name='q'
 placeholder='{att(w['search'])}' value=''/>
</form>
</div>
<div class='blog-name container'>
<div class='container section' id='header'><div class='widget Header' data-version='2' id='Header1'>
<div class='header-widget'>
<div>
<h1>
<a href='{page.home}'>
{esc(blog.title)}
</a>
</h1>
</div>
<p>
{esc(blog.description)}
</p>
</div>
</div></div>
</div>
</div>
</header>
<div class='columns'>
{columns}
</div>
</div>
</div>
<footer class='footer section' id='footer'>{attribution_v2(page)}</footer>
</div>
{widget_manager(page, theme.name, theme.name, theme.variant, True)}
</body>
</html>
"""


# --- the theme table and the cases ------------------------------------------------------------------------------

Renderer = Callable[[Page], str]

CLASSIC: dict[str, ClassicTheme] = {
    "simple": ClassicTheme("Simple", "Blogger", "simplysimple"),
    "awesome-inc": ClassicTheme("Awesome Inc.", "Tina Chen", "light"),
    "picture-window": ClassicTheme("Picture Window", "Josh Peterson", "open"),
    "watermark": ClassicTheme("Watermark", "Josh Peterson", "birds"),
    "ethereal": ClassicTheme("Ethereal", "Jason Morrow", "apricot"),
    "travel": ClassicTheme("Travel", "Sookhee Lee", "beach", sidebar="left"),
}
LAYOUTS: dict[str, LayoutsTheme] = {
    "contempo": LayoutsTheme("Contempo", "indie.xml", "indie_light", timestamp_label="-"),
    "soho": LayoutsTheme("Soho", "soho.xml", "soho_light", header_before_title=True, share_top=False),
    "emporio": LayoutsTheme("Emporio", "emporio.xml", "emporio_vintage", author_first=False),
    "notable": LayoutsTheme("Notable", "notable.xml", "notable_light", timestamp_label="-"),
    "essential": LayoutsTheme("Essential", "essential.xml", "essential_light", author_first=False,
                              share_top=False),
}


def renderer(theme: str) -> Renderer:
    if theme in CLASSIC:
        return lambda page: page_designer(page, CLASSIC[theme])
    if theme in LAYOUTS:
        return lambda page: page_layouts(page, LAYOUTS[theme])
    return {"minima": page_minima, "mobile": page_mobile, "dynamic-views": page_dynamic}[theme]


# The blog configuration each theme family is seen with, then the per-case departures from it.
THEME_VARIANTS: dict[str, Variant] = {
    "simple": Variant(body_style="div", image="plain"),
    "minima": Variant(body_style="br", itemprop=False, threaded=False, html_lang=False),
    "awesome-inc": Variant(body_style="br", image="caption", byline_in_header=True),
    "picture-window": Variant(body_style="div", image="plain"),
    "watermark": Variant(body_style="p", threaded=False),
    "ethereal": Variant(body_style="div-br", jump_break=True),
    "travel": Variant(body_style="br", image="caption", html_lang=False),
    "contempo": Variant(body_style="p", image="plain", date_style="mdy"),
    "soho": Variant(body_style="div", date_style="long", sidebar_first=True),
    "emporio": Variant(body_style="p", image="caption", date_style="dmy"),
    "notable": Variant(body_style="div-br", date_style="mdy", jump_break=True),
    "essential": Variant(body_style="br", date_style="long"),
    "dynamic-views": Variant(body_style="div", image="plain"),
    "mobile": Variant(body_style="div", image="plain"),
}
CASE_VARIANTS: dict[tuple[str, str], dict[str, object]] = {
    ("simple", "en"): {"body_style": "br", "jump_break": True, "image": ""},
    ("simple", "de"): {"body_style": "p"},
    ("minima", "en"): {"jump_break": True},
    ("awesome-inc", "ms"): {"jump_break": True, "image": ""},
    ("picture-window", "de"): {"show_timestamp": False},
    ("picture-window", "en"): {"byline_in_header": True},
    ("watermark", "id"): {"image": "caption"},
    ("ethereal", "en"): {"html_lang": False},
    ("travel", "id"): {"body_style": "div", "show_timestamp": False},
    ("contempo", "en"): {"body_style": "div"},
    ("soho", "en"): {"sidebar_first": False},
    ("essential", "id"): {"image": "plain"},
    ("mobile", "en"): {"body_style": "br", "image": ""},
}
THEMES: tuple[str, ...] = ("simple", "minima", "awesome-inc", "picture-window", "watermark", "ethereal", "travel",
                           "contempo", "soho", "emporio", "notable", "essential", "dynamic-views", "mobile")
THIRD_LANGUAGE: tuple[str, ...] = ("de", "no", "ms")


@dataclass(frozen=True)
class ThemeCase:
    """One golden case: a theme family rendered in one language, and what a careful reader takes from it.

    ``furniture`` lists strings the page shows around the post (comments, widgets, byline labels, captions) that
    the extracted body must not hold.
    """

    theme: str
    lang: str
    url: str
    html: str
    expect: dict[str, object]
    furniture: tuple[str, ...] = field(default=())

    @property
    def id(self) -> str:
        return f"{self.theme}-{self.lang}"


def expectation(page: Page) -> dict[str, object]:
    """What the page tells a careful human reader."""
    s, v, theme = page.story, page.variant, page.theme
    dated_only = theme == "dynamic-views" or not v.show_timestamp
    bylined = theme != "dynamic-views"
    labelled = theme not in ("dynamic-views", "mobile")
    return {
        "headline": s.headline,
        "published": s.published.date().isoformat() if dated_only else page.iso,
        "authors": [s.author] if bylined else [],
        "body_first": s.paragraphs[0],
        "body_last": s.paragraphs[-1],
        "tags": list(s.tags) if labelled else [],
        "language": s.lang,
    }


def furniture(page: Page) -> tuple[str, ...]:
    """The words around the post on this page (each really on the page: the test suite checks it)."""
    w, theme = page.w, page.theme
    if theme == "dynamic-views":
        return (page.story.blog.description,)
    out = [w["post_comment"], w["powered"], *(c.text for c in comments(page)), AUTHOR_REPLY[page.lang]]
    if theme in LAYOUTS:
        out += [w["popular_v2"], w["report_abuse"], *(snippet for _, _, snippet, _ in popular(page))]
    elif theme != "mobile":
        out += [w["popular"], w["archive"], w["posted_by"], *(snippet for _, _, snippet, _ in popular(page))]
    if theme in LAYOUTS:
        out.append(w["posted_by"])
    if page.variant.image == "caption":
        out.append(CAPTIONS[page.lang])
    return tuple(out)


def plan() -> Iterable[tuple[str, str, int]]:
    """(theme, language, story index): id and en for every theme, the third language rotating de/no/ms."""
    for i, theme in enumerate(THEMES):
        for lang in ("id", "en", THIRD_LANGUAGE[i % len(THIRD_LANGUAGE)]):
            yield theme, lang, i


def build(theme: str, lang: str, index: int) -> ThemeCase:
    stories = STORIES[lang]
    variant = replace(THEME_VARIANTS[theme], **CASE_VARIANTS.get((theme, lang), {}))
    page = Page(theme, stories[index % len(stories)], variant, mobile=theme == "mobile")
    return ThemeCase(theme, lang, page.url, renderer(theme)(page), expectation(page), furniture(page))


CASES: list[ThemeCase] = [build(theme, lang, index) for theme, lang, index in plan()]
