"""Report how the search index differs from the database, and repair it with --fix."""

from django.core.management.base import BaseCommand

from articles.search import outbox
from articles.search.indexing import compare_index, repair_index


class Command(BaseCommand):
    help = "Compare the search index with the database: missing, stale and outdated articles."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Reindex missing/outdated, remove stale.")
        parser.add_argument(
            "--deep", action="store_true", help="Also re-prepare every document to catch tag/name changes."
        )

    def handle(self, *args, **options):
        waiting, since = outbox.status()
        if waiting:
            self.stdout.write(f"outbox: {waiting} changes waiting since {since:%Y-%m-%d %H:%M:%S %Z}")
            if options["fix"]:
                landed = outbox.apply_all()
                self.stdout.write("outbox: applied" if landed else "outbox: the index write failed again")
                waiting, since = outbox.status()
        report = compare_index(deep=options["deep"])
        for label, ids in (
            ("missing", report.missing),
            ("stale", report.stale),
            ("outdated", report.outdated),
        ):
            if ids and options["verbosity"] >= 1:
                shown = sorted(ids) if options["verbosity"] >= 2 else sorted(ids)[:20]
                more = "" if len(shown) == len(ids) else " …"
                self.stdout.write(f"{label}: {len(ids)} ({', '.join(map(str, shown))}{more})")
        if not report and not waiting:
            self.stdout.write("Index and database agree.")
        elif not report:
            self.stdout.write("Index and database agree apart from the waiting changes.")
        elif options["fix"]:
            repair_index(report)
            self.stdout.write(
                f"Repaired: {len(report.missing)} added, {len(report.outdated)} reindexed, "
                f"{len(report.stale)} removed."
            )
        else:
            self.stdout.write("Run with --fix to repair.")
