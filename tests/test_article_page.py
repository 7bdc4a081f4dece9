"""The article page: text, tags, highlighting, provenance, the raw text, related articles, citation."""

from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from haystack.query import SearchQuerySet

from articles.models import Article, PersonTag
from tests.browse_data import build_archive

ARTICLE_QUERIES = 9


def test_article_page_shows_title_outlet_date_dateline_and_paragraphs(client, archive):
    article = archive["articles"][1]
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="/media/kupas-tuntas/">Kupas Tuntas</a>' in html
    assert "Kamis, 28 Maret 2024 12.59" in html
    assert 'href="/tanggal/2024/3/28/"' in html
    assert 'Dateline: <a href="/wilayah/kota-metro/">Metro</a>' in html
    assert "<p>Paragraf dua tentang kampanye.</p>" in html


def test_everything_from_the_article_is_escaped(client, archive):
    html = client.get(archive["articles"][0].get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<b>tebal</b>" not in html
    assert "&lt;b&gt;tebal&lt;/b&gt;" in html


def test_tags_link_to_entities_and_suggested_ones_say_so_in_words(client, archive):
    html = client.get(archive["articles"][1].get_absolute_url()).content.decode()
    # n=1: the city tag and the first person's tag are confirmed, the province tag suggested.
    assert '<li class="tag"><a href="/wilayah/kota-bandar-lampung/">' in html
    assert (
        '<li class="tag suggested"><a href="/wilayah/lampung/">Lampung</a> <span class="tag-status">saran</span>'
        in html
    )
    assert '<li class="tag"><a href="/tokoh/tokoh-0-0/">' in html
    assert 'href="/lembaga/bawaslu-kota-metro/"' in html
    assert 'href="/peristiwa/debat-kandidat-0/"' in html


def test_rejected_tags_are_not_shown(client, archive):
    html = client.get(archive["articles"][0].get_absolute_url()).content.decode()
    assert "Jakarta Pusat" not in html


def test_a_tag_on_a_merged_person_links_to_the_survivor(client, archive):
    article = archive["articles"][0]
    PersonTag.objects.create(article=article, person=archive["merged"], status="suggested")
    html = client.get(article.get_absolute_url()).content.decode()
    assert archive["merged"].get_absolute_url() not in html


def test_search_terms_are_highlighted_after_escaping(client, archive):
    url = archive["articles"][0].get_absolute_url()
    html = client.get(url, {"q": "kampanye <script>"}).content.decode()
    assert "<p>Paragraf dua tentang <mark>kampanye</mark>.</p>" in html
    assert "&lt;<mark>script</mark>&gt;alert(1)" in html
    assert "<script>" not in html
    assert "Kata pencarian “kampanye &lt;script&gt;” ditandai." in html
    assert '<meta name="robots" content="noindex">' in html


def test_without_a_query_nothing_is_marked(client, archive):
    assert "<mark>" not in client.get(archive["articles"][0].get_absolute_url()).content.decode()


def test_provenance_lists_source_import_time_hash_and_raw_text_link(client, archive):
    article = archive["articles"][0]
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="https://kupastuntas.co/0/0"' in html
    assert article.content_hash in html
    assert f'href="/artikel/{article.pk}/asli/"' in html
    assert "Diimpor" in html


def test_raw_text_is_served_as_imported_in_its_own_encoding(client, make_article):
    raw = "Bupati Lampung Timur — Pilkada é".encode("cp1252")
    article = make_article(raw=raw, encoding="cp1252", source_file="012_abc.txt")
    response = client.get(f"/artikel/{article.pk}/asli/")
    assert response.status_code == 200
    assert response.content == raw
    assert response["Content-Type"] == "text/plain; charset=cp1252"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'inline; filename="012_abc.txt"'


def test_raw_text_with_html_is_never_served_as_html(client, make_article):
    article = make_article(raw=b"<script>alert(1)</script>", encoding="bogus encoding\r\nX: y")
    response = client.get(f"/artikel/{article.pk}/asli/")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content == b"<script>alert(1)</script>"


def test_an_unknown_article_is_a_404(client, db):
    assert client.get("/artikel/999999/").status_code == 404
    assert client.get("/artikel/999999/asli/").status_code == 404


def test_related_articles_fall_back_to_shared_people_and_regions_without_an_index(
    client, archive, make_article
):
    unrelated = make_article(title="Tidak terkait")
    response = client.get(archive["articles"][0].get_absolute_url())
    related = response.context["related"]
    assert 0 < len(related) <= 5
    assert archive["articles"][0] not in related
    assert unrelated not in related
    # n=2 and n=4 share both people with n=0 (n=4 is newer); n=3 shares one person and the city.
    assert related[:3] == [archive["articles"][4], archive["articles"][2], archive["articles"][3]]


def test_related_articles_use_more_like_this_when_the_index_answers(client, archive, monkeypatch):
    wanted = archive["articles"][4]

    class Result:
        pk = str(wanted.pk)

    monkeypatch.setattr(SearchQuerySet, "more_like_this", lambda self, obj: [Result()])
    response = client.get(archive["articles"][0].get_absolute_url())
    # the index's neighbour first, then the others that name the same people
    assert response.context["related"][0] == wanted and wanted not in response.context["related"][1:]


def test_a_failing_index_falls_back_and_the_page_still_answers(client, archive, monkeypatch):
    def broken(self, obj):
        raise OSError("index locked")

    monkeypatch.setattr(SearchQuerySet, "more_like_this", broken)
    response = client.get(archive["articles"][0].get_absolute_url())
    assert response.status_code == 200
    assert response.context["related"]


def test_related_articles_are_cached(client, archive, monkeypatch):
    calls = []

    def counting(self, obj):
        calls.append(obj.pk)
        return []

    monkeypatch.setattr(SearchQuerySet, "more_like_this", counting)
    url = archive["articles"][0].get_absolute_url()
    first = client.get(url).context["related"]
    caches["search"].clear()  # past the page cache: the related list has a cache of its own
    second = client.get(url).context["related"]
    assert calls == [archive["articles"][0].pk]
    assert first == second


def test_cite_this_line_names_outlet_date_title_and_archive_url(client, archive):
    article = archive["articles"][1]
    html = client.get(article.get_absolute_url()).content.decode()
    cite = html[html.index('class="cite"') :]
    assert "Kupas Tuntas. (28 Maret 2024)." in cite
    assert f"http://testserver/artikel/{article.pk}/" in cite


def test_article_page_has_opengraph_tags(client, archive):
    html = client.get(archive["articles"][1].get_absolute_url()).content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Berita 0-1: Wali Kota &lt;script&gt;' in html


def test_an_article_without_date_outlet_or_tags_still_renders(client, make_article):
    article = make_article(title="Yatim")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "tanpa tanggal" in response.content.decode()


def test_article_page_runs_the_same_number_of_queries_with_more_data(
    client, archive, django_assert_max_num_queries
):
    url = archive["articles"][0].get_absolute_url()
    cache.clear()
    with django_assert_max_num_queries(ARTICLE_QUERIES):
        assert client.get(url).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    build_archive(batch=1)
    build_archive(batch=2, articles=25)
    Article.objects.filter(pk=archive["articles"][0].pk).update(title="Diubah")
    cache.clear()
    with django_assert_max_num_queries(ARTICLE_QUERIES):
        assert client.get(url).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


def test_related_articles_work_with_a_real_search_index(client, archive, search_index):
    search_index.update()
    article = archive["articles"][0]
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    related = response.context["related"]
    assert related and article not in related


def earlier_version(article, raw, title, batch=None):
    from django.utils import timezone

    from articles.models import ArticleRevision

    return ArticleRevision.objects.create(
        article=article,
        raw=raw,
        encoding="cp1252",
        text=raw.decode("cp1252"),
        content_hash="a" * 64,
        title=title,
        batch=batch,
        imported_at=timezone.now(),
    )


def test_previous_versions_are_listed_with_their_import_and_their_raw_text(
    client, make_article, django_capture_on_commit_callbacks
):
    from articles.models import ImportBatch

    article = make_article(title="Versi kedua")
    assert "Versi sebelumnya" not in client.get(article.get_absolute_url()).content.decode()
    batch = ImportBatch.objects.create(paths=["scraper-a"])
    raw = "Versi pertama\n\nSebuah “kutipan” lama.".encode("cp1252")
    with django_capture_on_commit_callbacks(execute=True):
        revision = earlier_version(article, raw, "Versi pertama", batch)
    html = client.get(article.get_absolute_url()).content.decode()
    listed = html[html.index("Versi sebelumnya") :]
    assert f"impor #{batch.pk}: “Versi pertama”" in listed
    link = f'/artikel/{article.pk}/versi/{revision.pk}/asli/"'
    assert link in listed
    response = client.get(link[:-1])
    assert response.content == raw
    assert response["Content-Type"] == "text/plain; charset=cp1252"
    other = make_article()
    assert client.get(f"/artikel/{other.pk}/versi/{revision.pk}/asli/").status_code == 404


def test_the_admin_shows_previous_versions_read_only(make_article):
    from django.contrib.auth.models import Group, User
    from django.test import Client
    from django.urls import reverse

    article = make_article(title="Versi kedua")
    earlier_version(article, b"Versi pertama\n\nIsi lama yang unik.", "Versi pertama")
    editor = User.objects.create_user("redaksi", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    client = Client()
    client.force_login(editor)
    html = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "versi sebelumnya" in html.lower()
    assert "Isi lama yang unik." in html
    assert 'name="revisions-0-title"' not in html  # shown, not editable


def test_an_article_sharing_only_a_region_is_not_related(client, make_article, tag_region, search_index):
    first = make_article(title="Debat Pilkada Metro", body="Debat calon wali kota Metro digelar KPU.")
    second = make_article(title="Banjir di Metro", body="Banjir merendam rumah warga Metro.")
    for article in (first, second):
        tag_region(article, "18.72")
    search_index.update()
    response = client.get(first.get_absolute_url())
    assert response.context["related"] == []
    assert "Tidak ada artikel lain yang menyebut" in response.content.decode()


def test_an_article_naming_the_same_person_is_related(
    client, make_article, make_person, tag_person, tag_region, search_index
):
    first = make_article(title="Qomaru Maju Lagi", body="Qomaru Zaman maju lagi.")
    second = make_article(title="Qomaru Rapat", body="Qomaru Zaman ikut rapat.")
    third = make_article(title="Banjir", body="Banjir di Metro.")
    person = make_person("Qomaru Zaman")
    tag_person(first, person)
    tag_person(second, person)
    for article in (first, second, third):
        tag_region(article, "18.72")
    search_index.update()
    assert client.get(first.get_absolute_url()).context["related"] == [second]


def test_a_citation_without_headline_outlet_or_date_invents_nothing(client, make_article):
    body = "Warga Metro antusias menyambut debat kandidat.\n\nDebat digelar di GSG."
    article = make_article(
        title="Warga Metro antusias menyambut debat kandidat.",
        body=body,
        source_url="https://www.kupastuntas.co/x",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    cite = html[html.index('class="cite"') :]
    assert "kupastuntas.co. (tanpa tanggal). [tanpa judul]." in cite
    assert "“Warga Metro antusias" not in cite


def test_credits_are_labelled_in_the_pages_language_and_closing_marks_are_not_names(client, make_article):
    article = make_article(
        credits={"reporter": ["Arby"], "byline": ["Red", "*"], "editor": ["Ayu"], "photo": ["Budi"]}
    )
    html = client.get(article.get_absolute_url()).content.decode()
    credits = html[html.index('class="facts credits"') :][:600]
    assert "<dt>Wartawan</dt><dd>Arby</dd>" in credits and "<dt>Penyunting</dt><dd>Ayu</dd>" in credits
    assert "Byline" not in credits and "Red" not in credits and "Photo" not in credits
    html = client.get(article.get_absolute_url(), {"lang": "en"}, follow=True).content.decode()
    credits = html[html.index('class="facts credits"') :][:600]
    assert "<dt>Reporter</dt><dd>Arby</dd>" in credits and "<dt>Photo</dt><dd>Budi</dd>" in credits
