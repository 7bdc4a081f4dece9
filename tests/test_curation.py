"""Editors confirm, reject, merge and detach; every change is logged and permissions hold."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from articles.curation import detach_mention, merge_people, review
from articles.models import Event, Person, PersonAlias, PersonTag, Position, Region, RegionTag, TagStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_spellings(make_article, make_person, tag_person):
    """One official imported under two spellings, in three articles (one naming both)."""
    metro = Region.objects.get(code="18.72")
    a, b, both = make_article(), make_article(), make_article()
    one = make_person("Qomaru Zaman")
    two = make_person("Qomarudin Zaman")
    PersonAlias.objects.create(person=two, name="Qomarudin", key="qomarudin")
    tag_person(a, one, status="confirmed", role="Wakil Wali Kota Metro")
    tag_person(b, two, role="Wawali Metro")
    tag_person(both, one)
    tag_person(both, two, status="confirmed")
    Position.objects.create(person=two, role="Wakil Wali Kota", region=metro)
    event = Event.objects.create(name="Rapat", slug="rapat")
    event.participants.add(two)
    return one, two, event


def test_the_editor_group_exists_with_review_but_no_delete_or_user_rights():
    perms = set(Group.objects.get(name="Editor").permissions.values_list("codename", flat=True))
    assert {
        "change_persontag",
        "change_regiontag",
        "change_person",
        "change_position",
        "change_article",
    } <= perms
    assert "delete_article" not in perms
    assert not any(p.endswith("_user") or p.endswith("_group") for p in perms)


def test_merging_moves_tags_positions_events_and_aliases(two_spellings):
    survivor, other, event = two_spellings
    merge_people(survivor, [other])
    other.refresh_from_db()
    assert other.merged_into == survivor
    assert PersonTag.objects.filter(person=other).count() == 0
    assert PersonTag.objects.filter(person=survivor).count() == 3  # the shared article keeps one tag
    assert Position.objects.get().person == survivor
    assert list(event.participants.all()) == [survivor]
    aliases = set(survivor.aliases.values_list("name", flat=True))
    assert {"Qomarudin Zaman", "Qomarudin"} <= aliases


def test_merging_keeps_the_firmer_verdict_where_both_were_tagged(two_spellings, make_article):
    survivor, other, _ = two_spellings
    merge_people(survivor, [other])
    statuses = sorted(PersonTag.objects.filter(person=survivor).values_list("status", flat=True))
    assert statuses == ["confirmed", "confirmed", "suggested"]


def test_merging_twice_changes_nothing(two_spellings):
    survivor, other, _ = two_spellings
    merge_people(survivor, [other])
    snapshot = (
        list(PersonTag.objects.order_by("pk").values_list("pk", "person_id", "status")),
        list(PersonAlias.objects.order_by("pk").values_list("pk", "person_id", "name")),
    )
    assert merge_people(survivor, [other]) == []
    assert snapshot == (
        list(PersonTag.objects.order_by("pk").values_list("pk", "person_id", "status")),
        list(PersonAlias.objects.order_by("pk").values_list("pk", "person_id", "name")),
    )


def test_the_merged_persons_old_url_redirects_to_the_survivor(two_spellings, client):
    survivor, other, _ = two_spellings
    merge_people(survivor, [other])
    response = client.get(other.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == survivor.get_absolute_url()


def test_detaching_a_mention_gives_it_a_person_of_its_own(two_spellings, editor):
    survivor, other, _ = two_spellings
    tag = PersonTag.objects.filter(person=survivor).first()
    new = detach_mention(tag, editor, name="Qomaru (lain)")
    tag.refresh_from_db()
    assert tag.person == new
    assert new.name == "Qomaru (lain)"
    assert LogEntry.objects.filter(object_id=str(survivor.pk), change_message__contains="detached").exists()


def test_review_records_who_and_when_in_the_history(make_article, tag_region, editor):
    article = make_article()
    tag = tag_region(article, "18.72")
    assert review([tag], TagStatus.REJECTED, editor) == 1
    tag.refresh_from_db()
    assert (tag.status, tag.reviewed_by) == (TagStatus.REJECTED, editor)
    entry = LogEntry.objects.get(object_id=str(article.pk), content_type__model="article")
    assert entry.user == editor
    assert "suggested → rejected" in entry.change_message


def test_anonymous_visitors_reach_nothing_of_the_admin(client, make_article):
    article = make_article()
    for url in [
        reverse("admin:index"),
        reverse("admin:review"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_person_changelist"),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def test_staff_without_the_editor_group_cannot_review(make_article, tag_region):
    user = User.objects.create_user("staff", password="x", is_staff=True)
    client = Client()
    client.force_login(user)
    tag = tag_region(make_article(), "18.72")
    assert client.get(reverse("admin:review")).status_code == 403
    response = client.post(reverse("admin:review") + "?kind=region", {"action": f"confirm:{tag.pk}"})
    assert response.status_code == 403
    tag.refresh_from_db()
    assert tag.status == TagStatus.SUGGESTED


def test_an_editor_cannot_delete_articles_or_manage_users(editor_client, make_article):
    article = make_article()
    assert editor_client.get(reverse("admin:articles_article_delete", args=[article.pk])).status_code == 403
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_the_admin_index_shows_how_many_tags_wait(editor_client, make_article, tag_region):
    article = make_article()
    tag_region(article, "18.72")
    tag_region(article, "18", status="confirmed")
    response = editor_client.get(reverse("admin:index"))
    assert "<strong>1</strong> tag menunggu tinjauan" in response.content.decode()


def test_one_click_confirm_in_the_review_queue(editor_client, make_article, tag_region):
    tag = tag_region(make_article(title="Bawaslu Metro"), "18.72")
    url = reverse("admin:review") + "?kind=region"
    page = editor_client.get(url)
    assert "Bawaslu Metro" in page.content.decode()
    response = editor_client.post(url, {"action": f"confirm:{tag.pk}"})
    assert response.status_code == 302
    tag.refresh_from_db()
    assert tag.status == TagStatus.CONFIRMED


def test_bulk_reject_in_the_review_queue(editor_client, make_article, tag_region):
    tags = [tag_region(make_article(), code) for code in ("18.72", "32.13", "18")]
    url = reverse("admin:review") + "?kind=region"
    editor_client.post(url, {"action": "reject", "ids": [tags[0].pk, tags[1].pk]})
    assert sorted(RegionTag.objects.values_list("status", flat=True)) == ["rejected", "rejected", "suggested"]


def test_the_review_queue_filters_by_confidence_and_region(editor_client, make_article, tag_region):
    low = make_article(title="Kabar Subang")
    high = make_article(title="Kabar Metro")
    tag_region(low, "32.13", confidence=0.2)
    tag_region(high, "18.72", confidence=0.9)
    page = editor_client.get(
        reverse("admin:review"), {"kind": "region", "min_confidence": "0.5"}
    ).content.decode()
    assert "Kabar Metro" in page and "Kabar Subang" not in page
    page = editor_client.get(reverse("admin:review"), {"kind": "region", "region": "32"}).content.decode()
    assert "Kabar Subang" in page and "Kabar Metro" not in page


def test_a_bad_filter_value_is_a_form_error_not_a_crash(editor_client):
    response = editor_client.get(reverse("admin:review"), {"region": "99.99", "min_confidence": "lots"})
    assert response.status_code == 200
    assert "Wilayah 99.99 tidak dikenal" in response.content.decode()


def test_review_actions_need_a_csrf_token(editor, make_article, tag_region):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    tag = tag_region(make_article(), "18.72")
    response = client.post(reverse("admin:review") + "?kind=region", {"action": f"confirm:{tag.pk}"})
    assert response.status_code == 403
    tag.refresh_from_db()
    assert tag.status == TagStatus.SUGGESTED


def test_the_merge_action_asks_for_the_survivor_then_merges(editor_client, two_spellings):
    survivor, other, _ = two_spellings
    url = reverse("admin:articles_person_changelist")
    ids = [str(survivor.pk), str(other.pk)]
    page = editor_client.post(url, {"action": "merge", "_selected_action": ids})
    assert "Pilih tokoh yang dipertahankan" in page.content.decode()
    editor_client.post(
        url, {"action": "merge", "_selected_action": ids, "apply": "1", "survivor": survivor.pk}
    )
    assert Person.objects.get(pk=other.pk).merged_into == survivor


def test_a_rejection_in_the_review_queue_reaches_search_at_once(
    editor_client, make_article, tag_region, search_index, django_capture_on_commit_callbacks
):
    from haystack.query import SearchQuerySet

    article = make_article(title="Bawaslu Metro")
    tag = tag_region(article, "18.72")
    search_index.update()
    assert search_index.ids(SearchQuerySet().filter(regions="18.72")) == {article.pk}
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("admin:review") + "?kind=region", {"action": f"reject:{tag.pk}"})
    assert search_index.ids(SearchQuerySet().filter(regions="18.72")) == set()
    assert search_index.ids(SearchQuerySet().filter(regions="18")) == set()


def test_a_merge_reaches_search_and_facets_at_once(
    two_spellings, search_index, django_capture_on_commit_callbacks
):
    from haystack.query import SearchQuerySet

    survivor, other, _ = two_spellings
    search_index.update()
    with django_capture_on_commit_callbacks(execute=True):
        merge_people(survivor, [other])
    assert search_index.ids(SearchQuerySet().filter(people=other.slug)) == set()
    found = SearchQuerySet().filter(people=survivor.slug).facet("people")
    assert len(search_index.ids(found)) == 3
    counts = dict(found.facet_counts()["fields"]["people"])
    assert counts == {survivor.slug: 3}
