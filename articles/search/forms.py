"""Search parameters → results: the one place the search page and the JSON API share.

`SearchForm` validates the GET parameters (every bit of a search lives in the URL, so a search is a
permalink); `run_search` turns valid data into a SearchQuerySet, runs it once, and returns a
`SearchOutcome` with results, facets and the spelling suggestion. Only Haystack's public API is used
(plus ORM lookups from codes and slugs to names), so another Haystack backend needs no change here.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from haystack.constants import DJANGO_CT
from haystack.inputs import Exact, Raw
from haystack.query import SearchQuerySet
from haystack.utils import get_model_ct

from articles.models import Article, CandidatePair, Contest, Event, Organization, Outlet, Person, Region
from articles.search.highlighting import snippet
from articles.search.linked import in_order, linked_entities
from articles.search.query import parse, to_query_string

SORTS = {
    "relevance": None,
    "newest": "-published",
    "oldest": "published",
}
SORT_CHOICES = [("relevance", _("Paling relevan")), ("newest", _("Terbaru")), ("oldest", _("Terlama"))]
FACET_LIMITS = {"region": 30, "person": 20, "outlet": 20, "month": 36, "contest": 20, "pair": 20}
REGION_CODE = re.compile(r"^[0-9]{2}(\.[0-9]{2})?$")
FILTERS = ("region", "person", "organization", "event", "outlet", "contest", "pair", "from", "to", "undated")
UNDATED_CHOICES = [
    ("include", _("sertakan artikel tanpa tanggal")),
    ("exclude", _("tanpa artikel tanpa tanggal")),
    ("only", _("hanya artikel tanpa tanggal")),
]


class QueryField(forms.CharField):
    """The search box: anything is accepted (query.parse cleans it), even control characters."""

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=True, **kwargs)
        self.validators = []


class SearchForm(forms.Form):
    q = QueryField(label=_("Kata kunci"))
    # By code or slug (links and scripts) or by name (the search form's inputs).
    region = forms.CharField(required=False, max_length=100, label=_("Wilayah"))
    person = forms.CharField(required=False, max_length=200, label=_("Tokoh"))
    organization = forms.CharField(required=False, max_length=200, label=_("Lembaga"))
    event = forms.CharField(required=False, max_length=200, label=_("Peristiwa"))
    outlet = forms.CharField(required=False, max_length=120, label=_("Media"))
    contest = forms.CharField(required=False, max_length=100, label=_("Pemilihan"))
    pair = forms.CharField(required=False, max_length=200, label=_("Pasangan calon"))
    sort = forms.ChoiceField(
        required=False,
        choices=SORT_CHOICES,
        label=_("Urutkan"),
        error_messages={"invalid_choice": _("Pilih salah satu: relevance, newest, oldest.")},
    )
    undated = forms.ChoiceField(
        required=False,
        choices=UNDATED_CHOICES,
        label=_("Artikel tanpa tanggal"),
        error_messages={"invalid_choice": _("Pilih salah satu: include, exclude, only.")},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=10_000,
        label=_("Halaman"),
        error_messages={
            "invalid": _("Nomor halaman: bilangan bulat 1 sampai 10000."),
            "min_value": _("Nomor halaman: bilangan bulat 1 sampai 10000."),
            "max_value": _("Nomor halaman: bilangan bulat 1 sampai 10000."),
        },
    )

    def clean_region(self):
        """A region by its Kemendagri code (18.72) or the slug of its page (kota-metro)."""
        value = self.cleaned_data["region"].strip()
        if not value:
            return None
        region = Region.objects.named(value)
        if region is None:
            raise ValidationError(
                _(
                    "Wilayah %(value)s tidak dikenal: berikan kode Kemendagri (18 atau 18.72), slug "
                    "(kota-metro) atau nama (Kota Metro)."
                ),
                params={"value": value},
            )
        return region

    def _lookup(self, name, model):
        value = self.cleaned_data[name].strip()
        if not value:
            return None
        obj = model.objects.filter(slug=value).first() or model.objects.filter(name__iexact=value).first()
        if obj is None:
            raise ValidationError(
                _("%(slug)s tidak dikenal: berikan slug halamannya (qomaru-zaman) atau namanya."),
                params={"slug": value},
            )
        return getattr(obj, "merged_into", None) or obj

    def clean_person(self):
        return self._lookup("person", Person)

    def clean_organization(self):
        return self._lookup("organization", Organization)

    def clean_event(self):
        return self._lookup("event", Event)

    def clean_outlet(self):
        return self._lookup("outlet", Outlet)

    def clean_contest(self):
        """A race by its region's code (18.72) or slug (kota-metro)."""
        value = self.cleaned_data["contest"].strip()
        if not value:
            return None
        by = (
            Q(region__code=value)
            if REGION_CODE.match(value)
            else Q(region__slug=value) | Q(region__name__iexact=value)
        )
        contest = Contest.objects.select_related("region").filter(by).first()
        if contest is None:
            raise ValidationError(
                _("Tidak ada pemilihan 2024 untuk wilayah %(value)s."), params={"value": value}
            )
        return contest

    def clean_pair(self):
        """A candidate pair by its id or slug."""
        value = self.cleaned_data["pair"].strip()
        if not value:
            return None
        by = {"pk": int(value)} if value.isdecimal() and len(value) < 10 else {"slug": value}
        pair = CandidatePair.objects.filter(**by).first()
        if pair is None:
            raise ValidationError(_("%(slug)s tidak dikenal."), params={"slug": value})
        return pair

    def clean(self):
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            self.add_error("to", _("Tanggal akhir sebelum tanggal awal."))
        if data.get("undated") == "only" and (start or end):
            self.add_error("undated", _("Artikel tanpa tanggal tidak bisa dibatasi rentang tanggal."))
        return data

    def first_error(self):
        """(parameter, message) of the first invalid parameter, for a 400 that names it."""
        for name in self.fields:
            if name in self.errors:
                return name, str(self.errors[name][0])
        return "__all__", str(self.non_field_errors()[0])


