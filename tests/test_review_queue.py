"""The review queue as an editor reads it: evidence in its sentence, filters by name, in the
editor's language."""

from django.urls import reverse

from articles.models import Organization, OrganizationTag

URL = reverse("admin:review")
BODY = (
    "Rapat digelar di Metro. Wakil Wali Kota Metro, Qomaru Zaman, menegaskan akan maju lagi "
    "<b>bersama</b> Wahdi. Bawaslu Kota Metro mengingatkan ASN agar netral."
)


def test_a_persons_evidence_is_the_sentence_with_the_name_marked(
    editor_client, make_article, make_person, tag_person
):
    tag = tag_person(make_article(body=BODY), make_person("Qomaru Zaman"))
    tag.evidence = "Qomaru Zaman"
    tag.save()
    html = editor_client.get(URL, {"kind": "person"}).content.decode()
    assert (
        "Wakil Wali Kota Metro, <mark>Qomaru Zaman</mark>, menegaskan akan maju lagi "
        "&lt;b&gt;bersama&lt;/b&gt; Wahdi." in html
    )


def test_an_organisations_evidence_is_whole_not_cut_mid_word(editor_client, make_article):
    organization = Organization.objects.create(name="Bawaslu Kota Metro", slug="bawaslu-kota-metro")
    OrganizationTag.objects.create(
        article=make_article(body=BODY),
        organization=organization,
        evidence="Bawaslu Kota Metro mengingatkan ASN agar netral. " * 3,
    )
    html = editor_client.get(URL, {"kind": "organization"}).content.decode()
    assert "<mark>Bawaslu Kota Metro</mark> mengingatkan ASN agar netral." in html


def test_region_and_outlet_are_filtered_by_name(editor_client, make_article, tag_region):
    tag_region(make_article(title="Kabar Subang", outlet="Pasundan Ekspres"), "32.13")
    tag_region(make_article(title="Kabar Metro", outlet="Kupas Tuntas"), "18.72")
    page = editor_client.get(URL, {"kind": "region", "region": "Jawa Barat"}).content.decode()
    assert "Kabar Subang" in page and "Kabar Metro" not in page
    page = editor_client.get(URL, {"kind": "region", "outlet": "kupas tuntas"}).content.decode()
    assert "Kabar Metro" in page and "Kabar Subang" not in page
    # The slugs the autocomplete puts in the URL filter the same way.
    page = editor_client.get(URL, {"kind": "region", "region": "jawa-barat"}).content.decode()
    assert "Kabar Subang" in page and "Kabar Metro" not in page
    page = editor_client.get(URL, {"kind": "region", "outlet": "kupas-tuntas"}).content.decode()
    assert "Kabar Metro" in page and "Kabar Subang" not in page


def test_the_region_and_outlet_boxes_are_the_admins_autocomplete_showing_the_chosen_name(editor_client):
    html = editor_client.get(URL, {"region": "18", "outlet": "kupas-tuntas"}).content.decode()
    region = html[html.index('name="region"') - 400 : html.index("</select>", html.index('name="region"'))]
    assert "admin-autocomplete" in region and 'data-ajax--url="/admin/review/names/"' in region
    assert '<option value="lampung" selected>Lampung</option>' in region  # the name, not the code
    assert "admin/js/autocomplete.js" in html
    assert "Media kupas-tuntas tidak dikenal." in html  # no such outlet in this test: said so


def suggestions(client, term, model_name="regiontag", field_name="region"):
    params = {"term": term, "app_label": "articles", "model_name": model_name, "field_name": field_name}
    return client.get("/admin/review/names/", params)


def test_names_are_suggested_by_part_of_the_name_with_the_slug_the_queue_takes(editor_client, make_article):
    found = suggestions(editor_client, "lamp").json()["results"]
    assert {"id": "lampung", "text": "Lampung"} in found
    assert {"id": "kabupaten-lampung-selatan", "text": "Kabupaten Lampung Selatan"} in found
    make_article(title="Kabar Metro", outlet="Kupas Tuntas")
    found = suggestions(editor_client, "kupas", "article", "outlet").json()["results"]
    assert found == [{"id": "kupas-tuntas", "text": "Kupas Tuntas"}]


