"""The naive baseline: the same project, but stock Haystack — its Whoosh backend, SearchView, signals."""

import os

from bench.settings import *  # noqa: F403
from bench.settings import BASE_DIR

# NAIVE_ENGINE=bench.naive_same.SameIndexEngine with NAIVE_WHOOSH_PATH at the site's index: the
# stock backend on the site's full index (same N); by default its own, stock-built index.
HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": os.environ.get("NAIVE_ENGINE", "haystack.backends.whoosh_backend.WhooshEngine"),
        "PATH": os.environ.get("NAIVE_WHOOSH_PATH", str(BASE_DIR / "bench" / "scratch" / "naive-whoosh")),
    }
}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
HAYSTACK_LIMIT_TO_REGISTERED_MODELS = True  # haystack's default
ROOT_URLCONF = "bench.naive"
# haystack first, so its own update_index/rebuild_index run, not the project's replacements
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "haystack"]  # noqa: F405
INSTALLED_APPS.insert(INSTALLED_APPS.index("articles"), "haystack")
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]  # noqa: F405
