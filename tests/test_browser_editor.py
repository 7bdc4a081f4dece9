"""The editor's desk in a real browser: the review queue filtered by name with evidence in context,
a merge that keeps the fullest name, a person's page in the admin that fits the window, in
Indonesian and in English."""

import os

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")  # set it to look at the screens afterwards
BODY = (
    "Rapat digelar di Metro. Wakil Wali Kota Metro, Qomaru Zaman, menegaskan akan maju lagi "
    "bersama Wahdi. Bawaslu Kota Metro mengingatkan ASN agar netral."
)


def shot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


@pytest.fixture
def desk(browser_editor, make_article, make_person, tag_person, tag_region):
    from articles.models import CandidatePair, PairTag, PersonAlias, Position, Region

    metro = make_article(title="Qomaru Siap Maju Lagi", body=BODY, outlet="Kupas Tuntas")
    subang = make_article(title="Imran Pimpin Rakor", body="Pj. Bupati Subang, Dr. Imran, memimpin rakor.")
    tag_region(metro, "18.72")
    tag_region(subang, "32.13")
    full = make_person("Qomaru Zaman", honorifics=["H."])
    nickname = make_person("Qomaru")
    PersonAlias.objects.create(person=full, name="Bang Qomaru", key="bang qomaru")
    for role in ("Wakil Wali Kota Metro", "Ketua DPC Partai Contoh Kota Metro", "Calon Wali Kota Metro"):
        Position.objects.create(
            person=full,
            role=role,
            region=Region.objects.get(code="18.72"),
            organization=None,
            source_article=None,
        )
    tag = tag_person(metro, full)
    tag.evidence = "Qomaru Zaman"
    tag.save()
    tag_person(subang, nickname)
    pair = CandidatePair.objects.create(head=full, deputy=nickname, slug="qomaru-zaman-qomaru", number=2)
    PairTag.objects.create(article=metro, pair=pair, evidence="Qomaru Zaman dan Qomaru, nomor urut 2")
    return {"full": full, "nickname": nickname, "pair": pair}


def test_the_review_queue_filters_by_a_region_picked_by_name_and_shows_the_sentence(desk, editor_page):
    page = editor_page
    page.set_viewport_size(WIDE)
    page.click("#review-waiting a")
    page.locator("#id_region + .select2").click()  # the admin's autocomplete box
    page.locator(".select2-search__field").fill("lamp")
    options = page.locator(".select2-results__option")
    options.filter(has_text="Kabupaten Lampung Selatan").wait_for()
    options.get_by_text("Lampung", exact=True).click()  # the province: its kota are in it
    page.get_by_role("button", name="Saring").click()
    page.wait_for_url("**region=lampung*")
    assert page.locator("#id_region + .select2").inner_text().strip().endswith("Lampung")
    rows = page.locator("#review-table tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("mark").inner_text() == "Qomaru Zaman"
    assert "menegaskan akan maju lagi" in rows.first.locator(".evidence").inner_text()
    shot(page, "review-queue-1280")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDE["width"]
    page.set_viewport_size(PHONE)
    shot(page, "review-queue-375")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # the table scrolls


def test_a_merge_offers_names_and_counts_and_keeps_the_fullest_name(desk, editor_page):
    from articles.models import Person

    page = editor_page
    page.set_viewport_size(WIDE)
    page.goto(page.url.split("/admin/")[0] + "/admin/articles/person/")
    for person in (desk["full"], desk["nickname"]):
        page.check(f"input[name=_selected_action][value='{person.pk}']")
    page.select_option("select[name=action]", "merge")
    page.click("button[name=index]")  # the admin's "run the action" button
    choice = page.locator(".merge-choice")
    assert "Bang Qomaru" in choice.inner_text() and "Wakil Wali Kota Metro" in choice.inner_text()
    assert page.locator(f"input[name=survivor][value='{desk['full'].pk}']").is_checked()
    shot(page, "merge-1280")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDE["width"]
    with page.expect_navigation():  # the merge is done when its answer arrives
        page.get_by_role("button", name="Gabungkan").click()
    assert Person.objects.get(pk=desk["nickname"].pk).merged_into_id == desk["full"].pk


def test_a_persons_admin_page_fits_the_window_and_renames_keep_the_old_link(desk, editor_page):
    page = editor_page
    base = page.url.split("/admin/")[0]
    for viewport, name in ((WIDE, "1280"), (PHONE, "375")):
        page.set_viewport_size(viewport)
        page.goto(f"{base}/admin/articles/person/{desk['full'].pk}/change/")
        assert page.locator("textarea[name=honorifics]").input_value() == "H."
        shot(page, f"person-admin-{name}")
        if viewport is WIDE:
            positions = page.locator("#positions-group").bounding_box()
            assert positions["x"] + positions["width"] <= WIDE["width"]
            assert page.evaluate("document.documentElement.scrollWidth") <= WIDE["width"]
    page.set_viewport_size(WIDE)
    article = desk["full"].tags.first().article
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    shot(page, "article-admin-1280")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDE["width"]
    pair = desk["pair"]
    page.goto(f"{base}/admin/articles/candidatepair/{pair.pk}/change/")
    shot(page, "pair-admin-1280")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDE["width"]
    page.goto(f"{base}/admin/articles/person/{desk['full'].pk}/change/")
    page.fill("input[name=name]", "Qomaru Zaman Effendi")
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan", exact=True).click()
    page.goto(f"{base}/tokoh/qomaru-zaman/")
    assert page.url.endswith("/tokoh/qomaru-zaman-effendi/")
    assert page.get_by_role("heading", level=1).inner_text().endswith("Qomaru Zaman Effendi")


def test_the_desk_speaks_english_when_chosen(desk, editor_page):
    page = editor_page
    page.set_viewport_size(WIDE)
    page.goto(page.url.split("/admin/")[0] + "/admin/?lang=en")  # and it stays English afterwards
    text = page.inner_text("#content")
    assert "Review queue" in text and "Person tags" in text and "Import batches" in text
    page.click("#review-waiting a")
    page.wait_for_url("**/admin/review/**")
    assert page.get_by_label("Minimum confidence").count() == 1
    shot(page, "review-queue-en-1280")
