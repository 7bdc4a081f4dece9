"""The data model's rules: unique content, tag statuses and the query vocabulary."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from articles.models import Article, PersonTag, Region, RegionTag, TagStatus

pytestmark = pytest.mark.django_db


def test_the_same_content_hash_cannot_be_stored_twice(make_article):
    make_article(content_hash="a" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(content_hash="a" * 64)


def test_an_article_keeps_its_raw_bytes_exactly(make_article):
    raw = "Judul\r\n\r\nIsi dengan\x00NUL dan é".encode()
    article = make_article(raw=raw)
    article.refresh_from_db()
    assert bytes(article.raw) == raw
    assert article.raw_text == raw.decode()


def test_a_new_tag_is_suggested_until_an_editor_decides(make_article):
    tag = RegionTag.objects.create(article=make_article(), region=Region.objects.get(code="18.72"))
    assert tag.status == TagStatus.SUGGESTED


def test_an_entity_is_tagged_once_per_article(make_article, tag_region):
    article = make_article()
    tag_region(article, "18.72")
    with pytest.raises(IntegrityError), transaction.atomic():
        tag_region(article, "18.72", status="confirmed")


def test_live_tags_leave_out_rejected_ones_but_keep_them_stored(make_article, tag_region):
    article = make_article()
    tag_region(article, "18.72", status="confirmed")
    tag_region(article, "18", status="suggested")
    tag_region(article, "32.13", status="rejected")
    live = set(RegionTag.objects.live().values_list("region__code", flat=True))
    assert live == {"18.72", "18"}
    assert set(RegionTag.objects.confirmed().values_list("region__code", flat=True)) == {"18.72"}
    assert RegionTag.objects.rejected().count() == 1


def test_in_region_of_a_province_includes_articles_about_its_cities(make_article, tag_region):
    metro = make_article(title="Metro")
    subang = make_article(title="Subang")
    tag_region(metro, "18.72")
    tag_region(subang, "32.13")
    lampung = Region.objects.get(code="18")
    assert list(Article.objects.in_region(lampung)) == [metro]
    assert list(Article.objects.in_region(Region.objects.get(code="18.72"))) == [metro]


def test_in_region_ignores_rejected_tags(make_article, tag_region):
    article = make_article()
    tag_region(article, "18.72", status="rejected")
    assert not Article.objects.in_region(Region.objects.get(code="18.72")).exists()


def test_an_article_tagged_with_a_city_and_its_province_is_listed_once(make_article, tag_region):
    article = make_article()
    tag_region(article, "18.72")
    tag_region(article, "18")
    assert list(Article.objects.in_region(Region.objects.get(code="18"))) == [article]


def test_mentioning_finds_articles_naming_a_person(make_article, make_person, tag_person):
    qomaru = make_person("Qomaru Zaman")
    first, second, other = make_article(), make_article(), make_article()
    tag_person(first, qomaru, status="confirmed")
    tag_person(second, qomaru)
    tag_person(other, make_person("Wahdi"))
    assert set(Article.objects.mentioning(qomaru)) == {first, second}


def test_newest_first_orders_by_publication_date(make_article):
    import datetime

    old = make_article(published_on=datetime.date(2024, 3, 19))
    new = make_article(published_on=datetime.date(2024, 7, 9))
    undated = make_article()
    assert list(Article.objects.newest_first().dated()) == [new, old]
    assert undated not in Article.objects.dated()


def test_confirmed_tags_only_counts_what_an_editor_confirmed(make_article, make_person, tag_person):
    person = make_person("Badawi Idham")
    tag_person(make_article(), person, status="confirmed")
    tag_person(make_article(), person, status="suggested")
    assert PersonTag.objects.confirmed().filter(person=person).count() == 1


def test_daily_counts_count_dated_articles_per_day_oldest_first(make_article):
    for day in (date(2024, 11, 25), date(2024, 11, 18), date(2024, 11, 18), date(2024, 11, 20)):
        make_article(title=f"Hari {day}", published_on=day)
    make_article(title="Tanpa tanggal", published_on=None)
    assert Article.objects.daily_counts() == [
        (date(2024, 11, 18), 2),
        (date(2024, 11, 20), 1),
        (date(2024, 11, 25), 1),
    ]