def test_name_suggestions_are_for_staff_only(client, editor_client, db):
    response = suggestions(client, "lamp")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert suggestions(editor_client, "lamp", "article", "title").status_code == 403


def test_the_queue_speaks_english_when_the_editor_chose_it(editor_client, make_article, tag_region):
    tag_region(make_article(title="Kabar Metro"), "18.72")
    editor_client.get("/", {"lang": "en"})
    html = editor_client.get(URL, {"kind": "region"}).content.decode()
    for english in ("Review queue", "Kind", "Minimum confidence", "Evidence", "Confirm selected", "Region"):
        assert english in html
    for indonesian in ("Antrean tinjauan", "Keyakinan minimum", "Konfirmasi yang dipilih"):
        assert indonesian not in html
    response = editor_client.post(URL + "?kind=region", {"action": "reject", "ids": []}, follow=True)
    assert "0 tags rejected." in response.content.decode()


def test_the_merge_form_shows_what_to_choose_by_and_keeps_the_fullest_name(
    editor_client, make_article, make_person, tag_person
):
    from articles.models import PersonAlias, Position, Region

    nickname = make_person("Qomaru")
    full = make_person("Qomaru Zaman")
    PersonAlias.objects.create(person=full, name="Bang Qomaru", key="bang qomaru")
    Position.objects.create(person=full, role="Wakil Wali Kota", region=Region.objects.get(code="18.72"))
    for _ in range(3):
        tag_person(make_article(), full)
    tag_person(make_article(), nickname)
    url = reverse("admin:articles_person_changelist")
    html = editor_client.post(
        url, {"action": "merge", "_selected_action": [nickname.pk, full.pk]}
    ).content.decode()
    assert f'value="{full.pk}" checked' in html and f'value="{nickname.pk}" checked' not in html
    assert "3 artikel" in html and "1 artikel" in html
    assert "Bang Qomaru" in html and "Wakil Wali Kota" in html and "Kota Metro" in html


def test_the_merge_form_for_people_costs_as_many_queries_for_four_as_for_two(
    editor_client, make_article, make_person, tag_person, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.models import PersonAlias, Position, Region

    people = [make_person(name) for name in ("Qomaru", "Qomaru Zaman", "Q. Zaman", "H. Qomaru Zaman")]
    for n, person in enumerate(people):
        PersonAlias.objects.create(person=person, name=f"Alias {n}", key=f"alias {n}")
        Position.objects.create(person=person, role=f"Jabatan {n}", region=Region.objects.get(code="18.72"))
        tag_person(make_article(), person)
    url = reverse("admin:articles_person_changelist")

    def merge_form(chosen):
        return editor_client.post(url, {"action": "merge", "_selected_action": [p.pk for p in chosen]})

    with CaptureQueriesContext(connection) as two:
        merge_form(people[:2])
    with django_assert_max_num_queries(len(two.captured_queries)):
        html = merge_form(people).content.decode()
    assert html.count("Kota Metro") == 4 and "Alias 3" in html and "Jabatan 3" in html


def test_the_admin_names_its_models_in_the_editors_language(editor_client, make_person):
    make_person("Qomaru Zaman")
    html = editor_client.get(reverse("admin:index")).content.decode()
    for indonesian in ("Tag tokoh", "Pasangan calon", "Impor", "Artikel"):
        assert indonesian in html
    assert "Person tags" not in html and "Import batches" not in html
    html = editor_client.get(reverse("admin:articles_person_changelist")).content.decode()
    assert "Pilih tokoh untuk diubah" in html and "Digabung ke" in html
    editor_client.get("/", {"lang": "en"})
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert "Person tags" in html and "Import batches" in html and "Review queue" in html
