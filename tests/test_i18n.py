"""Language: Bahasa Indonesia by default, English on request, dates written per language."""

import gettext
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.test import Client

LOCALE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
# One address for every language: static files, the API and its exports, the admin, the language
# switch itself, and the sitemap (which lists both languages).
NEUTRAL = ("/static/", "/api/", "/admin/", "/sitemap.xml")


def switch_to(client, language, url):
    """The language switch, as a visitor clicks it on `url`: where its link leads."""
    html = client.get(url).content.decode()
    switch = html[html.index('<nav class="language"') :]
    return unescape(re.search(rf'<a href="([^"]*)" hreflang="{language}"', switch)[1])


def switch_to_english(client, next_url="/"):
    return switch_to(client, "en", next_url)


def test_pages_are_in_indonesian_by_default(client, archive):
    html = client.get("/").content.decode()
    assert '<html lang="id">' in html
    assert "Artikel terbaru" in html
    assert "19 Maret 2024" in client.get("/tanggal/2024/3/19/").content.decode()


def test_the_language_switch_is_a_pair_of_links_and_the_page_carries_no_token(client, archive):
    html = client.get("/wilayah/kota-metro/?page=1").content.decode()
    assert switch_to(client, "en", "/wilayah/kota-metro/?page=1") == "/en/wilayah/kota-metro/?page=1"
    assert switch_to(client, "id", "/wilayah/kota-metro/?page=1") == "/wilayah/kota-metro/?page=1"
    assert "csrfmiddlewaretoken" not in html  # the same page for every visitor: it can be cached


def test_switching_to_english_translates_the_interface_and_returns_to_the_page(client, archive):
    assert switch_to_english(client, "/wilayah/kota-metro/?page=1") == "/en/wilayah/kota-metro/?page=1"
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert "Latest articles" in html and "Artikel terbaru" not in html
    assert "Skip to content" in html


def test_dates_are_written_in_the_chosen_language(client, archive):
    html = client.get(switch_to_english(client, "/tanggal/2024/3/19/")).content.decode()
    assert "19 March 2024" in html
    assert "Tuesday, 19 March 2024" in html


def test_counts_are_pluralised_in_english(client, archive):
    html = client.get("/en/tanggal/2024/3/").content.decode()
    assert "2 articles" in html
    assert "1 article<" in html


def test_model_choices_and_404_page_are_translated(client, archive):
    assert "Election body" in client.get("/en/lembaga/bawaslu-kota-metro/").content.decode()
    assert "Page not found" in client.get("/en/wilayah/atlantis/").content.decode()
    assert "Page not found" in client.get("/en/no-such-page/").content.decode()


def test_switching_back_to_indonesian(client, archive):
    english = switch_to_english(client, "/tokoh/tokoh-0-0/")
    back = switch_to(client, "id", english)
    assert back == "/tokoh/tokoh-0-0/"
    assert '<html lang="id">' in client.get(back).content.decode()


def po_entries(path):
    """{(context, msgid): msgstr} of the singular entries of a .po file (multi-line strings joined);
    context is None for an entry without msgctxt."""
    entries = {}
    for block in path.read_text(encoding="utf-8").split("\n\n")[1:]:
        if "msgid_plural" in block:
            continue
        found = re.search(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', block + "\n", re.M)
        if found:
            msgid, msgstr = ("".join(re.findall(r'"(.*)"', part)) for part in found.groups())
            context = re.search(r'^msgctxt "(.*)"$', block, re.M)
            key = (context.group(1) if context else None, msgid.replace('\\"', '"'))
            entries[key] = msgstr.replace('\\"', '"')
    return entries


def test_the_english_catalogue_is_complete_and_compiled_from_the_po_file():
    entries = po_entries(LOCALE / "django.po")
    assert len(entries) > 100
    assert [key for key, msgstr in entries.items() if not msgstr] == []
    with open(LOCALE / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)

    def translated(context, msgid):
        return compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)

    stale = [key for key, msgstr in entries.items() if translated(*key) != msgstr]
    assert stale == [], "run manage.py compilemessages"


def test_indonesian_is_served_even_to_an_english_browser_and_to_an_english_cookie(client, db):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert page["Content-Language"] == "id"
    assert '<html lang="id">' in page.content.decode()
    switch_to_english(client)
    # An address without a prefix is Indonesian for everyone: a shared Indonesian link stays so.
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert page["Content-Language"] == "id"
    assert client.get("/en/")["Content-Language"] == "en"


