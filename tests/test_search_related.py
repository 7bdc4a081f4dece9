"""More-like-this: related articles from the index, sharing key terms, never the article itself."""

import pytest
from haystack.query import SearchQuerySet

pytestmark = pytest.mark.django_db


def test_related_articles_share_key_terms_and_exclude_the_article_itself(make_article, search_index):
    metro = make_article(
        title="Qomaru Siap Maju Lagi di Pilkada Metro",
        body="Wakil Wali Kota Metro Qomaru Zaman mencalonkan diri bersama Wahdi dalam Pilkada Metro.",
    )
    twin = make_article(
        title="Qomaru dan Wahdi Berpasangan di Pilkada Metro",
        body="Qomaru Zaman dan Wahdi kembali berpasangan untuk Pilkada Kota Metro tahun 2024.",
    )
    other = make_article(
        title="Pj Bupati Subang Pimpin Rapat Forkopimda",
        body="Penjabat Bupati Subang Imran memimpin rapat koordinasi keamanan bersama Forkopimda.",
    )
    search_index.update()
    related = [int(r.pk) for r in SearchQuerySet().more_like_this(metro)[:5]]
    assert related[0] == twin.pk
    assert metro.pk not in related
    assert other.pk not in related[:1]


def test_an_article_missing_from_the_index_has_no_related_articles(make_article, search_index):
    article = make_article(title="Belum Terindeks", body="Artikel ini belum masuk indeks.")
    assert list(SearchQuerySet().more_like_this(article)[:5]) == []
