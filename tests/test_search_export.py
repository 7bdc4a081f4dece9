"""GET /api/export: every match of a search, streamed as JSONL or CSV, with a first line that says
what was asked and when."""

import csv
import io
import json

import pytest
from django.urls import reverse

from articles.search import export

URL = reverse("api-export")


def body(response):
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def test_jsonl_is_a_header_then_every_match(client, corpus):
    response = client.get(URL, {"region": "kota-metro", "format": "jsonl"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-ndjson")
    assert "attachment" in response["Content-Disposition"]
    lines = [json.loads(line) for line in body(response).splitlines()]
    header, records = lines[0]["export"], lines[1:]
    assert header["query"] == "region=kota-metro" and header["count"] == 2 and header["exported_at"]
    assert {r["id"] for r in records} == {corpus.metro_run.pk, corpus.metro_meeting.pk}
    assert all(r["title"] and "body" in r for r in records)


def test_csv_has_a_comment_line_a_header_row_and_one_row_a_match(client, corpus):
    response = client.get(URL, {"q": "qomaru", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = body(response)
    first, rest = text.split("\n", 1)
    assert first.startswith("# query=q=qomaru exported_at=") and first.endswith("count=2")
    rows = list(csv.DictReader(io.StringIO(rest)))
    assert {int(r["id"]) for r in rows} == {corpus.metro_run.pk, corpus.metro_meeting.pk}
    assert rows[0]["title"] and rows[0]["outlet"]


def test_the_export_is_not_capped_by_pages_and_goes_in_chunks(client, corpus, monkeypatch):
    monkeypatch.setattr(export, "CHUNK", 2)
    everything = client.get("/api/search").json()["count"]
    assert everything > 2 * export.CHUNK - 1
    lines = body(client.get(URL, {"page": "3"})).splitlines()
    assert len(lines) - 1 == everything
    assert len({json.loads(line)["id"] for line in lines[1:]}) == everything


def test_the_export_keeps_the_search_order(client, corpus):
    ordered = [r["id"] for r in client.get("/api/search", {"sort": "oldest"}).json()["results"]]
    exported = [json.loads(line)["id"] for line in body(client.get(URL, {"sort": "oldest"})).splitlines()[1:]]
    assert exported[: len(ordered)] == ordered


def test_database_queries_per_chunk_do_not_grow_with_the_matches(client, corpus, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(export, "CHUNK", 100)
    with CaptureQueriesContext(connection) as queries:
        body(client.get(URL))
    assert len(queries) <= 8  # one chunk: the articles and one query per kind of tag


@pytest.mark.parametrize(
    ("params", "parameter"),
    [({"format": "xlsx"}, "format"), ({"region": "nowhere"}, "region"), ({"from": "2024-13-01"}, "from")],
)
def test_a_bad_export_parameter_is_a_json_400(client, corpus, params, parameter):
    response = client.get(URL, params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and response.json()["parameter"] == parameter


def test_post_to_the_export_is_a_json_405(client, corpus):
    assert client.post(URL).status_code == 405


def test_no_chunk_keeps_the_results_of_the_ones_before(client, corpus, monkeypatch):
    from haystack.query import SearchQuerySet

    monkeypatch.setattr(export, "CHUNK", 2)
    held = []
    fill = SearchQuerySet._fill_cache

    def counting(self, start, end, **kwargs):
        result = fill(self, start, end, **kwargs)
        held.append(sum(1 for hit in self._result_cache if hit is not None))
        return result

    monkeypatch.setattr(SearchQuerySet, "_fill_cache", counting)
    lines = body(client.get(URL)).splitlines()
    assert len(lines) - 1 == 6 and len(held) >= 3
    assert max(held) <= export.CHUNK
