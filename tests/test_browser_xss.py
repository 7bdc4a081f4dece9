"""Script in article text, titles, names, aliases and queries shows as text and never runs: in chromium.

Debian's chromium driven by Playwright against pytest-django's live_server. Every payload both sets
`window.__xss` and opens a dialog; a page passes when no dialog fired, the marker is undefined, no
injected element exists, and the payload can be read on the page as the text it is. Two layers are
checked apart: the templates' escaping (the text and the missing elements) and the
Content-Security-Policy (reported violations, and a `javascript:` link that must not run).
"""

from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.utils.text import slugify

from articles.models import (
    Article,
    Event,
    EventTag,
    Organization,
    OrganizationTag,
    Outlet,
    Person,
    PersonAlias,
    PersonTag,
    Region,
    RegionTag,
)
from tests.starting_data import refill_regions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MARK = "window.__xss=1;alert(1)"
PAYLOADS = {
    "title": f"Pilkada <script>{MARK}</script> Metro",
    "body": f'Paragraf <img src=x onerror="{MARK}"> pertama tentang pemilihan.\n\nKedua "><svg onload="{MARK}">.',
    "person": f"Tokoh <img src=x onerror='{MARK}'>",
    "alias": f"</title><script>{MARK}</script>",
    "organization": 'Lembaga <iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    "event": f"Debat '-alert(1)-' <svg/onload={MARK}>",
    "outlet": f"Media <body onload={MARK}>",
    "evidence": f"bukti <script>{MARK}</script>",
    "query": f'"><script>{MARK}</script>',
}
INJECTED = (
    "script:not([src]), img[src='x'], svg[onload], iframe[srcdoc], body[onload] ~ body, [onerror], [onload]"
)


class Watched:
    """A page whose dialogs and CSP violations are recorded."""

    def __init__(self, context):
        self.page = context.new_page()
        self.page.set_default_timeout(10_000)
        self.dialogs, self.violations = [], []
        self.page.on("dialog", self._dialog)
        self.page.on("console", self._console)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.violations.append(message.text)

    def visit(self, url):
        response = self.page.goto(url)
        assert response.status < 500, url
        self.page.wait_for_load_state("load")
        return response

    def assert_nothing_ran(self, url):
        assert self.dialogs == [], url
        assert self.page.evaluate("typeof window.__xss") == "undefined", url
        injected = self.page.evaluate(f"document.querySelectorAll({INJECTED!r}).length")
        assert injected == 0, url

    def text(self):
        return self.page.inner_text("body")


@pytest.fixture
def watched(browser):
    context = browser.new_context(locale="id-ID")
    yield Watched(context)
    context.close()


@pytest.fixture
def hostile(search_index):
    """One article whose every shown field carries a payload, tagged with entities that do too."""
    # serialized_rollback restores nothing once Playwright's event loop runs in this thread (the
    # ORM's connection is then another object than the one holding the serialized data), so the
    # regions that the migration loaded are put back here after the previous test's flush.
    refill_regions()
    outlet = Outlet.objects.create(name=PAYLOADS["outlet"], slug="media-xss")
    article = Article.objects.create(
        title=PAYLOADS["title"],
        body=PAYLOADS["body"],
        raw=f"{PAYLOADS['title']}\n\n{PAYLOADS['body']}".encode(),
        content_hash="e" * 64,
        source_file="xss.txt",
        source="xss",
        source_path="xss.txt",
        source_url="javascript:window.__xss=1",
        outlet=outlet,
    )
    person = Person.objects.create(name=PAYLOADS["person"], slug="tokoh-xss")
    PersonAlias.objects.create(
        person=person, name=PAYLOADS["alias"], key=slugify(PAYLOADS["alias"]) or "alias"
    )
    organization = Organization.objects.create(name=PAYLOADS["organization"], slug="lembaga-xss")
    event = Event.objects.create(name=PAYLOADS["event"], slug="peristiwa-xss")
    PersonTag.objects.create(
        article=article, person=person, evidence=PAYLOADS["evidence"], role=PAYLOADS["alias"]
    )
    OrganizationTag.objects.create(article=article, organization=organization, evidence=PAYLOADS["evidence"])
    EventTag.objects.create(article=article, event=event, evidence=PAYLOADS["evidence"])
    RegionTag.objects.create(
        article=article, region=Region.objects.get(code="18.72"), evidence=PAYLOADS["evidence"]
    )
    search_index.update()
    return article


