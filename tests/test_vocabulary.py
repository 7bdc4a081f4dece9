"""One vocabulary of office and election spellings, read by search, role comparison and extraction."""

import pytest

from articles.extraction.gazetteer import LEVEL_WORDS
from articles.extraction.pairs import _office_level
from articles.naming import role_key
from articles.search.analysis import indonesian_analyzer


def tokens(text):
    return [t.text for t in indonesian_analyzer()(text)]


@pytest.mark.parametrize(("short", "written_out"), [("Wako", "Wali Kota"), ("Wawali", "Wakil Wali Kota")])
def test_a_short_form_means_the_same_office_to_search_roles_and_extraction(short, written_out):
    assert tokens(f"{short} Metro") == tokens(f"{written_out} Metro")
    assert role_key(f"{short} Metro") == role_key(f"{written_out} Metro")
    assert LEVEL_WORDS[short.casefold()] == "kota" and _office_level(f"{short} Metro") == "kota"


@pytest.mark.parametrize("election", ["Pilbup", "Pilgub", "Pilwako", "Pemilukada"])
def test_every_short_name_of_a_regional_election_is_a_pilkada_to_search(election):
    assert tokens(f"{election} 2024") == tokens("Pilkada 2024")


def test_an_acting_post_compares_alike_however_it_is_written():
    assert role_key("Pj Bupati Subang") == role_key("Penjabat Bupati Subang")
