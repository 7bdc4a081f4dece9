"""Regions: the province index with city counts, and a region page with everything about it."""

import pytest

from articles.counts import with_region_counts
from articles.models import Region
from tests.browse_data import build_archive, page_queries

REGION_QUERIES = 10


def test_region_index_lists_all_38_provinces_with_their_cities(client, db):
    response = client.get("/wilayah/")
    assert response.status_code == 200
    provinces = response.context["provinces"]
    assert len(provinces) == 38
    lampung = next(children for province, children in provinces if province.code == "18")
    assert "Kota Metro" in [c.name for c in lampung]
    assert all(c.parent_id == Region.objects.get(code="18").pk for c in lampung)


def test_a_province_counts_each_article_once_even_when_tagged_with_several_of_its_cities(
    client, make_article, tag_region
):
    article = make_article()
    tag_region(article, "18.72")
    tag_region(article, "18.71")
    tag_region(article, "18")
    counts = {r.code: r.article_count for r in with_region_counts(Region.objects.all())}
    assert counts["18"] == 1
    assert counts["18.72"] == 1
    assert counts["18.01"] == 0


def test_rejected_tags_do_not_count_or_list(client, make_article, tag_region):
    article = make_article(title="Ditolak")
    tag_region(article, "31.71", status="rejected")
    counts = {r.code: r.article_count for r in with_region_counts(Region.objects.all())}
    assert counts["31.71"] == 0
    assert "Ditolak" not in client.get("/wilayah/kota-administrasi-jakarta-pusat/").content.decode()


def test_regions_without_articles_are_listed_but_quiet(client, archive):
    html = client.get("/wilayah/").content.decode()
    assert '<li class="quiet"><a href="/wilayah/kabupaten-lampung-barat/">' in html
    assert '<li><a href="/wilayah/kota-metro/">Kota Metro</a>' in html


def test_region_page_lists_its_articles_newest_first(client, archive):
    response = client.get("/wilayah/kota-metro/")
    assert response.status_code == 200
    titles = [a.title for a in response.context["page"].object_list]
    metro = [a for a in archive["articles"] if a.region_tags.filter(region__code="18.72").exists()]
    assert titles == [a.title for a in sorted(metro, key=lambda a: a.published_on, reverse=True)]


def test_a_province_page_includes_its_cities_articles_and_lists_its_cities(client, archive):
    response = client.get("/wilayah/lampung/")
    assert response.context["page"].paginator.count == 6
    subregions = {r.code: r.article_count for r in response.context["subregions"]}
    assert subregions["18.72"] == 2
    assert len(subregions) == Region.objects.filter(parent__code="18").count()


def test_region_page_shows_officials_events_organizations_and_breadcrumb(client, archive):
    html = client.get("/wilayah/kota-metro/").content.decode()
    assert archive["people"][0].get_absolute_url() in html
    assert "Wali Kota" in html
    # The merged person's position links to the survivor, never through a redirect.
    assert archive["merged"].get_absolute_url() not in html
    assert archive["event"].get_absolute_url() in html
    assert archive["organization"].get_absolute_url() in html
    crumbs = html[html.index('class="breadcrumbs"') : html.index("</nav>", html.index('class="breadcrumbs"'))]
    assert crumbs.index("/wilayah/lampung/") < crumbs.index("Kota Metro")


def test_region_page_links_to_a_search_within_the_region_and_its_feed(client, archive):
    html = client.get("/wilayah/kota-metro/").content.decode()
    assert 'href="/cari/?region=18.72"' in html
    assert 'href="/wilayah/kota-metro/feed/"' in html


def test_region_page_draws_an_attention_chart_as_inline_svg(client, archive):
    html = client.get("/wilayah/lampung/").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert svg.count("<rect") >= 2
    assert "<script" not in svg
    assert 'role="img"' in svg


