"""Index changes when the transaction that made them commits.

Set as HAYSTACK_SIGNAL_PROCESSOR. Saving or deleting an article or any of its tags, renaming a
person, region, organization, event or outlet, and changing a candidate pair schedule the affected
article ids; when the transaction commits they are reindexed together
(articles.search.indexing.update_articles), under the backend's write lock. Nothing touches the index from inside a transaction that may still roll
back, and a save that is rolled back leaves no trace in the index.

QuerySet.update() and bulk_create() send no signals: code that uses them calls update_articles.
"""

import logging
import threading

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from haystack.signals import BaseSignalProcessor

from articles.models import (
    Article,
    CandidatePair,
    Event,
    EventTag,
    Organization,
    OrganizationTag,
    Outlet,
    PairTag,
    Person,
    PersonTag,
    Region,
    RegionTag,
)
from articles.search.indexing import update_articles

log = logging.getLogger(__name__)

TAGS = (RegionTag, PersonTag, OrganizationTag, EventTag, PairTag)
NAMED = (Person, Region, Organization, Event, Outlet, CandidatePair)

_pending = threading.local()


def affected_articles(instance):
    """Ids of the articles whose search document shows something of `instance`."""
    if isinstance(instance, Article):
        return {instance.pk}
    if isinstance(instance, TAGS):
        return {instance.article_id}
    if isinstance(instance, Person):
        tags = PersonTag.objects.filter(Q(person=instance) | Q(person__merged_into=instance))
    elif isinstance(instance, Region):
        tags = RegionTag.objects.filter(region__in=Region.objects.with_descendants(instance).values("pk"))
    elif isinstance(instance, Organization):
        tags = OrganizationTag.objects.filter(organization=instance)
    elif isinstance(instance, Event):
        tags = EventTag.objects.filter(event=instance)
    elif isinstance(instance, CandidatePair):
        tags = PairTag.objects.filter(pair=instance)
    elif isinstance(instance, Outlet):
        return set(Article.objects.filter(outlet=instance).values_list("pk", flat=True))
    else:
        return set()
    return set(tags.values_list("article_id", flat=True))


def schedule(ids):
    """Reindex these article ids once the current transaction commits (at once in autocommit)."""
    if not ids:
        return
    if not hasattr(_pending, "ids"):
        _pending.ids = set()
    _pending.ids.update(ids)
    # One callback per change, but the first to run takes every pending id; the rest find none.
    # Ids of a rolled-back transaction stay pending and are reindexed (harmlessly) with the next one.
    transaction.on_commit(_flush)


def _flush():
    ids, _pending.ids = getattr(_pending, "ids", set()), set()
    if not ids:
        return
    try:
        update_articles(ids)
    except Exception:
        # The data is committed; keep the ids for the next flush, and check_index --fix repairs.
        _pending.ids |= ids
        log.exception("Search index update failed for %d articles", len(ids))


class ArticleSignalProcessor(BaseSignalProcessor):
    def setup(self):
        for model in (Article, *TAGS):
            post_save.connect(self.handle_save, sender=model)
            post_delete.connect(self.handle_delete, sender=model)
        for model in NAMED:
            post_save.connect(self.handle_save, sender=model)
            # Before the delete: afterwards SET_NULL has already detached the articles.
            pre_delete.connect(self.handle_delete, sender=model)

    def teardown(self):
        for model in (Article, *TAGS):
            post_save.disconnect(self.handle_save, sender=model)
            post_delete.disconnect(self.handle_delete, sender=model)
        for model in NAMED:
            post_save.disconnect(self.handle_save, sender=model)
            pre_delete.disconnect(self.handle_delete, sender=model)

    def handle_save(self, sender, instance, created=False, raw=False, **kwargs):
        if raw or (created and isinstance(instance, NAMED)):
            return  # fixtures load raw; a new person or outlet is in no document yet
        schedule(affected_articles(instance))

    def handle_delete(self, sender, instance, **kwargs):
        schedule(affected_articles(instance))
