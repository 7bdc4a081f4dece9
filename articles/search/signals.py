"""Index changes when the transaction that made them commits.

Set as HAYSTACK_SIGNAL_PROCESSOR. Saving or deleting an article or any of its tags, renaming a
person, region, organization, event or outlet, and changing a candidate pair record the affected
article ids in the search outbox (articles.search.outbox), in the same transaction; when it commits
they are reindexed together, in one index write. Nothing touches the index from inside a transaction
that may still roll back, a save that is rolled back leaves no trace, and an index write that fails
or never happens leaves its rows for a retry.

QuerySet.update() and bulk_create() send no signals: code that uses them calls update_articles.
"""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from haystack.signals import BaseSignalProcessor

from articles.models import (
    TAG_MODELS,
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
from articles.search import outbox

NAMED = (Person, Region, Organization, Event, Outlet, CandidatePair)


def affected_articles(instance):
    """Ids of the articles whose search document shows something of `instance`."""
    if isinstance(instance, Article):
        return {instance.pk}
    if isinstance(instance, TAG_MODELS):
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
    """Record these article ids as index work in the current transaction (applied after commit)."""
    outbox.record(ids)


class ArticleSignalProcessor(BaseSignalProcessor):
    def receivers(self):
        """(signal, handler, sender) for every signal this processor listens to."""
        for model in (Article, *TAG_MODELS):
            yield post_save, self.handle_save, model
            yield post_delete, self.handle_delete, model
        for model in NAMED:
            yield post_save, self.handle_save, model
            # Before the delete: afterwards SET_NULL has already detached the articles.
            yield pre_delete, self.handle_delete, model

    def setup(self):
        for signal, handler, model in self.receivers():
            signal.connect(handler, sender=model)

    def teardown(self):
        for signal, handler, model in self.receivers():
            signal.disconnect(handler, sender=model)

    def handle_save(self, sender, instance, created=False, raw=False, **kwargs):
        if raw or (created and isinstance(instance, NAMED)):
            return  # fixtures load raw; a new person or outlet is in no document yet
        schedule(affected_articles(instance))

    def handle_delete(self, sender, instance, **kwargs):
        schedule(affected_articles(instance))
