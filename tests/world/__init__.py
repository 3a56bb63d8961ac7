"""A local test world: news sites served on 127.0.0.1 from threads, with a request log per site and
the traps a real crawl meets (slow pages, redirect loops, 304s, oversize and non-HTML responses, bad
charsets, broken and hostile XML). Nothing here touches the internet.

``with WorldSite() as site:`` starts an empty site; ``news_site(site, n)`` fills it with a Blogger-like
blog (sitemap index, news sitemap, Atom feed, labels, pagination, links between posts); ``portal_site``
adds a portal with an RSS feed, an article URL pattern and every trap.
"""
from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HTML = "text/html; charset=utf-8"


@dataclass
class Route:
    body: bytes = b""
    ctype: str = HTML
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    etag: bool = True  # send an ETag of the body and answer a matching If-None-Match with 304


class WorldSite:
    """One site: ``routes`` by path (with query when the route has one), ``hits`` per path+query."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.dynamic: list[tuple[str, Callable[[str], Route]]] = []  # (path prefix, route maker)
        self.hits: Counter[str] = Counter()
        self.conditional: Counter[str] = Counter()  # requests that carried If-None-Match / If-Modified-Since
        self.user_agents: set[str] = set()
        self.log: list[tuple[float, str, str]] = []  # (time.monotonic(), path+query, User-Agent) of each request
        self.delay = 0.0  # added to every HTML response
        self.lock = threading.Lock()
        self.server = _Server(("127.0.0.1", 0), _handler(self))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def add(self, path: str, body: str | bytes, ctype: str = HTML, **kw: object) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, ctype, **kw)  # type: ignore[arg-type]

    def route(self, target: str) -> Route | None:
        if target in self.routes:
            return self.routes[target]
        path = urlsplit(target).path
        if path in self.routes:
            return self.routes[path]
        for prefix, maker in self.dynamic:
            if path.startswith(prefix):
                return maker(target)
        return None

    def article_hits(self, prefix: str = "/20") -> int:
        return sum(n for p, n in self.hits.items() if p.startswith(prefix))

    def __enter__(self) -> "WorldSite":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 drops connections when a crawl opens many at once


def _handler(site: WorldSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            with site.lock:
                site.hits[self.path] += 1
                site.user_agents.add(self.headers.get("User-Agent", ""))
                site.log.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
                if self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"):
                    site.conditional[self.path] += 1
            route = site.route(self.path)
            if route is None:
                route = Route(b"<html><body><h1>Not found</h1></body></html>", status=404, etag=False)
            delay = route.delay + (site.delay if route.ctype == HTML and route.status == 200 else 0)
            if delay:
                time.sleep(delay)
            etag = f'"{hashlib.sha1(route.body).hexdigest()[:16]}"' if route.etag and route.status == 200 else None
            try:
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.ctype)
                self.send_header("Content-Length", str(len(route.body)))
                if etag:
                    self.send_header("ETag", etag)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):  # the crawler gave up (timeout, size cap)
                pass

        def log_message(self, fmt: str, *args: object) -> None:
            pass

    return Handler


# -- a Blogger-like blog ----------------------------------------------------------------------------------
PARAGRAPHS = (
    "Pemerintah kota mengumumkan jadwal baru angkutan umum yang berlaku mulai pekan depan, seperti dilansir "
    "Reuters. Perubahan jadwal ini mencakup rute bus malam dan kereta ringan di kawasan pinggiran kota.",
    "Warga diminta memeriksa papan informasi di setiap halte sebelum berangkat, kata juru bicara dinas "
    "perhubungan dalam keterangan tertulis yang diterima redaksi pada Selasa pagi.",
)
START = datetime(2024, 5, 1, 8, 0, tzinfo=timezone(timedelta(hours=7)))


def article_page(headline: str, published: datetime, paras: list[str], links: list[tuple[str, str]],
                 charset: str = "utf-8", canonical: str | None = None) -> str:
    related = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    canon = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f'<!doctype html><html lang="id"><head><meta charset="{charset}"><title>{headline} - Kabar Uji</title>'
            f'<meta property="og:title" content="{headline}">{canon}'
            f'<meta property="article:published_time" content="{published.isoformat()}">'
            f'<meta name="author" content="Rina Kartika"></head><body>'
            f'<header><nav><a href="/">Beranda</a> <a href="/search/label/Kota">Kota</a> '
            f'<a href="/p/tentang.html">Tentang</a></nav></header>'
            f'<article><h1>{headline}</h1>{body}</article>'
            f'<aside><ul>{related}</ul></aside><footer>Hak cipta Kabar Uji</footer></body></html>')


@dataclass
class Post:
    path: str
    headline: str
    published: datetime
    paras: list[str]
    links: list[tuple[str, str]]
    updated: datetime
    listed: bool = True  # in the sitemaps and feed; unlisted posts are found only by links between posts


def news_site(site: WorldSite, n: int = 12, orphans: int = 2) -> list[Post]:
    """Fill ``site`` with ``n`` listed posts and ``orphans`` posts only other posts link to."""
    posts: list[Post] = []
    for i in range(n + orphans):
        when = START + timedelta(hours=i)
        path = f"/{when:%Y/%m}/berita-uji-nomor-{i}.html"
        posts.append(Post(path, f"Berita uji nomor {i} tentang jadwal angkutan", when,
                          [f"Kabar Uji nomor {i} - {PARAGRAPHS[0]}", PARAGRAPHS[1]], [], when, listed=i < n))
    for i, post in enumerate(posts[:n]):
        # Tracking and mobile variants of real links: canonicalisation must fetch each post once.
        if i > 0:
            post.links.append((posts[i - 1].path + "?utm_source=related&m=1#comments", "sebelumnya"))
        if i < orphans:
            post.links.append((posts[n + i].path, "baca juga"))
        post.links.append(("/files/laporan.pdf", "laporan (PDF)"))
        post.links.append(("/unduh?id=3", "unduh laporan"))
    publish(site, posts)
    site.add("/files/laporan.pdf", b"%PDF-1.4 not really", "application/pdf")
    site.add("/unduh", b"%PDF-1.4 served without a telling extension", "application/pdf")
    site.add("/p/tentang.html", article_page("Tentang Kabar Uji", START, [PARAGRAPHS[1]], []))
    site.add("/robots.txt", f"User-agent: *\nDisallow: /private/\n\nSitemap: {site.base}/sitemap.xml\n"
                            f"Sitemap: {site.base}/news-sitemap.xml\n", "text/plain")
    site.add("/private/rahasia.html", article_page("Rahasia", START, list(PARAGRAPHS), []))
    return posts


def publish(site: WorldSite, posts: list[Post], per_page: int = 5) -> None:
    """(Re)build every page of the blog from ``posts``: pages, home and pagination, label, sitemaps, feed."""
    base = site.base
    for post in posts:
        site.add(post.path, article_page(post.headline, post.published, post.paras, post.links))
    listed = [p for p in posts if p.listed][::-1]
    pages = [listed[i:i + per_page] for i in range(0, len(listed), per_page)]
    for number, chunk in enumerate(pages, 1):
        items = "".join(f'<li><a href="{p.path}?m=1">{p.headline}</a></li>' for p in chunk)
        older = f'<a href="/search?updated-max=page{number + 1}">Posting Lama</a>' if number < len(pages) else ""
        html = f"<!doctype html><html><head><title>Kabar Uji</title></head><body><ul>{items}</ul>{older}" \
               f'<a href="/private/rahasia.html">x</a></body></html>'
        site.add("/" if number == 1 else f"/search?updated-max=page{number}", html)
    site.add("/search/label/Kota", "<html><body>" + "".join(
        f'<a href="{p.path}">{p.headline}</a>' for p in listed[:3]) + "</body></html>")
    half = len(listed) // 2 or 1
    for k, chunk in enumerate((listed[:half], listed[half:]), 1):
        urls = "".join(f"<url><loc>{base}{p.path}</loc><lastmod>{p.updated.isoformat()}</lastmod></url>"
                       for p in chunk)
        site.add(f"/sitemap-posts-{k}.xml", '<?xml version="1.0" encoding="UTF-8"?><urlset '
                 f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>', "application/xml")
    site.add("/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns='
             '"http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"<sitemap><loc>{base}/sitemap-posts-1.xml</loc></sitemap>"
             f"<sitemap><loc>{base}/sitemap-posts-2.xml</loc></sitemap></sitemapindex>", "application/xml")
    news = "".join(
        f"<url><loc>{base}{p.path}</loc><news:news><news:publication><news:name>Kabar Uji</news:name>"
        f"<news:language>id</news:language></news:publication><news:publication_date>{p.published.isoformat()}"
        f"</news:publication_date><news:title>{p.headline}</news:title></news:news></url>" for p in listed[:3])
    site.add("/news-sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
             'schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
             f"{news}</urlset>", "application/xml")
    entries = "".join(
        f"<entry><id>tag:uji,{p.path}</id><published>{p.published.isoformat()}</published>"
        f"<updated>{p.updated.isoformat()}</updated><title>{p.headline}</title>"
        f"<link rel='alternate' type='text/html' href='{base}{p.path}'/></entry>" for p in listed[:5])
    site.add("/feeds/posts/default", "<?xml version='1.0' encoding='UTF-8'?><feed xmlns="
             f"'http://www.w3.org/2005/Atom'><title>Kabar Uji</title>{entries}</feed>", "application/atom+xml")


def correct(site: WorldSite, posts: list[Post], index: int, text: str) -> None:
    """The site corrects a post: new text, a later ``updated`` in the sitemap and feed."""
    post = posts[index]
    post.paras = [post.paras[0], text]
    post.updated = post.updated + timedelta(days=3650)  # later than any fetch of the test run
    publish(site, posts)


# -- a portal with every trap -----------------------------------------------------------------------------
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>BASE/berita/1/&lol9;</loc></url></urlset>"""


