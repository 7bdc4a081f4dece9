"""Import raw scraped news texts: files, folders (recursive) and globs of .txt."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.importer import FAILED, Importer
from articles.models import Article

SOURCE_MAX_LENGTH = Article._meta.get_field("source").max_length


class Command(BaseCommand):
    help = "Import raw news texts (.txt files, folders, globs). The raw text is kept byte for byte."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, folders (read recursively) or glob patterns")
        parser.add_argument(
            "--source",
            help="the source these files come from (default: the name of the folder given, or of a file's folder);"
            " a file is the same document when it comes back with the same source and path inside it",
        )
        parser.add_argument("--dry-run", action="store_true", help="parse and report, write nothing")
        parser.add_argument(
            "--jobs", type=int, default=None, help="worker processes for extraction (default: one per core)"
        )

    def handle(self, *args, paths, source, dry_run, jobs, verbosity, **options):
        if jobs is not None and jobs < 1:
            raise CommandError("--jobs must be at least 1")
        if source is not None and not (source.strip() and len(source) <= SOURCE_MAX_LENGTH):
            raise CommandError(f"--source must be a name of 1 to {SOURCE_MAX_LENGTH} characters")
        show_bar = verbosity > 0 and sys.stderr.isatty()
        with tqdm(unit="file", disable=not show_bar, file=sys.stderr) as bar:
            result = Importer(dry_run=dry_run, jobs=jobs, source=source).run(paths, progress=bar)

        for item in result.files:
            if item.status == FAILED:
                self.stderr.write(f"{item.path}: {item.reason}")
            elif verbosity > 1:
                self.stdout.write(
                    f"{item.path}: {item.status}" + (f" ({item.reason})" if item.reason else "")
                )
        prefix = "Dry run, nothing written. " if dry_run else ""
        if verbosity > 0:
            self.stdout.write(prefix + result.summary())
        if result.failures:
            raise CommandError(f"{len(result.failures)} of {len(result.files)} files failed")
