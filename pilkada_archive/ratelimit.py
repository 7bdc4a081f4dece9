"""Per-client rate limit on the search page and the search API, shared by every worker process.

SEARCH_RATE_LIMIT requests a minute per client IP (0 switches it off; off by default only when DEBUG
is on, the embedded development install). Counts are kept in a small
SQLite file (RATE_LIMIT_DB) rather than in the process, so gunicorn's workers share one count: with a
per-process cache a client would get workers × the limit. One UPSERT per search, in WAL mode without
fsync; counters are disposable, so the file may be deleted at any time. Windows are fixed minutes,
so a client can reach twice the limit across a minute boundary, never more. If the store fails
(disk full, locked too long) the request is served: the limit protects search, it must not stop it.

The client is REMOTE_ADDR, or behind a proxy (BEHIND_PROXY) the last X-Forwarded-For entry: the one
our own proxy appended, which a client cannot forge. No address is exempt, loopback included: behind
a proxy that does not set the header every client arrives from the proxy's own address, and they
share one count rather than none. Admin login attempts are limited by django-axes,
which uses the same `client_ip`.
"""

import ipaddress
import logging
import os
import sqlite3
import threading
import time

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from articles.middleware import requested_language  # the limit runs before the language middleware

log = logging.getLogger(__name__)

WINDOW = 60  # seconds
# The search page in each language, and the API (an export, however long, is one request).
LIMITED_PATHS = ("/cari/", "/en/cari/", "/api/search", "/api/export")


def client_ip(request):
    """The address to count a request against (see the module docstring), or None if there is none."""
    candidates = []
    if getattr(settings, "BEHIND_PROXY", False):
        hops = request.headers.get("x-forwarded-for", "").split(",")
        candidates.append(hops[-1])
    candidates.append(request.META.get("REMOTE_ADDR") or "")
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate.strip()))
        except ValueError:
            continue
    return None


class CounterStore:
    """Fixed-window counters in an SQLite file: `hit(client)` → (requests this window, seconds left)."""

    def __init__(self, path):
        self.path = str(path)
        self._local = threading.local()
        self._purged_window = None

    def _connection(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=2, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS hits (client TEXT NOT NULL, window INTEGER NOT NULL,"
                " count INTEGER NOT NULL, PRIMARY KEY (client, window)) WITHOUT ROWID"
            )
            self._local.conn = conn
        return conn

    def hit(self, client, now=None):
        now = time.time() if now is None else now
        window = int(now // WINDOW)
        conn = self._connection()
        (count,) = conn.execute(
            "INSERT INTO hits (client, window, count) VALUES (?, ?, 1) "
            "ON CONFLICT (client, window) DO UPDATE SET count = count + 1 RETURNING count",
            (client, window),
        ).fetchone()
        if self._purged_window != window:  # once a minute per process: drop finished windows
            self._purged_window = window
            conn.execute("DELETE FROM hits WHERE window < ?", (window - 1,))
        return count, max(1, int((window + 1) * WINDOW - now))


_stores = {}


def store():
    path = str(settings.RATE_LIMIT_DB)
    if path not in _stores:
        _stores[path] = CounterStore(path)
    return _stores[path]


def too_many_requests(request, retry_after):
    """429 with a message a person can act on: JSON for the API, the site's page for /cari/."""
    with translation.override(requested_language(request)):
        message = _(
            "Terlalu banyak pencarian dari alamat Anda (batas %(limit)d per menit). "
            "Coba lagi dalam %(seconds)d detik."
        ) % {"limit": settings.SEARCH_RATE_LIMIT, "seconds": retry_after}
        if not request.path.startswith("/api/"):
            html = render_to_string("429.html", {"message": message}, request=request)
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"error": message, "parameter": None, "retry_after": retry_after},
            status=429,
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        response = HttpResponse(html, status=429)
    response["Retry-After"] = str(retry_after)
    return response


class SearchRateLimitMiddleware:
    """Answer 429 once a client has made more than SEARCH_RATE_LIMIT searches in the current minute."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.SEARCH_RATE_LIMIT
        if limit and request.path.startswith(LIMITED_PATHS):
            try:
                count, retry_after = store().hit(client_ip(request) or "unknown")
            except (sqlite3.Error, OSError):
                log.warning("Search rate limit store unavailable; request served", exc_info=True)
            else:
                if count > limit:
                    return too_many_requests(request, retry_after)
        return self.get_response(request)
