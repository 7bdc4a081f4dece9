"""Language: Bahasa Indonesia by default, English on request, dates written per language."""

import gettext
import re
from pathlib import Path

from django.conf import settings
from django.test import Client

LOCALE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"


def switch_to_english(client, url="/"):
    """Follow the language switch's link, as a visitor does: the page, and the ones after, in English."""
    return client.get(url, {"lang": "en"})


def test_pages_are_in_indonesian_by_default(client, archive):
    html = client.get("/").content.decode()
    assert '<html lang="id">' in html
    assert "Artikel terbaru" in html
    assert "19 Maret 2024" in client.get("/tanggal/2024/3/19/").content.decode()


def test_the_language_switch_is_a_link_to_the_same_page_in_each_language(client, archive):
    html = client.get("/wilayah/kota-metro/?page=1").content.decode()
    switch = html[
        html.index('<nav class="language"') : html.index("</nav>", html.index('<nav class="language"'))
    ]
    assert 'href="/wilayah/kota-metro/?page=1&amp;lang=en" hreflang="en"' in switch
    assert 'href="/wilayah/kota-metro/?page=1&amp;lang=id" hreflang="id"' in switch
    assert "csrfmiddlewaretoken" not in html  # the same page for every visitor: it can be cached


def test_switching_to_english_translates_the_interface_and_returns_to_the_page(client, archive):
    response = switch_to_english(client, "/wilayah/kota-metro/")
    assert '<html lang="en">' in response.content.decode()
    html = client.get("/").content.decode()  # and it stays English afterwards
    assert '<html lang="en">' in html
    assert "Latest articles" in html and "Artikel terbaru" not in html
    assert "Skip to content" in html


def test_dates_are_written_in_the_chosen_language(client, archive):
    switch_to_english(client)
    html = client.get("/tanggal/2024/3/19/").content.decode()
    assert "19 March 2024" in html
    assert "Tuesday, 19 March 2024" in html


def test_counts_are_pluralised_in_english(client, archive):
    switch_to_english(client)
    html = client.get("/tanggal/2024/3/").content.decode()
    assert "2 articles" in html
    assert "1 article<" in html


def test_model_choices_and_404_page_are_translated(client, archive):
    switch_to_english(client)
    assert "Election body" in client.get("/lembaga/bawaslu-kota-metro/").content.decode()
    assert "Page not found" in client.get("/wilayah/atlantis/").content.decode()


def test_switching_back_to_indonesian(client, archive):
    switch_to_english(client)
    client.get("/", {"lang": "id"})
    assert "Artikel terbaru" in client.get("/").content.decode()


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


def test_indonesian_is_served_even_to_an_english_browser_until_the_visitor_switches(client, db):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert page["Content-Language"] == "id"
    assert '<html lang="id">' in page.content.decode()
    switch_to_english(client)
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert page["Content-Language"] == "en"


def test_a_link_carries_its_language_and_the_choice_sticks(archive):
    visitor = Client()
    html = visitor.get("/wilayah/kota-metro/?lang=en").content.decode()
    assert '<html lang="en">' in html
    # The pages that follow stay in English without the parameter, as the switch would leave them.
    assert '<html lang="en">' in visitor.get("/").content.decode()
    assert '<html lang="id">' in visitor.get("/?lang=id").content.decode()
    assert '<html lang="id">' in Client().get("/?lang=klingon").content.decode()


def test_every_page_names_its_version_in_each_language(client, archive):
    html = client.get("/wilayah/kota-metro/?page=1").content.decode()
    assert 'hreflang="en" href="http://testserver/wilayah/kota-metro/?page=1&amp;lang=en"' in html
    assert 'hreflang="id" href="http://testserver/wilayah/kota-metro/?page=1&amp;lang=id"' in html


def test_switching_from_a_shared_english_link_goes_back_to_indonesian(client, archive):
    html = client.get("/wilayah/kota-metro/?lang=en").content.decode()
    assert 'href="/wilayah/kota-metro/?lang=id" hreflang="id"' in html
    assert '<html lang="id">' in client.get("/wilayah/kota-metro/?lang=id").content.decode()


def test_the_api_answers_in_the_language_of_accept_language(client, archive):
    response = client.get("/api/search", {"sort": "x"}, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert response["Content-Language"] == "en" and "Accept-Language" in response["Vary"]
    # The site itself keeps to Indonesian whatever the browser says.
    assert '<html lang="id">' in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_language_prefix_opens_the_page_in_that_language(client, archive):
    response = client.get("/en/wilayah/kota-metro/?page=1")
    assert response.status_code == 302
    assert response["Location"] == "/wilayah/kota-metro/?page=1&lang=en"
    assert '<html lang="en">' in client.get(response["Location"]).content.decode()
    for sneaky in ("/en//evil.example/", "/en/\\evil.example/", "/en/%5C%5Cevil.example/"):
        location = client.get(sneaky)["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert client.get("/en/a%0Ab/").status_code == 404
    assert client.get("/en/tokoh/a b/")["Location"] == "/tokoh/a%20b/?lang=en"
