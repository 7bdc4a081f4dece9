"""People: the directory with its GET filters, and a person's page."""

from datetime import date

import pytest

from articles.models import Person, PersonTag
from tests.browse_data import build_archive, page_queries

PEOPLE_QUERIES = 10  # the person page: 8, and the pairs the person ran in with their parties


def names(response):
    return [p.name for p in response.context["page"].object_list]


def test_directory_lists_active_people_alphabetically_with_counts(client, archive):
    response = client.get("/tokoh/")
    assert names(response) == ["Tokoh 0-0", "Tokoh 0-1", "Tokoh 0-2"]
    assert response.context["page"].object_list[0].article_count == 6
    assert "Tokoh Lama 0" not in response.content.decode()


def test_directory_filters_by_name_or_alias(client, archive):
    assert names(client.get("/tokoh/", {"nama": "0-1"})) == ["Tokoh 0-1"]
    assert names(client.get("/tokoh/", {"nama": "T. 0-2"})) == ["Tokoh 0-2"]
    assert names(client.get("/tokoh/", {"nama": "tidak ada"})) == []


def test_directory_filters_by_role_and_region(client, archive):
    assert names(client.get("/tokoh/", {"jabatan": "wali kota"})) == ["Tokoh 0-0"]
    assert names(client.get("/tokoh/", {"wilayah": "kota-bandar-lampung"})) == ["Tokoh 0-1"]
    # A province finds the people holding positions in its cities.
    assert len(names(client.get("/tokoh/", {"wilayah": "lampung"}))) == 3
    assert names(client.get("/tokoh/", {"jabatan": "ketua", "wilayah": "kota-bandar-lampung"})) == [
        "Tokoh 0-1"
    ]


def test_directory_form_has_labels_and_reports_a_bad_region_without_failing(client, archive):
    response = client.get("/tokoh/", {"wilayah": "atlantis"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="id_nama">' in html and '<label for="id_wilayah">' in html
    assert 'class="error"' in html


def test_directory_pagination_keeps_the_filters(client, archive):
    for i in range(55):
        Person.objects.create(name=f"Warga {i:02}", slug=f"warga-{i}")
    html = client.get("/tokoh/", {"nama": "warga"}).content.decode()
    assert 'href="?nama=warga&amp;page=2"' in html
    assert names(client.get("/tokoh/", {"nama": "warga", "page": 2})) == [f"Warga {i}" for i in range(50, 55)]
    assert client.get("/tokoh/", {"nama": "warga", "page": 3}).status_code == 404


def test_person_page_shows_name_aliases_and_positions(client, archive):
    html = client.get("/tokoh/tokoh-0-1/").content.decode()
    assert "<h1>Tokoh 0-1</h1>" in html
    assert "T. 0-1" in html
    assert "Ketua Bawaslu" in html
    assert 'href="/wilayah/kota-bandar-lampung/"' in html
    assert 'href="/lembaga/bawaslu-kota-metro/"' in html
    assert "disebut 19 Mar 2024 – 18 Apr 2024" in html


def test_person_page_lists_confirmed_articles_first(client, archive):
    response = client.get("/tokoh/tokoh-0-0/")
    listed = list(response.context["page"].object_list)
    flags = [a.confirmed for a in listed]
    assert flags == sorted(flags, reverse=True) and flags[0] and not flags[-1]
    confirmed = list(
        PersonTag.objects.confirmed().filter(person=archive["people"][0]).values_list("article", flat=True)
    )
    assert {a.pk for a in listed[: len(confirmed)]} == set(confirmed)


def test_person_page_shows_people_mentioned_with_them_and_their_events(client, archive):
    response = client.get("/tokoh/tokoh-0-0/")
    co = {p.name: p.shared for p in response.context["co_mentioned"]}
    assert co == {"Tokoh 0-1": 3, "Tokoh 0-2": 3}
    assert archive["event"].get_absolute_url() in response.content.decode()
    assert "<svg" in response.content.decode()


def test_person_page_shows_an_event_change_once_it_commits(
    client, archive, make_person, django_capture_on_commit_callbacks
):
    event = archive["event"]
    person = make_person("Tokoh Baru")
    assert event.name not in client.get(person.get_absolute_url()).content.decode()  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        event.participants.add(person)
    assert event.name in client.get(person.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        event.name = "Debat Kedua"
        event.save()
    assert "Debat Kedua" in client.get(person.get_absolute_url()).content.decode()


def test_rejected_mentions_are_not_listed(client, archive, make_article):
    person = archive["people"][2]
    hidden = make_article(title="Salah orang", published_on=date(2024, 6, 1))
    PersonTag.objects.create(article=hidden, person=person, status="rejected")
    assert "Salah orang" not in client.get(person.get_absolute_url()).content.decode()


def test_a_merged_persons_url_redirects_permanently_to_the_survivor(client, archive):
    response = client.get("/tokoh/tokoh-lama-0/")
    assert response.status_code == 301
    assert response["Location"] == "/tokoh/tokoh-0-0/"


def test_a_chain_of_merges_redirects_straight_to_the_last_survivor(client, archive, make_person):
    older = make_person("Tokoh Sangat Lama", merged_into=archive["merged"])
    response = client.get(older.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == "/tokoh/tokoh-0-0/"


def test_an_unknown_person_is_a_404(client, db):
    assert client.get("/tokoh/tidak-ada/").status_code == 404


@pytest.mark.parametrize("url", ["/tokoh/", "/tokoh/tokoh-0-0/", "/tokoh/?wilayah=lampung&jabatan=wali"])
def test_people_pages_run_the_same_number_of_queries_with_more_data(client, archive, url):
    small = page_queries(client, [url], PEOPLE_QUERIES)
    build_archive(batch=1)
    build_archive(batch=2, articles=25)
    assert page_queries(client, [url], PEOPLE_QUERIES) == small
