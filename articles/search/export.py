"""Every match of a search as CSV or JSONL, streamed: index ids a chunk at a time, then the articles
of each chunk from the database, so memory stays flat however many articles match."""

import csv
import io
import json

from django.utils import timezone

from articles.exporting import CSV_COLUMNS, articles_for_export, as_csv_row, as_record, jsonl_line
from articles.search.service import matching

CHUNK = 200
FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


def matching_ids(data):
    """The ids of every article the search finds, in its order, a chunk (list) at a time."""
    sqs = matching(data)
    total = sqs.count()
    for start in range(0, total, CHUNK):
        # a fresh clone each time: a SearchQuerySet keeps every result it has fetched
        ids = [int(hit.pk) for hit in sqs.all()[start : start + CHUNK]]
        if not ids:
            return
        yield ids


def matching_articles(data):
    """The matching articles with their tags, in the search's order; one chunk in memory at a time."""
    for ids in matching_ids(data):
        found = {a.pk: a for a in articles_for_export().filter(pk__in=ids)}
        yield from (found[pk] for pk in ids if pk in found)


def describe(query_string, count):
    """What was asked and when: the first line of every export."""
    return {
        "query": query_string,
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "count": count,
    }


def jsonl_lines(data, query_string):
    """A header object, then one article object a line."""
    yield json.dumps({"export": describe(query_string, matching(data).count())}, ensure_ascii=False) + "\n"
    for article in matching_articles(data):
        yield jsonl_line(as_record(article))


def csv_lines(data, query_string):
    """A '#' line saying what was asked and when, the column names, then one article a row."""
    header = describe(query_string, matching(data).count())
    yield f"# query={header['query']} exported_at={header['exported_at']} count={header['count']}\n"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for article in matching_articles(data):
        writer.writerow(as_csv_row(as_record(article)))
        yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer):
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def export_lines(format, data, query_string):
    return (csv_lines if format == "csv" else jsonl_lines)(data, query_string)
