"""Editors curate candidate pairs: pair tags in the review queue, fixing a number, swapping head and
deputy, merging twins — each logged in the admin history and seen by search at once."""

from dataclasses import replace

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from haystack.query import SearchQuerySet

from articles.curation import merge_pairs
from articles.models import CandidatePair, Contest, PairTag, TagStatus
from tests.pair_data import DEPUTY, HEAD, RIVAL_DEPUTY, RIVAL_HEAD, pair, store

pytestmark = pytest.mark.django_db


def history_for(obj):
    """The lines of `obj`'s admin history, newest first."""
    return LogEntry.objects.filter(content_type__model=obj._meta.model_name, object_id=str(obj.pk))


@pytest.fixture
def twins():
    """One pair stored twice: without its race and with the deputy misspelt, and in Kota Metro as
    number 3 (the importer cannot tell they are one)."""
    misspelt = pair(deputy="Ratna Kurniasi", contest=None, office="")
    store("a.txt", [replace(misspelt, stage="bakal calon")], day="2024-08-28")
    store("b.txt", [pair(RIVAL_HEAD, RIVAL_DEPUTY)], day="2024-09-01")
    store("c.txt", [pair(number=3, stage="calon")], day="2024-09-23")
    store("d.txt", [misspelt, pair()], day="2024-09-24")
    loose = CandidatePair.objects.get(contest=None)
    placed = CandidatePair.objects.get(contest__region__code="18.72", head__name=HEAD)
    return placed, loose


def test_the_review_queue_lists_pair_tags_and_an_editor_confirms_one(editor_client, twins):
    placed, _ = twins
    page = editor_client.get(reverse("admin:review"), {"kind": "pair"}).content.decode()
    assert "Paslon (" in page
    assert f"3. {HEAD} – {DEPUTY}" in page and "Pilkada Kota Metro (Wali Kota)" in page
    tag = PairTag.objects.get(pair=placed, article__source_file="c.txt")
    editor_client.post(reverse("admin:review") + "?kind=pair", {"action": f"confirm:{tag.pk}"})
    tag.refresh_from_db()
    assert tag.status == TagStatus.CONFIRMED and tag.reviewed_by.username == "editor"
    assert any("confirmed" in entry.change_message for entry in history_for(placed))


def test_the_review_queue_orders_pair_tags_by_name(editor_client, twins):
    response = editor_client.get(reverse("admin:review"), {"kind": "pair", "order": "entity"})
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index(RIVAL_HEAD) < page.index(HEAD)  # Hendra before Yusran


def test_merging_moves_the_tags_fills_in_what_the_survivor_lacks_and_deletes_the_twin(twins, editor):
    placed, loose = twins
    PairTag.objects.filter(pair=loose, article__source_file="d.txt").update(status=TagStatus.CONFIRMED)
    merge_pairs(loose, [placed], editor)
    survivor = CandidatePair.objects.get(pk=loose.pk)
    assert not CandidatePair.objects.filter(pk=placed.pk).exists()
    assert survivor.contest.region.code == "18.72" and survivor.number == 3
    assert survivor.stage == "calon" and survivor.bakal_calon_on.isoformat() == "2024-08-28"
    tags = dict(PairTag.objects.filter(pair=survivor).values_list("article__source_file", "status"))
    assert tags == {"a.txt": "suggested", "c.txt": "suggested", "d.txt": "confirmed"}
    assert "merged" in history_for(survivor).first().change_message


def test_the_merge_action_asks_for_the_survivor_then_merges(editor_client, twins):
    placed, loose = twins
    url = reverse("admin:articles_candidatepair_changelist")
    ids = [str(placed.pk), str(loose.pk)]
    page = editor_client.post(url, {"action": "merge", "_selected_action": ids}).content.decode()
    assert "Pilih paslon yang dipertahankan" in page
    editor_client.post(url, {"action": "merge", "_selected_action": ids, "apply": "1", "survivor": placed.pk})
    assert list(CandidatePair.objects.filter(head__name=HEAD).values_list("pk", flat=True)) == [placed.pk]
    assert PairTag.objects.filter(pair=placed).count() == 3


