"""Export every article with its tags, as JSONL or CSV; no cap."""

import csv
import sys

from django.core.management.base import BaseCommand, CommandError

from articles.exporting import CSV_COLUMNS, articles_for_export, as_csv_row, as_record, jsonl_line


class Command(BaseCommand):
    help = "Export every article, complete, as JSONL (one object per line) or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--output", help="file to write (default: standard output)")
        parser.add_argument(
            "--revisions",
            action="store_true",
            help="with each article, the earlier versions of its file (JSONL only)",
        )

    def handle(self, *args, format, output, revisions, **options):
        if revisions and format != "jsonl":
            raise CommandError("--revisions needs --format jsonl: a CSV row has no room for earlier texts")
        try:
            out = open(output, "w", encoding="utf-8", newline="") if output else self.stdout._out
        except OSError as exc:
            raise CommandError(f"cannot write {output}: {exc.strerror}") from None
        articles = articles_for_export(revisions).iterator(chunk_size=500)
        records = (as_record(a, revisions) for a in articles)
        count = 0
        try:
            if format == "csv":
                writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
                writer.writeheader()
                for record in records:
                    writer.writerow(as_csv_row(record))
                    count += 1
            else:
                for record in records:
                    out.write(jsonl_line(record))
                    count += 1
        finally:
            if output:
                out.close()
        if output:
            self.stderr.write(f"{count} articles written to {output}")
        sys.stdout.flush()
