"""GET /api/contests/<region code>: one race with its pairs, as JSON."""

import pytest

from articles.models import CandidatePair, PairTag, TagStatus
from tests.pair_data import DEPUTY, HEAD, MORE, RIVAL_DEPUTY, RIVAL_HEAD, pair, store

pytestmark = pytest.mark.django_db


def test_a_contest_comes_with_its_pairs_in_ballot_order(client):
    store("a.txt", [pair(number=2, stage="calon", parties=["Partai Contoh Raya"])])
    store("b.txt", [pair(number=2), pair(RIVAL_HEAD, RIVAL_DEPUTY, number=1, parties=["perseorangan"])])
    PairTag.objects.filter(article__source_file="b.txt", pair__head__name=HEAD).update(
        status=TagStatus.REJECTED
    )
    response = client.get("/api/contests/18.72")
    assert response.status_code == 200
    data = response.json()
    assert data["region"] == {"code": "18.72", "name": "Kota Metro", "slug": "kota-metro"}
    assert (data["office"], data["election_date"], data["single_pair"]) == ("wali_kota", "2024-11-27", False)
    rival, ours = data["pairs"]
    assert rival["number"] == 1 and rival["head"]["name"] == RIVAL_HEAD
    assert rival["parties"] == [] and rival["independent"] is True
    assert ours == {
        "id": CandidatePair.objects.get(head__name=HEAD).pk,
        "slug": CandidatePair.objects.get(head__name=HEAD).slug,
        "number": 2,
        "head": {"name": HEAD, "slug": "yusran-effendi"},
        "deputy": {"name": DEPUTY, "slug": "ratna-kurniasih"},
        "stage": "calon",
        "parties": ["Partai Contoh Raya"],
        "independent": False,
        "winner": False,
        "article_count": 1,  # the rejected tag does not count
    }


def test_a_race_without_pairs_has_an_empty_list(client, db):
    data = client.get("/api/contests/18").json()
    assert data["region"]["slug"] == "lampung" and data["office"] == "gubernur"
    assert data["pairs"] == []


@pytest.mark.parametrize("code", ["99.99", "34", "31.71", "xyz", "18.72'--"])
def test_an_unknown_code_is_a_json_404_that_says_so(client, db, code):
    response = client.get(f"/api/contests/{code}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert code in data["error"] and data["parameter"] == "code"


def test_the_contest_api_runs_the_same_number_of_queries_with_more_pairs(
    client, django_assert_max_num_queries
):
    store("a.txt", [pair(number=1, parties=["Partai Satu"])])
    with django_assert_max_num_queries(3):
        client.get("/api/contests/18.72")
    for n, (head, deputy) in enumerate(MORE[:4], start=2):
        store(f"{n}.txt", [pair(head, deputy, number=n, parties=[f"Partai {deputy}"])])
    with django_assert_max_num_queries(3):
        assert len(client.get("/api/contests/18.72").json()["pairs"]) == 5
