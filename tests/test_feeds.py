"""Discovery: Atom feeds (latest, per region, per person), sitemap.xml and robots.txt."""

from xml.etree import ElementTree

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.browse_data import build_archive

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    return feed, feed.findall(f"{ATOM}entry")


def test_latest_feed_lists_articles_newest_first(client, archive):
    feed, items = entries(client.get("/feed/"))
    assert len(items) == 6
    links = [item.find(f"{ATOM}link").get("href") for item in items]
    assert links[0] == f"http://testserver{archive['articles'][-1].get_absolute_url()}"
    assert items[0].find(f"{ATOM}author/{ATOM}name").text in {"Kupas Tuntas", "Lampung Post"}


def test_feed_summaries_are_escaped_html(client, archive):
    _, items = entries(client.get("/feed/"))
    summary = items[-1].find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    # After XML parsing the HTML still shows the tag as text, so readers cannot run it.
    assert "&lt;b&gt;tebal&lt;/b&gt;" in summary.text
    assert items[-1].find(f"{ATOM}title").text.startswith("Berita 0-0: Wali Kota <script>")


def test_region_feed_has_only_that_regions_articles(client, archive):
    feed, items = entries(client.get("/wilayah/kota-metro/feed/"))
    assert len(items) == 2
    assert "Kota Metro" in feed.find(f"{ATOM}title").text
    _, province_items = entries(client.get("/wilayah/lampung/feed/"))
    assert len(province_items) == 6


def test_person_feed_and_a_merged_persons_feed_serve_the_survivors_articles(client, archive):
    _, items = entries(client.get("/tokoh/tokoh-0-0/feed/"))
    assert len(items) == 6
    _, merged_items = entries(client.get("/tokoh/tokoh-lama-0/feed/"))
    assert len(merged_items) == 6


def test_feeds_for_unknown_regions_or_people_are_404(client, db):
    assert client.get("/wilayah/atlantis/feed/").status_code == 404
    assert client.get("/tokoh/tidak-ada/feed/").status_code == 404


def test_feed_query_count_does_not_grow(client, archive):
    with CaptureQueriesContext(connection) as small:
        client.get("/wilayah/lampung/feed/")
    build_archive(batch=1, articles=20)
    with CaptureQueriesContext(connection) as large:
        client.get("/wilayah/lampung/feed/")
    assert len(large) == len(small)


def test_sitemap_lists_the_public_pages(client, archive):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for path in [
        "/wilayah/",
        "/wilayah/kota-metro/",
        "/pilkada/",
        "/pilkada/kota-metro/",
        archive["articles"][0].get_absolute_url(),
        "/tokoh/tokoh-0-0/",
        "/peristiwa/debat-kandidat-0/",
        "/media/kupas-tuntas/",
        "/lembaga/bawaslu-kota-metro/",
        "/tanggal/2024/3/19/",
    ]:
        assert f"<loc>http://testserver{path}</loc>" in xml, path
        assert f"<loc>http://testserver/en{path}</loc>" in xml, path  # and in English
    assert 'hreflang="en" href="http://testserver/en/wilayah/kota-metro/"' in xml
    assert "/tokoh/tokoh-lama-0/" not in xml  # redirects are not listed


def test_an_english_feed_links_to_english_pages(client, archive):
    xml = client.get("/en/wilayah/kota-metro/feed/").content.decode()
    links = ElementTree.fromstring(xml).findall(f"{ATOM}entry/{ATOM}link")
    assert links and all("/en/artikel/" in link.get("href") for link in links)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Disallow: /cari/" in text and "Disallow: /en/cari/" in text  # endless combinations
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_pages_announce_their_feeds(client, archive):
    html = client.get("/wilayah/kota-metro/").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Kota Metro" href="/wilayah/kota-metro/feed/">'
        in html
    )
