"""Rebuild the search index without taking search down: build a new generation, then swap it in.

Replaces haystack's rebuild_index (articles comes before haystack in INSTALLED_APPS), which deletes
the live index folder first. Keeps its --noinput and --using options so scripts need no change.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from haystack import connections

from articles.models import Article


class Command(BaseCommand):
    help = "Rebuild the search index in a new folder with one writer, then switch searches to it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Accepted for compatibility: this rebuild never deletes the live index, so never asks.",
        )
        parser.add_argument("-u", "--using", action="append", default=[], help="Haystack connection(s).")
        parser.add_argument(
            "-b", "--batch-size", type=int, default=1000, help="Articles read from the database at a time."
        )

    def handle(self, *args, **options):
        for using in options["using"] or list(connections.connections_info):
            backend = connections[using].get_backend()
            if not hasattr(backend, "rebuild"):
                # Solr, Elasticsearch…: haystack's own clear + update.
                call_command("clear_index", using=[using], interactive=False, verbosity=options["verbosity"])
                call_command("update_index", using=[using], verbosity=options["verbosity"])
                continue
            index = connections[using].get_unified_index().get_index(Article)
            queryset = index.index_queryset(using=using)
            total = queryset.count()
            step = max(1, total // 20)

            def progress(n, total=total, step=step):
                if options["verbosity"] >= 2 and (n % step == 0 or n == total):
                    self.stdout.write(f"  {n}/{total} articles")

            try:
                count = backend.rebuild(
                    index, queryset.iterator(chunk_size=options["batch_size"]), progress=progress
                )
            except RuntimeError as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(f"Indexed {count} articles into a new index ({using}) and switched to it.")
