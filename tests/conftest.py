"""Shared fixtures: a real Whoosh index in a temporary folder for every test that touches search."""

import pytest
from django.utils.text import slugify

from articles.models import Article, Outlet, Person, PersonTag, Region, RegionTag


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
