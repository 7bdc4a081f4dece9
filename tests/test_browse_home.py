"""The home page: search box, latest articles, totals, provinces, most-mentioned people, events."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.browse_data import build_archive

HOME_QUERIES = 12  # with a cold count cache; fewer when the counts are cached


def test_home_has_a_search_box_that_goes_to_the_search_page(client, archive):
    html = client.get("/").content.decode()
    assert '<form class="search-box" action="/cari/" method="get"' in html
    assert 'name="q"' in html
    assert '<label for="home-q">' in html


def test_home_lists_the_latest_articles_newest_first(client, archive):
    html = client.get("/").content.decode()
    newest, oldest = archive["articles"][-1], archive["articles"][0]
    assert html.index(newest.get_absolute_url()) < html.index(oldest.get_absolute_url())


def test_home_shows_totals_provinces_with_counts_people_and_events(client, archive):
    response = client.get("/")
    assert response.context["totals"]["articles"] == 6
    # The merged record is not counted as a person of its own.
    assert response.context["totals"]["people"] == 3
    provinces = {p.code: p.article_count for p in response.context["provinces"]}
    assert len(provinces) == 38
    assert provinces["18"] == 6
    assert provinces["31"] == 0  # only a rejected tag points at Jakarta
    people = list(response.context["people"])
    assert people[0] == archive["people"][0]
    assert people[0].article_count == 6
    html = response.content.decode()
    assert archive["event"].get_absolute_url() in html
    assert "/wilayah/lampung/" in html


def test_home_escapes_article_titles(client, archive):
    html = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_home_on_an_empty_archive_still_answers(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "Belum ada artikel." in response.content.decode()


def test_home_runs_the_same_number_of_queries_with_more_data(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(HOME_QUERIES):
        assert client.get("/").status_code == 200
    with CaptureQueriesContext(connection) as small:
        client.get("/")
    build_archive(batch=1)
    build_archive(batch=2, articles=12)
    with django_assert_max_num_queries(HOME_QUERIES):
        assert client.get("/").status_code == 200
    with CaptureQueriesContext(connection) as large:
        client.get("/")
    assert len(large) == len(small)
