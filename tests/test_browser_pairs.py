"""An editor confirms a candidate pair's tag in the review queue, in a real browser (Debian's
chromium through Playwright), and the contest page shows the pair at once."""

from importlib import import_module

import pytest
from django.apps import apps

from tests.pair_data import DEPUTY, HEAD, RIVAL_DEPUTY, RIVAL_HEAD, pair, store

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def queue():
    from django.contrib.auth.models import Group, User

    from articles.models import PairTag, Region

    # a transactional test's flush empties the tables the data migrations filled: fill them again
    if not Region.objects.exists():
        import_module("articles.migrations.0002_load_regions").load_regions(apps, None)
    if not Group.objects.filter(name="Editor").exists():
        import_module("articles.migrations.0003_editor_group").create_editor_group(apps, None)
    contests = import_module("articles.migrations.0007_load_contests")
    contests.load_contests(apps, None)
    contests.grant_editors(apps, None)
    editor = User.objects.create_user("redaksi", password="kata-sandi-redaksi-2024", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    store("debat.txt", [pair(number=1), pair(RIVAL_HEAD, RIVAL_DEPUTY, number=2)], title="Debat Paslon Metro")
    return list(PairTag.objects.order_by("pair__number"))


def test_an_editor_confirms_a_pair_tag_in_the_review_queue(live_server, browser, queue):
    from articles.models import PairTag

    page = browser.new_context(locale="id-ID").new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "redaksi")
    page.fill("#id_password", "kata-sandi-redaksi-2024")
    page.click("input[type=submit]")
    assert "pair: 2" in page.inner_text("#review-waiting")

    page.click("#review-waiting a")
    page.click("a:has-text('Paslon')")
    rows = page.locator("#review-table tbody tr")
    assert rows.count() == 2
    assert f"1. {HEAD} – {DEPUTY}" in rows.first.inner_text()
    assert "Pilkada Kota Metro (Wali Kota)" in rows.first.inner_text()

    first = queue[0]
    page.click(f"button[value='confirm:{first.pk}']")
    assert page.locator("#review-table tbody tr").count() == 1
    assert dict(PairTag.objects.values_list("pk", "status")) == {
        first.pk: "confirmed",
        queue[1].pk: "suggested",
    }

    page.goto(f"{live_server.url}/artikel/{first.article_id}/")
    confirmed = page.locator("li.tag", has_text=HEAD)
    assert "saran" not in confirmed.inner_text()
    assert "saran" in page.locator("li.tag", has_text=RIVAL_HEAD).inner_text()
