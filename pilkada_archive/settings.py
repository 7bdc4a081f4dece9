"""Settings for the Pilkada news archive: one module, driven by the environment (see .env.example)."""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from pilkada_archive.env import (
    env_bool,
    env_choice,
    env_database,
    env_int,
    env_list,
    env_str,
)
from pilkada_archive.search_settings import haystack_connection

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)  # the default SQLite file and Whoosh index live here (git-ignored)

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "articles.apps.ArchiveAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    # articles before haystack: its rebuild_index (build aside, then swap) replaces haystack's.
    "articles",
    "haystack",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and the database: a limited client costs one counter update, nothing more.
    "pilkada_archive.ratelimit.SearchRateLimitMiddleware",
    "pilkada_archive.security.RejectNullCharactersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "articles.middleware.LanguageMiddleware",
    "articles.middleware.CacheReport",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pilkada_archive.urls"
WSGI_APPLICATION = "pilkada_archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'archive.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite: no persistent connections, and a busy timeout so an import and the web process can share
    # the file; WAL lets readers go on while a writer commits.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: the related-articles query's correlated counts look costly enough to the planner that
    # it compiled them first, about a second for a query that then ran in 0.1 s (an article page at
    # 100,000 articles: 1.3 s with JIT, 0.2 s without). Pages here run short queries only.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The browse pages' aggregates (articles/counts.py) in files every worker process on this machine
# shares: one process computes a count, and a change made in any of them clears it for all. Keys are
# prefixed by the database they describe, so archives sharing the folder never mix.
# Searches' answers (articles/search/result_cache.py) and anonymous browse pages
# (articles/page_cache.py) are kept the same way, in a folder of their own so that their churn never
# culls the counts; SEARCH_CACHE_ENTRIES bounds it (0 turns both off).
_database = DATABASES["default"]
_cache_path = Path(env_str("CACHE_PATH") or VAR_DIR / "cache")
_cache_prefix = hashlib.sha256(
    f"{_database['ENGINE']}:{_database.get('HOST')}:{_database.get('PORT')}:{_database['NAME']}".encode()
).hexdigest()[:12]
_answers = env_int("SEARCH_CACHE_ENTRIES", 3000)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(_cache_path),
        "KEY_PREFIX": _cache_prefix,
        "OPTIONS": {"MAX_ENTRIES": 20_000},  # a region's and a person's counts each: thousands of keys
    },
    "search": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache"
        if _answers
        else "django.core.cache.backends.dummy.DummyCache",
        "LOCATION": str(_cache_path / "answers"),
        "KEY_PREFIX": _cache_prefix,
        "OPTIONS": {"MAX_ENTRIES": _answers or 1},
    },
}

# Search: the embedded Whoosh index by default; a Solr or Elasticsearch 7 server by setting
# SEARCH_BACKEND and SEARCH_URL. Views use Haystack's API only, so nothing else changes.
WHOOSH_PATH = Path(env_str("WHOOSH_PATH") or VAR_DIR / "whoosh")
SEARCH_BACKEND = env_choice("SEARCH_BACKEND", "whoosh", ("whoosh", "solr", "elasticsearch"))
HAYSTACK_CONNECTIONS = {
    "default": haystack_connection(
        SEARCH_BACKEND, WHOOSH_PATH, env_str("SEARCH_URL"), env_str("SEARCH_INDEX", "pilkada")
    )
}
# Only articles are indexed, so the per-query model filter is pure overhead.
HAYSTACK_LIMIT_TO_REGISTERED_MODELS = False
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 20
# Writer processes for big index writes (rebuild_index, large imports): one per core by default.
SEARCH_INDEX_PROCS = env_int("SEARCH_INDEX_PROCS", os.cpu_count() or 1, minimum=1)
# Reindex affected articles when a transaction commits (articles/search/signals.py).
HAYSTACK_SIGNAL_PROCESSOR = "articles.search.signals.ArticleSignalProcessor"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Importer: files above this size are refused with a reason instead of being read into memory.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 2_000_000, minimum=1)

# HTTPS: on by default when DEBUG is off; each can be switched off behind a proxy that does it.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): nothing inline, nothing from elsewhere. The templates and
# Django 5.2's admin use only script and style files (tests/test_security.py, test_browser_xss.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Admin login (django-axes): AXES_FAILURE_LIMIT failures per IP and username lock that pair out for
# AXES_COOLOFF_MINUTES; the lockout is a 429 page. Attempts are kept in the database (all workers).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "pilkada_archive.ratelimit.client_ip"

# Search rate limit per client IP (pilkada_archive/ratelimit.py): requests a minute, 0 = off. On in
# production; off by default in the development install (DEBUG), where the only client is its owner.
SEARCH_RATE_LIMIT = env_int("SEARCH_RATE_LIMIT", 0 if DEBUG else 60, minimum=0)
RATE_LIMIT_DB = Path(env_str("RATE_LIMIT_DB") or VAR_DIR / "ratelimit.sqlite3")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING").upper()},
}
