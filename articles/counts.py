"""The browse pages' aggregates kept in the cache: article counts per region, the most-mentioned
people, the archive's totals. The queries are QuerySet methods on the models; this module keeps
their answers.

They are kept in the cache (files shared by the worker processes of a machine, settings.CACHES)
under the archive's current version. A change to anything a browse page shows
(articles/signals.py) starts a new version for every process at once; an import starts one when it
ends instead of one per saved row (deferred()). TTL bounds what a change that sends no signal, or
one made on another machine, leaves stale.
"""

import contextlib
import threading
import uuid

from django.core.cache import cache
from django.db.models import Max, Min

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
    from articles.models import RegionTag

    return cached("region-counts", RegionTag.objects.article_counts_by_region)


def with_region_counts(regions):
    """The regions as a list, each with `article_count`."""
    counts = region_counts()
    regions = list(regions)
    for region in regions:
        region.article_count = counts.get(region.pk, 0)
    return regions


def most_mentioned_people(limit=10):
    """The active people named in the most articles (live tags; merged records count for nobody)."""
    from articles.models import Person

    return cached(f"most-mentioned-{limit}", lambda: Person.objects.active().most_mentioned(limit))


def regions_covered():
    """How many regions the news covers: those with an article, a province counting its members'."""
    return sum(1 for n in region_counts().values() if n)


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
        "regions": regions_covered(),
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
