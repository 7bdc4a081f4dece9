"""Django-side helpers for bench.run, run in a subprocess with the run's settings; prints JSON.

    python -m bench.probe count
    python -m bench.probe names '{"people": [...], "outlets": [...]}'

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
        client.get(path)  # warm caches the way a running worker has them
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        counted.append({"name": name, "path": path, "queries": len(ctx), "status": response.status_code})
    return {"people": people, "outlets": outlets, "pages": counted}


if __name__ == "__main__":
    django.setup()
    command = sys.argv[1]
    if command == "count":
        out = count()
    elif command == "names":
        out = names(json.loads(sys.argv[2]))
    else:
        sys.exit(f"unknown command {command}")
    print(json.dumps(out))
