"""Whole browse pages from the cache for anonymous visitors, never stale after a change."""

from django.utils.html import escape

from articles.curation import review
from articles.models import Person, PersonTag, TagStatus

PAGES = ["/", "/wilayah/kota-metro/", "/tokoh/tokoh-0-0/", "/tanggal/2024/3/", "/pilkada/"]


def test_a_repeated_visit_is_served_from_the_cache_unchanged(client, archive):
    for url in PAGES:
        first = client.get(url)
        assert first.status_code == 200 and first["X-Cache"] == "miss", url
        again = client.get(url)
        assert again["X-Cache"] == "hit", url
        assert again.content == first.content, url


def test_an_editors_verdict_shows_on_the_next_request(
    client, archive, editor, django_capture_on_commit_callbacks
):
    url = "/tokoh/tokoh-0-0/"
    tags = list(PersonTag.objects.filter(person__slug="tokoh-0-0").select_related("article"))
    assert len(tags) > 1
    before = client.get(url).content.decode()
    assert all(escape(tag.article.title) in before for tag in tags)
    with django_capture_on_commit_callbacks(execute=True):
        review(PersonTag.objects.filter(pk=tags[0].pk), TagStatus.REJECTED, editor)
    after = client.get(url)
    assert after["X-Cache"] == "miss"
    assert escape(tags[0].article.title) not in after.content.decode()
    assert escape(tags[1].article.title) in after.content.decode()


def test_a_rename_shows_on_the_next_request(client, archive, django_capture_on_commit_callbacks):
    client.get("/tokoh/")
    with django_capture_on_commit_callbacks(execute=True):
        person = Person.objects.get(slug="tokoh-0-1")
        person.name = "Tokoh Berganti Nama"
        person.save()
    assert "Tokoh Berganti Nama" in client.get("/tokoh/").content.decode()


def test_each_language_has_its_own_copy(client, archive):
    assert '<html lang="id">' in client.get("/wilayah/kota-metro/").content.decode()
    english = client.get("/en/wilayah/kota-metro/")
    assert english["X-Cache"] == "miss"
    assert '<html lang="en">' in english.content.decode()
    assert client.get("/en/wilayah/kota-metro/")["X-Cache"] == "hit"
    assert '<html lang="id">' in client.get("/wilayah/kota-metro/").content.decode()


def test_a_signed_in_editor_always_gets_a_fresh_page(editor_client, client, archive):
    client.get("/wilayah/kota-metro/")
    response = editor_client.get("/wilayah/kota-metro/")
    assert "X-Cache" not in response
    assert editor_client.get("/wilayah/kota-metro/").status_code == 200


def test_a_missing_page_is_not_kept(client, archive):
    assert client.get("/wilayah/atlantis/").status_code == 404
    assert client.get("/wilayah/atlantis/")["X-Cache"] == "miss"


def test_a_repeated_search_page_is_served_whole_and_a_newly_indexed_article_shows_next(
    client, search_index, make_article
):
    make_article(title="Debat publik calon bupati")
    search_index.update()
    first = client.get("/cari/", {"q": "debat"})
    assert first["X-Cache"] == "miss"
    assert client.get("/cari/", {"q": "debat"})["X-Cache"] == "hit"
    added = make_article(title="Debat kedua calon bupati")
    search_index.update([added])
    after = client.get("/cari/", {"q": "debat"})
    assert after["X-Cache"] == "miss"
    assert "Debat kedua calon bupati" in after.content.decode()
