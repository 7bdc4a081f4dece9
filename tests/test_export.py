"""The two exports: `manage.py export_articles` (every article) and GET /api/export (every match of a
search), as CSV and JSONL — well-formed, complete, escaped — and what a bad request gets back."""

import csv
import io
import json

import pytest
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError
from django.urls import reverse

from articles.exporting import CSV_COLUMNS
from articles.models import Article, PairTag, TagStatus
from articles.search import export as search_export
from tests.pair_data import DEPUTY, HEAD, RIVAL_HEAD, pair, store

URL = reverse("api-export")

KEYS = ["id", "file", "source", "path", "content_hash", "url", "outlet", "title", "published"]
KEYS += ["published_at", "date", "date_source", "dateline", "regions", "people", "organizations", "events"]
KEYS += ["pairs", "body"]

# What a spreadsheet or a line-based reader trips over: quotes, commas, line breaks, a leading '#'.
AWKWARD_TITLE = 'KPU: "Kotak kosong", bukan "calon" — kata ketua, 2024'
AWKWARD_BODY = 'Baris pertama, dengan koma.\n\n"Kutipan" di baris kedua;\r\nbaris ketiga\n# bukan komentar'


def export(format, *args):
    out = io.StringIO()
    call_command("export_articles", *args, format=format, stdout=out)
    return out.getvalue()


def streamed(response):
    assert response.streaming
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def awkward(make_article):
    return make_article(title=AWKWARD_TITLE, body=AWKWARD_BODY, outlet="Kabar, Lampung")


# --- export_articles -----------------------------------------------------------------------------


def test_the_command_writes_csv_with_a_header_row_and_one_row_an_article(make_article, awkward):
    others = [make_article() for _ in range(3)]
    rows = list(csv.reader(io.StringIO(export("csv"), newline="")))
    assert rows[0] == CSV_COLUMNS
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    records = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert [int(r["id"]) for r in records] == sorted(a.pk for a in [awkward, *others])


def test_the_command_csv_keeps_quotes_commas_and_line_breaks_inside_their_cells(awkward):
    (row,) = csv.DictReader(io.StringIO(export("csv"), newline=""))
    assert row["title"] == AWKWARD_TITLE
    assert row["body"] == AWKWARD_BODY
    assert row["outlet"] == "Kabar, Lampung"


def test_the_command_writes_jsonl_one_object_a_line_for_every_article(make_article, awkward):
    others = [make_article() for _ in range(3)]
    lines = export("jsonl").splitlines()
    records = [json.loads(line) for line in lines]  # each line alone is valid JSON
    assert [r["id"] for r in records] == sorted(a.pk for a in [awkward, *others])
    by_id = {r["id"]: r for r in records}
    assert (by_id[awkward.pk]["title"], by_id[awkward.pk]["body"]) == (AWKWARD_TITLE, AWKWARD_BODY)


def test_an_empty_archive_exports_only_the_csv_header_and_no_jsonl_lines(db):
    assert export("csv").splitlines() == [",".join(CSV_COLUMNS)]
    assert export("jsonl") == ""


def test_jsonl_records_keep_every_key_and_list_the_pairs_with_their_status(db):
    store("a.txt", [pair(number=2, stage="calon"), pair(RIVAL_HEAD, None, contest=None, office="")])
    PairTag.objects.filter(pair__head__name=RIVAL_HEAD).update(status=TagStatus.REJECTED)
    (record,) = [json.loads(line) for line in export("jsonl").splitlines()]
    assert list(record) == KEYS
    assert record["pairs"] == [
        {
            "contest": "18.72",
            "office": "wali kota",
            "number": 2,
            "head": HEAD,
            "deputy": DEPUTY,
            "stage": "calon",
            "status": "suggested",
        },
        {
            "contest": None,
            "office": "",
            "number": None,
            "head": RIVAL_HEAD,
            "deputy": None,
            "stage": None,
            "status": "rejected",
        },
    ]


def test_csv_rows_have_a_pairs_column(db):
    store("a.txt", [pair(number=2)])
    (row,) = csv.DictReader(io.StringIO(export("csv")))
    assert row["pairs"] == f"18.72 2. {HEAD} – {DEPUTY} (suggested)"
    assert row["title"] == "Paslon Pilkada a.txt"


def test_output_goes_to_a_file_and_the_count_to_stderr(make_article, tmp_path):
    make_article(), make_article()
    target = tmp_path / "semua.jsonl"
    err = io.StringIO()
    call_command("export_articles", output=str(target), stdout=io.StringIO(), stderr=err)
    assert len(target.read_text(encoding="utf-8").splitlines()) == 2
    assert f"2 articles written to {target}" in err.getvalue()


def test_an_unknown_format_is_refused_with_the_choices(db):
    with pytest.raises(CommandError, match="invalid choice: 'xlsx'.*'jsonl', 'csv'"):
        call_command("export_articles", "--format", "xlsx", stdout=io.StringIO())


def test_revisions_in_csv_are_refused(db):
    with pytest.raises(CommandError, match="--revisions needs --format jsonl"):
        call_command("export_articles", "--revisions", "--format", "csv", stdout=io.StringIO())


def test_an_output_file_that_cannot_be_written_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match=r"cannot write .*nowhere.*: No such file or directory"):
        call_command("export_articles", output=str(tmp_path / "nowhere" / "x.csv"), stdout=io.StringIO())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xlsx"], "invalid choice: 'xlsx'"),
        (["--output", "/nonexistent-folder/x.csv"], "cannot write /nonexistent-folder/x.csv"),
    ],
)
def test_from_the_shell_a_bad_call_is_one_line_on_stderr_without_a_traceback(args, message, capsys):
    # what `manage.py export_articles ...` runs, in this process
    with pytest.raises(SystemExit) as exited:
        ManagementUtility(["manage.py", "export_articles", *args]).execute()
    assert exited.value.code != 0
    out, err = capsys.readouterr()
    assert message in err
    assert "Traceback" not in err and out == ""


