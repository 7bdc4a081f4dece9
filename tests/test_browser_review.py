"""An editor clears the review queue in a real browser (Debian's chromium through Playwright)."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def queue(browser_editor, make_article, tag_region):
    metro = make_article(title="Bawaslu Metro Ingatkan Politik Uang")
    subang = make_article(title="KPU Subang Gelar Rapat")
    return [tag_region(metro, "18.72"), tag_region(subang, "32.13"), tag_region(subang, "18.72")]


def test_an_editor_logs_in_confirms_one_tag_and_rejects_the_rest_in_bulk(queue, editor_page, review_tab):
    from articles.models import RegionTag

    page = editor_page
    assert "3" in page.inner_text("#review-waiting")

    rows = review_tab("region")
    expect(rows).to_have_count(3)

    first = queue[0]
    page.click(f"button[value='confirm:{first.pk}']")
    expect(page.locator("#review-table tbody tr")).to_have_count(2)

    for box in page.locator("#review-table input[type=checkbox]").all():
        box.check()
    page.click("button[value=reject]")
    expect(page.locator("#review-table")).to_contain_text("Tidak ada tag yang menunggu")

    statuses = dict(RegionTag.objects.values_list("pk", "status"))
    assert statuses[first.pk] == "confirmed"
    assert sorted(statuses.values()) == ["confirmed", "rejected", "rejected"]
