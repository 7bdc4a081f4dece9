"""Language: Bahasa Indonesia by default, English on request, dates written per language."""

from pathlib import Path

from django.conf import settings
from django.test import Client

LOCALE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"


def switch_to_english(client, next_url="/"):
    return client.post("/i18n/setlang/", {"language": "en", "next": next_url})


def test_pages_are_in_indonesian_by_default(client, archive):
    html = client.get("/").content.decode()
    assert '<html lang="id">' in html
    assert "Artikel terbaru" in html
    assert "19 Maret 2024" in client.get("/tanggal/2024/3/19/").content.decode()


def test_the_language_switch_is_a_csrf_protected_form_on_every_page(client, archive):
    html = client.get("/wilayah/kota-metro/").content.decode()
    form = html[html.index('<form class="language"') : html.index("</form>", html.index('<form class="language"'))]
    assert 'action="/i18n/setlang/" method="post"' in form
    assert 'name="csrfmiddlewaretoken"' in form
    assert 'name="next" value="/wilayah/kota-metro/"' in form
    assert 'value="en"' in form and 'value="id"' in form
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/i18n/setlang/", {"language": "en"}).status_code == 403


def test_switching_to_english_translates_the_interface_and_returns_to_the_page(client, archive):
    response = switch_to_english(client, "/wilayah/kota-metro/")
    assert response.status_code == 302
    assert response["Location"] == "/wilayah/kota-metro/"
    html = client.get("/").content.decode()
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
    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert "Artikel terbaru" in client.get("/").content.decode()


def test_the_english_catalogue_is_compiled_and_up_to_date():
    po, mo = LOCALE / "django.po", LOCALE / "django.mo"
    assert po.exists() and mo.exists()
    assert mo.stat().st_mtime >= po.stat().st_mtime - 1
    untranslated = [
        block for block in po.read_text(encoding="utf-8").split("\n\n")[1:] if 'msgstr ""' in block.splitlines()[-1]
    ]
    assert untranslated == []
