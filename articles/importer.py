"""Files → extraction → database. One transaction per file; a bad file is reported and the rest go on.

A document's identity is its source (--source, or the name of the folder given) and its path inside
that folder. Re-importing is idempotent: the same text is "unchanged" under any identity, a new
version of a document updates its article and keeps the version it replaces as a revision. The
entities an article names, and its tags, are found or made by articles.matching.
"""

import glob
import hashlib
import multiprocessing
import os
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone

from articles import counts
from articles.exporting import TAG_PREFETCHES, tag_lists
from articles.extraction import Gazetteer, decode
from articles.matching import EntityMatcher
from articles.models import Article, ArticleRevision, ImportBatch, Region, RegionAlias
from articles.naming import fallback_title
from articles.reading import normalise, read_article, read_article_in_worker, start_worker
from articles.search import outbox
from articles.search.indexing import deferred_indexing, unindexed, update_articles

CREATED, UPDATED, UNCHANGED, FAILED = "created", "updated", "unchanged", "failed"
PARALLEL_FROM_FILES = 200  # below this, starting worker processes costs more than it saves
WINDOW = 1000  # files the extraction workers may run ahead of the storing, twice over
PATH_MAX_LENGTH = Article._meta.get_field("source_path").max_length
ATTEMPTS = 5  # per file, when another writer's transaction got in its way


@dataclass
class FileResult:
    path: str
    status: str
    reason: str = ""
    article_id: int | None = None


@dataclass
class ImportResult:
    files: list[FileResult] = field(default_factory=list)
    batch: ImportBatch | None = None

    def count(self, status):
        return sum(1 for f in self.files if f.status == status)

    @property
    def failures(self):
        return [f for f in self.files if f.status == FAILED]

    def summary(self):
        parts = [f"{self.count(s)} {s}" for s in (CREATED, UPDATED, UNCHANGED, FAILED)]
        return f"{len(self.files)} files: " + ", ".join(parts)


@dataclass(frozen=True)
class Document:
    """A file to import and its identity: the source it belongs to and its path inside that source."""

    path: Path
    source: str
    source_path: str

    @property
    def identity(self):
        return f"{self.source}/{self.source_path}"


def folder_name(folder):
    """A folder's own name, also for "." and ".." (symbolic links are not followed: the name given counts)."""
    return Path(os.path.abspath(folder)).name or "/"


def glob_root(pattern):
    """The folder a pattern searches from: its leading parts without wildcards."""
    parts = Path(pattern).parts
    plain = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    return Path(*parts[:plain]) if plain else Path(".")


def collect_paths(args, source=None):
    """Expand files, folders (recursively, *.txt) and glob patterns into Documents; report what
    matched nothing. A file's path is counted from the folder given (a file's own folder, a
    pattern's folder), whose name is the source unless `source` names one."""
    found, missing = [], []  # (file, the folder its path is counted from)
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            found.extend((p, path) for p in sorted(path.rglob("*.txt")) if p.is_file())
        elif path.is_file():
            found.append((path, path.parent))
        elif glob.has_magic(arg):
            matches = sorted(Path(p) for p in glob.glob(arg, recursive=True) if Path(p).is_file())
            found.extend((p, glob_root(arg)) for p in matches)
            if not matches:
                missing.append(FileResult(arg, FAILED, "the pattern matches no file"))
        else:
            missing.append(FileResult(arg, FAILED, "no such file or folder"))
    documents = {}
    for file, root in found:  # the same file named twice is read once, under the first identity
        if file not in documents:
            inside = Path(os.path.relpath(file, root)).as_posix()
            documents[file] = Document(file, source or folder_name(root), inside)
    too_long = [d for d in documents.values() if len(d.source_path) > PATH_MAX_LENGTH]
    missing += [
        FileResult(str(d.path), FAILED, f"its path inside {d.source} is over {PATH_MAX_LENGTH} characters")
        for d in too_long
    ]
    return [d for d in documents.values() if d not in too_long], missing


def content_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def interrupted_and_unindexed(current_batch):
    """Articles a killed import committed but never indexed (a run indexes at its end): this run's
    writer indexes them too, so re-running an interrupted import leaves index and database agreeing."""
    ids = (
        Article.objects.filter(batch__finished_at__isnull=True)
        .exclude(batch=current_batch)
        .values_list("pk", flat=True)
    )
    return unindexed(ids)


