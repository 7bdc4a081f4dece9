"""No Docker engine runs here, so the deployment files are checked by reading them."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_postgresql_and_the_web_app_under_gunicorn():
    services = compose()["services"]
    assert services["db"]["image"].startswith("postgres")
    web = services["web"]
    assert web["build"] == "."
    assert web["environment"]["DATABASE_URL"].startswith("postgres://")
    assert "gunicorn" in (ROOT / "Dockerfile").read_text()


def test_the_whoosh_index_lives_on_a_volume():
    data = compose()
    web = data["services"]["web"]
    path = web["environment"]["WHOOSH_PATH"]
    assert any(v.split(":")[1] == path for v in web["volumes"])
    assert "whoosh" in data["volumes"]


def test_a_search_server_is_offered_behind_a_profile():
    search = compose()["services"]["search"]
    assert search["profiles"] == ["search-server"]
    assert search["image"].startswith("elasticsearch:7")


def test_first_start_migrates_and_imports_the_sample_corpus():
    entrypoint = (ROOT / "docker" / "entrypoint.sh").read_text()
    assert "migrate" in entrypoint
    assert "import_articles data/seed" in entrypoint
    assert "rebuild_index" in entrypoint


def test_every_variable_the_settings_read_is_in_env_example():
    example = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^#?\s*([A-Z_]+)=", example, re.M))
    settings = (ROOT / "pilkada_archive" / "settings.py").read_text()
    read = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', settings))
    assert read, "settings read no variables?"
    assert read <= listed, f"missing from .env.example: {read - listed}"