def test_payloads_in_the_archive_show_as_text_on_every_public_page(live_server, watched, hostile):
    pages = {
        f"/artikel/{hostile.pk}/": ["title", "person", "organization", "event", "outlet"],
        f"/artikel/{hostile.pk}/?q={quote(PAYLOADS['query'])}": ["title"],
        f"/artikel/{hostile.pk}/asli/": [],
        "/": ["title"],
        "/tokoh/tokoh-xss/": ["person", "title"],
        "/tokoh/": ["person"],
        "/lembaga/lembaga-xss/": ["organization"],
        "/peristiwa/peristiwa-xss/": ["event"],
        "/media/media-xss/": ["outlet"],
        "/wilayah/kota-metro/": ["title"],
        f"/cari/?q={quote('pilkada metro')}": ["title"],
        f"/cari/?q={quote(PAYLOADS['query'])}": ["query"],
        f"/cari/?q=pemilihan&person=tokoh-xss&q2={quote(PAYLOADS['query'])}": ["person"],
    }
    for path, shown in pages.items():
        url = live_server.url + path
        watched.visit(url)
        watched.assert_nothing_ran(url)
        text = watched.text()
        for field in shown:
            if field == "query":  # the search box holds the query as typed
                assert watched.page.input_value("input[name=q]") == PAYLOADS["query"], path
            else:
                assert PAYLOADS[field].split("\n")[0] in text, (path, field)
    # The body's paragraphs are text too.
    watched.visit(f"{live_server.url}/artikel/{hostile.pk}/")
    assert 'onerror="window.__xss=1;alert(1)"' in watched.text()


def test_the_api_returns_payloads_as_inert_json(live_server, watched, hostile):
    response = watched.visit(f"{live_server.url}/api/search?q={quote('pilkada')}")
    assert response.headers["content-type"].startswith("application/json")
    watched.assert_nothing_ran("api")
    assert PAYLOADS["title"] in response.json()["results"][0]["title"]


def test_a_javascript_link_in_stored_data_does_not_run_when_clicked(live_server, watched, hostile):
    watched.visit(f"{live_server.url}/artikel/{hostile.pk}/")
    link = watched.page.locator("a[href^='javascript:']")
    if link.count():  # the template links source_url as stored; the policy must stop it
        link.first.click()
        watched.page.wait_for_timeout(300)
    watched.assert_nothing_ran("javascript: link")


def test_payloads_show_as_text_in_the_admin_review_queue(live_server, watched, hostile, browser):
    User.objects.create_superuser("admin", password="kata-sandi-admin-panjang")
    page = watched.page
    watched.visit(live_server.url + "/admin/login/?next=/admin/review/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "kata-sandi-admin-panjang")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/review/")
    for kind in ("person", "organization", "event", "region"):
        url = f"{live_server.url}/admin/review/?kind={kind}"
        watched.visit(url)
        watched.assert_nothing_ran(url)
        assert "bukti <script>" in watched.text(), kind
    for path in (
        f"/admin/articles/article/{hostile.pk}/change/",
        "/admin/articles/person/",
        f"/admin/articles/person/{Person.objects.get(slug='tokoh-xss').pk}/change/",
    ):
        watched.visit(live_server.url + path)
        watched.assert_nothing_ran(path)
    # The admin runs under the same policy, and nothing of its own breaks it.
    assert watched.violations == []


def test_the_public_pages_break_no_rule_of_the_policy(live_server, watched, hostile):
    for path in ("/", f"/artikel/{hostile.pk}/", "/cari/?q=pilkada", "/tokoh/", "/tanggal/"):
        watched.visit(live_server.url + path)
    assert watched.violations == []