def test_a_link_with_lang_leads_to_the_address_in_that_language(archive):
    visitor = Client()
    response = visitor.get("/wilayah/kota-metro/?page=1&lang=en")
    assert response.status_code == 302 and response["Location"] == "/en/wilayah/kota-metro/?page=1"
    assert '<html lang="en">' in visitor.get(response["Location"]).content.decode()
    assert visitor.get("/en/tokoh/tokoh-0-0/?lang=id")["Location"] == "/tokoh/tokoh-0-0/"
    assert visitor.get("/?lang=en")["Location"] == "/en/"
    assert '<html lang="id">' in Client().get("/?lang=klingon").content.decode()


def test_every_page_names_its_version_in_each_language(client, archive):
    html = client.get("/wilayah/kota-metro/?page=1").content.decode()
    assert 'hreflang="en" href="http://testserver/en/wilayah/kota-metro/?page=1"' in html
    assert 'hreflang="id" href="http://testserver/wilayah/kota-metro/?page=1"' in html
    english = client.get("/en/wilayah/kota-metro/?page=1").content.decode()
    assert 'rel="canonical" href="http://testserver/en/wilayah/kota-metro/"' in english
    assert 'hreflang="id" href="http://testserver/wilayah/kota-metro/?page=1"' in english


def test_the_language_switch_returns_to_the_same_page_with_its_parameters(client, archive):
    back = switch_to(client, "id", "/en/cari/?q=debat&page=1")
    assert back == "/cari/?q=debat&page=1"
    assert switch_to(client, "en", back) == "/en/cari/?q=debat&page=1"


def test_the_api_answers_in_the_language_of_accept_language(client, archive):
    response = client.get("/api/search", {"sort": "x"}, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert response["Content-Language"] == "en" and "Accept-Language" in response["Vary"]
    assert client.get("/api/search", {"sort": "x", "lang": "en"})["Content-Language"] == "en"
    assert Client().get("/api/search", {"sort": "x"})["Content-Language"] == "id"
    # The site itself keeps to Indonesian whatever the browser says.
    assert '<html lang="id">' in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_language_prefix_opens_the_page_in_that_language_and_never_leaves_the_site(client, archive):
    assert '<html lang="en">' in client.get("/en/wilayah/kota-metro/?page=1").content.decode()
    for sneaky in ("/en//evil.example/", "/en/\\evil.example/", "/en/%5C%5Cevil.example/"):
        assert client.get(sneaky).status_code == 404
    for sneaky in ("//evil.example/?lang=en", "/\\evil.example/?lang=en"):
        location = client.get(sneaky)["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert client.get("/en/tokoh/a b/").status_code == 404


class Links(HTMLParser):
    """Where a page leads: links, feeds and form actions (not its hreflang versions)."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "link") and attrs.get("href") and not attrs.get("hreflang"):
            self.found.append(attrs["href"])
        elif tag == "form":
            self.found.append(attrs.get("action") or "")


def internal_links(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = Links()
    parser.feed(response.content.decode())
    for href in parser.found:
        parts = urlsplit(urljoin("http://testserver" + url, href))
        if parts.netloc == "testserver" and not parts.path.startswith(NEUTRAL):
            yield parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.fixture
def pages(archive, search_index):
    search_index.update()
    article = archive["articles"][0]
    return [
        "/",
        "/cari/?q=kampanye",
        "/cari/?q=kampanye&region=kota-metro",
        "/wilayah/kota-metro/",
        "/tokoh/tokoh-0-0/",
        "/lembaga/bawaslu-kota-metro/",
        article.get_absolute_url(),
    ]


def test_every_link_of_an_english_page_stays_in_english(client, pages):
    reached = set()
    for page in pages:
        links = list(internal_links(client, "/en" + page))
        assert len(links) > 10, page  # navigation, facets, entities, feeds: the page was crawled
        assert [link for link in links if not link.startswith("/en/")] == [], page
        reached |= {urlsplit(link).path for link in links}
    for path in reached:  # and each opens in English
        assert client.get(path)["Content-Language"] == "en", path


def test_no_link_of_an_indonesian_page_leads_to_english(client, pages):
    for page in pages:
        links = list(internal_links(client, page))
        assert len(links) > 10, page
        assert [link for link in links if link.startswith("/en/")] == [], page


def test_the_api_links_to_the_pages_in_the_language_it_answers_in(client, pages):
    english = client.get("/api/search", {"q": "kampanye"}, HTTP_ACCEPT_LANGUAGE="en").json()["results"]
    assert english and all(r["url"].startswith("http://testserver/en/artikel/") for r in english)
    indonesian = Client().get("/api/search", {"q": "kampanye"}).json()["results"]
    assert indonesian and all(r["url"].startswith("http://testserver/artikel/") for r in indonesian)
