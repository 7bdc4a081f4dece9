"""Search result shaping: a page of Haystack hits and facet counts → the rows and facet lists a page shows."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice

from django.utils import timezone

from articles.models import Article, CandidatePair, Outlet, Person, Region
from articles.search.highlighting import snippet
from articles.search.linked import in_order, linked_entities

FACET_LIMITS = {"region": 30, "person": 20, "outlet": 20, "month": 36, "contest": 20, "pair": 20}


@dataclass
class Result:
    id: int
    url: str
    title: str
    published: datetime | None
    day: date | None  # the browse date, in the article's own zone
    date_estimated: bool  # the day comes from the lead, not a stated date
    outlet: str
    snippet: str  # HTML-safe: escaped text with <mark> around the matched words
    regions: list[Region]
    people: list[Person] = field(default_factory=list)
    pairs: list[CandidatePair] = field(default_factory=list)


def shaped(hits, counts, parsed):
    """(results, facets) of one page: `hits` as Result rows with their snippets, and the search's
    facet `counts` ({field: [(value, count), …]}) as named, linked facet lists."""
    codes = {code for r in hits for code in (r.regions or [])}
    # only the facet values the page lists: a common word has a count for nearly every region
    codes |= {value for value, _n in _top(counts, "regions", FACET_LIMITS["region"])}
    codes |= {value for value, _n in _top(counts, "contests", FACET_LIMITS["contest"])}
    regions = {r.code: r for r in Region.objects.filter(code__in=codes)}
    people, pairs = linked_entities(hits)
    return [_result(hit, parsed, regions, people, pairs) for hit in hits], _facets(counts, regions)


def _result(hit, parsed, regions, people, pairs):
    tagged = [regions[c] for c in sorted(hit.regions or []) if c in regions]
    # A province shown next to one of its own cities says nothing new.
    shown = [r for r in tagged if not any(o.parent_id == r.pk for o in tagged)]
    published = getattr(hit, "published", None)
    return Result(
        id=int(hit.pk),
        url=Article(pk=int(hit.pk)).get_absolute_url(),
        title=hit.title or "",
        published=timezone.localtime(published) if published else None,
        day=_as_date(getattr(hit, "day", None)),
        date_estimated=getattr(hit, "date_source", None) == "lead",
        outlet=getattr(hit, "outlet_name", None) or "",
        snippet=snippet(getattr(hit, "body", ""), words=parsed.words, prefixes=parsed.prefixes),
        regions=shown,
        people=in_order(hit.people, people),
        pairs=in_order(hit.pairs, pairs),
    )


def _as_date(value):
    return value.date() if isinstance(value, datetime) else value


def _top(counts, name, limit):
    """The first `limit` (value, count) of a facet, most frequent first."""
    # islice: a busy query has a value for thousands of people, and only the first few are shown
    return list(islice(((value, n) for value, n in counts.get(name, []) if value), limit))


def _facets(counts, regions):
    def top(name, limit):
        return _top(counts, name, limit)

    people = dict(
        Person.objects.filter(slug__in=[s for s, _n in top("people", FACET_LIMITS["person"])]).values_list(
            "slug", "name"
        )
    )
    outlets = dict(
        Outlet.objects.filter(slug__in=[s for s, _n in top("outlet", FACET_LIMITS["outlet"])]).values_list(
            "slug", "name"
        )
    )
    pairs = {
        pair.slug: pair
        for pair in CandidatePair.objects.filter(
            slug__in=[s for s, _n in top("pairs", FACET_LIMITS["pair"])]
        ).select_related("head", "deputy")
    }
    months = []
    for value, n in counts.get("month", []):
        if value and re.match(r"^\d{4}-\d{2}$", value):
            months.append({"month": value, "date": date(int(value[:4]), int(value[5:]), 1), "count": n})
    months.sort(key=lambda m: m["month"], reverse=True)
    return {
        "region": [
            {"code": c, "name": regions[c].name, "count": n, "level": regions[c].level}
            for c, n in top("regions", FACET_LIMITS["region"])
            if c in regions
        ],
        "person": [
            {"slug": s, "name": people.get(s, s), "count": n}
            for s, n in top("people", FACET_LIMITS["person"])
        ],
        "outlet": [
            {"slug": s, "name": outlets.get(s, s), "count": n}
            for s, n in top("outlet", FACET_LIMITS["outlet"])
        ],
        "month": months[: FACET_LIMITS["month"]],
        "contest": [
            {"code": c, "name": regions[c].name, "count": n}
            for c, n in top("contests", FACET_LIMITS["contest"])
            if c in regions
        ],
        "pair": [
            {"slug": s, "name": str(pairs[s]), "count": n}
            for s, n in top("pairs", FACET_LIMITS["pair"])
            if s in pairs
        ],
    }
