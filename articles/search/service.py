"""The search service: valid form data → one run of Haystack's SearchQuerySet, with facets and a page."""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from haystack import connections
from haystack.constants import DJANGO_CT
from haystack.inputs import Exact, Raw
from haystack.query import SearchQuerySet
from haystack.utils import get_model_ct

from articles.models import Article
from articles.search.query import SEARCHED_FIELDS, parse, to_query_string
from articles.search.results import FACET_LIMITS, Result, shaped

log = logging.getLogger(__name__)

SORTS = {
    "relevance": None,
    "newest": "-published",
    "oldest": "published",
}
# Each facet's index field and the list the page shows it as. The engine counts every value but
# returns only as many as the page shows, and one more: an empty value is counted, never shown.
FACETS = {
    "regions": "region",
    "people": "person",
    "outlet": "outlet",
    "month": "month",
    "contests": "contest",
    "pairs": "pair",
}
DAY = "day"  # the index field the date filters compare: each article's browse date in its own zone
FILTERS = ("region", "person", "organization", "event", "outlet", "contest", "pair", "from", "to", "undated")


@dataclass
class SearchOutcome:
    query: object  # ParsedQuery
    results: list[Result] = field(default_factory=list)
    count: int = 0
    page: int = 1
    num_pages: int = 0
    facets: dict = field(default_factory=dict)
    suggestion: str | None = None


class PageNotFound(Exception):
    """The page number is past the last page of results."""


def undated_rule(data):
    """What the search did with undated articles: a date range leaves them out by itself."""
    if data.get("from") or data.get("to"):
        return "exclude"
    return data.get("undated") or "include"


def build_queryset(data, parsed=None, using=None):
    """The SearchQuerySet for valid SearchForm data: query, filters, sort and facets.

    Only Haystack's public API: `using` another connection (Solr, Elasticsearch) builds the same
    search for that engine."""
    sqs = matching(data, parsed, using)
    for name, shown in FACETS.items():
        sqs = sqs.facet(name, limit=FACET_LIMITS[shown] + 1)
    return sqs


def warm(using="default"):
    """Read, before a web worker's first request, what its first searches would otherwise read:
    the engine's per-segment data for scoring, these facets and these sorts. An engine that keeps
    such data itself (a search server) has nothing to warm."""
    backend = connections[using].get_backend()
    if not hasattr(backend, "warm"):
        return
    try:
        unified = connections[using].get_unified_index()
        backend.warm(
            scored_fields=SEARCHED_FIELDS,
            facet_fields=[unified.get_facet_fieldname(name) for name in FACETS],  # "regions_exact"
            sort_fields=sorted({s.lstrip("-") for s in SORTS.values() if s}),
            range_fields=[DAY],
        )
    except Exception:  # noqa: BLE001 - a worker that could not warm up still serves, only slower at first
        log.warning("The search index was not warmed up; the first searches will read it", exc_info=True)


def matching(data, parsed=None, using=None):
    """The SearchQuerySet for valid SearchForm data: query, filters and sort (no facets: exports)."""
    parsed = parse(data.get("q")) if parsed is None else parsed
    match_all = f"{DJANGO_CT}:{get_model_ct(Article)}"
    query_string = to_query_string(parsed, match_all=match_all)
    sqs = SearchQuerySet(using=using) if using else SearchQuerySet()
    sqs = sqs.filter(content=Raw(query_string)) if query_string else sqs.all()

    if data.get("region"):
        # Provinces are indexed alongside their cities, so one code covers the region's descendants.
        sqs = sqs.filter(regions=Exact(data["region"].code))
    if data.get("person"):
        sqs = sqs.filter(people=Exact(data["person"].slug))
    if data.get("organization"):
        sqs = sqs.filter(organizations=Exact(data["organization"].slug))
    if data.get("event"):
        sqs = sqs.filter(events=Exact(data["event"].slug))
    if data.get("outlet"):
        sqs = sqs.filter(outlet_exact=Exact(data["outlet"].slug))  # the whole slug, not its words
    if data.get("contest"):
        sqs = sqs.filter(contests=Exact(data["contest"].region.code))
    if data.get("pair"):
        sqs = sqs.filter(pairs=Exact(data["pair"].slug))
    # Days are browse dates in each article's own zone: 00.30 WITA on 1 November is 1 November.
    if data.get("from"):
        sqs = sqs.filter(**{f"{DAY}__gte": data["from"]})
    if data.get("to"):
        sqs = sqs.filter(**{f"{DAY}__lte": data["to"]})
    if undated_rule(data) == "exclude" and not (data.get("from") or data.get("to")):
        sqs = sqs.filter(dated=True)
    elif undated_rule(data) == "only":
        sqs = sqs.filter(dated=False)

    sort = data.get("sort") or ("relevance" if query_string else "newest")
    if SORTS[sort]:
        sqs = sqs.order_by(SORTS[sort])
    return sqs


def is_empty(data):
    """No words and no filter: the search page shows how to search instead of everything."""
    narrowing = [name for name in FILTERS if data.get(name) and (name, data[name]) != ("undated", "include")]
    return not parse(data.get("q")) and not narrowing


def run_search(data, per_page=None):
    """Run the search for valid SearchForm data once and gather everything a page shows."""
    per_page = per_page or settings.HAYSTACK_SEARCH_RESULTS_PER_PAGE
    parsed = parse(data.get("q"))
    page = data.get("page") or 1
    outcome = SearchOutcome(query=parsed, page=page)

    sqs = build_queryset(data, parsed)
    if parsed.words:
        # A suggestion comes with the search itself (when it finds nothing), not from a second run.
        sqs.query.set_spelling_query(parsed.plain())
    start = (page - 1) * per_page
    hits = list(sqs[start : start + per_page])  # slice first: facets reuse this run
    outcome.count = sqs.count()
    outcome.num_pages = -(-outcome.count // per_page)
    if page > 1 and not hits:
        raise PageNotFound(page)

    counts = sqs.facet_counts().get("fields", {})
    outcome.results, outcome.facets = shaped(hits, counts, parsed)

    if outcome.count == 0 and parsed.words:
        outcome.suggestion = sqs.spelling_suggestion() or None
    return outcome
