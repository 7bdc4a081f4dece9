"""Editing a person in the admin: honorifics as a list, a rename that keeps old links working, and
positions that follow the verdicts on the mentions behind them."""

import pytest
from django.urls import reverse

from articles.curation import review
from articles.models import Person, Position, Region, TagStatus


def change(editor_client, person, **fields):
    data = {
        "name": person.name,
        "slug": person.slug,
        "honorifics": "\n".join(person.honorifics),
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "positions-TOTAL_FORMS": "0",
        "positions-INITIAL_FORMS": "0",
        **fields,
    }
    return editor_client.post(reverse("admin:articles_person_change", args=[person.pk]), data)


def test_honorifics_are_edited_one_a_line_not_as_json(editor_client, make_person):
    person = make_person("Imran", honorifics=["Dr.", "H."])
    page = editor_client.get(reverse("admin:articles_person_change", args=[person.pk])).content.decode()
    assert "Dr.\nH.</textarea>" in page and "[&quot;Dr.&quot;" not in page
    response = change(editor_client, person, honorifics="Dr.\n\n  H.  \nM.Si.")
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.honorifics == ["Dr.", "H.", "M.Si."]


def test_a_rename_moves_the_page_and_the_old_address_redirects(
    client, editor_client, make_person, django_capture_on_commit_callbacks
):
    person = make_person("Qomaru")
    assert change(editor_client, person, name="Qomaru Zaman").status_code == 302
    person.refresh_from_db()
    assert person.slug == "qomaru-zaman"
    old = client.get("/tokoh/qomaru/")
    assert old.status_code == 301 and old["Location"] == "/tokoh/qomaru-zaman/"
    assert client.get("/tokoh/qomaru-zaman/").status_code == 200
    # Renamed back: the first address is live again, the second redirects to it.
    with django_capture_on_commit_callbacks(execute=True):  # as a real request commits
        change(editor_client, person, name="Qomaru", slug="qomaru-zaman")
    person.refresh_from_db()
    assert person.slug == "qomaru"
    assert client.get("/tokoh/qomaru/").status_code == 200
    assert client.get("/tokoh/qomaru-zaman/")["Location"] == "/tokoh/qomaru/"


def test_an_unknown_person_is_still_a_404(client, db):
    assert client.get("/tokoh/tidak-ada/").status_code == 404


@pytest.fixture
def mayor(make_article, make_person, tag_person):
    person = make_person("Wahdi")
    article = make_article()
    tag = tag_person(article, person, role="Wali Kota Metro")
    Position.objects.create(
        person=person,
        role="Wali  Kota Metro",
        region=Region.objects.get(code="18.72"),
        source_article=article,
    )
    return person, tag


def test_rejecting_the_only_mention_behind_a_position_hides_it(
    client, editor, mayor, django_capture_on_commit_callbacks
):
    person, tag = mayor
    assert "Wali  Kota Metro" in client.get(person.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        review([tag], TagStatus.REJECTED, editor)
    assert "Wali  Kota Metro" not in client.get(person.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        review([tag], TagStatus.CONFIRMED, editor)
    assert "Wali  Kota Metro" in client.get(person.get_absolute_url()).content.decode()


def test_a_position_an_editor_entered_needs_no_mention(client, make_person):
    person = make_person("Imran")
    Position.objects.create(person=person, role="Pj Bupati Subang")
    assert Position.objects.filter(person=person).supported()[0].role == "Pj Bupati Subang"
    assert "Pj Bupati Subang" in client.get(person.get_absolute_url()).content.decode()


def test_another_live_mention_in_the_same_role_keeps_the_position(editor, mayor, make_article, tag_person):
    person, tag = mayor
    tag_person(make_article(), person, role="Wali Kota Metro")
    review([tag], TagStatus.REJECTED, editor)
    assert [p.role for p in Person.objects.get(pk=person.pk).positions.supported()] == ["Wali  Kota Metro"]
