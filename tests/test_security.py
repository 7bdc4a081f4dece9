"""What an attacker can try over HTTP: forged posts, password guessing, search flooding, debug leaks.

Also the Content-Security-Policy and the templates it relies on (no inline script, handler or style),
and the HTTPS settings read from the environment.
"""

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, User
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from articles.models import PersonTag, TagStatus
from pilkada_archive.ratelimit import CounterStore
from pilkada_archive.urls import urlpatterns as site_urlpatterns

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "kata-sandi-redaksi-yang-panjang"


def boom(request):
    raise RuntimeError("forced failure with SECRET_KEY nearby")


def fine(request):
    return HttpResponse("ok")


# @pytest.mark.urls("tests.test_security"): the site plus a view that always fails.
urlpatterns = [path("boom/", boom), path("fine/", fine), *site_urlpatterns]  # i18n_patterns: not include()d


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    return user


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def csrf_token(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


# Content-Security-Policy ------------------------------------------------------------------------------


def test_every_page_carries_a_policy_that_allows_no_inline_script_or_style(client, archive, search_index):
    for url in [
        "/",
        "/cari/?q=wali",
        "/api/search?q=wali",
        f"/artikel/{archive['articles'][0].pk}/",
        "/admin/login/",
    ]:
        policy = client.get(url)["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["default-src"] == "'self'"
        assert directives["script-src"] == "'self'", url
        assert directives["style-src"] == "'self'", url
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert directives["frame-ancestors"] == "'none'"


class InlineFinder(HTMLParser):
    """Collects what a no-inline policy would block: script bodies, on*= handlers, style attributes."""

    def __init__(self):
        super().__init__()
        self.found, self._in_script = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"<{tag} {name}=…>")
        if tag == "style":
            self.found.append("<style> element")
        if tag == "script":
            executable = attrs.get("type") in (None, "", "text/javascript", "module")
            self._in_script = executable and "src" not in attrs

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.found.append(f"inline <script>: {data.strip()[:60]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def inline_code(html):
    finder = InlineFinder()
    finder.feed(html)
    return finder.found


def test_the_project_templates_use_no_inline_script_handler_or_style():
    offenders = {}
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        found = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>\s*[^<\s]|\son[a-z]+\s*=|\sstyle\s*=|<style", text)
        if found:
            offenders[str(template.relative_to(ROOT))] = found
    assert offenders == {}


def test_rendered_pages_and_the_admin_have_no_inline_code(client, archive, search_index, editor):
    search_index.update()
    article = archive["articles"][0]
    person = archive["people"][0]
    public = [
        "/",
        "/cari/?q=wali",
        f"/artikel/{article.pk}/",
        "/wilayah/lampung/",
        "/tanggal/",
        "/tokoh/",
        f"/tokoh/{person.slug}/",
        "/peristiwa/",
        "/nope/",
    ]
    client.force_login(editor)
    admin = [
        "/admin/",
        "/admin/review/",
        "/admin/articles/article/",
        f"/admin/articles/article/{article.pk}/change/",
        f"/admin/articles/person/{person.pk}/change/",
        "/admin/articles/persontag/",
    ]
    for url in public + admin:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert inline_code(response.content.decode()) == [], url


# CSRF -------------------------------------------------------------------------------------------------


def test_admin_login_refuses_a_post_without_a_token(csrf_client, editor):
    response = csrf_client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in csrf_client.session


@pytest.fixture
def suggested(archive):
    return PersonTag.objects.filter(status=TagStatus.SUGGESTED).first()


@pytest.mark.parametrize(
    "url, data",
    [
        ("/admin/review/?kind=person", lambda tag: {"action": f"confirm:{tag.pk}"}),
        ("/admin/articles/persontag/", lambda tag: {"action": "confirm", "_selected_action": [tag.pk]}),
        ("/admin/articles/persontag/", lambda tag: {"action": "detach", "_selected_action": [tag.pk]}),
        (
            "/admin/articles/person/",
            lambda tag: {"action": "merge", "_selected_action": [tag.person_id, tag.person_id]},
        ),
        ("tag-change", lambda tag: {"status": "confirmed", "confidence": "1"}),
        ("/admin/logout/", lambda tag: {}),
    ],
    ids=[
        "review-queue",
        "tag-action-confirm",
        "tag-action-detach",
        "person-merge",
        "tag-change-form",
        "logout",
    ],
)
def test_every_admin_post_is_refused_without_a_csrf_token(csrf_client, editor, suggested, url, data):
    csrf_client.force_login(editor)
    if url == "tag-change":
        url = f"/admin/articles/persontag/{suggested.pk}/change/"
    before = PersonTag.objects.count(), suggested.status
    response = csrf_client.post(url, data(suggested))
    assert response.status_code == 403
    suggested.refresh_from_db()
    assert (PersonTag.objects.count(), suggested.status) == before
    assert "_auth_user_id" in csrf_client.session  # not even logged out


def test_the_review_queue_accepts_the_same_post_with_its_token(csrf_client, editor, suggested):
    csrf_client.force_login(editor)
    token = csrf_token(csrf_client, "/admin/review/?kind=person")
    response = csrf_client.post(
        "/admin/review/?kind=person", {"action": f"confirm:{suggested.pk}", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    suggested.refresh_from_db()
    assert suggested.status == TagStatus.CONFIRMED


# Admin login rate limit (django-axes) ------------------------------------------------------------------


def login(client, username, password, ip="203.0.113.7"):
    return client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_five_wrong_passwords_lock_that_username_from_that_address(editor):
    client = Client()
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "editor", "salah").status_code == 200  # the form again, with an error
    locked = login(client, "editor", "salah")
    assert locked.status_code == 429
    assert "Terlalu banyak percobaan login" in locked.content.decode()
    # Locked out even with the right password ...
    assert login(client, "editor", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session
    # ... while the same user from another address, and another user here, still get in.
    assert login(Client(), "editor", PASSWORD, ip="198.51.100.2").status_code == 302
    User.objects.create_user("kedua", password=PASSWORD, is_staff=True)
    assert login(Client(), "kedua", PASSWORD).status_code == 302


def test_a_successful_login_clears_earlier_failures(editor):
    client = Client()
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        login(client, "editor", "salah")
    assert login(client, "editor", PASSWORD).status_code == 302
    client.logout()
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "editor", "salah").status_code == 200


# Search rate limit -------------------------------------------------------------------------------------


@pytest.fixture
def limit(settings, tmp_path):
    settings.SEARCH_RATE_LIMIT = 3
    settings.RATE_LIMIT_DB = tmp_path / "ratelimit.sqlite3"
    return 3


def test_searches_over_the_limit_get_429_with_a_clear_message(client, corpus, limit):
    for _ in range(limit):
        assert client.get("/cari/", {"q": "wali"}).status_code == 200
    page = client.get("/cari/", {"q": "wali"})
    assert page.status_code == 429
    assert "Terlalu banyak pencarian" in page.content.decode()
    assert 1 <= int(page["Retry-After"]) <= 60
    api = client.get("/api/search", {"q": "wali"})
    assert api.status_code == 429
    assert "Terlalu banyak pencarian" in api.json()["error"] and api.json()["retry_after"] >= 1
    english = client.get("/en/cari/", {"q": "wali"})  # the English search page counts too
    assert english.status_code == 429 and "Too many searches" in english.content.decode()
    # Browsing is not limited, and neither is another client.
    assert client.get("/").status_code == 200
    assert client.get("/cari/", {"q": "wali"}, REMOTE_ADDR="198.51.100.9").status_code == 200


def test_a_forwarded_for_header_is_only_believed_behind_a_proxy(client, corpus, limit, settings):
    for n in range(limit):
        client.get("/api/search", {"q": "wali"}, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    # Without BEHIND_PROXY the header is the client's own claim: still counted against its address.
    assert client.get("/api/search", {"q": "wali"}, HTTP_X_FORWARDED_FOR="10.0.0.99").status_code == 429
    settings.BEHIND_PROXY = True
    # Behind our proxy, the last hop (the one the proxy appended) is the client, whatever came before.
    for _ in range(limit):
        assert (
            client.get("/api/search", {"q": "wali"}, HTTP_X_FORWARDED_FOR="1.2.3.4, 192.0.2.1").status_code
            == 200
        )
    assert (
        client.get("/api/search", {"q": "wali"}, HTTP_X_FORWARDED_FOR="5.6.7.8, 192.0.2.1").status_code == 429
    )
    assert client.get("/api/search", {"q": "wali"}, HTTP_X_FORWARDED_FOR="192.0.2.2").status_code == 200


def test_the_client_is_a_valid_address_or_none(rf, settings):
    from pilkada_archive.ratelimit import client_ip

    settings.BEHIND_PROXY = True
    assert (
        client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 2001:db8::1", REMOTE_ADDR="10.0.0.1"))
        == "2001:db8::1"
    )
    assert client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="<script>", REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"
    request = rf.get("/")
    del request.META["REMOTE_ADDR"]
    assert client_ip(request) is None  # django-axes stores None, never a made-up address


def test_an_export_counts_as_one_request_however_long(client, corpus, limit):
    for _ in range(limit):
        response = client.get("/api/export", {"format": "jsonl"})
        assert response.status_code == 200 and len(b"".join(response.streaming_content).splitlines()) > 1
    refused = client.get("/api/export", {"format": "csv"}, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 429 and int(refused["Retry-After"]) >= 1
    assert refused.json()["error"].startswith("Too many searches from your address (limit 3 a minute)")


def test_the_proxys_loopback_address_is_limited_like_any_other(client, corpus, limit, settings):
    settings.DEBUG = False
    settings.BEHIND_PROXY = True
    # A proxy that forwards no X-Forwarded-For: every visitor arrives from 127.0.0.1, and they share
    # one count; loopback is never a way round the limit.
    answers = [client.get("/api/search", REMOTE_ADDR="127.0.0.1").status_code for _ in range(limit + 1)]
    assert answers == [200] * limit + [429]
    assert client.get("/cari/", {"q": "wali"}, REMOTE_ADDR="::1").status_code == 200
    assert (
        client.get("/api/search", HTTP_X_FORWARDED_FOR="127.0.0.1", REMOTE_ADDR="127.0.0.1").status_code
        == 429
    )


def test_zero_switches_the_limit_off(client, corpus, settings):
    settings.SEARCH_RATE_LIMIT = 0
    assert all(client.get("/api/search", {"q": "wali"}).status_code == 200 for _ in range(80))


def test_workers_share_one_count(tmp_path):
    # Two stores on one file stand for two gunicorn workers: the client's count is their sum.
    first, second = CounterStore(tmp_path / "r.sqlite3"), CounterStore(tmp_path / "r.sqlite3")
    now = 1_000_000 * 60 + 5
    counts = [store.hit("192.0.2.1", now=now)[0] for store in (first, second, first, second)]
    assert counts == [1, 2, 3, 4]
    assert first.hit("192.0.2.1", now=now + 60)[0] == 1  # a new minute starts afresh


def test_search_is_served_when_the_counter_store_is_unusable(client, corpus, settings, tmp_path):
    settings.SEARCH_RATE_LIMIT = 1
    settings.RATE_LIMIT_DB = tmp_path / "not-a-folder" / "x"
    (tmp_path / "not-a-folder").write_text("a file where the folder should be")
    assert client.get("/api/search", {"q": "wali"}).status_code == 200
    assert client.get("/api/search", {"q": "wali"}).status_code == 200


# DEBUG off: no debug page, no secrets -------------------------------------------------------------------


@pytest.mark.urls("tests.test_security")
def test_a_missing_page_shows_the_sites_404_and_no_debug_information(client, settings, db):
    settings.DEBUG = False
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Halaman tidak ditemukan" in body
    for leak in ("Traceback", "URLconf", "urlpatterns", "DEBUG = True", settings.SECRET_KEY):
        assert leak not in body


@pytest.mark.urls("tests.test_security")
def test_a_server_error_shows_the_sites_500_and_no_traceback_or_settings(settings, db):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Terjadi kesalahan di server" in body
    for leak in (
        "Traceback",
        "RuntimeError",
        "forced failure",
        "SECRET_KEY",
        settings.SECRET_KEY,
        "DATABASES",
    ):
        assert leak not in body
    assert response["Content-Security-Policy"]


# HTTPS settings from the environment -----------------------------------------------------------------


def production_settings(**env):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "DJANGO_"))}
    environ = {k: v for k, v in environ.items() if k != "SEARCH_RATE_LIMIT"}
    environ.update(DEBUG="false", SECRET_KEY="k" * 20 + "-production-like-secret-value-0123456789")
    environ.update(env)
    script = (
        "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS,"
        " s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SEARCH_RATE_LIMIT)"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='pilkada_archive.settings'; django.setup(); {script}",
        ],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_production_defaults_are_https_only_and_each_is_configurable():
    assert production_settings() == ["True", "31536000", "True", "True", "60"]
    # The development install (DEBUG on) has one client, its owner: no limit unless one is set.
    assert production_settings(DEBUG="true")[-1] == "0"
    assert production_settings(DEBUG="true", SEARCH_RATE_LIMIT="30")[-1] == "30"
    assert production_settings(
        SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="600", SECURE_COOKIES="no", SEARCH_RATE_LIMIT="0"
    ) == ["False", "600", "False", "False", "0"]


def test_https_redirect_and_hsts_are_applied(settings, db):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    client = Client()
    response = client.get("/tanggal/")
    assert response.status_code == 301 and response["Location"].startswith("https://")
    secure = client.get("/tanggal/", secure=True)
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")


def test_a_nul_character_sent_to_the_admin_is_refused_before_any_query(client, editor):
    # On PostgreSQL a NUL reaching a lookup was a 500 (found by tests/test_fuzz_params.py).
    client.force_login(editor)
    assert client.get("/admin/articles/persontag/", {"status__exact": "\x00"}).status_code == 400
    assert client.get("/admin/articles/persontag/", {"status__exact": "confirmed"}).status_code == 200