# --- GET /api/export -----------------------------------------------------------------------------


def test_jsonl_is_a_header_then_every_match(client, corpus):
    response = client.get(URL, {"region": "kota-metro", "format": "jsonl"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-ndjson")
    assert "attachment" in response["Content-Disposition"]
    lines = [json.loads(line) for line in streamed(response).splitlines()]
    header, records = lines[0]["export"], lines[1:]
    assert header["query"] == "region=kota-metro" and header["count"] == 2 and header["exported_at"]
    assert {r["id"] for r in records} == {corpus.metro_run.pk, corpus.metro_meeting.pk}
    assert all(r["title"] and "body" in r for r in records)


def test_jsonl_is_the_default_format(client, corpus):
    response = client.get(URL)
    assert response["Content-Type"].startswith("application/x-ndjson")
    lines = streamed(response).splitlines()
    assert json.loads(lines[0])["export"]["count"] == len(lines) - 1 == Article.objects.count()


def test_csv_has_a_comment_line_a_header_row_and_one_row_a_match(client, corpus):
    response = client.get(URL, {"q": "qomaru", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    first, rest = streamed(response).split("\n", 1)
    assert first.startswith("# query=q=qomaru exported_at=") and first.endswith("count=2")
    rows = list(csv.reader(io.StringIO(rest, newline="")))
    assert rows[0] == CSV_COLUMNS
    records = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]
    assert {int(r["id"]) for r in records} == {corpus.metro_run.pk, corpus.metro_meeting.pk}
    assert records[0]["title"] and records[0]["outlet"]


def test_both_formats_carry_quotes_commas_and_line_breaks_intact(client, corpus, awkward, search_index):
    search_index.update([awkward])
    text = streamed(client.get(URL, {"q": "kutipan", "format": "csv"}))
    (row,) = csv.DictReader(io.StringIO(text.split("\n", 1)[1], newline=""))
    assert (row["title"], row["body"], row["outlet"]) == (AWKWARD_TITLE, AWKWARD_BODY, "Kabar, Lampung")
    lines = streamed(client.get(URL, {"q": "kutipan", "format": "jsonl"})).splitlines()
    assert len(lines) == 2  # the body's line breaks are escaped inside its one line
    assert (json.loads(lines[1])["title"], json.loads(lines[1])["body"]) == (AWKWARD_TITLE, AWKWARD_BODY)


def test_a_search_that_finds_nothing_exports_only_its_header(client, corpus):
    lines = streamed(client.get(URL, {"q": "zzzzzz", "format": "csv"})).splitlines()
    assert lines[0].endswith("count=0") and lines[1:] == [",".join(CSV_COLUMNS)]
    lines = streamed(client.get(URL, {"q": "zzzzzz"})).splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["export"]["count"] == 0


def test_the_export_is_not_capped_by_pages_and_goes_in_chunks(client, corpus, monkeypatch):
    monkeypatch.setattr(search_export, "CHUNK", 2)
    everything = client.get("/api/search").json()["count"]
    assert everything > 2 * search_export.CHUNK - 1
    lines = streamed(client.get(URL, {"page": "3"})).splitlines()
    assert len(lines) - 1 == everything
    assert len({json.loads(line)["id"] for line in lines[1:]}) == everything


def test_the_export_keeps_the_search_order(client, corpus):
    ordered = [r["id"] for r in client.get("/api/search", {"sort": "oldest"}).json()["results"]]
    lines = streamed(client.get(URL, {"sort": "oldest"})).splitlines()[1:]
    assert [json.loads(line)["id"] for line in lines][: len(ordered)] == ordered


def test_database_queries_per_chunk_do_not_grow_with_the_matches(client, corpus, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(search_export, "CHUNK", 100)
    with CaptureQueriesContext(connection) as queries:
        streamed(client.get(URL))
    assert len(queries) <= 8  # one chunk: the articles and one query per kind of tag


def test_no_chunk_keeps_the_results_of_the_ones_before(client, corpus, monkeypatch):
    from haystack.query import SearchQuerySet

    monkeypatch.setattr(search_export, "CHUNK", 2)
    held = []
    fill = SearchQuerySet._fill_cache

    def counting(self, start, end, **kwargs):
        result = fill(self, start, end, **kwargs)
        held.append(sum(1 for hit in self._result_cache if hit is not None))
        return result

    monkeypatch.setattr(SearchQuerySet, "_fill_cache", counting)
    lines = streamed(client.get(URL)).splitlines()
    assert len(lines) - 1 == 6 and len(held) >= 3
    assert max(held) <= search_export.CHUNK


@pytest.mark.parametrize(
    ("params", "parameter", "words"),
    [
        ({"format": "xlsx"}, "format", "csv"),
        ({"region": "nowhere"}, "region", "nowhere"),
        ({"from": "2024-13-01"}, "from", "date"),
        ({"sort": "sideways"}, "sort", "relevance, newest, oldest"),
    ],
)
def test_a_bad_export_parameter_is_a_json_400_that_names_it(client, corpus, params, parameter, words):
    response = client.get(URL, params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    answer = response.json()
    assert answer["parameter"] == parameter and words in answer["error"]
    assert "Traceback" not in answer["error"]


def test_a_repeated_parameter_is_a_json_400(client, corpus):
    response = client.get(f"{URL}?format=csv&format=jsonl")
    assert response.status_code == 400 and response.json()["parameter"] == "format"


def test_post_to_the_export_is_a_json_405(client, corpus):
    response = client.post(URL)
    assert response.status_code == 405 and response.json()["parameter"] == "method"
