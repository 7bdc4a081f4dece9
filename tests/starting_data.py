"""The data the migration loads (regions, contests, the Editor group), loaded again the way it loads
them: a transactional test's flush empties those tables."""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group

from articles.models import Contest, Region

MIGRATION = import_module("articles.migrations.0001_squashed_0010_editors_desk")


def refill_regions():
    if not Region.objects.exists():
        MIGRATION.load_regions(apps, None)


def refill():
    refill_regions()
    if not Contest.objects.exists():
        MIGRATION.load_contests(apps, None)
    if not Group.objects.filter(name="Editor").exists():
        MIGRATION.create_editor_group(apps, None)
