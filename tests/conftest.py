"""Shared fixtures: a real Whoosh index in a temporary folder for every test that touches search."""

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils.text import slugify

from articles.models import Article, Outlet, Person, PersonTag, Region, RegionTag


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """The real file cache, in a folder of this test run's own: never a previous run's entries, nor
    those of a development server using the same database settings."""
    private = {
        alias: {**options, "LOCATION": str(tmp_path_factory.mktemp(f"cache-{alias}"))}
        for alias, options in settings.CACHES.items()
    }
    with override_settings(CACHES=private):
        yield


@pytest.fixture
def make_article(db):
    """Create an article with a unique hash; keyword arguments override the defaults."""
    counter = {"n": 0}

    def make(**fields):
        counter["n"] += 1
        n = counter["n"]
        outlet = fields.pop("outlet", None)
        if isinstance(outlet, str):
            outlet, _ = Outlet.objects.get_or_create(name=outlet, slug=slugify(outlet))
        defaults = {
            "title": f"Artikel {n}",
            "body": f"Isi artikel {n}.",
            "raw": f"Artikel {n}\n\nIsi artikel {n}.".encode(),
            "content_hash": f"{n:064x}",
            "source_file": f"{n:03}.txt",
            "source": "uji",
            "source_path": f"{n:03}.txt",
            "outlet": outlet,
        }
        defaults.update(fields)
        return Article.objects.create(**defaults)

    return make


@pytest.fixture
def tag_region(db):
    def tag(article, code, status="suggested", confidence=0.8):
        return RegionTag.objects.create(
            article=article, region=Region.objects.get(code=code), status=status, confidence=confidence
        )

    return tag


@pytest.fixture
def make_person(db):
    def make(name, **fields):
        return Person.objects.create(name=name, slug=fields.pop("slug", slugify(name)), **fields)

    return make


@pytest.fixture
def tag_person(db):
    def tag(article, person, status="suggested", role=""):
        return PersonTag.objects.create(article=article, person=person, status=status, role=role)

    return tag


@pytest.fixture
def editor(db):
    """A staff user in the Editor group (the rights the data migrations give editors)."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("editor", password="kata-sandi-redaksi", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    return user


@pytest.fixture
def editor_client(editor):
    from django.test import Client

    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def archive(db):
    """A handful of Lampung articles with people, positions, events and tags (tests/browse_data.py)."""
    from django.core.cache import cache

    from tests.browse_data import build_archive

    # Related articles are cached per article; a previous test's entries must not leak in.
    cache.clear()
    return build_archive()


# Search ------------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fresh_cache():
    """No test sees the cached counts of another: the counts change on commit, which a `db` test's
    own changes never reach."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _private_search_index(tmp_path_factory):
    """Every test gets its own (lazily created) Whoosh folder: no test writes to var/whoosh or sees
    another test's documents, whether or not it asks for `search_index`."""
    import uuid

    from haystack import connections

    options = connections.connections_info["default"]
    if "PATH" not in options:  # a search server, not Whoosh: nothing to isolate
        yield
        return
    original = options["PATH"]
    options["PATH"] = str(tmp_path_factory.getbasetemp() / f"whoosh-{uuid.uuid4().hex[:8]}")
    connections.thread_local.connections = {}
    yield options["PATH"]
    options["PATH"] = original
    connections.thread_local.connections = {}


@pytest.fixture
def search_index(db, _private_search_index):
    """An empty Whoosh index in a temporary folder, with helpers to fill and query it.

    Signals index on commit, which a `db` test never reaches: call `search_index.update()` after
    creating data, or wrap the changes in `django_capture_on_commit_callbacks(execute=True)`.
    """
    from haystack import connections
    from haystack.query import SearchQuerySet

    from articles.models import IndexChange
    from articles.search import indexing

    class SearchIndex:
        path = _private_search_index

        @property
        def backend(self):
            return connections["default"].get_backend()

        def update(self, articles=None):
            ids = (
                [a.pk for a in articles]
                if articles is not None
                else Article.objects.values_list("pk", flat=True)
            )
            indexing.update_articles(ids)
            # what the outbox's own drain does after an index write
            IndexChange.objects.filter(article_id__in=list(ids)).delete()

        def ids(self, sqs=None):
            """Article ids a SearchQuerySet finds (all documents by default), as a set."""
            sqs = SearchQuerySet().all() if sqs is None else sqs
            return {int(r.pk) for r in sqs[:1000]}

    return SearchIndex()


@pytest.fixture
def corpus(search_index):
    """tests/search_data.py's six articles, indexed."""
    from tests.search_data import build_corpus

    built = build_corpus()
    search_index.update()
    return built


@pytest.fixture(autouse=True)
def _no_search_rate_limit(settings, tmp_path_factory):
    """The suite searches far faster than a person; tests/test_security.py switches the limit on."""
    settings.SEARCH_RATE_LIMIT = 0
    settings.RATE_LIMIT_DB = tmp_path_factory.getbasetemp() / "ratelimit.sqlite3"


# Browser tests: Debian's chromium driven by Playwright (never a downloaded browser) ----------------

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def allow_orm_beside_playwright():
    """Playwright's sync API runs an event loop in this thread; the ORM calls made by the fixtures
    are still synchronous and safe (standard pytest-django + Playwright practice). Set only while a
    browser module runs, so that subprocesses started by other tests (the deploy check) never see it."""
    import os

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module")
def browser(allow_orm_beside_playwright):
    """Chromium for one test module. Without it the tests fail under CI=true and skip elsewhere."""
    import os
    import shutil

    chromium = shutil.which("chromium")
    if not chromium:
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_editor(db):
    """The editor "redaksi" for a transactional browser test, with the migrations' data refilled
    (a transactional test's flush empties the tables the data migrations filled)."""
    from django.contrib.auth.models import Group, User

    from tests.starting_data import refill

    refill()
    editor = User.objects.create_user("redaksi", password="kata-sandi-redaksi-2024", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    return editor


@pytest.fixture
def editor_page(live_server, browser, browser_editor):
    """A browser page with the editor logged in, on the admin index."""
    page = browser.new_context(locale="id-ID").new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "redaksi")
    page.fill("#id_password", "kata-sandi-redaksi-2024")
    page.click("input[type=submit]")
    return page


@pytest.fixture
def review_tab(editor_page):
    """From the admin index, opens the review queue on one kind of tag's tab; returns the table's rows."""

    def open_tab(kind):
        editor_page.click("#review-waiting a")
        editor_page.click(f"#content-main a[href='?kind={kind}']")  # the tab, not the sidebar's link
        editor_page.wait_for_url(f"**/admin/review/?kind={kind}")
        return editor_page.locator("#review-table tbody tr")

    return open_tab
