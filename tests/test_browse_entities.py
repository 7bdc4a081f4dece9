"""Events, outlets and organisations: list and detail pages."""

import pytest

from tests.browse_data import build_archive, page_queries

ENTITY_QUERIES = 6


def test_event_list_shows_events_with_kind_date_region_and_counts(client, archive):
    response = client.get("/peristiwa/")
    event = response.context["page"].object_list[0]
    assert event == archive["event"]
    assert event.article_count == 6
    html = response.content.decode()
    assert "Debat" in html and "19 Maret 2024" in html and "Kota Metro" in html


def test_event_list_filters_by_kind(client, archive):
    assert len(client.get("/peristiwa/", {"jenis": "debate"}).context["page"].object_list) == 1
    assert len(client.get("/peristiwa/", {"jenis": "vote"}).context["page"].object_list) == 0
    # An unknown kind is a form error, not a failure.
    assert client.get("/peristiwa/", {"jenis": "<b>"}).status_code == 200


def test_event_page_shows_date_place_region_participants_and_articles(client, archive):
    response = client.get(archive["event"].get_absolute_url())
    html = response.content.decode()
    assert "Selasa, 19 Maret 2024" in html
    assert 'href="/wilayah/kota-metro/"' in html and 'href="/wilayah/lampung/"' in html
    assert 'href="/tokoh/tokoh-0-0/"' in html and 'href="/tokoh/tokoh-0-1/"' in html
    assert response.context["page"].paginator.count == 6


def test_outlet_list_and_page(client, archive):
    response = client.get("/media/")
    assert {o.name: o.article_count for o in response.context["page"].object_list} == {
        "Kupas Tuntas": 3,
        "Lampung Post": 3,
    }
    page = client.get("/media/kupas-tuntas/")
    assert page.context["page"].paginator.count == 3
    assert "kupastuntas.co" in page.content.decode()


def test_organization_list_and_page(client, archive):
    response = client.get("/lembaga/")
    organization = response.context["page"].object_list[0]
    assert organization.article_count == 6
    html = client.get("/lembaga/bawaslu-kota-metro/").content.decode()
    assert "Penyelenggara pemilu" in html
    assert 'href="/tokoh/tokoh-0-1/"' in html
    assert 'href="/wilayah/kota-metro/"' in html


@pytest.mark.parametrize("url", ["/peristiwa/tidak-ada/", "/media/tidak-ada/", "/lembaga/tidak-ada/"])
def test_unknown_events_outlets_and_organizations_are_404(client, db, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/peristiwa/",
        "/peristiwa/debat-kandidat-0/",
        "/media/",
        "/media/kupas-tuntas/",
        "/lembaga/",
        "/lembaga/bawaslu-kota-metro/",
    ],
)
def test_entity_pages_run_the_same_number_of_queries_with_more_data(client, archive, url):
    small = page_queries(client, [url], ENTITY_QUERIES)
    build_archive(batch=1)
    build_archive(batch=2, articles=25)
    assert page_queries(client, [url], ENTITY_QUERIES) == small
