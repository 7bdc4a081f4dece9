"""Article counts per region and the most-mentioned people, for the browse pages.

Each is one grouped query over the tags instead of a subquery per row, and is kept in the cache:
this process drops it as soon as an article or tag changes (signals below); other web processes
within TTL seconds. At 100,000 articles each of these takes 0.3–0.9 s to compute: a minute of
staleness in the other processes is what keeps that off nearly every page view.
"""

from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, post_delete, post_save

TTL = 60
VERSION_KEY = "archive-counts-version"


def _key(name):
    return f"{name}-{cache.get_or_set(VERSION_KEY, 0)}"


def changed(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(VERSION_KEY, 1)


def cached(name, compute):
    """compute(), kept under `name` until the next change to articles or tags (TTL elsewhere).

    For the aggregates of the browse pages (counts, charts, co-mentions), which grow with the archive
    while the page around them does not."""
    key = _key(name)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TTL)
    return value


def region_counts():
    """{region id: distinct articles with a live tag on it or, for a province, on any of its members}."""
    return cached("region-counts", _region_counts)


def _region_counts():
    from articles.models import RegionTag

    live = RegionTag.objects.live().order_by()
    counts = dict(
        live.values("region_id").annotate(n=Count("article_id", distinct=True)).values_list("region_id", "n")
    )
    by_province = (
        live.annotate(province=Coalesce("region__parent_id", "region_id"))
        .values("province")
        .annotate(n=Count("article_id", distinct=True))
        .values_list("province", "n")
    )
    counts.update(by_province)
    return counts


def with_region_counts(regions):
    """The regions as a list, each with `article_count`."""
    counts = region_counts()
    regions = list(regions)
    for region in regions:
        region.article_count = counts.get(region.pk, 0)
    return regions


def most_mentioned_people(limit=10):
    """The active people named in the most articles (live tags; merged records count for nobody)."""
    from articles.models import Person, PersonTag

    top = cached(
        f"most-mentioned-{limit}",
        lambda: list(
            PersonTag.objects.live()
            .filter(person__merged_into__isnull=True)
            .order_by()
            .values("person_id")
            .annotate(n=Count("article_id", distinct=True))
            .order_by("-n", "person_id")
            .values_list("person_id", "n")[:limit]
        ),
    )
    people = Person.objects.in_bulk([pk for pk, _ in top])
    ranked = []
    for pk, n in top:
        if pk in people:
            people[pk].article_count = n
            ranked.append(people[pk])
    return sorted(ranked, key=lambda p: (-p.article_count, p.name))


def connect():
    from articles.models import Article, Event, EventTag, OrganizationTag, Person, PersonTag, RegionTag

    for model in (Article, RegionTag, PersonTag, OrganizationTag, EventTag, Person, Event):
        post_save.connect(changed, sender=model, dispatch_uid=f"counts-save-{model.__name__}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"counts-delete-{model.__name__}")
    # a person page lists the events they took part in
    m2m_changed.connect(changed, sender=Event.participants.through, dispatch_uid="counts-participants")
