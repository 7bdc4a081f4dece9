"""The search document for an article: its words, and the ids it is filtered and faceted by.

Only tags the public sees (suggested or confirmed) are indexed; a rejected tag never is. An article is
indexed under each tagged region and under that region's province, so a filter on a province finds
its cities' articles. Facet values are codes and slugs, turned into names by the views.
"""

import hashlib
import json

from django.db.models import Prefetch
from haystack import indexes

from articles.models import TAG_MODELS, Article
from articles.search.analysis import exact_analyzer, indonesian_analyzer

# Ordered to the last key: tags tie on confidence, and PostgreSQL returns ties in any order, which
# would change the document's text and fingerprint (check_index --deep) with nothing changed.
LIVE_TAGS = {
    model._meta.default_related_name: model.objects.live().with_entities().order_by("-confidence", "pk")
    for model in TAG_MODELS
}


def live_tags(article, name):
    """The article's non-rejected tags of one kind, from the prefetch when there is one."""
    prefetched = getattr(article, f"live_{name}", None)
    if prefetched is not None:
        return prefetched
    return list(LIVE_TAGS[name].filter(article=article))


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    # Title, body and the names of everything tagged: stemmed for ranking ...
    text = indexes.CharField(document=True, stored=False, analyzer=indonesian_analyzer())
    # ... and the same words unstemmed, for "quoted phrases", names, prefixes and spelling.
    text_exact = indexes.CharField(stored=False, analyzer=exact_analyzer())
    title = indexes.CharField(model_attr="title", boost=3.0, analyzer=indonesian_analyzer())
    body = indexes.CharField(model_attr="body", indexed=False)  # for snippets only

    regions = indexes.MultiValueField(faceted=True)  # Kemendagri codes, tagged and their provinces
    people = indexes.MultiValueField(faceted=True)  # slugs
    organizations = indexes.MultiValueField(faceted=True)
    events = indexes.MultiValueField(faceted=True)
    contests = indexes.MultiValueField(faceted=True)  # region codes of the races its pairs run in
    pairs = indexes.MultiValueField(faceted=True)  # slugs
    outlet = indexes.CharField(faceted=True, null=True)  # slug
    outlet_name = indexes.CharField(indexed=False, null=True)
    # The browse date (Article.moment): the printed time, else the stated or lead date at local midnight.
    published = indexes.DateTimeField(null=True)  # stored and compared as UTC by the backend
    month = indexes.CharField(faceted=True, null=True)  # "2024-03", the browse month
    day = indexes.DateField(null=True)  # the browse date in the article's own zone: date filters
    dated = indexes.BooleanField()  # False for articles with no date at all: "tanpa tanggal"
    date_source = indexes.CharField(model_attr="date_source", indexed=False)  # "lead": estimated

    updated = indexes.DateTimeField(model_attr="updated_at", indexed=False)
    fingerprint = indexes.CharField(indexed=False)  # hash of this document: check_index --deep

    def get_model(self):
        return Article

    def get_updated_field(self):
        return "updated_at"

    def index_queryset(self, using=None):
        return (
            Article.objects.select_related("outlet")
            .prefetch_related(
                *(Prefetch(name, queryset=qs, to_attr=f"live_{name}") for name, qs in LIVE_TAGS.items())
            )
            .order_by("pk")
        )

    def prepare_regions(self, article):
        return sorted({r.code for t in live_tags(article, "region_tags") for r in t.region.with_ancestors()})

    def prepare_people(self, article):
        return sorted({t.person.survivor.slug for t in live_tags(article, "person_tags")})

    def prepare_organizations(self, article):
        return sorted({t.organization.slug for t in live_tags(article, "organization_tags")})

    def prepare_events(self, article):
        return sorted({t.event.slug for t in live_tags(article, "event_tags")})

    def prepare_contests(self, article):
        tags = live_tags(article, "pair_tags")
        return sorted({t.pair.contest.region.code for t in tags if t.pair.contest_id})

    def prepare_pairs(self, article):
        return sorted({t.pair.slug for t in live_tags(article, "pair_tags")})

    def prepare_outlet(self, article):
        return article.outlet.slug if article.outlet else None

    def prepare_outlet_name(self, article):
        return article.outlet.name if article.outlet else None

    def prepare_published(self, article):
        return article.moment

    def prepare_day(self, article):
        return article.dated_on

    def prepare_dated(self, article):
        return article.dated_on is not None

    def prepare_month(self, article):
        day = article.dated_on
        return f"{day:%Y-%m}" if day else None

    def prepare_text(self, article):
        names = []
        for tag in live_tags(article, "region_tags"):
            names += [region.name for region in tag.region.with_ancestors()]
        for tag in live_tags(article, "person_tags"):
            names.append(tag.person.survivor.name)
        for tag in live_tags(article, "organization_tags"):
            names += [tag.organization.name, tag.organization.acronym]
        names += [tag.event.name for tag in live_tags(article, "event_tags")]
        if article.outlet:
            names.append(article.outlet.name)
        names = list(dict.fromkeys(n for n in names if n))
        return "\n\n".join([article.title, article.body, " · ".join(names)])

    def prepare(self, article):
        data = super().prepare(article)
        data["text_exact"] = data["text"]
        data["fingerprint"] = document_fingerprint(data)
        return data


def document_fingerprint(data):
    """A short hash of a prepared document, ignoring bookkeeping fields."""
    content = {k: v for k, v in data.items() if k not in ("fingerprint", "updated")}
    return hashlib.sha1(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()[:16]
