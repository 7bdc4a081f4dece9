"""WSGI entry point, used by gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pilkada_archive.settings")
application = get_wsgi_application()

# Each worker reads the search index's per-segment data before its first request, not during it.
from articles.search.service import warm  # noqa: E402 - needs the settings loaded above

warm()
