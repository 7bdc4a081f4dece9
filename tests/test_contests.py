"""Contests and candidate pairs as stored: one race per region that voted, the pair rules."""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import Count

from articles.models import CandidatePair, Contest, Office, Person, Region, Stage

pytestmark = pytest.mark.django_db


def test_migrating_gives_one_contest_per_region_that_voted_37_governors_415_regents_93_mayors():
    assert Contest.objects.count() == 545
    by_office = dict(Contest.objects.values_list("office").annotate(n=Count("pk")))
    assert by_office == {Office.GUBERNUR: 37, Office.BUPATI: 415, Office.WALI_KOTA: 93}
    assert not Contest.objects.filter(region__code="34").exists()  # DI Yogyakarta
    assert not Contest.objects.filter(region__code="31.71").exists()  # an administrative city
    assert Contest.objects.get(region__code="18.72").office == Office.WALI_KOTA
    assert Contest.objects.get(region__code="18").get_office_display() == "Gubernur"


def test_a_region_has_at_most_one_contest():
    with pytest.raises(IntegrityError), transaction.atomic():
        Contest.objects.create(region=Region.objects.get(code="18.72"), office=Office.WALI_KOTA)


@pytest.mark.parametrize("number", [0, 11])
def test_the_database_refuses_a_ballot_number_outside_one_to_ten(number):
    head = Person.objects.create(name="Calon Satu", slug="calon-satu")
    with pytest.raises(IntegrityError), transaction.atomic():
        CandidatePair.objects.create(head=head, number=number, slug="p")


def test_pairs_list_in_ballot_order_with_unnumbered_pairs_last():
    contest = Contest.objects.get(region__code="18.72")
    for name, number in [("Citra", 2), ("Ahmad", None), ("Budi", 1)]:
        head = Person.objects.create(name=name, slug=name.lower())
        CandidatePair.objects.create(contest=contest, head=head, number=number, slug=name.lower())
    ordered = CandidatePair.objects.in_contest(contest).ballot_order()
    assert [p.head.name for p in ordered] == ["Budi", "Citra", "Ahmad"]


def test_contest_vocabulary_finds_a_regions_race_and_the_single_pair_races():
    metro = Region.objects.get(code="18.72")
    Contest.objects.filter(region=metro).update(single_pair=True)
    assert Contest.objects.for_region(metro).get().region == metro
    assert list(Contest.objects.single_pair()) == [metro.contest]


def test_a_pairs_stage_only_moves_forward():
    pair = CandidatePair(stage=Stage.CALON)
    assert not pair.take_stage(Stage.BAKAL_CALON, None)
    assert pair.stage == Stage.CALON
    assert pair.take_stage(Stage.GUGUR, None) and pair.stage == Stage.GUGUR
    assert not pair.take_stage(Stage.TERPILIH, None)
    assert pair.stage == Stage.GUGUR


def test_extraction_words_map_to_offices_and_stages():
    assert Office.from_text("wali kota") == Office.WALI_KOTA
    assert Office.from_text("") is None and Office.from_text("presiden") is None
    assert Stage.from_text("bakal calon") == Stage.BAKAL_CALON
    assert Stage.from_text("menang") is None
