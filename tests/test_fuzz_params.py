"""Every query parameter of every page and of the API, fuzzed: a bad value is a 400 or 404, never a 500.

Hypothesis drives the Django test client against a small archive (tests/browse_data.py, indexed).
The test client re-raises a view's exception, so a crash fails with its traceback. FUZZ_EXAMPLES sets
the examples per page (`make fuzz` runs thousands).
"""

import os
from datetime import date

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.slow  # bin/test leaves it out; bin/test --all and CI run it

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text a URL can carry: any character but lone surrogates (which cannot be UTF-8 encoded).
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
NASTY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "-1",
        "0",
        "1e9",
        "99999999999999999999999",
        "NaN",
        "inf",
        "2024-02-30",
        "2024-13-01",
        "0000-01-01",
        "9999-12-31",
        "-2024-01-01",
        "'; DROP TABLE articles_article; --",
        '" OR 1=1 --',
        "<script>alert(1)</script>",
        "*",
        "*:*",
        "?",
        "a*",
        "~2",
        "title:x",
        "django_ct:*",
        '"unterminated',
        "(((",
        "AND OR NOT",
        "18",
        "18.72",
        "31.71",
        "99.99",
        "lampung",
        "kota-metro",
        "tokoh-0-0",
        "tokoh-lama-0",
        "kupas-tuntas",
        "debat-kandidat-0",
        "relevance",
        "newest",
        "%00",
        "%",
        "\u202e",
        "\ufeff",
        "ä" * 300,
        "x" * 5000,
    ]
)
VALUE = st.one_of(NASTY, ANY_TEXT, st.integers(-(10**20), 10**20).map(str), st.dates().map(date.isoformat))
VALUES = st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=3))  # a parameter given twice

SEARCH_PARAMS = ["q", "page", "region", "person", "organization", "event", "outlet", "sort", "from", "to"]


def params(names):
    """Any subset of `names`, each with a fuzzed value (or two), plus an occasional unknown one."""
    return st.dictionaries(st.sampled_from([*names, "utm_source", "x"]), VALUES, max_size=len(names) + 1)


@pytest.fixture
def site(archive, search_index):
    search_index.update()
    return archive


def assert_no_server_error(client, url, data):
    response = client.get(url, data)
    assert response.status_code < 500, (url, data, response.status_code)
    return response


@FUZZ
@given(data=params(SEARCH_PARAMS))
@example(data={"from": "0001-01-01"})  # before the index's 14-digit dates, and past UTC's year 1
@example(data={"to": "9999-12-31"})  # no day after it
def test_search_page_never_fails(client, site, data):
    assert_no_server_error(client, "/cari/", data)


@FUZZ
@given(data=params(SEARCH_PARAMS))
@example(data={"from": "0100-01-01", "to": "0100-01-02"})
def test_search_api_answers_json_for_any_parameters(client, site, data):
    response = assert_no_server_error(client, "/api/search", data)
    body = response.json()
    assert ("error" in body) == (response.status_code >= 400)


BROWSE = {
    "home": ("/", ["page"]),
    "regions": ("/wilayah/", ["page"]),
    "region": ("/wilayah/lampung/", ["page", "dari", "sampai"]),
    "dates": ("/tanggal/", ["page"]),
    "year": ("/tanggal/2024/", ["page"]),
    "month": ("/tanggal/2024/7/", ["page"]),
    "day": ("/tanggal/2024/7/9/", ["page"]),
    "people": ("/tokoh/", ["nama", "jabatan", "wilayah", "page"]),
    "person": ("/tokoh/tokoh-0-0/", ["page"]),
    "merged person": ("/tokoh/tokoh-lama-0/", ["page"]),
    "events": ("/peristiwa/", ["jenis", "page"]),
    "event": ("/peristiwa/debat-kandidat-0/", ["page"]),
    "organizations": ("/lembaga/", ["page"]),
    "organization": ("/lembaga/bawaslu-kota-metro/", ["page"]),
    "outlets": ("/media/", ["page"]),
    "outlet": ("/media/kupas-tuntas/", ["page"]),
    "feed": ("/feed/", ["page"]),
    "region feed": ("/wilayah/lampung/feed/", ["page"]),
    "person feed": ("/tokoh/tokoh-0-0/feed/", ["page"]),
    "sitemap": ("/sitemap.xml", ["p", "page"]),
    "search pending": ("/cari/", ["q"]),
}


@pytest.mark.parametrize("url, names", BROWSE.values(), ids=BROWSE.keys())
def test_browse_pages_never_fail(client, site, url, names):
    @FUZZ
    @given(data=params(names))
    def fuzz(data):
        assert_no_server_error(client, url, data)

    fuzz()


def test_article_pages_never_fail(client, site):
    article = site["articles"][0]

    @FUZZ
    @given(data=params(["q", "page"]))
    def fuzz(data):
        assert_no_server_error(client, f"/artikel/{article.pk}/", data)
        assert_no_server_error(client, f"/artikel/{article.pk}/asli/", data)

    fuzz()


BIG = st.one_of(st.integers(0, 10_000), st.integers(0, 10**30))


@FUZZ
@given(year=BIG, month=BIG, day=BIG)
def test_date_paths_never_fail(client, site, year, month, day):
    for url in (f"/tanggal/{year}/", f"/tanggal/{year}/{month}/", f"/tanggal/{year}/{month}/{day}/"):
        response = client.get(url)
        assert response.status_code in (200, 301, 404), url


@FUZZ
@given(pk=BIG, slug=st.from_regex(r"[-a-zA-Z0-9_]{1,80}", fullmatch=True))
def test_object_paths_never_fail(client, site, pk, slug):
    for url in (
        f"/artikel/{pk}/",
        f"/artikel/{pk}/asli/",
        f"/wilayah/{slug}/",
        f"/wilayah/{slug}/feed/",
        f"/tokoh/{slug}/",
        f"/tokoh/{slug}/feed/",
        f"/peristiwa/{slug}/",
        f"/lembaga/{slug}/",
        f"/media/{slug}/",
    ):
        assert client.get(url).status_code in (200, 301, 302, 404), url


@pytest.fixture
def editor_client(site):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    client = Client()
    client.force_login(user)
    return client


REVIEW_PARAMS = ["kind", "region", "outlet", "min_confidence", "max_confidence", "order", "page"]


def test_the_review_queue_never_fails(editor_client):
    @FUZZ
    @given(data=params(REVIEW_PARAMS))
    def fuzz(data):
        assert_no_server_error(editor_client, "/admin/review/", data)

    fuzz()


def test_the_admin_lists_never_fail(editor_client):
    @FUZZ
    @example(data={"status__exact": "\x00"})  # PostgreSQL: a NUL in a lookup was a 500
    @given(data=params(["q", "o", "p", "status__exact", "outlet__id__exact", "published_on__gte", "e"]))
    def fuzz(data):
        for url in ("/admin/articles/article/", "/admin/articles/persontag/", "/admin/articles/person/"):
            assert_no_server_error(editor_client, url, data)

    fuzz()
