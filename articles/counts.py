"""Article counts per region and the most-mentioned people, for the browse pages.

Each is one grouped query over the tags instead of a subquery per row, kept in the cache (files
shared by the worker processes of a machine, settings.CACHES) under the archive's current version.
A change to an article, a tag, a person or an event (signals below) starts a new version for every
process at once; an import starts one when it ends instead of one per saved row (deferred()). TTL
bounds what a change that sends no signal, or one made on another machine, leaves stale. At 100,000
articles the biggest of these takes 0.1–0.5 s to compute.
"""

import contextlib
import threading
import uuid

from django.core.cache import cache
from django.db.models import Count, Max, Min
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, post_delete, post_save

from articles.transactions import AfterCommit

TTL = 60
VERSION_KEY = "archive-counts-version"


_deferring = threading.local()


def _new_version():
    # A random token, not a counter: two processes changing the archive at once can never both
    # arrive at the same next version, and a cache left by an earlier run can never match.
    return uuid.uuid4().hex


def version():
    """The archive's current version: it changes whenever what a browse page shows may have."""
    return cache.get_or_set(VERSION_KEY, _new_version, None)


def _key(name):
    return f"{name}-{version()}"


def changed(**kwargs):
    if getattr(_deferring, "depth", 0):
        _deferring.pending = True
        return
    # One new version when the transaction commits, however many rows it changed (a bulk review).
    _bump_after_commit.request()


def _bump():
    cache.set(VERSION_KEY, _new_version(), None)


_bump_after_commit = AfterCommit(_bump)


@contextlib.contextmanager
def deferred():
    """Changes made inside start one new version at the end instead of one each."""
    _deferring.depth = getattr(_deferring, "depth", 0) + 1
    try:
        yield
    finally:
        _deferring.depth -= 1
        if not _deferring.depth and getattr(_deferring, "pending", False):
            _deferring.pending = False
            _bump()


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
    from articles import models as m

    # Everything a browse page shows, since whole pages are cached under the version too.
    watched = (
        *(m.Article, m.ArticleRevision, m.RegionTag, m.PersonTag, m.OrganizationTag, m.EventTag, m.PairTag),
        *(m.Person, m.PersonAlias, m.PersonSlug, m.Position, m.Organization, m.Event, m.Outlet),
        *(m.Contest, m.CandidatePair),
    )
    for model in watched:
        post_save.connect(changed, sender=model, dispatch_uid=f"counts-save-{model.__name__}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"counts-delete-{model.__name__}")
    # a person page lists the events they took part in
    m2m_changed.connect(changed, sender=m.Event.participants.through, dispatch_uid="counts-participants")


def archive_summary():
    """What the archive holds, for the empty search page: totals and the span of its dates."""
    return cached("archive-summary", _archive_summary)


def _archive_summary():
    from articles.models import Article, Outlet, Person, Region

    span = Article.objects.dated().aggregate(first=Min("dated_on"), last=Max("dated_on"))
    return {
        "articles": Article.objects.count(),
        "undated": Article.objects.undated().count(),
        "first": span["first"],
        "last": span["last"],
        "regions": sum(1 for n in region_counts().values() if n),
        "people": Person.objects.active().count(),
        "outlets": Outlet.objects.count(),
        "regions_total": Region.objects.count(),
    }


def search_choices(people=300):
    """Names the search form suggests as one types: every region, outlet and race, and the people
    named most often (a datalist of every person would outweigh the page)."""
    return cached(f"search-choices-{people}", lambda: _search_choices(people))


def _search_choices(limit):
    from articles.models import Contest, Outlet, Region

    return {
        "version": version(),  # the page caches its rendering of these lists under it
        "regions": list(Region.objects.order_by("name").values_list("name", flat=True)),
        "contests": list(Contest.objects.order_by("region__name").values_list("region__name", flat=True)),
        "outlets": list(Outlet.objects.order_by("name").values_list("name", flat=True)),
        "people": sorted(p.name for p in most_mentioned_people(limit)),
    }
