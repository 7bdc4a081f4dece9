"""A small archive built through the ORM for the browse tests: articles, people, events and tags.

`build_archive(batch)` can be called again with another batch number to grow the data; the
query-count tests do exactly that to check that a page's query count does not follow the data.
"""

import hashlib
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import (
    Article,
    Event,
    EventTag,
    Organization,
    OrganizationTag,
    Outlet,
    Person,
    PersonAlias,
    PersonTag,
    Position,
    Region,
    RegionTag,
)

WIB = ZoneInfo("Asia/Jakarta")
CITIES = ["18.72", "18.71", "18.01"]
START = date(2024, 3, 19)


def build_archive(batch=0, articles=6):
    """Create `articles` articles (and their people, events, tags) for batch `batch`; return a dict."""
    lampung = Region.objects.get(code="18")
    cities = [Region.objects.get(code=code) for code in CITIES]
    outlet, _ = Outlet.objects.get_or_create(
        slug="kupas-tuntas", defaults={"name": "Kupas Tuntas", "domain": "kupastuntas.co"}
    )
    other_outlet, _ = Outlet.objects.get_or_create(slug="lampost", defaults={"name": "Lampung Post"})
    organization, _ = Organization.objects.get_or_create(
        slug="bawaslu-kota-metro",
        defaults={
            "name": "Bawaslu Kota Metro",
            "acronym": "Bawaslu",
            "kind": "election_body",
            "region": cities[0],
        },
    )
    people = []
    for i in range(3):
        person = Person.objects.create(name=f"Tokoh {batch}-{i}", slug=f"tokoh-{batch}-{i}")
        PersonAlias.objects.create(person=person, name=f"T. {batch}-{i}", key=f"t {batch}-{i}")
        Position.objects.create(
            person=person,
            role="Wali Kota" if i == 0 else "Ketua Bawaslu",
            region=cities[i % len(cities)],
            organization=organization if i else None,
            first_seen_on=START,
            last_seen_on=START + timedelta(days=30),
        )
        people.append(person)
    merged = Person.objects.create(
        name=f"Tokoh Lama {batch}", slug=f"tokoh-lama-{batch}", merged_into=people[0]
    )
    Position.objects.create(person=merged, role="Wakil Wali Kota", region=cities[0])
    event = Event.objects.create(
        name=f"Debat kandidat {batch}",
        slug=f"debat-kandidat-{batch}",
        kind="debate",
        date=START + timedelta(days=batch),
        place="Metro",
        region=cities[0],
    )
    event.participants.add(people[0], people[1])
    made = []
    for n in range(articles):
        published = START + timedelta(days=n * 9 + batch)
        article = Article.objects.create(
            title=f"Berita {batch}-{n}: Wali Kota <script>alert(1)</script> & Pilkada",
            body=f"Paragraf satu <b>tebal</b> tentang pemilihan {batch}-{n}.\n\nParagraf dua tentang kampanye.",
            raw=f"Berita {batch}-{n}\n\nParagraf satu.".encode(),
            content_hash=hashlib.sha256(f"browse-{batch}-{n}".encode()).hexdigest(),
            source_file=f"{batch:03}_{n:03}.txt",
            source="jelajah",
            source_path=f"{batch:03}_{n:03}.txt",
            source_url=f"https://kupastuntas.co/{batch}/{n}",
            published_on=published,
            published_at=datetime(published.year, published.month, published.day, 12, 59, tzinfo=WIB),
            dateline="Metro",
            dateline_region=cities[0],
            outlet=outlet if n % 2 else other_outlet,
            credits={"reporter": "Arby", "editor": ["Ayu", "Budi"]},
        )
        city = cities[n % len(cities)]
        RegionTag.objects.create(article=article, region=city, status="confirmed" if n % 2 else "suggested")
        RegionTag.objects.create(article=article, region=lampung, status="suggested")
        PersonTag.objects.create(
            article=article, person=people[0], status="confirmed" if n % 2 else "suggested"
        )
        PersonTag.objects.create(article=article, person=people[1 + n % 2], status="suggested")
        OrganizationTag.objects.create(article=article, organization=organization, status="suggested")
        EventTag.objects.create(article=article, event=event, status="confirmed")
        made.append(article)
    # A rejected tag must never show: this one ties the first article to a Jakarta city.
    RegionTag.objects.create(article=made[0], region=Region.objects.get(code="31.71"), status="rejected")
    return {
        "articles": made,
        "people": people,
        "merged": merged,
        "event": event,
        "organization": organization,
        "outlet": outlet,
        "city": cities[0],
        "province": lampung,
    }


def page_queries(client, urls, most):
    """{url: queries of a second GET} for pages whose first GET (caches cold) answers with at most
    `most` queries: what the query-count tests compare before and after the archive grows."""
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as first:
            assert client.get(url).status_code == 200, url
        assert len(first) <= most, f"{url}: {len(first)} queries\n" + "\n".join(q["sql"] for q in first)
        with CaptureQueriesContext(connection) as again:
            client.get(url)
        counts[url] = len(again)
    return counts
