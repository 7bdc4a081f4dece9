"""Storing candidate pairs at import: one pair across articles, numbers and stages filled in by later
articles, editors' verdicts and numbers kept."""

from datetime import date

import pytest

from articles.extraction import PersonMention
from articles.models import CandidatePair, Contest, PairTag, Person, Stage, TagStatus
from tests.pair_data import DEPUTY, HEAD, RIVAL_DEPUTY, RIVAL_HEAD, pair, store

pytestmark = pytest.mark.django_db


def test_the_same_pair_in_two_articles_is_one_pair_and_the_later_number_fills_in():
    store("a.txt", [pair(stage="bakal calon")], day="2024-08-28")
    store("b.txt", [pair(number=2, stage="calon")], day="2024-09-23")

    only = CandidatePair.objects.get()
    assert (only.head.name, only.deputy.name, only.contest.region.code) == (HEAD, DEPUTY, "18.72")
    assert only.number == 2
    assert only.stage == Stage.CALON
    assert (only.bakal_calon_on, only.calon_on) == (date(2024, 8, 28), date(2024, 9, 23))
    assert (only.first_seen_on, only.last_seen_on) == (date(2024, 8, 28), date(2024, 9, 23))
    assert PairTag.objects.filter(pair=only).count() == 2


def test_an_earlier_article_imported_later_moves_the_first_reported_date_back_not_the_stage():
    store("a.txt", [pair(stage="calon")], day="2024-09-22")
    store("b.txt", [pair(stage="calon")], day="2024-09-30")
    store("c.txt", [pair(stage="bakal calon")], day="2024-08-27")
    only = CandidatePair.objects.get()
    assert only.stage == Stage.CALON
    assert (only.bakal_calon_on, only.calon_on) == (date(2024, 8, 27), date(2024, 9, 22))


def test_a_pair_is_matched_through_a_persons_other_names():
    mentions = [PersonMention(name=HEAD, aliases=["Yusran"]), PersonMention(name=DEPUTY)]
    store("a.txt", [pair()], mentions=mentions)
    store("b.txt", [pair(head="Yusran", number=3)])
    assert CandidatePair.objects.count() == 1
    assert CandidatePair.objects.get().number == 3


def test_a_mention_with_head_and_deputy_swapped_is_the_same_pair():
    store("a.txt", [pair()])
    store("b.txt", [pair(head=DEPUTY, deputy=HEAD)])
    assert CandidatePair.objects.count() == 1


def test_a_deputy_named_later_completes_the_pair_named_by_its_head_alone():
    store("a.txt", [pair(deputy=None)])
    store("b.txt", [pair()])
    only = CandidatePair.objects.get()
    assert only.deputy.name == DEPUTY


def test_two_pairs_in_one_race_stay_two_pairs():
    store("a.txt", [pair(number=1), pair(RIVAL_HEAD, RIVAL_DEPUTY, number=2)])
    assert list(CandidatePair.objects.ballot_order().values_list("head__name", "number")) == [
        (HEAD, 1),
        (RIVAL_HEAD, 2),
    ]


@pytest.mark.parametrize("number", [0, 11, 99, -1])
def test_a_ballot_number_outside_one_to_ten_is_never_stored(number):
    store("a.txt", [pair(number=number)])
    assert CandidatePair.objects.get().number is None


def test_a_different_number_never_replaces_the_one_known_nor_an_editors():
    store("a.txt", [pair(number=2)])
    store("b.txt", [pair(number=5)])
    assert CandidatePair.objects.get().number == 2

    CandidatePair.objects.update(number=4, number_confirmed=True)
    store("c.txt", [pair(number=2)])
    assert CandidatePair.objects.get().number == 4


def test_a_rejected_pair_tag_stays_rejected_after_a_reimport_of_the_changed_file():
    store("a.txt", [pair(number=1)])
    PairTag.objects.update(status=TagStatus.REJECTED)
    store("a.txt", [pair(number=1)], body="Teks yang diperbarui tentang pasangan calon.")
    assert list(PairTag.objects.values_list("status", flat=True)) == [TagStatus.REJECTED]


