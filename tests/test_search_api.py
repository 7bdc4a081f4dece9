"""GET /api/search: the JSON schema, filters, and a 400 naming the bad parameter."""

import pytest
from django.urls import reverse

from tests.test_search_query import MALFORMED

URL = reverse("api-search")


def test_the_response_has_the_documented_shape(client, corpus):
    data = client.get(URL, {"q": "qomaru"}).json()
    assert set(data) >= {"count", "page", "results", "facets", "suggestion"}
    assert data["count"] == 2 and data["page"] == 1
    first = data["results"][0]
    assert set(first) == {
        "id",
        "url",
        "title",
        "published",
        "date",
        "date_source",
        "outlet",
        "snippet",
        "regions",
        "people",
        "pairs",
    }
    assert data["undated"] == "include"
    assert first["regions"] == [{"code": "18.72", "name": "Kota Metro", "slug": "kota-metro"}]
    assert {"name": "Qomaru Zaman", "slug": "qomaru-zaman"} in first["people"]
    assert set(data["facets"]) == {"region", "person", "outlet", "month", "contest", "pair"}
    assert {"code": "18.72", "name": "Kota Metro", "count": 2} in data["facets"]["region"]
    assert {"slug": "qomaru-zaman", "name": "Qomaru Zaman", "count": 2} in data["facets"]["person"]
    assert {"month": "2024-03", "count": 1} in data["facets"]["month"]
    assert all({"name", "count"} <= set(o) for o in data["facets"]["outlet"])


def test_published_is_local_time_with_its_offset(client, corpus):
    result = client.get(URL, {"q": "pencalonan"}).json()["results"][0]
    assert result["published"] == "2024-03-19T12:59:00+07:00"
    assert (result["date"], result["date_source"]) == ("2024-03-19", "published")


def test_a_date_range_says_it_left_undated_articles_out(client, corpus):
    data = client.get(URL, {"from": "2024-01-01", "to": "2024-12-31"}).json()
    assert data["undated"] == "exclude"
    assert client.get(URL, {"undated": "only", "from": "2024-01-01"}).json()["parameter"] == "undated"


def test_region_takes_a_code_and_person_a_slug(client, corpus):
    data = client.get(URL, {"region": "18", "person": "qomaru-zaman"}).json()
    assert {r["id"] for r in data["results"]} == {corpus.metro_run.pk, corpus.metro_meeting.pk}


def test_dates_filter_by_local_day(client, corpus):
    data = client.get(URL, {"from": "2024-11-01", "to": "2024-11-01"}).json()
    assert [r["id"] for r in data["results"]] == [corpus.lampung.pk]


def test_snippets_are_escaped_with_marks(client, corpus):
    snippet = client.get(URL, {"q": "pencalonan"}).json()["results"][0]["snippet"]
    assert "<mark>mencalonkan</mark>" in snippet and "<script>" not in snippet


def test_no_hits_come_with_a_suggestion(client, corpus):
    data = client.get(URL, {"q": "bawasluu"}).json()
    assert data["count"] == 0 and data["suggestion"] == "bawaslu"


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"from": "19-03-2024"}, "from"),
        ({"to": "2024-13-01"}, "to"),
        ({"from": "2024-05-01", "to": "2024-04-01"}, "to"),
        ({"region": "18.7"}, "region"),
        ({"region": "99"}, "region"),
        ({"person": "no such person"}, "person"),
        ({"person": "nobody"}, "person"),
        ({"outlet": "nowhere"}, "outlet"),
        ({"sort": "best"}, "sort"),
        ({"page": "-1"}, "page"),
        ({"page": "two"}, "page"),
    ],
)
def test_a_bad_parameter_is_a_400_that_names_it(client, corpus, params, parameter):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert response.json()["error"]


def test_a_page_past_the_last_is_a_404_in_json(client, corpus):
    response = client.get(URL, {"q": "qomaru", "page": 9})
    assert response.status_code == 404
    assert response.json()["parameter"] == "page"


@pytest.mark.parametrize("q", MALFORMED)
def test_malformed_queries_are_answered(client, corpus, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    assert isinstance(response.json()["count"], int)


@pytest.mark.parametrize("value", ["18.72", "kota-metro"])
def test_region_takes_a_code_or_the_slug_of_its_page(client, corpus, value):
    data = client.get(URL, {"region": value}).json()
    assert {r["id"] for r in data["results"]} == {corpus.metro_run.pk, corpus.metro_meeting.pk}


def test_an_unknown_region_names_both_forms_it_takes(client, corpus):
    response = client.get(URL, {"region": "kota-atlantis"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["parameter"] == "region"
    assert "18.72" in response.json()["error"] and "kota-metro" in response.json()["error"]


@pytest.mark.parametrize(
    ("params", "parameter", "expected"),
    [
        ({"from": "19-03-2024"}, "from", "YYYY-MM-DD"),
        ({"sort": "best"}, "sort", "relevance, newest, oldest"),
        ({"undated": "maybe"}, "undated", "include, exclude, only"),
        ({"page": "two"}, "page", "1"),
    ],
)
def test_an_error_names_the_format_or_the_choices(client, corpus, params, parameter, expected):
    data = client.get(URL, params).json()
    assert data["parameter"] == parameter and expected in data["error"]


def test_errors_are_in_english_when_the_script_asks_for_it(client, corpus):
    indonesian = client.get(URL, {"from": "kemarin"}).json()["error"]
    english = client.get(URL, {"from": "kemarin"}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").json()["error"]
    assert "Tanggal dengan format" in indonesian
    assert english.startswith("A date in the format YYYY-MM-DD")
    assert client.get(URL, {"from": "kemarin", "lang": "en"}).json()["error"] == english


def test_a_repeated_parameter_is_a_400_not_the_last_value(client, corpus):
    response = client.get(f"{URL}?region=18&region=32", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["parameter"] == "region"
    assert "given 2 times; give it only once" in response.json()["error"]


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_another_method_is_a_json_405(client, corpus, method):
    response = getattr(client, method)(URL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["parameter"] == "method" and "GET" in response.json()["error"]
    assert response["Allow"] == "GET, HEAD"


def test_the_api_refuses_post_even_with_csrf_checks_on(corpus):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, {"q": "wali"})
    assert response.status_code == 405 and response.json()["parameter"] == "method"


def test_an_unknown_api_address_is_a_json_404_listing_the_endpoints(client, db):
    response = client.get("/api/cari", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404 and response.json()["parameter"] == "path"
    assert "/api/search" in response.json()["error"] and "/api/export" in response.json()["error"]
    odd = client.get("/api/<script>")  # echoed only inside JSON, which a browser never renders
    assert odd["Content-Type"] == "application/json" and odd["X-Content-Type-Options"] == "nosniff"