# "from" is a Python keyword, so these two are added by name.
# Bounded: the index keeps datetimes as 14-digit UTC strings (years 1000–9999), and "to" + 1 day
# must exist; a year outside is a 400 that names the parameter, not a 500 (tests/test_fuzz_params.py).
_date = {
    "required": False,
    "input_formats": ["%Y-%m-%d"],
    "widget": forms.DateInput(attrs={"type": "date"}),
    "validators": [
        MinValueValidator(date(1900, 1, 1), _("Tanggal antara 1900-01-01 dan 2100-12-31.")),
        MaxValueValidator(date(2100, 12, 31), _("Tanggal antara 1900-01-01 dan 2100-12-31.")),
    ],
    "error_messages": {"invalid": _("Tanggal dengan format YYYY-MM-DD, misalnya 2024-11-27.")},
}
SearchForm.base_fields["from"] = forms.DateField(label=_("Dari tanggal"), **_date)
SearchForm.base_fields["to"] = forms.DateField(label=_("Sampai tanggal"), **_date)


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
    return (
        matching(data, parsed, using)
        .facet("regions")
        .facet("people")
        .facet("outlet")
        .facet("month")
        .facet("contests")
        .facet("pairs")
    )


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
        sqs = sqs.filter(day__gte=data["from"])
    if data.get("to"):
        sqs = sqs.filter(day__lte=data["to"])
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
    hits = list(sqs[start : start + per_page])  # slice first: facets reuse this run (notes §1)
    outcome.count = sqs.count()
    outcome.num_pages = -(-outcome.count // per_page)
    if page > 1 and not hits:
        raise PageNotFound(page)

    counts = sqs.facet_counts().get("fields", {})
    codes = {code for r in hits for code in (r.regions or [])}
    codes |= {value for value, _n in counts.get("regions", []) if value}
    codes |= {value for value, _n in counts.get("contests", []) if value}
    regions = {r.code: r for r in Region.objects.filter(code__in=codes)}
    people, pairs = linked_entities(hits)
    outcome.results = [_result(hit, parsed, regions, people, pairs) for hit in hits]
    outcome.facets = _facets(counts, regions)

    if outcome.count == 0 and parsed.words:
        outcome.suggestion = sqs.spelling_suggestion() or None
    return outcome


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


def _facets(counts, regions):
    def top(name, limit):
        # islice: a busy query has a value for thousands of people, and only the first few are shown
        return list(islice(((value, n) for value, n in counts.get(name, []) if value), limit))

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
