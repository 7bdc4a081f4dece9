"""The search outbox: index work is written to the database with the change that causes it.

A change (an import, an editor's verdict, a merge) writes the ids of the articles it affects as
IndexChange rows in its own transaction. After the commit they are applied (`apply_due`), and their
rows deleted. If the index write fails, the rows stay and are tried again with a growing delay; if
the process dies between commit and index write, the rows are still there for the next commit,
`check_index --fix`, or the next search. Nothing the database holds can silently miss the index.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Min
from django.utils import timezone

from articles.models import IndexChange
from articles.search import indexing
from articles.transactions import AfterCommit

log = logging.getLogger(__name__)

BACKOFF = timedelta(seconds=10)  # after the n-th failure, wait BACKOFF * 2**(n-1), at most MAX_DELAY
MAX_DELAY = timedelta(hours=1)


def record(ids):
    """Write these article ids as pending index work in the current transaction; apply after commit."""
    ids = sorted({int(pk) for pk in ids})
    if not ids:
        return
    IndexChange.objects.bulk_create([IndexChange(article_id=pk) for pk in ids])
    if indexing.deferring():
        # A long import writes its ids once at its end and then clears their rows; should it die
        # first, the rows are still here.
        indexing.update_articles(ids)
        return
    _after_commit.request()


def apply_due():
    """Reindex the articles of every change that is due, in one index write; True when it landed."""
    if indexing.deferring():
        return False  # a long import writes them all at its end (indexing.deferred_indexing)
    now = timezone.now()
    rows = list(IndexChange.objects.due(now).values_list("pk", "article_id", "attempts"))
    if not rows:
        return True
    ids = {article_id for _, article_id, _ in rows}
    try:
        indexing.update_articles(ids)
    except Exception as exc:  # noqa: BLE001 - any failure of the index write waits for a retry
        attempts = max(n for _, _, n in rows) + 1
        delay = min(BACKOFF * 2 ** (attempts - 1), MAX_DELAY)
        IndexChange.objects.filter(pk__in=[pk for pk, _, _ in rows]).update(
            attempts=attempts, next_attempt_at=now + delay, last_error=f"{type(exc).__name__}: {exc}"[:500]
        )
        log.exception("Search index update failed for %d articles; retry in %s", len(ids), delay)
        return False
    IndexChange.objects.filter(pk__in=[pk for pk, _, _ in rows]).delete()
    return True


_after_commit = AfterCommit(lambda: apply_due())


def written(ids, before):
    """The index now holds these articles as of `before`: their older pending changes are done."""
    ids = sorted(ids)
    for i in range(0, len(ids), indexing.CHUNK):
        IndexChange.objects.filter(
            article_id__in=ids[i : i + indexing.CHUNK], created_at__lte=before
        ).delete()


def status():
    """(how many changes wait, since when) — for the admin, the search page and check_index."""
    found = IndexChange.objects.aggregate(waiting=Count("pk"), since=Min("created_at"))
    return found["waiting"], found["since"]


def catch_up():
    """Before a search: apply what is due (a failed write whose back-off has passed) and say what
    still waits, so a page can tell its reader the results may be behind."""
    waiting, since = status()
    if waiting and IndexChange.objects.due(timezone.now()).exists():
        apply_due()
        waiting, since = status()
    return waiting, since


def apply_all():
    """Everything pending, due or not (check_index --fix): an operator asked for it now."""
    with transaction.atomic():
        IndexChange.objects.update(next_attempt_at=timezone.now())
    return apply_due()
