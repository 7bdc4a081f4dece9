"""Public browse pages: home, regions, dates, people, events, outlets, organisations and articles.

Every page runs a fixed number of queries however much data there is: lists come through
`select_related`/`prefetch_related` or subquery annotations, never a query per row.
"""

import calendar
import codecs
import re
from datetime import date, timedelta

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, F, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.browse_forms import EventFilterForm, HighlightForm, PersonFilterForm
from articles.charts import attention_chart
from articles.counts import cached, most_mentioned_people, regions_covered, with_region_counts
from articles.days import next_month
from articles.extraction.cleaning import is_name_credit
from articles.models import (
    TAG_MODELS,
    Article,
    ArticleRevision,
    CandidatePair,
    Event,
    EventTag,
    Organization,
    Outlet,
    Person,
    PersonAlias,
    PersonSlug,
    PersonTag,
    Position,
    Region,
)
from articles.related import related_articles
from articles.search.query import parse

PER_PAGE = 20
TAG_LISTS = [model._meta.default_related_name for model in TAG_MODELS]
DIRECTORY_PER_PAGE = 50


def paginate(request, items, per_page=PER_PAGE, count=None):
    """The requested page of `items`; a page that is not a number or out of range is a 404.
    `count`, when the caller already knows it, saves counting the items again."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is never computed
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404(_("Halaman tidak ditemukan.")) from exc


# Home ---------------------------------------------------------------------------------------------


def home_totals():
    return {
        "articles": Article.objects.count(),
        "people": Person.objects.active().count(),
        "regions": regions_covered(),
        "events": Event.objects.count(),
        "outlets": Outlet.objects.count(),
    }


def home(request):
    context = {
        "latest": Article.objects.newest_first().for_listing()[:10],
        "totals": cached("home-totals", home_totals),
        "provinces": with_region_counts(Region.objects.provinces()),
        "people": most_mentioned_people(10),
        "events": Event.objects.filter(date__isnull=False).select_related("region").order_by("-date")[:8],
    }
    return render(request, "articles/home.html", context)


# Regions ------------------------------------------------------------------------------------------


def region_index(request):
    # One query for all ~550 regions; grouped under their provinces here rather than one per province,
    # provinces and their kabupaten/kota in alphabetical order.
    regions = with_region_counts(Region.objects.order_by("name"))
    children = {}
    for region in sorted(regions, key=lambda r: (r.short_name, r.name)):  # "Kota Metro" under M
        if region.parent_id:
            children.setdefault(region.parent_id, []).append(region)
    provinces = [(region, children.get(region.pk, [])) for region in regions if region.parent_id is None]
    return render(request, "articles/region_index.html", {"title": _("Wilayah"), "provinces": provinces})


def region(request, slug):
    region = get_object_or_404(Region.objects.select_related("parent", "contest"), slug=slug)
    scope = Region.objects.with_descendants(region)
    articles = Article.objects.in_region(region)
    count = cached(f"region-{region.pk}-count", articles.count)
    context = {
        "title": region.name,
        "region": region,
        "contest": getattr(region, "contest", None),
        "page": paginate(request, articles.newest_first().for_listing(), count=count),
        "subregions": with_region_counts(region.children.all()) if region.parent_id is None else [],
        "positions": Position.objects.filter(region__in=scope)
        .select_related("person__merged_into", "region", "organization")
        .by_mentions()[:100]
        .supported(),
        "events": Event.objects.filter(region__in=scope)
        .select_related("region")
        .order_by(F("date").desc(nulls_last=True), "name")[:20],
        "organizations": Organization.objects.filter(region__in=scope).order_by("name")[:50],
        "chart": attention_chart(cached(f"region-{region.pk}-days", articles.daily_counts)),
    }
    return render(request, "articles/region.html", context)


# Dates --------------------------------------------------------------------------------------------


def _date_or_404(year, month=1, day=1):
    # Year 9999 is refused too, so that "the day/month/year after" always exists.
    try:
        if year >= date.max.year:
            raise ValueError(year)
        return date(year, month, day)
    except (ValueError, OverflowError) as exc:  # OverflowError: a day or month past 2**31
        raise Http404(_("Tanggal tidak ada.")) from exc


def _neighbours(before, after):
    """The nearest browse dates before `before` and on/after `after` (previous/next links)."""
    dates = Article.objects.dated().values_list("dated_on", flat=True)
    previous = dates.filter(dated_on__lt=before).order_by("-dated_on").first()
    following = dates.filter(dated_on__gte=after).order_by("dated_on").first()
    return previous, following


def date_index(request):
    counts = Article.objects.counts_by(lambda day: day.year)
    years = [{"year": year, "n": n} for year, n in sorted(counts.items())]
    context = {
        "title": _("Arsip menurut tanggal"),
        "years": years,
        "undated": Article.objects.undated().count(),
    }
    return render(request, "articles/date_index.html", context)


def undated(request):
    """Articles that state no date and whose lead gives none either: still listed, in one place."""
    page = paginate(request, Article.objects.undated().newest_first().for_listing())
    return render(request, "articles/date_undated.html", {"title": _("Tanpa tanggal"), "page": page})


def date_year(request, year):
    start, end = _date_or_404(year), date(year + 1, 1, 1)
    # a whole year of articles: cached with the other aggregates
    counts = cached(
        f"year-{year}-months",
        lambda: Article.objects.dated_between(start, end).counts_by(lambda d: d.month),
    )
    if not counts:
        raise Http404(_("Tidak ada artikel pada tahun ini."))
    previous, following = _neighbours(start, end)
    context = {
        "year": year,
        "months": [(date(year, m, 1), counts.get(m, 0)) for m in range(1, 13)],
        "total": sum(counts.values()),
        "previous": previous,
        "next": following,
    }
    return render(request, "articles/date_year.html", context)


def date_month(request, year, month):
    start = _date_or_404(year, month)
    end = next_month(start)
    counts = Article.objects.dated_between(start, end).counts_by(lambda day: day.day)
    if not counts:
        raise Http404(_("Tidak ada artikel pada bulan ini."))
    weeks = [
        [(day, counts.get(day.day, 0) if day.month == month else None) for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    previous, following = _neighbours(start, end)
    context = {
        "month": start,
        "weeks": weeks,
        "weekdays": [date(2024, 1, d) for d in range(1, 8)],  # 1 Jan 2024 was a Monday
        "total": sum(counts.values()),
        "previous": previous,
        "next": following,
    }
    return render(request, "articles/date_month.html", context)


def date_day(request, year, month, day):
    on = _date_or_404(year, month, day)
    page = paginate(request, Article.objects.on_date(on).newest_first().for_listing())
    if not page.paginator.count:
        raise Http404(_("Tidak ada artikel pada tanggal ini."))
    previous, following = _neighbours(on, on + timedelta(days=1))
    return render(
        request, "articles/date_day.html", {"day": on, "page": page, "previous": previous, "next": following}
    )


# People -------------------------------------------------------------------------------------------


def person_list(request):
    form = PersonFilterForm(request.GET or None)
    people = Person.objects.active().with_article_counts()
    if form.is_valid():
        name, role, where = (form.cleaned_data[k] for k in ("nama", "jabatan", "wilayah"))
        if name:
            aliases = PersonAlias.objects.filter(name__icontains=name).values("person_id")
            people = people.filter(Q(name__icontains=name) | Q(pk__in=aliases))
        if role:
            people = people.filter(pk__in=Position.objects.filter(role__icontains=role).values("person_id"))
        if where:
            people = people.in_region(where)
    positions = Position.objects.select_related("region").order_by(F("last_seen_on").desc(nulls_last=True))
    people = people.prefetch_related(Prefetch("positions", queryset=positions)).order_by("name", "pk")
    context = {"title": _("Tokoh"), "form": form, "page": paginate(request, people, DIRECTORY_PER_PAGE)}
    return render(request, "articles/person_list.html", context)


def person(request, slug):
    person = Person.objects.prefetch_related("aliases").filter(slug=slug).first()
    if person is None:  # an address from before a rename
        renamed = get_object_or_404(PersonSlug.objects.select_related("person"), slug=slug)
        return redirect(renamed.person.get_absolute_url(), permanent=True)
    if person.survivor.pk != person.pk:
        return redirect(person.survivor.get_absolute_url(), permanent=True)
    mentions = Article.objects.mentioning(person)
    co_mentioned = cached(
        f"person-{person.pk}-co-mentioned",
        lambda: list(
            Person.objects.active()
            .filter(tags__in=PersonTag.objects.live().filter(article__in=mentions.values("pk")))
            .exclude(pk=person.pk)
            .annotate(shared=Count("tags__article", distinct=True))
            .order_by("-shared", "name")[:10]
        ),
    )
    tagged_events = EventTag.objects.live().filter(article__in=mentions.values("pk")).values("event_id")
    events = cached(  # the event tags of every article that names the person
        f"person-{person.pk}-events",
        lambda: list(
            Event.objects.filter(Q(pk__in=person.events.values("pk")) | Q(pk__in=tagged_events))
            .select_related("region")
            .order_by(F("date").desc(nulls_last=True), "name")[:20]
        ),
    )
    context = {
        "title": person.name,
        "person": person,
        "positions": person.positions.select_related("region__parent", "organization")
        .order_by(F("last_seen_on").desc(nulls_last=True), "role")
        .supported(),
        "page": paginate(
            request,
            Article.objects.confirmed_first_for(person).for_listing(),
            count=cached(f"person-{person.pk}-count", mentions.count),
        ),
        "co_mentioned": co_mentioned,
        "events": events,
        "pairs": CandidatePair.objects.for_person(person)
        .for_listing()
        .order_by("contest__region__code", "pk"),
        "chart": attention_chart(cached(f"person-{person.pk}-days", mentions.daily_counts)),
    }
    return render(request, "articles/person.html", context)


# Events, outlets, organisations -------------------------------------------------------------------


def event_list(request):
    form = EventFilterForm(request.GET or None)
    events = Event.objects.select_related("region").with_article_counts()
    if form.is_valid() and form.cleaned_data["jenis"]:
        events = events.filter(kind=form.cleaned_data["jenis"])
    events = events.order_by(F("date").desc(nulls_last=True), "name", "pk")
    context = {"title": _("Peristiwa"), "form": form, "page": paginate(request, events)}
    return render(request, "articles/event_list.html", context)


def event(request, slug):
    event = get_object_or_404(Event.objects.select_related("region__parent"), slug=slug)
    context = {
        "title": event.name,
        "event": event,
        "participants": event.participants.select_related("merged_into").order_by("name"),
        "page": paginate(request, Article.objects.about_event(event).newest_first().for_listing()),
    }
    return render(request, "articles/event.html", context)


def outlet_list(request):
    outlets = Outlet.objects.annotate(article_count=Count("articles")).order_by("name")
    context = {"title": _("Media"), "page": paginate(request, outlets, DIRECTORY_PER_PAGE)}
    return render(request, "articles/outlet_list.html", context)


def outlet(request, slug):
    outlet = get_object_or_404(Outlet, slug=slug)
    articles = outlet.articles.all()
    context = {
        "title": outlet.name,
        "outlet": outlet,
        "page": paginate(
            request,
            articles.newest_first().for_listing(),
            count=cached(f"outlet-{outlet.pk}-count", articles.count),
        ),
        "chart": attention_chart(cached(f"outlet-{outlet.pk}-days", articles.daily_counts)),
    }
    return render(request, "articles/outlet.html", context)


def organization_list(request):
    organizations = Organization.objects.select_related("region").with_article_counts().order_by("name", "pk")
    context = {"title": _("Lembaga"), "page": paginate(request, organizations, DIRECTORY_PER_PAGE)}
    return render(request, "articles/organization_list.html", context)


def organization(request, slug):
    organization = get_object_or_404(Organization.objects.select_related("region__parent"), slug=slug)
    context = {
        "title": organization.name,
        "organization": organization,
        "positions": organization.positions.select_related("person__merged_into", "region")
        .order_by("role", "person__name")[:100]
        .supported(),
        "page": paginate(
            request, Article.objects.about_organization(organization).newest_first().for_listing()
        ),
    }
    return render(request, "articles/organization.html", context)


# Articles -----------------------------------------------------------------------------------------


CREDIT_LABELS = {
    "reporter": gettext_lazy("Wartawan"),
    "byline": gettext_lazy("Penulis"),
    "editor": gettext_lazy("Penyunting"),
    "photo": gettext_lazy("Foto"),
    "contributor": gettext_lazy("Kontributor"),
    "source": gettext_lazy("Sumber"),
}


def _credit_lines(credits):
    """[(label, "who")] from the importer's credits JSON, whatever shape each value has, labelled in
    the page's language; a closing mark an older import took for a name ("Red", "*") is left out."""
    if not isinstance(credits, dict):
        return []
    lines = []
    for role, who in credits.items():
        if isinstance(who, dict):
            who = "; ".join(f"{k}: {v}" for k, v in who.items())
        elif isinstance(who, list | tuple):
            who = ", ".join(str(w) for w in who if role != "byline" or is_name_credit(str(w)))
        elif role == "byline" and not is_name_credit(str(who)):
            who = ""
        if who:
            lines.append((CREDIT_LABELS.get(role, str(role)), str(who)))
    return lines


