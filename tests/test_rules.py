"""The archive's domain rules, each pinned once where it is stated: who survives a merge, what a
province includes, which tags are live and how they are counted, a day's local midnight, months."""

from datetime import date, timedelta
from xml.etree import ElementTree

import pytest
from django.db.models import OuterRef

from articles.days import local_midnight, month_end, month_start, next_month, week_start
from articles.extraction.dates import ZONES as PRINTED_OFFSETS
from articles.models import (
    Article,
    CandidatePair,
    DateSource,
    Event,
    EventTag,
    Level,
    Organization,
    OrganizationTag,
    PairTag,
    Person,
    PersonTag,
    Region,
    RegionTag,
    province_of,
)
from articles.search.forms import SearchForm
from articles.search_indexes import ArticleIndex

pytestmark = pytest.mark.django_db


def merge(person, into):
    """Point `person` at `into` directly, as old data may hold it (curation.merge_people flattens)."""
    Person.objects.filter(pk=person.pk).update(merged_into=into)


def fresh(person):
    return Person.objects.select_related("merged_into").get(pk=person.pk)


# Who survives a merge ---------------------------------------------------------------------------


def test_a_person_never_merged_survives_as_itself(make_person):
    person = make_person("Qomaru Zaman")
    assert fresh(person).survivor == person


def test_a_merged_chain_ends_at_its_last_record(make_person):
    first, middle, last = make_person("Qomaru"), make_person("Qomaru Z."), make_person("Qomaru Zaman")
    merge(first, middle)
    merge(middle, last)
    assert fresh(first).survivor == last
    assert fresh(middle).survivor == last


def test_every_record_on_a_merge_cycle_names_the_same_survivor(make_person):
    a, b, c = make_person("Ahmad Tohir"), make_person("Tohir"), make_person("A. Tohir")
    merge(a, b)
    merge(b, c)
    merge(c, b)  # b and c loop; a leads into the loop
    assert {fresh(p).survivor for p in (a, b, c)} == {b}


