"""The date archive: year → month (a calendar with counts) → day, with previous/next."""

import pytest

from tests.browse_data import build_archive, page_queries

DATE_QUERIES = 6


def test_date_index_lists_years_with_counts(client, archive):
    response = client.get("/tanggal/")
    assert [(row["year"], row["n"]) for row in response.context["years"]] == [(2024, 6)]
    assert 'href="/tanggal/2024/"' in response.content.decode()


def test_year_page_counts_articles_per_month(client, archive):
    response = client.get("/tanggal/2024/")
    assert response.status_code == 200
    counts = {month.month: n for month, n in response.context["months"]}
    # Articles every nine days from 19 March: 19, 28 Mar; 6, 15, 24 Apr; 3 May.
    assert counts[3] == 2 and counts[4] == 3 and counts[5] == 1 and counts[1] == 0
    html = response.content.decode()
    assert 'href="/tanggal/2024/4/"' in html
    assert 'href="/tanggal/2024/1/"' not in html  # an empty month is not a link to a 404


def test_month_page_is_a_calendar_linking_days_with_articles(client, archive):
    response = client.get("/tanggal/2024/3/")
    html = response.content.decode()
    assert '<table class="calendar">' in html
    assert 'href="/tanggal/2024/3/19/"' in html
    assert 'href="/tanggal/2024/3/20/"' not in html
    assert ">Maret 2024<" in html
    weeks = response.context["weeks"]
    assert all(len(week) == 7 for week in weeks)


def test_month_page_links_to_the_neighbouring_months_that_have_articles(client, archive):
    response = client.get("/tanggal/2024/4/")
    assert response.context["previous"].month == 3
    assert response.context["next"].month == 5
    html = response.content.decode()
    assert 'rel="prev" href="/tanggal/2024/3/"' in html
    assert 'rel="next" href="/tanggal/2024/5/"' in html


def test_day_page_lists_that_days_articles_with_neighbouring_days(client, archive):
    response = client.get("/tanggal/2024/3/28/")
    assert [a.pk for a in response.context["page"].object_list] == [archive["articles"][1].pk]
    html = response.content.decode()
    assert 'rel="prev" href="/tanggal/2024/3/19/"' in html
    assert 'rel="next" href="/tanggal/2024/4/6/"' in html
    assert "28 Maret 2024" in html


def test_first_day_has_no_previous_and_last_day_no_next(client, archive):
    assert 'rel="prev"' not in client.get("/tanggal/2024/3/19/").content.decode()
    assert 'rel="next"' not in client.get("/tanggal/2024/5/3/").content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/tanggal/2023/",
        "/tanggal/2024/2/",
        "/tanggal/2024/13/",
        "/tanggal/2024/0/",
        "/tanggal/2024/2/30/",
        "/tanggal/2024/3/20/",
        "/tanggal/0/",
        "/tanggal/9999/12/31/",
        "/tanggal/99999999999/",
        "/tanggal/2024/3/19/?page=2",
        "/tanggal/2024/3/19/?page=x",
    ],
)
def test_dates_without_articles_or_that_do_not_exist_are_404(client, archive, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_date_pages_run_the_same_number_of_queries_with_more_data(client, archive):
    urls = ["/tanggal/", "/tanggal/2024/", "/tanggal/2024/3/", "/tanggal/2024/3/19/"]
    small = page_queries(client, urls, DATE_QUERIES)
    build_archive(batch=1, articles=30)
    build_archive(batch=2)
    assert page_queries(client, urls, DATE_QUERIES) == small
