"""Settings come from the environment, and a malformed value names the variable at start-up."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from pilkada_archive.env import env_bool, env_database, env_int, env_list
from pilkada_archive.search_settings import haystack_connection

ROOT = Path(__file__).resolve().parent.parent


def test_booleans_accept_the_usual_spellings(monkeypatch):
    for text, value in [("1", True), ("yes", True), ("On", True), ("0", False), ("false", False)]:
        monkeypatch.setenv("DEBUG", text)
        assert env_bool("DEBUG") is value


def test_a_malformed_boolean_names_the_variable(monkeypatch):
    monkeypatch.setenv("DEBUG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        env_bool("DEBUG")


def test_a_malformed_number_names_the_variable(monkeypatch):
    monkeypatch.setenv("IMPORT_MAX_BYTES", "ten")
    with pytest.raises(ImproperlyConfigured, match="IMPORT_MAX_BYTES"):
        env_int("IMPORT_MAX_BYTES", 1)


def test_lists_are_comma_separated(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", "arsip.example.org, www.arsip.example.org,")
    assert env_list("ALLOWED_HOSTS") == ["arsip.example.org", "www.arsip.example.org"]


def test_database_url_selects_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://archive:secret@db:5432/archive")
    config = env_database("DATABASE_URL", "sqlite:///x.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "archive"


def test_a_malformed_database_url_names_the_variable(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "nosuchdb://x")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        env_database("DATABASE_URL", "sqlite:///x.sqlite3")


def test_search_backend_switches_to_a_server_by_settings_alone():
    es = haystack_connection("elasticsearch", "/unused", "http://search:9200/", "pilkada")
    assert es["ENGINE"].startswith("haystack.backends.elasticsearch7_backend")
    solr = haystack_connection("solr", "/unused", "http://solr:8983/solr/pilkada", "")
    assert solr["ENGINE"] == "haystack.backends.solr_backend.SolrEngine"
    with pytest.raises(ImproperlyConfigured, match="SEARCH_URL"):
        haystack_connection("solr", "/unused", "", "")


def run_check(**env):
    environ = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}}
    environ.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=environ, capture_output=True, text=True
    )


def test_start_up_refuses_to_run_without_a_secret_key_when_debug_is_off():
    result = run_check(DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_start_up_stops_on_a_malformed_variable_with_its_name():
    result = run_check(SEARCH_BACKEND="lucene")
    assert result.returncode != 0
    assert "Configuration error: SEARCH_BACKEND must be one of" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_settings_pass_the_deployment_check():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "false", "SECRET_KEY": "x" * 60 + "-production-like-secret-value"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.django_db
def test_postgresql_connections_plan_without_jit():
    """JIT compiled the related-articles query for a second before running it for a tenth."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