def test_the_person_page_redirects_a_merged_chain_straight_to_its_survivor(client, make_person):
    first, middle, last = make_person("Qomaru"), make_person("Qomaru Z."), make_person("Qomaru Zaman")
    merge(first, middle)
    merge(middle, last)
    response = client.get(first.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == last.get_absolute_url()


def test_a_page_on_a_merge_cycle_does_not_redirect_for_ever(client, make_person):
    a, b = make_person("Ahmad Tohir"), make_person("Tohir")
    merge(a, b)
    merge(b, a)
    assert client.get(b.get_absolute_url())["Location"] == a.get_absolute_url()
    assert client.get(a.get_absolute_url()).status_code == 200


def test_feed_search_index_and_article_page_follow_a_chain_to_the_survivor(
    client, make_article, make_person, tag_person
):
    first, middle, last = make_person("Qomaru"), make_person("Qomaru Z."), make_person("Qomaru Zaman")
    article = make_article(title="Kampanye di Metro", published_on=date(2024, 10, 1))
    tag_person(article, first)
    merge(first, middle)
    merge(middle, last)
    tag_person(make_article(title="Debat kandidat", published_on=date(2024, 10, 2)), last)

    feed = ElementTree.fromstring(client.get(f"/tokoh/{first.slug}/feed/").content)
    assert feed.find("{http://www.w3.org/2005/Atom}title").text.endswith(last.name)

    form = SearchForm({"person": first.slug})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["person"] == last

    index = ArticleIndex()
    assert index.prepare_people(Article.objects.get(pk=article.pk)) == [last.slug]
    assert last.name in index.prepare_text(Article.objects.get(pk=article.pk))

    html = client.get(article.get_absolute_url()).content.decode()
    assert f'href="{last.get_absolute_url()}"' in html
    assert f'href="{first.get_absolute_url()}"' not in html


# A province includes its kabupaten/kota -----------------------------------------------------------


def test_a_province_with_its_descendants_holds_its_kabupaten_and_kota_and_no_other_provinces():
    lampung = Region.objects.get(code="18")
    scope = set(Region.objects.with_descendants(lampung).values_list("code", flat=True))
    assert {"18", "18.72", "18.01"} <= scope
    assert "32.13" not in scope and "32" not in scope
    assert all(code == "18" or code.startswith("18.") for code in scope)
    metro = Region.objects.get(code="18.72")
    assert set(Region.objects.with_descendants(metro)) == {metro}


def test_every_form_of_the_province_rule_agrees_for_every_region():
    regions = list(Region.objects.select_related("parent").annotate(province_pk=province_of()))
    within = {
        province.pk: set(Region.objects.with_descendants(province).values_list("pk", flat=True))
        for province in Region.objects.provinces()
    }
    for region in regions:
        # filed under exactly the regions whose scope holds it, and grouped under its own province
        assert {r.pk for r in region.with_ancestors()} == {region.pk} | {
            p for p, members in within.items() if region.pk in members
        }, region.code
        assert region.province.pk == region.province_pk, region.code
        assert region.province.level == Level.PROVINSI, region.code


def test_article_counts_by_region_agree_with_the_articles_a_region_page_lists(make_article, tag_region):
    metro, lampung_only, subang, rejected = (make_article() for _ in range(4))
    tag_region(metro, "18.72")
    tag_region(metro, "18")  # tagged with the city and its province: one article for Lampung
    tag_region(lampung_only, "18")
    tag_region(subang, "32.13", status="confirmed")
    tag_region(rejected, "18.01", status="rejected")
    counts = RegionTag.objects.article_counts_by_region()
    for code in ("18", "18.72", "18.01", "32", "32.13"):
        region = Region.objects.get(code=code)
        assert counts.get(region.pk, 0) == Article.objects.in_region(region).count(), code
    assert counts[Region.objects.get(code="18").pk] == 2


# A live tag, and how live tags are counted -------------------------------------------------------


def test_live_tags_are_the_suggested_and_confirmed_ones(make_article, make_person, tag_person):
    person = make_person("Wahdi Sirajuddin")
    for status in ("suggested", "confirmed", "rejected"):
        tag_person(make_article(), person, status=status)
    assert sorted(PersonTag.objects.live().values_list("status", flat=True)) == ["confirmed", "suggested"]


def test_the_live_article_count_agrees_with_the_live_tags_for_every_kind_of_entity(
    make_article, make_person, tag_person
):
    person = make_person("Wahdi Sirajuddin")
    other = make_person("Qomaru Zaman")
    organization = Organization.objects.create(name="Bawaslu Kota Metro", slug="bawaslu-kota-metro")
    event = Event.objects.create(name="Debat publik", slug="debat-publik")
    for status in ("suggested", "confirmed", "rejected", "confirmed"):
        article = make_article()
        tag_person(article, person, status=status)
        OrganizationTag.objects.create(article=article, organization=organization, status=status)
        EventTag.objects.create(article=article, event=event, status=status)
    tag_person(make_article(), other)

    live_people = PersonTag.objects.live().filter(person=person).values("article_id").distinct().count()
    assert live_people == 3
    assert Person.objects.with_article_counts().get(pk=person.pk).article_count == live_people
    assert Person.objects.with_article_counts().get(pk=other.pk).article_count == 1
    assert Article.objects.mentioning(person).count() == live_people
    assert Organization.objects.with_article_counts().get().article_count == live_people
    assert Event.objects.with_article_counts().get().article_count == live_people
    assert [(p, p.article_count) for p in Person.objects.active().most_mentioned(5)] == [
        (person, 3),
        (other, 1),
    ]
    grouped = dict(PersonTag.objects.live_article_counts("person_id"))
    assert grouped == {person.pk: 3, other.pk: 1}
    single = PersonTag.objects.filter(person=OuterRef("pk")).live_article_count()
    assert Person.objects.annotate(n=single).get(pk=person.pk).n == 3


def test_an_entity_with_only_rejected_tags_counts_no_articles(make_article, make_person, tag_person):
    person = make_person("Ahmad Tohir")
    tag_person(make_article(), person, status="rejected")
    assert Person.objects.with_article_counts().get().article_count == 0
    assert Person.objects.active().most_mentioned(5) == []


# A day's local midnight, and months --------------------------------------------------------------


@pytest.mark.parametrize("zone, hours", [("WIB", 7), ("WITA", 8), ("WIT", 9), ("", 7)])
def test_a_day_begins_at_midnight_in_its_zone_all_year(zone, hours):
    for day in (date(2024, 1, 1), date(2024, 7, 1), date(2024, 11, 27), date(2024, 12, 31)):
        moment = local_midnight(day, zone)
        assert (moment.date(), moment.hour, moment.minute) == (day, 0, 0)
        assert moment.utcoffset() == timedelta(hours=hours)  # no daylight saving in Indonesia
    assert hours == PRINTED_OFFSETS.get(zone, 7)  # the offsets the extraction reads from a dateline


def test_an_article_with_a_date_but_no_time_appears_at_midnight_wib(make_article):
    article = make_article(published_on=date(2024, 11, 27))
    assert article.moment == local_midnight(date(2024, 11, 27), "WIB")
    assert article.moment.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(
    "day, start, following, end",
    [
        (date(2024, 12, 31), date(2024, 12, 1), date(2025, 1, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 1, 1), date(2025, 2, 1), date(2025, 1, 31)),
        (date(2024, 2, 10), date(2024, 2, 1), date(2024, 3, 1), date(2024, 2, 29)),
        (date(2025, 2, 28), date(2025, 2, 1), date(2025, 3, 1), date(2025, 2, 28)),
        (date(2024, 1, 31), date(2024, 1, 1), date(2024, 2, 1), date(2024, 1, 31)),
    ],
)
def test_months_start_end_and_follow_across_year_ends_and_leap_years(day, start, following, end):
    assert (month_start(day), next_month(day), month_end(day)) == (start, following, end)


def test_a_december_archive_page_ends_with_the_31st(client, make_article):
    make_article(published_on=date(2024, 12, 31))
    make_article(published_on=date(2025, 1, 1))
    response = client.get("/tanggal/2024/12/")
    assert response.status_code == 200
    assert response.context["total"] == 1


def test_weeks_start_on_monday_across_a_year_end():
    assert week_start(date(2025, 1, 1)) == date(2024, 12, 30)  # a Wednesday
    assert week_start(date(2024, 12, 30)) == date(2024, 12, 30)
    assert week_start(date(2024, 11, 24)) == date(2024, 11, 18)  # a Sunday


def test_a_contests_weekly_coverage_counts_articles_by_their_browse_date(make_article, make_person):
    metro = Region.objects.get(code="18.72")
    pair = CandidatePair.objects.create(contest=metro.contest, head=make_person("Wahdi"), slug="wahdi")
    stated = make_article(published_on=date(2024, 11, 20))
    estimated = make_article()
    estimated.set_dates(None, False, date(2024, 11, 21))  # only the lead gives a date
    estimated.save()
    assert estimated.date_source == DateSource.LEAD
    for article in (stated, estimated, make_article()):  # the last one has no date at all
        PairTag.objects.create(article=article, pair=pair)
    assert metro.contest.weekly_coverage() == {pair.pk: [(date(2024, 11, 18), 2)]}


def test_the_article_page_and_the_export_list_an_articles_pairs_alike_unnumbered_last(client):
    from articles.exporting import articles_for_export, as_record
    from tests.pair_data import MORE, pair, store

    pairs = [pair(*MORE[0]), pair(*MORE[1], number=2), pair(*MORE[2], number=1)]
    article_id = store("urutan-paslon", pairs).article_id
    heads_in_order = [MORE[2][0], MORE[1][0], MORE[0][0]]

    exported = as_record(articles_for_export().get(pk=article_id))
    assert [p["head"] for p in exported["pairs"]] == heads_in_order
    page = client.get(f"/artikel/{article_id}/").content.decode()
    page = page[page.index('id="pairs-heading"') :]
    assert [page.index(head) for head in heads_in_order] == sorted(
        page.index(head) for head in heads_in_order
    )