def test_the_swap_action_puts_head_and_deputy_the_other_way_round_and_logs_it(editor_client, twins):
    placed, _ = twins
    url = reverse("admin:articles_candidatepair_changelist")
    editor_client.post(url, {"action": "swap", "_selected_action": [placed.pk]})
    placed.refresh_from_db()
    assert (placed.head.name, placed.deputy.name) == (DEPUTY, HEAD)
    assert "swapped" in history_for(placed).first().change_message
    store("e.txt", [pair(number=3)])  # a later article in the old order is still the same pair
    assert CandidatePair.objects.filter(contest__region__code="18.72").count() == 2


def test_a_number_an_editor_fixes_in_the_admin_is_never_overwritten_by_an_import(editor_client, twins):
    placed, _ = twins
    url = reverse("admin:articles_candidatepair_change", args=[placed.pk])
    data = {
        "contest": placed.contest_id,
        "number": "4",
        "head": placed.head_id,
        "deputy": placed.deputy_id,
        "stage": "calon",
        "slug": placed.slug,
        "tags-TOTAL_FORMS": "0",
        "tags-INITIAL_FORMS": "0",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    placed.refresh_from_db()
    assert (placed.number, placed.number_confirmed) == (4, True)
    assert LogEntry.objects.filter(object_id=str(placed.pk), change_message__icontains="nomor urut").exists()
    store("f.txt", [pair(number=3)])
    placed.refresh_from_db()
    assert placed.number == 4


def test_curation_reaches_search_at_once(twins, editor, search_index, django_capture_on_commit_callbacks):
    placed, loose = twins
    search_index.update()
    assert len(search_index.ids(SearchQuerySet().filter(pairs=loose.slug))) == 2
    with django_capture_on_commit_callbacks(execute=True):
        merge_pairs(placed, [loose], editor)
    assert search_index.ids(SearchQuerySet().filter(pairs=loose.slug)) == set()
    assert len(search_index.ids(SearchQuerySet().filter(pairs=placed.slug))) == 3
    assert len(search_index.ids(SearchQuerySet().filter(contests="18.72"))) == 4
    with django_capture_on_commit_callbacks(execute=True):
        tag = PairTag.objects.get(pair=placed, article__source_file="a.txt")
        tag.status = TagStatus.REJECTED
        tag.save()
    assert len(search_index.ids(SearchQuerySet().filter(pairs=placed.slug))) == 2


def test_merging_the_winner_keeps_the_race_won(twins, editor):
    placed, loose = twins
    Contest.objects.filter(pk=placed.contest_id).update(winner=placed)
    merge_pairs(loose, [placed], editor)
    assert Contest.objects.get(region__code="18.72").winner_id == loose.pk


def merge_form(client, pairs):
    """The merge action's form for `pairs`: {pair id: the text shown for it}, and the page."""
    url = reverse("admin:articles_candidatepair_changelist")
    page = client.post(url, {"action": "merge", "_selected_action": [p.pk for p in pairs]}).content.decode()
    rows = page.split('<div class="form-row">')[1:]
    return {next(p.pk for p in pairs if f'name="survivor" value="{p.pk}"' in row): row for row in rows}, page


def test_the_merge_form_shows_each_pairs_race_stage_region_and_articles_and_keeps_the_fuller(
    editor_client, twins
):
    placed, loose = twins
    rows, page = merge_form(editor_client, [loose, placed])
    assert f'name="survivor" value="{placed.pk}" checked' in page  # it has the race and the number
    assert f'name="survivor" value="{loose.pk}" checked' not in page
    assert "Pilkada Kota Metro (Wali Kota)" in rows[placed.pk] and "Kota Metro" in rows[placed.pk]
    assert "Tahapan: Calon" in rows[placed.pk] and f"{HEAD}, {DEPUTY}" in rows[placed.pk]
    assert "Tahapan: Bakal calon" in rows[loose.pk] and "Ratna Kurniasi" in rows[loose.pk]
    assert "Pilkada" not in rows[loose.pk]  # no race known: none shown
    assert "2 artikel" in rows[placed.pk] and "2 artikel" in rows[loose.pk]


def test_the_merge_form_costs_as_many_queries_for_three_pairs_as_for_two(
    editor_client, twins, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as two:
        merge_form(editor_client, list(twins))
    three = list(CandidatePair.objects.all())
    with django_assert_max_num_queries(len(two.captured_queries)):
        rows, _ = merge_form(editor_client, three)
    assert len(rows) == 3
