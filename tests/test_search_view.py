"""The search page, /cari/: results, snippets, facets, filters, sort, pages, and bad input."""

import pytest
from django.urls import reverse

from tests.test_search_query import MALFORMED

URL = reverse("search")


def test_the_empty_search_page_shows_the_form(client, search_index):
    response = client.get(URL)
    assert response.status_code == 200
    assert b'role="search"' in response.content and b'<label for="id_q">' in response.content


def test_results_show_title_outlet_date_regions_and_a_marked_escaped_snippet(client, corpus):
    response = client.get(URL, {"q": "pencalonan"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bersama Walikota Wahdi" in html
    assert "Kupas Tuntas" in html and "19 Maret 2024" in html
    assert "<mark>mencalonkan</mark>" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert 'href="/wilayah/kota-metro/"' in html


def test_a_province_filter_keeps_kota_metro_and_drops_subang_and_lubuklinggau(client, corpus):
    outcome = client.get(URL, {"q": "pilkada", "region": "18"}).context["outcome"]
    ids = {r.id for r in outcome.results}
    assert corpus.metro_run.pk in ids
    assert not ids & {corpus.subang.pk, corpus.lubuklinggau.pk}


def test_facets_are_links_with_counts_and_filters_are_removable(client, corpus):
    response = client.get(URL, {"q": "qomaru", "region": "18.72"})
    html = response.content.decode()
    assert (
        'href="?q=qomaru&amp;region=18.72&amp;person=qomaru-zaman">Qomaru Zaman</a> <span class="count">2'
        in html
    )
    chips = response.context["active_filters"]
    assert [c["value"] for c in chips] == ["Kota Metro"]
    assert chips[0]["remove_url"] == "?q=qomaru"


def test_sorting_by_date_both_ways(client, corpus):
    newest = [r.id for r in client.get(URL, {"region": "18", "sort": "newest"}).context["outcome"].results]
    oldest = [r.id for r in client.get(URL, {"region": "18", "sort": "oldest"}).context["outcome"].results]
    assert newest == [corpus.lampung.pk, corpus.metro_meeting.pk, corpus.metro_run.pk]
    assert oldest == newest[::-1]


def test_pages_link_to_each_other_and_a_page_past_the_last_is_a_404(client, corpus, settings):
    settings.HAYSTACK_SEARCH_RESULTS_PER_PAGE = 2
    first = client.get(URL, {"region": "18"})
    assert first.context["next_url"] == "?region=18&page=2"
    html = first.content.decode()
    assert 'rel="next" href="?region=18&amp;page=2"' in html and 'rel="prev"' not in html
    assert "Halaman 1 dari 2" in html
    second = client.get(URL, {"region": "18", "page": 2})
    assert len(second.context["outcome"].results) == 1
    html = second.content.decode()
    assert 'rel="prev" href="?region=18"' in html and 'rel="next"' not in html
    assert client.get(URL, {"region": "18", "page": 3}).status_code == 404


def test_a_misspelled_word_with_no_hits_gets_a_suggestion(client, corpus):
    response = client.get(URL, {"q": "bawasluu"})
    assert response.context["outcome"].count == 0
    assert "Maksud Anda:" in response.content.decode()
    assert response.context["suggestion_url"] == "?q=bawaslu"


@pytest.mark.parametrize("q", MALFORMED)
def test_malformed_queries_never_fail(client, corpus, q):
    assert client.get(URL, {"q": q}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"region": "99.99"},
        {"region": "Atlantis"},
        {"person": "nobody"},
        {"from": "2024-02-30"},
        {"page": "x"},
        {"page": "0"},
        {"sort": "random"},
        {"from": "2024-05-01", "to": "2024-04-01"},
        {"outlet": "<b>"},
    ],
)
def test_bad_parameters_are_a_400_page_not_a_500(client, corpus, params):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_results(client, corpus, django_assert_max_num_queries):
    client.get(URL)  # the first visitor fills the cached datalists of the form
    # filters (3), results' people and pairs (2), the session and the rest
    with django_assert_max_num_queries(8):
        client.get(URL, {"q": "pilkada", "region": "18", "person": "qomaru-zaman"})


def test_result_links_carry_the_query_so_the_article_page_can_mark_it(corpus, client):
    from django.urls import reverse

    page = client.get(reverse("search"), {"q": "qomaru"}).content.decode()
    assert "?q=qomaru" in page


def test_the_form_has_region_person_outlet_and_contest_inputs_with_names_to_pick(client, corpus):
    html = client.get(URL).content.decode()
    for name in ("region", "person", "outlet", "contest", "from", "to", "undated"):
        assert f'name="{name}"' in html
    assert 'list="region-names"' in html and '<option value="Kota Metro">' in html
    assert '<option value="Qomaru Zaman">' in html and '<option value="Kupas Tuntas">' in html


def test_filters_by_name_find_the_same_articles_as_by_code_and_slug(client, corpus):
    by_name = client.get(URL, {"region": "Kota Metro", "person": "Qomaru Zaman", "outlet": "Kupas Tuntas"})
    by_ids = client.get(URL, {"region": "18.72", "person": "qomaru-zaman", "outlet": "kupas-tuntas"})
    assert by_name.status_code == by_ids.status_code == 200
    assert corpus.metro_run.title in by_name.content.decode()
    assert corpus.metro_meeting.title not in by_name.content.decode()
    assert by_name.context["outcome"].count == by_ids.context["outcome"].count == 1


def test_the_inputs_show_names_whichever_way_the_link_named_the_filter(client, corpus):
    html = client.get(URL, {"region": "18.72", "person": "qomaru-zaman"}).content.decode()
    assert 'name="region" value="Kota Metro"' in html
    assert 'name="person" value="Qomaru Zaman"' in html


def test_the_empty_page_says_how_to_search_and_what_the_archive_holds(client, corpus):
    html = client.get(URL).content.decode()
    assert "Cara mencari" in html and "Isi arsip" in html
    assert "<strong>6</strong> artikel" in html
    assert "<strong>2</strong> tokoh" in html


def test_results_link_to_a_download_of_every_match(client, corpus):
    html = client.get(URL, {"q": "qomaru", "region": "kota-metro"}).content.decode()
    assert '/api/export?q=qomaru&amp;region=kota-metro&amp;format=csv"' in html
    assert '/api/export?q=qomaru&amp;region=kota-metro&amp;format=jsonl"' in html


def test_a_repeated_parameter_is_a_400_page_that_says_so(client, corpus):
    response = client.get(f"{URL}?person=imran&person=qomaru-zaman")
    assert response.status_code == 400
    assert "Parameter person diberikan 2 kali" in response.content.decode()


def test_filter_values_are_escaped(client, corpus):
    html = client.get(URL, {"region": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
