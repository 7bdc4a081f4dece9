"""WSGI entry point, used by gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pilkada_archive.settings")
application = get_wsgi_application()

# Each worker builds what its first requests would otherwise build (pilkada_archive/warmup.py).
from pilkada_archive.warmup import warm  # noqa: E402 - needs the settings loaded above

warm()