def xxe(base: str) -> bytes:
    return (f'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY ext SYSTEM "{base}/xxe-probe">'
            '<!ENTITY pw SYSTEM "file:///etc/passwd">]><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}/berita/9/&ext;&pw;</loc></url></urlset>").encode()


def portal_site(site: WorldSite) -> dict[str, str]:
    """Good articles plus traps; returns {path: what it is} of the article paths that must be stored."""
    base = site.base
    good = {
        "/berita/1/gubernur-resmikan-jembatan-baru": "plain",
        "/berita/2/harga-beras-turun-di-pasar-induk": "no charset anywhere, cp1252 bytes",
        "/berita/3/banjir-rob-genangi-pesisir-utara": "declares utf-8 in HTTP, sends cp1252",
        "/berita/4/festival-budaya-digelar-akhir-pekan": "linked under a tracking URL",
    }
    when = START
    for i, path in enumerate(good, 1):
        headline = f"Berita portal {i} café dan warga"
        html = article_page(headline, when, [f"Portal Uji - {PARAGRAPHS[0]} Café warga ramai.", PARAGRAPHS[1]], [])
        if i == 2:
            site.add(path, html.replace('<meta charset="utf-8">', "").encode("cp1252"), "text/html")
        elif i == 3:
            site.add(path, html.replace('<meta charset="utf-8">', "").encode("cp1252"), HTML)
        else:
            site.add(path, html)
    traps = {
        "/berita/5/halaman-lambat-sekali": Route(article_page("Lambat", when, list(PARAGRAPHS), []).encode(), delay=4),
        "/berita/6/server-error": Route(b"<html>oops</html>", status=500, etag=False),
        "/berita/7/hilang": Route(b"<html>gone</html>", status=404, etag=False),
        "/berita/8/laporan-tahunan.html": Route(b"%PDF-1.4 binary", "application/pdf"),
        "/berita/10/halaman-raksasa": Route(b"<html><body>" + b"x" * 400_000 + b"</body></html>"),
        "/loop-a": Route(status=302, headers={"Location": "/loop-b"}, etag=False),
        "/loop-b": Route(status=302, headers={"Location": "/loop-a"}, etag=False),
    }
    site.routes.update(traps)
    # A redirect spiral: each hop a new URL, until the crawler's redirect limit.
    site.dynamic.append(("/spiral/", lambda target: Route(
        status=302, etag=False, headers={"Location": f"/spiral/{int(target.rsplit('/', 1)[-1] or 0) + 1}"})))
    links = ["/berita/1/gubernur-resmikan-jembatan-baru",
             "/berita/4/festival-budaya-digelar-akhir-pekan?utm_source=home&fbclid=xyz",
             "/berita/5/halaman-lambat-sekali", "/berita/6/server-error", "/berita/7/hilang",
             "/berita/8/laporan-tahunan.html", "/berita/10/halaman-raksasa", "/loop-a", "/spiral/0", "/politik"]
    site.add("/", "<html><body>" + "".join(f'<a href="{u}">{u}</a>' for u in links) + "</body></html>")
    site.add("/p/tentang.html", "<html><body>Tentang portal</body></html>")
    site.add("/search/label/Kota", "<html><body>Kota</body></html>")
    site.add("/politik", '<html><body><a href="/berita/3/banjir-rob-genangi-pesisir-utara">x</a></body></html>')
    items = "".join(f"<item><title>t</title><link>{base}{p}</link><pubDate>{format_datetime(when)}</pubDate></item>"
                    for p in ("/berita/2/harga-beras-turun-di-pasar-induk",))
    site.add("/rss/terkini.xml", f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>',
             "application/rss+xml")
    site.add("/rss/rusak.xml", "<rss><channel><item><link>not closed", "application/rss+xml")
    site.add("/sitemap-rusak.xml", "<urlset><url><loc>", "application/xml")
    site.add("/sitemap-bom.xml", BOMB.replace(b"BASE", base.encode()), "application/xml")
    site.add("/sitemap-xxe.xml", xxe(base), "application/xml")
    site.add("/xxe-probe", "/berita/99/never-fetched", "text/plain")
    site.add("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    return good


def portal_toml(name: str, site: WorldSite) -> str:
    base = site.base
    return f"""
[site.{name}]
start_urls = ["{base}/"]
feeds = ["{base}/rss/terkini.xml", "{base}/rss/rusak.xml"]
sitemaps = ["{base}/sitemap-rusak.xml", "{base}/sitemap-bom.xml", "{base}/sitemap-xxe.xml"]
article = '/berita/\\d+/'
deny = ['/iklan/']
probe = false
timezone = "Asia/Jakarta"
"""


def blog_toml(name: str, site: WorldSite) -> str:
    return f"""
[site.{name}]
start_urls = ["{site.base}/"]
feeds = ["{site.base}/feeds/posts/default"]
deny = ['/search\\?q=']
timezone = "Asia/Jakarta"
"""
