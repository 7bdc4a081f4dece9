"""Searching by Pilkada race and candidate pair: the index carries both, the page and the API filter
and facet by them."""

import pytest

from articles.models import CandidatePair, PairTag, TagStatus
from tests.pair_data import HEAD, RIVAL_DEPUTY, RIVAL_HEAD, pair, store


@pytest.fixture
def races(search_index):
    store("metro-1.txt", [pair(number=1)], title="Debat pertama di Metro")
    store("metro-2.txt", [pair(RIVAL_HEAD, RIVAL_DEPUTY, number=2)], title="Kampanye akbar di Metro")
    store(
        "subang.txt",
        [pair("Calon Subang", "Wakil Subang", contest="32.13", office="bupati")],
        title="Debat Subang",
    )
    store("nowhere.txt", [pair("Calon Entah", None, contest=None, office="")], title="Debat tanpa wilayah")
    search_index.update()
    return search_index


def titles(response):
    return sorted(r["title"] for r in response.json()["results"])


@pytest.mark.parametrize("value", ["18.72", "kota-metro"])
def test_the_api_filters_by_contest_code_or_slug(client, races, value):
    response = client.get("/api/search", {"contest": value})
    assert response.status_code == 200
    assert titles(response) == ["Debat pertama di Metro", "Kampanye akbar di Metro"]


def test_the_api_filters_by_pair_id_or_slug(client, races):
    ours = CandidatePair.objects.get(head__name=HEAD)
    for value in (str(ours.pk), ours.slug):
        assert titles(client.get("/api/search", {"pair": value})) == ["Debat pertama di Metro"]


def test_contest_and_pair_facets_count_the_results(client, races):
    facets = client.get("/api/search", {"q": "debat"}).json()["facets"]
    assert sorted((f["code"], f["name"], f["count"]) for f in facets["contest"]) == [
        ("18.72", "Kota Metro", 1),
        ("32.13", "Kabupaten Subang", 1),
    ]
    assert sorted(f["name"] for f in facets["pair"]) == [
        "1. Yusran Effendi – Ratna Kurniasih",
        "Calon Entah",
        "Calon Subang – Wakil Subang",
    ]


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"contest": "99.99"}, "contest"),
        ({"contest": "daerah-istimewa-yogyakarta"}, "contest"),
        ({"contest": "x" * 101}, "contest"),
        ({"pair": "999999"}, "pair"),
        ({"pair": "99999999999999999999"}, "pair"),
        ({"pair": "tidak-ada"}, "pair"),
    ],
)
def test_an_unknown_contest_or_pair_is_a_400_naming_the_parameter(client, races, params, parameter):
    response = client.get("/api/search", params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert client.get("/cari/", params).status_code == 400


def test_a_rejected_pair_tag_drops_the_article_from_the_filter_at_once(
    client, races, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tag = PairTag.objects.get(article__source_file="metro-2.txt")
        tag.status = TagStatus.REJECTED
        tag.save()
    assert titles(client.get("/api/search", {"contest": "18.72"})) == ["Debat pertama di Metro"]


def test_the_search_page_offers_contest_and_pair_facets_and_shows_the_active_filter(client, races):
    html = client.get("/cari/", {"q": "debat"}).content.decode()
    assert 'id="facet-contest"' in html and 'href="?q=debat&amp;contest=18.72"' in html
    assert 'id="facet-pair"' in html
    filtered = client.get("/cari/", {"q": "debat", "contest": "18.72"}).content.decode()
    assert "Pemilihan: Pilkada Kota Metro (Wali Kota)" in filtered
    assert "Debat Subang" not in filtered and "Debat pertama di Metro" in filtered


def test_api_results_name_their_pairs_with_slugs(client, races):
    ours = CandidatePair.objects.get(head__name=HEAD)
    result = client.get("/api/search", {"pair": ours.slug}).json()["results"][0]
    assert [p["slug"] for p in result["pairs"]] == [ours.slug]
    assert result["pairs"][0]["contest"] == "18.72" and result["pairs"][0]["number"] == 1
    assert result["pairs"][0]["head"] == {"name": HEAD, "slug": ours.head.slug}