def test_region_page_without_articles_says_so_and_offers_a_way_on(client, db):
    response = client.get("/wilayah/kabupaten-lampung-barat/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Belum ada artikel." in html
    assert 'href="/wilayah/"' in html
    assert response.context["chart"] is None


def test_region_pages_paginate(client, archive):
    build_archive(batch=1, articles=40)
    first = client.get("/wilayah/lampung/")
    assert len(first.context["page"].object_list) == 20
    assert 'href="?page=2"' in first.content.decode()
    assert client.get("/wilayah/lampung/?page=2").status_code == 200


@pytest.mark.parametrize("query", ["?page=999", "?page=abc", "?page=0", "?page=-1"])
def test_a_page_that_does_not_exist_is_a_404(client, archive, query):
    response = client.get("/wilayah/kota-metro/" + query)
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_an_unknown_region_is_a_404(client, db):
    assert client.get("/wilayah/atlantis/").status_code == 404


def test_region_pages_run_the_same_number_of_queries_with_more_data(client, archive):
    urls = ["/wilayah/", "/wilayah/lampung/", "/wilayah/kota-metro/"]
    small = page_queries(client, urls, REGION_QUERIES)
    build_archive(batch=1)
    build_archive(batch=2, articles=25)
    assert page_queries(client, urls, REGION_QUERIES) == small


def test_region_counts_follow_a_rejection_once_it_commits(
    make_article, tag_region, django_capture_on_commit_callbacks
):
    from articles.counts import region_counts
    from articles.models import Region

    metro = Region.objects.get(code="18.72")
    tag = tag_region(make_article(), "18.72")
    assert region_counts()[metro.pk] == 1
    with django_capture_on_commit_callbacks(execute=True):
        tag.status = "rejected"
        tag.save()
    assert region_counts().get(metro.pk, 0) == 0


def test_a_region_pages_cached_count_and_chart_follow_a_new_article_once_it_commits(
    client, make_article, tag_region, django_capture_on_commit_callbacks
):
    from datetime import date

    tag_region(make_article(title="Debat Pertama", published_on=date(2024, 9, 2)), "18.72")
    before = client.get("/wilayah/kota-metro/")  # fills the cache
    assert before.context["page"].paginator.count == 1
    with django_capture_on_commit_callbacks(execute=True):
        tag_region(make_article(title="Debat Kedua", published_on=date(2024, 10, 7)), "18.72")
    after = client.get("/wilayah/kota-metro/")
    assert after.context["page"].paginator.count == 2
    assert [a.title for a in after.context["page"]] == ["Debat Kedua", "Debat Pertama"]
    assert after.context["chart"].total == 2


def test_the_region_index_is_grouped_by_province_and_alphabetical_within(client, db):
    html = client.get("/wilayah/").content.decode()
    provinces = [html.index(f">{name}</a> <span") for name in ("Aceh", "Bali", "Jawa Barat", "Lampung")]
    assert provinces == sorted(provinces)
    lampung = html[html.index('id="p-18"') :]
    lampung = lampung[: lampung.index("</section>")]
    names = ["Kabupaten Lampung Barat", "Kota Metro", "Kabupaten Tanggamus", "Kota Bandar Lampung"]
    positions = {name: lampung.index(f">{name}</a>") for name in names}
    # by their own names: Bandar Lampung, Lampung Barat, Metro, Tanggamus
    assert sorted(positions, key=positions.get) == [
        "Kota Bandar Lampung",
        "Kabupaten Lampung Barat",
        "Kota Metro",
        "Kabupaten Tanggamus",
    ]


def test_officials_on_a_region_page_come_most_mentioned_first(client, make_article, make_person, tag_person):
    from articles.models import Position, Region

    metro = Region.objects.get(code="18.72")
    quiet, busy = make_person("Aan Pendiam"), make_person("Zul Terkenal")
    Position.objects.create(person=quiet, role="Camat", region=metro)
    Position.objects.create(person=busy, role="Wali Kota", region=metro)
    for _ in range(3):
        tag_person(make_article(), busy)
    tag_person(make_article(), quiet, status="rejected")
    html = client.get("/wilayah/kota-metro/").content.decode()
    officials = html[html.index('id="officials-heading"') :]
    assert officials.index("Zul Terkenal") < officials.index("Aan Pendiam")


def test_a_chart_of_one_day_names_the_day_not_a_range(client, make_article, tag_region):
    from datetime import date

    tag_region(make_article(published_on=date(2024, 3, 19)), "18.72")
    html = client.get("/wilayah/kota-metro/").content.decode()
    caption = html[html.index("<figcaption>") : html.index("</figcaption>")]
    assert "Artikel per hari" in caption and "1 artikel, 19 Mar 2024" in caption and "–" not in caption
