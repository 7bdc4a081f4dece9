"""Related articles for an article page: those naming a person, organisation, event or candidate pair
in common, in the order of the search index's more-like-this when it answers."""

import logging

from django.core.cache import cache
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from articles.models import Article, EventTag, OrganizationTag, PairTag, PersonTag, RegionTag

logger = logging.getLogger(__name__)

RELATED_LIMIT = 5
RELATED_CANDIDATES = 50
RELATED_MIN_SHARED = 1  # people, organisations, events or pairs named in both articles
# More-like-this costs seconds on a large Whoosh index; an article's neighbours rarely change.
RELATED_CACHE_SECONDS = 24 * 60 * 60
# what two articles may name in common: a region alone is not enough
SHARED = (PersonTag, OrganizationTag, EventTag, PairTag)


def related_articles(article):
    """Up to five related articles, or none: those that clear the bar (_sharing_entities), in the
    order of the index's more-like-this when it answers."""
    key = f"related-articles:{article.pk}:{article.updated_at.timestamp()}"
    pks = cache.get(key)
    if pks is None:
        related = _sharing_entities(article)
        similar = _more_like_this(article, among=related) if related else []
        pks = list(dict.fromkeys([*similar, *related]))[:RELATED_LIMIT]
        cache.set(key, pks, RELATED_CACHE_SECONDS)
    found = Article.objects.for_listing().in_bulk(pks)
    return [found[pk] for pk in pks if pk in found]


def _more_like_this(article, among):
    """Those of the article ids `among` that the search index finds like this one, most alike first;
    [] when the index is missing, empty or failing."""
    try:
        from haystack.query import SearchQuerySet

        candidates = SearchQuerySet().filter(django_id__in=[str(pk) for pk in among])
        results = candidates.more_like_this(article)[:RELATED_CANDIDATES]
        pks = [int(result.pk) for result in results if result is not None and result.pk]
    except Exception:
        # The index is an optional, rebuildable cache of the database: an article page must never
        # fail because it is absent, locked or being rebuilt. The ORM fallback takes over.
        logger.warning("more_like_this failed for article %s", article.pk, exc_info=True)
        return []
    return [pk for pk in pks if pk != article.pk]


def _count(tags):
    """Subquery counting the rows of `tags` (correlated on OuterRef), as an integer annotation."""
    counted = tags.order_by().annotate(one=Value(1)).values("one").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _sharing_entities(article):
    """Articles naming at least one of this one's people, organisations, events or candidate pairs,
    those sharing the most first (then regions, then the newest): the bar an article must clear to
    be called related. A region alone is not enough: in a regional archive most articles share one."""
    scores, sharing = [], Q()
    for model in SHARED:
        field = f"{model.ENTITY}_id"
        mine = model.objects.live().filter(article=article).values(field)
        tags = model.objects.live().filter(**{f"{field}__in": mine})
        scores.append(_count(tags.filter(article=OuterRef("pk"))))
        # Only articles that share something are scored: no other can clear the bar, and scoring
        # every article of a large archive takes a second.
        sharing |= Q(pk__in=tags.values("article_id"))
    regions = RegionTag.objects.live().filter(article=article).values("region_id")
    shared_regions = RegionTag.objects.live().filter(article=OuterRef("pk"), region_id__in=regions)
    candidates = (
        Article.objects.filter(sharing)
        .exclude(pk=article.pk)
        .annotate(entity_score=sum(scores[1:], scores[0]), region_score=_count(shared_regions))
        .filter(entity_score__gte=RELATED_MIN_SHARED)
        .order_by("-entity_score", "-region_score", F("dated_on").desc(nulls_last=True), "-pk")
    )
    return list(candidates.values_list("pk", flat=True)[:RELATED_CANDIDATES])
