"""An editor confirms a candidate pair's tag in the review queue, in a real browser (Debian's
chromium through Playwright), and the contest page shows the pair at once."""

import pytest
from playwright.sync_api import expect

from tests.pair_data import DEPUTY, HEAD, RIVAL_DEPUTY, RIVAL_HEAD, pair, store

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def queue(browser_editor):
    from articles.models import PairTag

    store("debat.txt", [pair(number=1), pair(RIVAL_HEAD, RIVAL_DEPUTY, number=2)], title="Debat Paslon Metro")
    return list(PairTag.objects.order_by("pair__number"))


def test_an_editor_confirms_a_pair_tag_in_the_review_queue(live_server, queue, editor_page, review_tab):
    from articles.models import PairTag

    page = editor_page
    assert "Paslon: 2" in page.inner_text("#review-waiting")

    rows = review_tab("pair")
    expect(rows).to_have_count(2)
    assert f"1. {HEAD} – {DEPUTY}" in rows.first.inner_text()
    assert "Pilkada Kota Metro (Wali Kota)" in rows.first.inner_text()

    first = queue[0]
    page.click(f"button[value='confirm:{first.pk}']")
    expect(page.locator("#review-table tbody tr")).to_have_count(1)
    assert dict(PairTag.objects.values_list("pk", "status")) == {
        first.pk: "confirmed",
        queue[1].pk: "suggested",
    }

    page.goto(f"{live_server.url}/artikel/{first.article_id}/")
    pairs = page.locator("section[aria-labelledby=pairs-heading] li.tag")
    assert "saran" not in pairs.filter(has_text=HEAD).inner_text().casefold()
    assert "saran" in pairs.filter(has_text=RIVAL_HEAD).inner_text().casefold()
