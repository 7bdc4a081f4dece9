"""The official regions are in the database after `migrate` alone."""

import re

import pytest

from articles.models import Level, Region, RegionAlias

pytestmark = pytest.mark.django_db


def test_migrate_loads_38_provinces_416_kabupaten_and_98_kota():
    counts = {level: Region.objects.filter(level=level).count() for level in Level.values}
    assert counts == {"provinsi": 38, "kabupaten": 416, "kota": 98}
    assert Region.objects.count() == 552


def test_545_regions_held_a_pilkada_on_27_november_2024():
    assert Region.objects.filter(pilkada_2024=True).count() == 545
    # DI Yogyakarta elects no governor, and Jakarta's administrative cities elect no mayor
    assert not Region.objects.get(code="34").pilkada_2024
    assert not Region.objects.get(code="31.71").pilkada_2024


def test_every_kabupaten_and_kota_has_its_province_as_parent():
    for region in Region.objects.subregions().select_related("parent"):
        assert region.parent.level == Level.PROVINSI
        assert region.code.split(".")[0] == region.parent.code


def test_provinces_have_no_parent():
    assert not Region.objects.provinces().exclude(parent=None).exists()


def test_codes_follow_the_kemendagri_pattern():
    for region in Region.objects.all():
        if region.level == Level.PROVINSI:
            assert re.fullmatch(r"\d{2}", region.code)
        elif region.level == Level.KABUPATEN:
            assert re.fullmatch(r"\d{2}\.(0[1-9]|[1-6]\d)", region.code), region.code
        else:
            assert re.fullmatch(r"\d{2}\.(7[1-9]|[89]\d)", region.code), region.code


def test_aliases_are_loaded_and_point_at_their_region():
    assert RegionAlias.objects.count() == 1550
    metro = Region.objects.get(code="18.72")
    assert metro.name == "Kota Metro"
    assert "Metro" in metro.aliases.values_list("name", flat=True)
    assert Region.objects.filter(aliases__name="Jabar").get().code == "32"


def test_regions_have_unique_readable_slugs():
    assert Region.objects.get(code="32.13").slug == "kabupaten-subang"
    assert Region.objects.values("slug").distinct().count() == 552


def test_with_descendants_of_a_province_includes_its_cities():
    lampung = Region.objects.get(code="18")
    codes = set(Region.objects.with_descendants(lampung).values_list("code", flat=True))
    assert {"18", "18.72", "18.01"} <= codes
    assert "32.13" not in codes
    assert len(codes) == 16  # Lampung and its 13 kabupaten and 2 kota


def test_a_malformed_code_is_refused_by_the_database():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Region.objects.create(code="18.7", name="Salah", level="kota", slug="salah")
