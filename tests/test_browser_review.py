"""An editor clears the review queue in a real browser (Debian's chromium through Playwright)."""

from importlib import import_module

import pytest
from django.apps import apps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def queue(make_article, tag_region):
    from django.contrib.auth.models import Group, User

    from articles.models import Region

    # a transactional test's flush empties the tables the data migrations filled: fill them again
    if not Region.objects.exists():
        import_module("articles.migrations.0002_load_regions").load_regions(apps, None)
    if not Group.objects.filter(name="Editor").exists():
        import_module("articles.migrations.0003_editor_group").create_editor_group(apps, None)
    editor = User.objects.create_user("redaksi", password="kata-sandi-redaksi-2024", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    metro = make_article(title="Bawaslu Metro Ingatkan Politik Uang")
    subang = make_article(title="KPU Subang Gelar Rapat")
    return [tag_region(metro, "18.72"), tag_region(subang, "32.13"), tag_region(subang, "18.72")]


def test_an_editor_logs_in_confirms_one_tag_and_rejects_the_rest_in_bulk(live_server, browser, queue):
    from articles.models import RegionTag

    page = browser.new_context(locale="id-ID").new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "redaksi")
    page.fill("#id_password", "kata-sandi-redaksi-2024")
    page.click("input[type=submit]")
    assert "3" in page.inner_text("#review-waiting")

    page.click("#review-waiting a")
    page.click("a:has-text('Wilayah')")
    rows = page.locator("#review-table tbody tr")
    assert rows.count() == 3

    first = queue[0]
    page.click(f"button[value='confirm:{first.pk}']")
    assert page.locator("#review-table tbody tr").count() == 2

    for box in page.locator("#review-table input[type=checkbox]").all():
        box.check()
    page.click("button[value=reject]")
    assert "Tidak ada tag yang menunggu" in page.inner_text("#review-table")

    statuses = dict(RegionTag.objects.values_list("pk", "status"))
    assert statuses[first.pk] == "confirmed"
    assert sorted(statuses.values()) == ["confirmed", "rejected", "rejected"]
