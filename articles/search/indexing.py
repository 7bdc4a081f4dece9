"""Keep the search index in step with the database: reindex or remove articles by id.

The two functions everything else calls:

    update_articles(ids)   reindex these articles (ids no longer in the database are removed)
    remove_articles(ids)   remove these articles from the index

and one context manager for long imports:

    with deferred_indexing():   # collect ids, index them all with one writer at the end
        ...
"""

import contextlib
import logging
import threading
from dataclasses import dataclass, field

from django.utils import timezone
from haystack import connection_router, connections
from haystack.utils import get_model_ct

from articles.models import Article

log = logging.getLogger(__name__)

CHUNK = 500  # ids per database query

_local = threading.local()


def _identifier(pk):
    return f"{get_model_ct(Article)}.{pk}"


def _chunks(ids):
    ids = sorted(ids)
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def _write(ids, remove_only=False):
    for using in connection_router.for_write(models=[Article]):
        backend = connections[using].get_backend()
        index = connections[using].get_unified_index().get_index(Article)
        queryset = index.index_queryset(using=using)
        existing = set()
        if not remove_only:
            for chunk in _chunks(ids):
                existing.update(queryset.filter(pk__in=chunk).values_list("pk", flat=True))
        removed = [_identifier(pk) for pk in sorted(ids - existing)]

        def objects(queryset=queryset, existing=existing):
            for chunk in _chunks(existing):
                yield from queryset.filter(pk__in=chunk)

        if hasattr(backend, "write_changes"):  # our Whoosh backend: one locked writer, one commit
            backend.write_changes(index, objects(), removed, size=len(existing))
        else:  # any other Haystack backend
            backend.update(index, list(objects()))
            for identifier in removed:
                backend.remove(identifier)


def update_articles(ids):
    """Reindex the articles with these ids; ids no longer in the database are removed from the index."""
    _index(ids)


def remove_articles(ids):
    """Remove the articles with these ids from the index, whether or not they are still in the database."""
    _index(ids, remove_only=True)


def _index(ids, remove_only=False):
    ids = {int(pk) for pk in ids}
    if not ids:
        return
    deferred = getattr(_local, "deferred", None)
    if deferred is not None:
        # At the end of the block every id is reindexed: a deleted one is removed, and reindexing one
        # that still exists is harmless.
        deferred.update(ids)
        return
    _write(ids, remove_only=remove_only)


@contextlib.contextmanager
def deferred_indexing():
    """Collect the ids that would be indexed inside the block and index them once, at its end.

    For imports of thousands of files: one writer and one commit instead of one per article. The ids
    are indexed even when the block fails, since what was committed before the failure is in the
    database. Nested blocks join the outermost one.
    """
    if getattr(_local, "deferred", None) is not None:
        yield
        return
    _local.deferred = set()
    try:
        yield
    finally:
        ids, _local.deferred = _local.deferred, None
        if ids:
            from articles.search import outbox

            started = timezone.now()
            _write(ids)
            outbox.written(ids, before=started)


def deferring():
    """True inside deferred_indexing: index writes wait for the end of the block."""
    return getattr(_local, "deferred", None) is not None


@dataclass
class IndexReport:
    """How the index differs from the database, by article id."""

    missing: set = field(default_factory=set)  # in the database, not in the index
    stale: set = field(default_factory=set)  # in the index, no longer in the database
    outdated: set = field(default_factory=set)  # in both, but the indexed document is older

    def __bool__(self):
        return bool(self.missing or self.stale or self.outdated)


def compare_index(deep=False, using="default"):
    """Compare the Whoosh index with the database: missing, stale and outdated article ids.

    Outdated means the article was saved after it was indexed; with `deep`, every document is also
    prepared again and compared by fingerprint, which catches tag and name changes (slower).
    """
    from articles.search.backend import utc_naive

    backend = connections[using].get_backend()
    index = connections[using].get_unified_index().get_index(Article)
    indexed = {
        int(doc["django_id"]): doc
        for doc in backend.indexed_documents(fields=("django_id", "django_ct", "updated", "fingerprint"))
        if doc["django_ct"] == get_model_ct(Article)
    }
    in_db = dict(Article.objects.values_list("pk", "updated_at"))
    report = IndexReport(missing=set(in_db) - set(indexed), stale=set(indexed) - set(in_db))
    for pk in set(in_db) & set(indexed):
        stored = indexed[pk]["updated"]  # naive UTC, as the backend stores datetimes
        if stored is None or stored < utc_naive(in_db[pk]):
            report.outdated.add(pk)
    if deep:
        for article in index.index_queryset(using=using).iterator(chunk_size=CHUNK):
            doc = indexed.get(article.pk)
            if doc and doc["fingerprint"] != index.full_prepare(article)["fingerprint"]:
                report.outdated.add(article.pk)
    return report


def unindexed(ids, using="default"):
    """Those of `ids` whose article is missing from the index or was saved after it was indexed.

    One stored-fields lookup per id, so it is cheap for the few thousand ids of an interrupted
    import; a backend other than ours cannot be asked, so every id is returned.
    """
    from articles.search.backend import utc_naive

    ids = {int(pk) for pk in ids}
    backend = connections[using].get_backend()
    if not ids or not hasattr(backend, "searcher"):
        return ids
    searcher = backend.searcher()
    saved = dict(Article.objects.filter(pk__in=ids).values_list("pk", "updated_at"))
    stale = set()
    for pk, updated_at in saved.items():
        doc = searcher.document(id=_identifier(pk))
        if doc is None or doc.get("updated") is None or doc["updated"] < utc_naive(updated_at):
            stale.add(pk)
    return stale


def repair_index(report):
    """Bring the index in step with the database for the ids in an IndexReport."""
    update_articles(report.missing | report.outdated)
    remove_articles(report.stale)
