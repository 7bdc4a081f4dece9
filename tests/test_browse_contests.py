"""The Pilkada 2024 pages: all contests by province, one contest with its pairs, and the links to
them from region, person and article pages."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, CandidatePair, Contest, PairTag, TagStatus
from tests.pair_data import DEPUTY, HEAD, MORE, RIVAL_DEPUTY, RIVAL_HEAD, pair, store

pytestmark = pytest.mark.django_db

CONTEST_QUERIES = 8


def contest_links(html):
    return re.findall(r'href="/pilkada/([\w-]+)/"', html)


@pytest.fixture
def metro(db):
    """Kota Metro's race: two pairs across three articles; the rival pair won."""
    store("a.txt", [pair(stage="bakal calon")], day="2024-08-28")
    store(
        "b.txt", [pair(number=2, stage="calon"), pair(RIVAL_HEAD, RIVAL_DEPUTY, number=1)], day="2024-09-23"
    )
    store("c.txt", [pair(RIVAL_HEAD, RIVAL_DEPUTY, stage="terpilih")], day="2024-12-05")
    return Contest.objects.get(region__code="18.72")


def test_the_contest_directory_lists_all_545_races_under_their_provinces(client, db):
    html = client.get("/pilkada/").content.decode()
    assert len(contest_links(html)) == 545
    lampung = html[html.index('id="p-18"') : html.index('id="p-19"')]
    assert "Kota Metro" in lampung and ">Lampung</a>" in lampung
    yogya = html[html.index('id="p-34"') : html.index('id="p-35"')]
    assert ">DI Yogyakarta</a>" not in yogya  # no governor race there, only its regencies and city
    assert "Kota Yogyakarta" in yogya


def test_the_directory_filters_by_office_and_by_single_pair_races(client, db):
    assert len(contest_links(client.get("/pilkada/?jabatan=gubernur").content.decode())) == 37
    assert len(contest_links(client.get("/pilkada/?jabatan=wali_kota").content.decode())) == 93
    Contest.objects.filter(region__code__in=["18.72", "32.13"]).update(single_pair=True)
    html = client.get("/pilkada/?kotak_kosong=on").content.decode()
    assert contest_links(html) == ["kota-metro", "kabupaten-subang"]


def test_a_bad_office_filter_is_a_400_naming_the_parameter(client, db):
    response = client.get("/pilkada/?jabatan=presiden")
    assert response.status_code == 400
    assert "presiden" in response.content.decode()
    assert 'name="jabatan"' in response.content.decode()


def test_the_directory_counts_each_races_pairs_and_articles(client, metro):
    html = client.get("/pilkada/").content.decode()
    entry = html[html.index('href="/pilkada/kota-metro/"') :][:400]
    assert "2 paslon, 3 artikel" in entry


def test_the_contest_page_lists_pairs_in_ballot_order_and_marks_the_winner(client, metro):
    html = client.get("/pilkada/kota-metro/").content.decode()
    table = html[html.index('id="pairs"') : html.index("</table>")]
    assert table.index(RIVAL_HEAD) < table.index(HEAD) < table.index(DEPUTY)
    winner = CandidatePair.objects.get(head__name=RIVAL_HEAD)
    row = table[table.index(f'id="paslon-{winner.pk}"') :]
    assert row.startswith(f'id="paslon-{winner.pk}" class="winner"')
    assert "pemenang" in row[: row.index("</tr>")]
    assert "Bakal calon: 28 Agu 2024" in table


def test_the_contest_page_draws_one_line_per_pair_with_the_kpu_stages(client, metro):
    html = client.get("/pilkada/kota-metro/").content.decode()
    chart = html[html.index('id="coverage"') : html.index("</figure>")]
    assert chart.count("<polyline") == 2
    assert "Pendaftaran: 27 Agu – 29 Agu 2024" in chart
    assert "Pemungutan suara: 27 Nov 2024" in chart
    assert f"1. {RIVAL_HEAD} – {RIVAL_DEPUTY}: 2" in chart


def test_the_contest_page_lists_the_articles_about_the_race_but_not_rejected_ones(client, metro):
    PairTag.objects.filter(article__source_file="c.txt").update(status=TagStatus.REJECTED)
    html = client.get("/pilkada/kota-metro/").content.decode()
    articles = html[html.index('id="articles-heading"') :]
    assert "Paslon Pilkada a.txt" in articles and "Paslon Pilkada b.txt" in articles
    assert "Paslon Pilkada c.txt" not in articles


def test_names_are_escaped_on_the_contest_pages(client, db):
    store("x.txt", [pair(head="<script>alert(1)</script> Jaya", parties=["<b>Partai</b>"])])
    for url in ["/pilkada/kota-metro/", "/pilkada/", Article.objects.get().get_absolute_url()]:
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<b>Partai" not in html


def test_an_unknown_contest_is_a_404(client, db):
    assert client.get("/pilkada/atlantis/").status_code == 404
    assert client.get("/pilkada/daerah-istimewa-yogyakarta/").status_code == 404


def test_region_person_and_article_pages_link_to_the_race(client, metro):
    assert 'href="/pilkada/kota-metro/"' in client.get("/wilayah/kota-metro/").content.decode()
    head = CandidatePair.objects.get(head__name=HEAD).head
    person = client.get(head.get_absolute_url()).content.decode()
    assert f"2. {HEAD} – {DEPUTY}" in person and "Wali Kota Kota Metro" in person
    article = Article.objects.get(source_file="b.txt")
    page = client.get(article.get_absolute_url()).content.decode()
    assert f"1. {RIVAL_HEAD} – {RIVAL_DEPUTY}" in page and f"2. {HEAD} – {DEPUTY}" in page


@pytest.mark.parametrize("url", ["/pilkada/", "/pilkada/kota-metro/", "/pilkada/?jabatan=bupati"])
def test_contest_pages_run_the_same_number_of_queries_with_more_pairs(
    client, metro, django_assert_max_num_queries, url
):
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for n, (head, deputy) in enumerate(MORE, start=3):
        store(f"more-{n}.txt", [pair(head, deputy, number=n, parties=[f"Partai {deputy}"])])
    assert CandidatePair.objects.count() == 7
    with django_assert_max_num_queries(CONTEST_QUERIES):
        assert client.get(url).status_code == 200
    caches["search"].clear()  # the page itself, not the page cache
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)
