"""The squashed migration: a new archive gets its schema and starting data from it; one that stopped
partway through the migrations it replaced is refused with the way out, before anything changes."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from articles.checks import SQUASHED, migrations_squashed_midway

pytestmark = pytest.mark.django_db


def forget(*names):
    """As if this database had never applied these migrations of the archive."""
    MigrationRecorder(connection).migration_qs.filter(app="articles", name__in=names).delete()


def test_a_database_migrated_with_the_squash_records_it_and_every_step_it_replaced():
    applied = {name for app, name in MigrationRecorder(connection).applied_migrations() if app == "articles"}
    assert SQUASHED in applied
    assert {"0001_initial", "0005_source_identity", "0010_editors_desk"} <= applied
    assert migrations_squashed_midway(None, databases=["default"]) == []


def test_an_archive_that_applied_all_ten_steps_before_the_squash_passes():
    forget(SQUASHED)
    assert migrations_squashed_midway(None, databases=["default"]) == []


def test_an_archive_stopped_partway_is_refused_by_migrate_naming_the_last_step_applied():
    forget(SQUASHED, "0007_contests", "0008_load_contests", "0009_index_outbox", "0010_editors_desk")
    [error] = migrations_squashed_midway(None, databases=["default"])
    assert "0006_browse_date" in error.msg
    assert "59055fc" in error.hint
    with pytest.raises(SystemCheckError, match="articles.E001"):
        call_command("migrate", verbosity=0, skip_checks=False)  # as manage.py runs it
