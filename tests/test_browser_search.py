"""The search page in a real browser: filters typed by name, kept in the URL, and a download of every
match."""

import csv
import io
import os

import pytest

from tests.browse_data import build_archive
from tests.starting_data import refill_regions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")  # set it to look at the screens afterwards


@pytest.fixture
def site(search_index):
    from django.core.cache import cache

    refill_regions()
    cache.clear()
    built = build_archive()
    search_index.update()
    return built


def open_page(browser, viewport):
    context = browser.new_context(locale="id-ID", viewport=viewport, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def shot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def test_a_reader_filters_by_region_name_and_date_and_the_url_keeps_them(live_server, browser, site):
    context, page = open_page(browser, {"width": 1280, "height": 900})
    try:
        page.goto(live_server.url + "/cari/")
        assert page.get_by_role("heading", name="Cara mencari").is_visible()
        shot(page, "search-empty-1280")
        page.get_by_label("Kata kunci").fill("wali kota")
        page.get_by_label("Wilayah", exact=True).fill("Kota Metro")
        page.get_by_label("Media").fill("Kupas Tuntas")
        page.get_by_label("Dari tanggal").fill("2024-01-01")
        page.get_by_role("button", name="Cari", exact=True).click()
        page.wait_for_url("**region=Kota+Metro*")
        assert "outlet=Kupas+Tuntas" in page.url and "from=2024-01-01" in page.url
        # The inputs still say what was asked, and the chips name the filters.
        assert page.locator("#id_region").input_value() == "Kota Metro"
        chips = page.get_by_role("region", name="Filter aktif").inner_text()
        assert "Kota Metro" in chips and "Kupas Tuntas" in chips
        shot(page, "search-results-1280")
        # Reloading the address gives the same page: the search is a permalink.
        heading = page.locator("#results-heading").inner_text()
        page.goto(page.url)
        assert page.locator("#results-heading").inner_text() == heading
    finally:
        context.close()


def test_the_download_link_saves_every_match_as_csv(live_server, browser, site, tmp_path):
    context, page = open_page(browser, {"width": 1280, "height": 900})
    try:
        page.goto(live_server.url + "/cari/?region=lampung")
        count = int(page.locator("#results-heading").inner_text().split()[0])
        with page.expect_download() as download:
            page.get_by_role("link", name="CSV", exact=True).click()
        saved = tmp_path / "hasil.csv"
        download.value.save_as(saved)
        assert download.value.suggested_filename.endswith(".csv")
        first, rest = saved.read_text(encoding="utf-8").split("\n", 1)
        assert first.startswith("# query=region=lampung") and first.endswith(f"count={count}")
        assert len(list(csv.DictReader(io.StringIO(rest)))) == count
    finally:
        context.close()


def test_the_search_page_fits_a_375px_phone(live_server, browser, site):
    context, page = open_page(browser, PHONE)
    try:
        for name, path in [("empty", "/cari/"), ("results", "/cari/?q=wali+kota&region=lampung")]:
            page.goto(live_server.url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{path} is {width}px wide"
            shot(page, f"search-{name}-375")
    finally:
        context.close()
