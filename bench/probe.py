"""Django-side helpers for bench.run, run in a subprocess with the run's settings; prints JSON.

    python -m bench.probe count
    python -m bench.probe names '{"people": [...], "outlets": [...]}'
    python -m bench.probe pool

`names` turns the corpus's person and outlet names into the site's slugs, picks the browse pages
(the busiest province, region, person, month, day, an article, and a quiet region and person to show
that the query count does not depend on how much a page has), and counts each page's SQL queries
with the test client.
"""

import json
import sys

import django


def count():
    from articles.models import Article

    return {"articles": Article.objects.count()}


def names(wanted):
    from django.core.cache import caches
    from django.db import connection
    from django.db.models import Count
    from django.db.models.functions import TruncDay, TruncMonth
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from articles.models import Article, Outlet, Person, PersonAlias, Region

    people = {}
    for name in wanted["people"]:
        alias = PersonAlias.objects.filter(name__iexact=name).select_related("person").first()
        person = alias.person if alias else Person.objects.filter(name__iexact=name).first()
        people[name] = person.slug if person else ""
    outlets = {
        name: getattr(Outlet.objects.filter(name__iexact=name).first(), "slug", "")
        for name in wanted["outlets"]
    }

    def by_tags(qs, relation):
        return qs.annotate(n=Count(relation)).order_by("-n", "pk")

    pages = [("home", reverse("home"))]
    province = by_tags(Region.objects.filter(level="provinsi"), "tags").first()
    regions = by_tags(Region.objects.exclude(level="provinsi"), "tags")
    busiest_people = by_tags(Person.objects.all(), "tags")
    if province:
        pages.append(("province", province.get_absolute_url()))
    if regions.exists():
        pages.append(("region", regions.first().get_absolute_url()))
        quiet = regions.filter(n__gt=0).last()
        pages.append(("region (quiet)", quiet.get_absolute_url()))
    if busiest_people.exists():
        pages.append(("person", busiest_people.first().get_absolute_url()))
        pages.append(("person (quiet)", busiest_people.filter(n__gt=0).last().get_absolute_url()))
    dated = Article.objects.exclude(published_on=None)
    month = (
        dated.annotate(m=TruncMonth("published_on"))
        .values("m")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    day = (
        dated.annotate(d=TruncDay("published_on")).values("d").annotate(n=Count("pk")).order_by("-n").first()
    )
    if month:
        pages.append(
            ("date archive (month)", reverse("date_month", args=[month["m"].year, month["m"].month]))
        )
    if day:
        d = day["d"]
        pages.append(("date archive (day)", reverse("date_day", args=[d.year, d.month, d.day])))
    article = Article.objects.order_by("pk")[Article.objects.count() // 2 :].first()
    if article:
        pages.append(("article", article.get_absolute_url()))

    client = Client(HTTP_HOST="127.0.0.1")
    counted = []
    for name, path in pages:
        client.get(path)  # warm the aggregates the way a running worker has them
        caches["search"].clear()  # but count the page's own queries, not a page-cache hit
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        counted.append({"name": name, "path": path, "queries": len(ctx), "status": response.status_code})
    return {"people": people, "outlets": outlets, "pages": counted}


def pool(size=200):
    """What the realistic load draws from: the most mentioned people and regions, contests, months,
    and articles spread over the archive, busiest first."""
    from django.db.models import Count

    from articles.models import Article, Contest, Person, Region

    people = Person.objects.annotate(n=Count("tags")).filter(n__gt=0).order_by("-n", "pk")[:size]
    regions = Region.objects.annotate(n=Count("tags")).filter(n__gt=0).order_by("-n", "pk")[:size]
    contests = Contest.objects.annotate(n=Count("region__tags")).order_by("-n", "pk")[:size]
    total = Article.objects.count()
    step = max(1, total // size)
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True)[::step][:size])
    months = Article.objects.dated().dates("dated_on", "month")
    return {
        "months": [f"/tanggal/{m.year}/{m.month}/" for m in months],
        "people": [{"name": p.name, "path": p.get_absolute_url()} for p in people],
        "regions": [{"code": r.code, "name": r.name, "path": r.get_absolute_url()} for r in regions],
        "contests": [c.get_absolute_url() for c in contests],
        "articles": [f"/artikel/{pk}/" for pk in ids],
    }


if __name__ == "__main__":
    django.setup()
    command = sys.argv[1]
    if command == "count":
        out = count()
    elif command == "names":
        out = names(json.loads(sys.argv[2]))
    elif command == "pool":
        out = pool()
    else:
        sys.exit(f"unknown command {command}")
    print(json.dumps(out))