def article(request, pk):
    article = get_object_or_404(Article.objects.select_related("outlet", "dateline_region", "batch"), pk=pk)
    form = HighlightForm(request.GET)
    searched = parse(form.cleaned_data["q"] if form.is_valid() else "")
    # "confirmed" sorts before "suggested": the editor's verdicts lead each list.
    context = {
        "article": article,
        "searched": searched,
        "query": form.cleaned_data.get("q", "") if form.is_valid() else "",
        # confirmed before suggested, then as the article's tags of the kind are listed
        **{name: getattr(article, name).live().listed("status") for name in TAG_LISTS},
        "related": related_articles(article),
        "credits": _credit_lines(article.credits),
        "imported_at": article.batch.started_at if article.batch else article.created_at,
        "revisions": article.revisions.defer("raw", "text", "tags"),
        "absolute_url": request.build_absolute_uri(article.get_absolute_url()),
    }
    return render(request, "articles/article.html", context)


_CHARSET = re.compile(r"^[A-Za-z0-9._-]{1,40}$")


def article_raw(request, pk):
    """The file exactly as imported, as text in its own encoding (never sniffed as HTML)."""
    article = get_object_or_404(Article.objects.only("raw", "encoding", "source_file"), pk=pk)
    return raw_file(article.raw, article.encoding, article.source_file or f"{article.pk}.txt")


def article_revision_raw(request, pk, revision):
    """An earlier version of the article's file, exactly as it was imported then."""
    earlier = get_object_or_404(
        ArticleRevision.objects.select_related("article").only("raw", "encoding", "article__source_file"),
        article_id=pk,
        pk=revision,
    )
    return raw_file(earlier.raw, earlier.encoding, earlier.article.source_file or f"{pk}.txt")


def raw_file(raw, encoding, filename):
    charset = encoding if _CHARSET.match(encoding or "") else "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"
    response = HttpResponse(bytes(raw), content_type=f"text/plain; charset={charset}")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=filename)
    return response


# Discovery ----------------------------------------------------------------------------------------


def favicon(request):
    """Browsers and feed readers ask for /favicon.ico whatever the page says: send them to the icon."""
    return redirect(static("img/favicon.svg"), permanent=True)


def robots_txt(request):
    context = {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))}
    return render(request, "articles/robots.txt", context, content_type="text/plain; charset=utf-8")