def test_a_confirmed_pair_tag_stays_confirmed_when_the_new_text_no_longer_names_the_pair():
    store("a.txt", [pair()])
    PairTag.objects.update(status=TagStatus.CONFIRMED)
    store("a.txt", [], names=[HEAD], body="Teks baru tanpa pasangan.")
    assert list(PairTag.objects.values_list("status", flat=True)) == [TagStatus.CONFIRMED]


def test_a_pair_whose_race_is_unknown_is_kept_without_a_contest_as_a_weak_suggestion():
    store("a.txt", [pair(contest=None, office="", confidence=0.9)])
    only = CandidatePair.objects.get()
    assert only.contest is None
    assert PairTag.objects.get().confidence <= 0.3


def test_a_region_code_of_another_office_is_not_taken_as_the_race():
    store("a.txt", [pair(contest="18", office="bupati")])  # Lampung elects a governor, not a regent
    assert CandidatePair.objects.get().contest is None


def test_a_region_without_a_2024_race_gives_no_contest():
    store("a.txt", [pair(contest="34", office="gubernur")])  # DI Yogyakarta's governor is not elected
    assert CandidatePair.objects.get().contest is None


def test_a_later_article_naming_the_race_attaches_the_pair_to_it():
    store("a.txt", [pair(contest=None, office="")])
    store("b.txt", [pair()])
    only = CandidatePair.objects.get()
    assert only.contest.region.code == "18.72"


def test_parties_and_independent_support_are_recorded():
    store(
        "a.txt",
        [
            pair(parties=["Partai Contoh Raya", "PCR"]),
            pair(RIVAL_HEAD, RIVAL_DEPUTY, parties=["perseorangan"]),
        ],
    )
    supported = CandidatePair.objects.get(head__name=HEAD)
    assert sorted(supported.parties.values_list("name", "kind")) == [
        ("PCR", "party"),
        ("Partai Contoh Raya", "party"),
    ]
    assert not supported.independent
    independent = CandidatePair.objects.get(head__name=RIVAL_HEAD)
    assert independent.independent and not independent.parties.exists()


def test_an_elected_pair_becomes_the_contests_winner():
    store("a.txt", [pair(number=1), pair(RIVAL_HEAD, RIVAL_DEPUTY, number=2)])
    store("b.txt", [pair(RIVAL_HEAD, RIVAL_DEPUTY, stage="terpilih")], day="2024-12-10")
    contest = Contest.objects.get(region__code="18.72")
    assert contest.winner.head.name == RIVAL_HEAD
    assert contest.winner.terpilih_on == date(2024, 12, 10)


def test_a_head_the_people_list_missed_is_still_one_person_across_articles():
    store("a.txt", [pair()], names=[])
    store("b.txt", [pair()], names=[])
    assert Person.objects.filter(name=HEAD).count() == 1
    assert CandidatePair.objects.count() == 1


def test_a_raw_text_naming_pairs_fills_its_contest_page_in_ballot_order(tmp_path, client):
    from django.core.management import call_command

    from articles.models import Contest

    (tmp_path / "undian.txt").write_text(
        "KPU Kota Metro Undi Nomor Urut Paslon Pilwako Metro\n\n"
        "METRO - KPU Kota Metro mengundi nomor urut pasangan calon wali kota dan wakil wali kota, "
        "Senin (23/9/2024). Pasangan Hendra Gunawan Putra-Maya Sari Dewanti mendapat nomor urut 2, "
        "sedangkan pasangan Yusran Effendi-Ratna Kurniasih nomor urut 1.",
        encoding="utf-8",
    )
    call_command("import_articles", str(tmp_path), verbosity=0)
    contest = Contest.objects.get(region__code="18.72")
    assert [(p.number, p.head.name, p.deputy.name) for p in contest.pairs.ballot_order()] == [
        (1, "Yusran Effendi", "Ratna Kurniasih"),
        (2, "Hendra Gunawan Putra", "Maya Sari Dewanti"),
    ]
    page = client.get(contest.get_absolute_url()).content.decode()
    assert page.index("Yusran Effendi") < page.index("Hendra Gunawan Putra")
