"""System checks about the database, run by `migrate` before it changes anything."""

from importlib import import_module

from django.core.checks import Error, Tags, register
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

SQUASHED = "0001_squashed_0010_editors_desk"


@register(Tags.database)
def migrations_squashed_midway(app_configs, databases=None, **kwargs):
    """A database that applied some of the migrations the squash replaced, but not all of them, has
    no path forward in this release: the steps between are gone, and Django would treat the archive
    as migrated when it is not. It is refused with the way out instead."""
    replaced = {name for _, name in import_module(f"articles.migrations.{SQUASHED}").Migration.replaces}
    errors = []
    for alias in databases or ():
        recorder = MigrationRecorder(connections[alias])
        if not recorder.has_table():
            continue
        applied = {name for app, name in recorder.applied_migrations() if app == "articles"}
        if SQUASHED in applied or not applied & replaced or replaced <= applied:
            continue
        errors.append(
            Error(
                f"database {alias!r} stopped partway through the migrations 0001-0010 "
                f"(last applied: {max(applied & replaced)}), which this release has squashed",
                hint="Run `manage.py migrate` with commit 59055fc, the last with those steps, then with this "
                "release (README.md, 'Upgrading').",
                id="articles.E001",
            )
        )
    return errors
