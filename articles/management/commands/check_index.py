"""Report how the search index differs from the database, and repair it with --fix."""

from django.core.management.base import BaseCommand

from articles.search.indexing import compare_index, repair_index


class Command(BaseCommand):
    help = "Compare the search index with the database: missing, stale and outdated articles."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Reindex missing/outdated, remove stale.")
        parser.add_argument(
            "--deep", action="store_true", help="Also re-prepare every document to catch tag/name changes."
        )

    def handle(self, *args, **options):
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
        if not report:
            self.stdout.write("Index and database agree.")
        elif options["fix"]:
            repair_index(report)
            self.stdout.write(
                f"Repaired: {len(report.missing)} added, {len(report.outdated)} reindexed, "
                f"{len(report.stale)} removed."
            )
        else:
            self.stdout.write("Run with --fix to repair.")
