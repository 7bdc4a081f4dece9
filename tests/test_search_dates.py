"""Dates in search: filtered, faceted and shown in each article's own zone (WIB, WITA, WIT), and
undated articles included or left out on request."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from haystack.query import SearchQuerySet

from articles.models import Article
from articles.search.service import build_queryset, run_search
from tests.test_search_haystack_api import date_counts

WIB, WITA, WIT = ZoneInfo("Asia/Jakarta"), ZoneInfo("Asia/Makassar"), ZoneInfo("Asia/Jayapura")
DAY = date(2024, 11, 1)


def article(n, moment=None, zone="", lead=None):
    a = Article(
        title=f"Artikel {n}",
        body=f"Isi berita pilkada nomor {n}.",
        raw=b"x",
        content_hash=f"{n:064x}",
        source="uji",
        source_path=f"{n}.txt",
        source_file=f"{n}.txt",
    )
    a.set_dates(moment, moment is not None and moment.hour + moment.minute > 0, lead)
    a.published_zone = zone or a.published_zone
    a.save()
    return a


@pytest.fixture
def edges(search_index):
    """Articles at the edges of 1 November 2024 in the three zones, one dated by its lead, one undated."""
    made = {
        "wita_early": article(1, datetime(2024, 11, 1, 0, 30, tzinfo=WITA)),  # 31 Oct 16.30 UTC
        "wit_late": article(2, datetime(2024, 11, 1, 23, 30, tzinfo=WIT)),  # 1 Nov 14.30 UTC
        "wib_before": article(3, datetime(2024, 10, 31, 23, 59, tzinfo=WIB)),  # 31 Oct 16.59 UTC
        "wib_after": article(4, datetime(2024, 11, 2, 0, 1, tzinfo=WIB)),
        "lead": article(5, lead=DAY),
        "undated": article(6),
    }
    search_index.update()
    return {name: a.pk for name, a in made.items()}


def test_a_day_filter_takes_the_day_each_article_was_printed_on(edges, search_index):
    found = search_index.ids(build_queryset({"from": DAY, "to": DAY}))
    assert found == {edges["wita_early"], edges["wit_late"], edges["lead"]}


def test_a_range_filter_includes_both_ends(edges, search_index):
    found = search_index.ids(build_queryset({"from": DAY - timedelta(days=1), "to": DAY + timedelta(days=1)}))
    assert found == set(edges.values()) - {edges["undated"]}


def test_haystack_datetime_filters_compare_the_real_moment(edges, search_index):
    # 1 Nov 00.00 WIB = 31 Oct 17.00 UTC: the WITA half-past-midnight article came before it.
    moment = datetime(2024, 11, 1, tzinfo=WIB)
    found = search_index.ids(SearchQuerySet().filter(published__gte=moment))
    assert edges["wita_early"] not in found and edges["wit_late"] in found
    assert edges["wib_before"] not in found and edges["wib_after"] in found


def test_the_month_facet_counts_browse_dates(edges, search_index):
    outcome = run_search({"undated": "include"})
    months = {m["month"]: m["count"] for m in outcome.facets["month"]}
    assert months == {"2024-10": 1, "2024-11": 4}


@pytest.mark.parametrize(("rule", "expected"), [("include", 6), ("exclude", 5), ("only", 1)])
def test_undated_articles_are_included_or_left_out_on_request(edges, rule, expected):
    assert run_search({"undated": rule}).count == expected


def test_a_printed_time_is_shown_in_its_own_zone(edges):
    wita = Article.objects.get(pk=edges["wita_early"])
    assert wita.published_zone == "WITA"
    assert (wita.published_local.hour, wita.published_local.minute) == (0, 30)
    assert wita.dated_on == DAY and wita.date_source == "published"


def test_an_editor_correcting_the_stated_date_moves_the_browse_date(edges):
    lead = Article.objects.get(pk=edges["lead"])
    assert lead.date_estimated
    lead.published_on = date(2024, 10, 5)
    lead.save()
    lead.refresh_from_db()
    assert (lead.dated_on, lead.date_source, lead.date_estimated) == (date(2024, 10, 5), "published", False)


def test_haystack_date_filters_on_the_browse_day_take_each_articles_own_zone(edges, search_index):
    found = search_index.ids(SearchQuerySet().filter(day=DAY))
    assert found == {edges["wita_early"], edges["wit_late"], edges["lead"]}
    assert search_index.ids(SearchQuerySet().filter(day__lt=DAY)) == {edges["wib_before"]}


def test_a_daily_date_facet_on_the_browse_day_counts_each_day_in_its_own_zone(edges):
    counts = date_counts("day", DAY - timedelta(days=1), DAY + timedelta(days=2), "day")
    by_day = {bucket[0].date(): n for bucket, n in counts if bucket}
    assert by_day == {DAY - timedelta(days=1): 1, DAY: 3, DAY + timedelta(days=1): 1}


def test_a_daily_date_facet_on_the_moment_counts_days_in_the_zone_asked_for(edges):
    counts = date_counts(
        "published", datetime(2024, 11, 1, tzinfo=WIT), datetime(2024, 11, 2, tzinfo=WIT), "day"
    )
    # 1 November in WIT runs from 31 Oct 15.00 to 1 Nov 15.00 UTC: the WITA 00.30, the WIT 23.30 and the
    # WIB 23.59 of 31 October (16.59 UTC) articles, and the lead-dated one at WIB midnight (17.00 UTC).
    assert [n for bucket, n in counts if bucket] == [4]


def test_haystack_lt_and_gt_leave_out_their_own_bound(edges, search_index):
    moment = datetime(2024, 11, 2, 0, 1, tzinfo=WIB)  # the wib_after article's own moment
    assert edges["wib_after"] not in search_index.ids(SearchQuerySet().filter(published__lt=moment))
    assert edges["wib_after"] not in search_index.ids(SearchQuerySet().filter(published__gt=moment))
    assert edges["wib_after"] in search_index.ids(SearchQuerySet().filter(published__lte=moment))