class Importer:
    """Imports files into the archive; build one per run so its caches are shared across files."""

    def __init__(
        self, dry_run=False, max_bytes=None, jobs=None, parallel_from_files=PARALLEL_FROM_FILES, source=None
    ):
        self.dry_run = dry_run
        self.source = source
        self.parallel_from_files = parallel_from_files
        self.jobs = (os.cpu_count() or 1) if jobs is None else jobs
        self.max_bytes = max_bytes or settings.IMPORT_MAX_BYTES
        regions = list(Region.objects.all())
        self.regions = {r.code: r for r in regions}
        self.gazetteer_rows = (
            [
                {"code": r.code, "name": r.name, "level": r.level, "province_code": r.code[:2]}
                for r in regions
            ],
            [
                {"code": code, "alias": alias, "kind": kind}
                for code, alias, kind in RegionAlias.objects.values_list("region__code", "name", "kind")
            ],
        )
        self.gazetteer = Gazetteer(*self.gazetteer_rows)
        self.matcher = EntityMatcher(self.regions)

    # -- files ------------------------------------------------------------------------------------

    def run(self, args, progress=None):
        """Import everything `args` names; `progress` is a tqdm bar, told the total, then each file."""
        documents, missing = collect_paths(args, self.source)
        if progress is not None:
            progress.reset(total=len(documents))
        result = ImportResult(files=list(missing))
        if not self.dry_run:
            result.batch = ImportBatch.objects.create(paths=[str(a) for a in args])
        # one index writer for the whole run, and one new version of the cached counts, instead of
        # one of each per article
        with deferred_indexing(), counts.deferred():
            if not self.dry_run:
                update_articles(interrupted_and_unindexed(result.batch))
            for document, parsed in zip(documents, self.parse_all([d.path for d in documents]), strict=True):
                result.files.append(self.store(parsed, document, result.batch))
                if progress is not None:
                    progress.update()
        if result.batch:
            batch = result.batch
            batch.created, batch.updated = result.count(CREATED), result.count(UPDATED)
            batch.unchanged, batch.failed = result.count(UNCHANGED), result.count(FAILED)
            batch.errors = [{"file": f.path, "reason": f.reason} for f in result.failures]
            batch.finished_at = timezone.now()
            batch.save()
            refresh_statistics()
            outbox.apply_due()  # index work an earlier, interrupted run left waiting
        return result

    def parse_all(self, paths):
        """Parsed files in order. Extraction is the CPU-heavy part, so a big run spreads it over
        worker processes while this one stores the results; a small run stays in-process."""
        if self.jobs < 2 or len(paths) < self.parallel_from_files:
            yield from (read_article(path, self.gazetteer, self.max_bytes) for path in paths)
            return
        context = multiprocessing.get_context("spawn")  # no forked database connections
        with context.Pool(
            self.jobs, initializer=start_worker, initargs=(*self.gazetteer_rows, self.max_bytes)
        ) as pool:
            yield from one_window_ahead(
                paths, WINDOW, lambda window: pool.imap(read_article_in_worker, window, 16)
            )

    def import_file(self, path, batch=None):
        [document], _ = collect_paths([path], self.source)
        return self.store(read_article(path, self.gazetteer, self.max_bytes), document, batch)

    def store(self, parsed, document, batch=None):
        """One file's article and tags, in one transaction. When another import or an editor wrote
        the same rows at the same moment (a unique key taken, a deadlock, SQLite's write lock held
        past its timeout), the transaction is rolled back and the file tried again."""
        path = str(parsed.path)
        if parsed.failure:
            return FileResult(path, FAILED, parsed.failure)
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with transaction.atomic():
                    status, article, reason = self.save(document, parsed, batch)
                return FileResult(path, status, reason, article.pk if article else None)
            except (IntegrityError, OperationalError) as exc:
                self.matcher.forget()
                if attempt == ATTEMPTS:
                    return FileResult(path, FAILED, f"the database refused it {ATTEMPTS} times: {exc}")
                time.sleep(random.uniform(0, 0.1 * attempt))  # apart, so the same two don't meet again

    # -- articles ---------------------------------------------------------------------------------

    def save(self, document, parsed, batch):
        extraction = parsed.extraction
        digest = content_hash(parsed.text)
        article = Article.objects.filter(source=document.source, source_path=document.source_path).first()
        if article and article.content_hash == digest:
            return UNCHANGED, article, ""
        same_text = Article.objects.filter(content_hash=digest).only("pk", "source", "source_path").first()
        if same_text:
            return UNCHANGED, same_text, f"same text as article {same_text.pk}, {same_text.identity}"
        status = UPDATED if article else CREATED
        if self.dry_run:
            return status, None, ""
        if article:
            keep_revision(article)
        else:
            article = Article(source=document.source, source_path=document.source_path)
        article.source_file = document.path.name
        article.title = (extraction.title or fallback_title(extraction.body))[:500]
        article.body = extraction.body
        article.raw = parsed.raw
        article.encoding = parsed.encoding
        article.content_hash = digest
        article.set_dates(extraction.published, extraction.published_has_time, extraction.lead_date)
        article.dateline = extraction.dateline[:100]
        article.dateline_region = self.regions.get(extraction.dateline_region)
        article.outlet = self.matcher.outlet(extraction.outlet)
        article.credits = extraction.credits
        article.event_dates = [d.isoformat() for d in extraction.event_dates]
        article.batch = batch
        article.save()
        self.matcher.tag(article, extraction, article.dated_on, fresh=status == CREATED)
        return status, article, ""


def one_window_ahead(items, size, start):
    """The results of start(window) for each window of `size` items, in order, with the next window
    started before this one is read. Pool.imap alone parses every file as fast as the workers can
    and keeps what the storing has not reached: on PostgreSQL, where storing is the slower side,
    that was gigabytes at 100,000 files. Two windows in flight keep the workers busy and the
    memory bounded."""
    windows = (items[i : i + size] for i in range(0, len(items), size))
    current = None
    for window in windows:
        started = start(window)
        if current is not None:
            yield from current
        current = started
    if current is not None:
        yield from current


def keep_revision(article):
    """Keep the article's current version before a new version of its file replaces it."""
    prefetch_related_objects([article], *TAG_PREFETCHES)
    text, _encoding = decode(bytes(article.raw))
    return ArticleRevision.objects.create(
        article=article,
        raw=article.raw,
        encoding=article.encoding,
        text=normalise(text),
        content_hash=article.content_hash,
        title=article.title,
        published_on=article.published_on,
        published_at=article.published_at,
        tags=tag_lists(article),
        batch_id=article.batch_id,
        imported_at=article.updated_at,
    )


def refresh_statistics():
    """Let the database plan from what the archive now holds. Without ANALYZE's statistics it
    guesses: SQLite guessed a person-by-person plan for a busy person's co-mentions, far slower than
    the indexed one, and PostgreSQL, where autovacuum is off or has not come round yet after a large
    import, planned pages from empty tables. SQLite's analysis_limit samples each index, and
    PostgreSQL samples each table, so this stays quick."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit=1000")
        cursor.execute("ANALYZE")
