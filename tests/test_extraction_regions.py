"""The gazetteer matcher and the choice of regions an article is about."""

import pytest

from articles.extraction import Gazetteer, extract
from articles.extraction.region_scoring import score
from tests.gazetteer_data import REGIONS

ALIASES = [
    ("32", "Jabar", "common_abbreviation"),
    ("12", "Sumut", "common_abbreviation"),
    ("12.74", "Tanjung Balai", "variant"),
    ("32.71", "Bogor", "short_name"),
    ("32.01", "Bogor", "short_name"),
]


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer(REGIONS, ALIASES)


def codes(gazetteer, text):
    return [m.resolved(gazetteer) for m in gazetteer.find(text)]


def test_a_short_name_finds_its_region_at_the_right_level(gazetteer):
    assert codes(gazetteer, "Warga Metro dan Subang") == ["18.72", "32.13"]


def test_spelling_with_or_without_space_or_hyphen_matches(gazetteer):
    assert codes(gazetteer, "Tanjung Balai, Tanjungbalai dan Tanjung-Balai") == ["12.74"] * 3


def test_province_abbreviations_match(gazetteer):
    assert codes(gazetteer, "Pilgub Jabar dan Sumut") == ["32", "12"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Pemkab Bogor", "32.01"),
        ("Kab. Bogor", "32.01"),
        ("Bupati Bogor", "32.01"),
        ("Pilbup Bogor", "32.01"),
        ("Pemkot Bogor", "32.71"),
        ("Wali Kota Bogor", "32.71"),
        ("Walikota Bogor", "32.71"),
        ("Pilwalkot Bogor", "32.71"),
        ("Gubernur Bengkulu", "17"),
        ("Pemilihan Bupati (Pilbup) Bogor", "32.01"),
    ],
)
def test_the_words_before_an_ambiguous_name_fix_its_level(gazetteer, text, code):
    assert codes(gazetteer, text)[-1] == code


def test_an_ambiguous_name_without_context_stays_unresolved(gazetteer):
    assert codes(gazetteer, "Warga Bogor") == [None]


def test_lower_case_words_and_media_names_are_not_regions(gazetteer):
    assert gazetteer.find("kereta metro dan harian Pos Metro serta Metro TV") == []


def test_a_region_named_with_an_election_body_is_what_the_article_is_about(gazetteer):
    found = score(gazetteer, "", "MEDAN", "KPU Metro menetapkan calon. Ketua KPU Metro hadir di Medan.")
    assert [r.code for r in found] == ["18.72"]


def test_a_venue_alone_is_not_a_region_of_the_article(gazetteer):
    body = "Bawaslu Subang menggelar rapat di Hotel Kota Medan. Bawaslu Subang mengajak warga."
    assert [r.code for r in score(gazetteer, "", "", body)] == ["32.13"]


def test_a_list_after_a_bupati_shares_its_weight(gazetteer):
    body = "Pjs Bupati Subang dan Bogor dilantik Gubernur Jawa Barat."
    assert {"32.13", "32.01"} <= {r.code for r in score(gazetteer, "", "", body)}


def test_the_wilayah_folder_loads_with_codes_from_the_decree():
    gazetteer = Gazetteer.from_csv("data/wilayah")
    assert gazetteer.lookup("Metro") == ["18.72"]
    assert gazetteer.lookup("Subang") == ["32.13"]
    assert gazetteer.lookup("Lubuklinggau") == ["16.73"]
    assert set(gazetteer.lookup("Bogor")) == {"32.01", "32.71"}


def test_extract_survives_hostile_input(gazetteer):
    for text in ["", "\x00" * 50, "Kota " * 5000, "((((", "Bupati , , ,", "\u202e\ufeff" * 100]:
        extract(text, gazetteer)
