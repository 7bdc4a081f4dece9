"""The pages people click, in a real browser: Debian's chromium driven by Playwright."""

import pytest

from tests.browse_data import build_archive
from tests.starting_data import refill_regions

# live_server needs committed data, so these tests are transactional (pytest-django runs them last).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def page(browser):
    # An Indonesian visitor's browser (the site's pages follow their address, not this).
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def site():
    from django.core.cache import cache

    # serialized_rollback is no help here: after another transactional test's flush it collides
    # with recreated content types.
    refill_regions()
    cache.clear()
    return build_archive()


def test_browse_from_home_to_a_province_a_city_an_article_and_a_person(live_server, page, site):
    page.goto(live_server.url + "/")
    page.get_by_role("region", name="Provinsi").get_by_role("link", name="Lampung", exact=True).click()
    page.wait_for_url("**/wilayah/lampung/")
    assert page.get_by_role("heading", level=1).inner_text() == "Lampung"
    page.get_by_role("link", name="Kota Metro").first.click()
    page.wait_for_url("**/wilayah/kota-metro/")
    # The breadcrumb leads back to the province.
    assert page.get_by_role("navigation", name="Jejak").get_by_role("link", name="Lampung").count() == 1
    page.locator(".article-list a").first.click()
    page.wait_for_url("**/artikel/**")
    # Markup in a title arrives as text, never as an element.
    assert "<script>" in page.get_by_role("heading", level=1).inner_text()
    page.locator(".entities").get_by_role("link", name="Tokoh 0-0").click()
    page.wait_for_url("**/tokoh/tokoh-0-0/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tokoh 0-0"


def test_an_english_reader_stays_in_english_through_the_links_and_in_a_shared_address(
    live_server, page, browser, site
):
    page.goto(live_server.url + "/wilayah/kota-metro/")
    assert page.locator("html").get_attribute("lang") == "id"
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/wilayah/kota-metro/")  # the address says it, for a shared link
    assert page.get_by_role("heading", name="Officials and people").count() == 1
    page.locator(".article-list a").first.click()
    page.wait_for_url("**/en/artikel/**")
    page.locator(".entities").get_by_role("link", name="Tokoh 0-0").click()
    page.wait_for_url("**/en/tokoh/tokoh-0-0/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Skip to content").count() == 1
    # Someone else opens the copied address: no cookie, an Indonesian browser, still English.
    other = browser.new_context(locale="id-ID")
    try:
        shared = other.new_page()
        shared.goto(page.url)
        assert shared.locator("html").get_attribute("lang") == "en"
        assert shared.get_by_role("link", name="Skip to content").count() == 1
    finally:
        other.close()
    page.get_by_role("link", name="Bahasa Indonesia").click()
    page.wait_for_url(live_server.url + "/tokoh/tokoh-0-0/")
    assert page.get_by_role("link", name="Langsung ke isi").count() == 1
    page.goto(live_server.url + "/en/tanggal/2024/3/19/")
    assert "Tuesday, 19 March 2024" in page.get_by_role("heading", level=1).inner_text()


def test_keyboard_focus_is_visible(live_server, page, site):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " return [e.textContent.trim(), s.outlineStyle, s.outlineWidth]; }"
    )
    assert focused[0] == "Langsung ke isi"
    assert focused[1] != "none" and focused[2] != "0px"


def test_no_page_scrolls_sideways_on_a_375px_phone(live_server, browser, site):
    context = browser.new_context(locale="id-ID", viewport=PHONE)
    page = context.new_page()
    article = site["articles"][0]
    paths = [
        "/",
        "/wilayah/",
        "/wilayah/lampung/",
        "/wilayah/kota-metro/",
        "/tokoh/",
        "/tokoh/tokoh-0-0/",
        article.get_absolute_url(),
        article.get_absolute_url() + "?q=wali+kota",
        "/tanggal/2024/",
        "/tanggal/2024/3/",
        "/tanggal/2024/3/19/",
        "/peristiwa/debat-kandidat-0/",
        "/lembaga/bawaslu-kota-metro/",
        "/tidak-ada/",
        "/en/",
        "/en/wilayah/kota-metro/",
        "/en/tokoh/tokoh-0-0/",
        "/en" + article.get_absolute_url(),
    ]
    try:
        for path in paths:
            page.goto(live_server.url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{path} is {width}px wide"
    finally:
        context.close()


def test_search_then_a_region_facet_then_an_article_then_a_person(live_server, page, site, search_index):
    # The search page belongs to the search work; this walks through it the way a visitor would.
    search_index.update()
    page.goto(live_server.url + "/")
    page.get_by_label("Cari berita").fill("wali kota")
    page.get_by_role("button", name="Cari", exact=True).click()
    page.wait_for_url("**/cari/?q=*")
    page.get_by_role("complementary", name="Saring hasil").get_by_role("link", name="Kota Metro").click()
    page.wait_for_url("**region=18.72*")
    page.locator("main a[href^='/artikel/']").first.click()
    page.wait_for_url("**/artikel/**")
    page.locator(".entities").get_by_role("link", name="Tokoh 0-0").click()
    page.wait_for_url("**/tokoh/tokoh-0-0/")
