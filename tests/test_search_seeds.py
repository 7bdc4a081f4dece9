"""The acceptance corpus: data/seed imported with import_articles, then searched."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from haystack.inputs import Exact
from haystack.query import SearchQuerySet

from articles.models import Article, Region
from tests.test_search_index import find

SEEDS = Path(settings.BASE_DIR) / "data" / "seed"


@pytest.fixture
def seeds(search_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_articles", str(SEEDS), verbosity=0)
    return {a.source_file[:3]: a.pk for a in Article.objects.all()}


def test_qomaru_finds_the_two_metro_articles_about_qomaru_zaman(seeds):
    assert set(find("qomaru")) == {seeds["000"], seeds["001"]}


def test_pencalonan_finds_the_article_where_he_mencalonkan_diri(seeds):
    # Stemmed to "calon", so articles about "calon peserta" match too; 000 must be among them.
    assert seeds["000"] in find("pencalonan")


def test_province_18_keeps_kota_metro_and_drops_subang_and_lubuklinggau(seeds, search_index):
    found = search_index.ids(SearchQuerySet().filter(regions=Exact("18")))
    assert {seeds["000"], seeds["001"], seeds["003"]} <= found
    assert seeds["004"] not in found and seeds["002"] not in found


def test_the_region_facet_counts_kota_metro_correctly(seeds):
    sqs = SearchQuerySet().all().facet("regions")
    list(sqs[:10])
    counts = dict(sqs.facet_counts()["fields"]["regions"])
    metro = Region.objects.get(code="18.72")
    assert counts["18.72"] == Article.objects.in_region(metro).count() == 3
