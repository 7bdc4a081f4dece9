"""No dead ends: crawl every internal link from the home page and expect every one to answer."""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import parse_qs, urldefrag, urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.models import Article, Event, Organization, PersonTag
from tests.browse_data import build_archive

pytestmark = pytest.mark.slow  # bin/test leaves it out; bin/test --all and CI run it

SEED = settings.BASE_DIR / "data" / "seed"
SKIP = ("/admin/", "/static/")
# A guard against a crawl that never ends (e.g. links that grow the query string).
MAX_PAGES = 20000


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if dict(attrs).get("hreflang"):
            return  # the same page in the other language: checked in tests/test_i18n.py
        if tag in ("a", "link") and href:
            self.links.append(href)


def internal_links(page_url, html):
    parser = LinkParser()
    parser.feed(html)
    for href in parser.links:
        url = urldefrag(urljoin(page_url, href)).url
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
            continue  # external (source URLs of articles)
        if parts.path.startswith(SKIP):
            continue
        yield parts.path + (f"?{parts.query}" if parts.query else "")


def _leaf(url):
    """Pages whose links only recombine what the crawl reaches anyway, so it checks that they answer
    and goes no further: a search with two or more parameters (its facet links add more
    combinations of the same filters: finite, but thousands)."""
    parts = urlsplit(url)
    return parts.path.endswith("/cari/") and len(parse_qs(parts.query)) >= 2


def crawl(client, start="/"):
    """Breadth-first from `start`; returns the URLs seen and {bad url: status}."""
    seen, queue, bad = {start}, deque([start]), {}
    while queue:
        url = queue.popleft()
        response = client.get(url)
        status = response.status_code
        if status in (301, 302):
            target = response["Location"]
            response = client.get(target)
            status = response.status_code
        if status != 200:
            bad[url] = status
            continue
        content_type = response.get("Content-Type", "")
        if not content_type.startswith("text/html"):
            continue
        if _leaf(url):
            continue  # answered; its links lead nowhere new
        for link in internal_links(url, response.content.decode()):
            if link not in seen:
                seen.add(link)
                queue.append(link)
        assert len(seen) < MAX_PAGES, "the crawl does not end"
    return seen, bad


@pytest.fixture
def site(db):
    """A handful of articles, people and events, plus the awkward cases: merges, orphans, undated."""
    data = build_archive(batch=0)
    build_archive(batch=1, articles=3)
    Event.objects.create(name="Pleno tanpa tanggal", slug="pleno-tanpa-tanggal")
    Organization.objects.create(name="KPU Provinsi Lampung", slug="kpu-lampung", region=data["province"])
    PersonTag.objects.create(article=data["articles"][2], person=data["merged"], status="suggested")
    return data


def test_every_internal_link_from_the_home_page_answers(client, site):
    seen, bad = crawl(client)
    assert bad == {}
    # The crawl really went everywhere: regions, dates, people, events, outlets, raw text, feeds.
    for expected in [
        "/wilayah/kota-metro/",
        "/tanggal/2024/3/19/",
        "/tokoh/tokoh-0-0/",
        "/peristiwa/pleno-tanpa-tanggal/",
        "/media/kupas-tuntas/",
        "/lembaga/kpu-lampung/",
        f"/artikel/{site['articles'][0].pk}/asli/",
        "/wilayah/kota-metro/feed/",
        "/sitemap.xml",
    ]:
        assert expected in seen, expected


def test_every_internal_link_answers_on_the_imported_sample_corpus_in_english(client, db):
    call_command("import_articles", str(SEED), verbosity=0)
    assert Article.objects.exists()
    seen, bad = crawl(client, start="/en/")
    assert bad == {}
    assert sum(url.startswith("/en/artikel/") for url in seen) >= 2 * Article.objects.count()
    # An English reader never lands on an Indonesian page (the sitemap and the API serve both).
    assert [url for url in seen if not url.startswith(("/en/", "/sitemap.xml", "/api/"))] == []


def test_the_favicon_is_linked_and_favicon_ico_leads_to_it(client, db):
    html = client.get("/robots.txt")  # any request; the icon link is in base.html
    assert html.status_code == 200
    page = client.get("/tanggal/").content.decode()
    assert 'rel="icon" href="/static/img/favicon.svg"' in page
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/img/favicon.svg"
