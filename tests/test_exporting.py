"""export_articles: every article with its tags, candidate pairs included, as JSONL and CSV."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from articles.models import PairTag, TagStatus
from tests.pair_data import DEPUTY, HEAD, RIVAL_HEAD, pair, store

pytestmark = pytest.mark.django_db

KEYS = ["id", "file", "source", "path", "content_hash", "url", "outlet", "title", "published"]
KEYS += ["published_at", "date", "date_source", "dateline", "regions", "people", "organizations", "events"]
KEYS += ["pairs", "body"]


def export(format):
    out = io.StringIO()
    call_command("export_articles", format=format, stdout=out)
    return out.getvalue()


def test_jsonl_records_keep_every_key_and_list_the_pairs_with_their_status():
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


def test_csv_rows_have_a_pairs_column():
    store("a.txt", [pair(number=2)])
    (row,) = csv.DictReader(io.StringIO(export("csv")))
    assert row["pairs"] == f"18.72 2. {HEAD} – {DEPUTY} (suggested)"
    assert row["title"] == "Paslon Pilkada a.txt"
