"""Search answers kept between requests, keyed by the normalised question and the index generation.

A committed write gives the index a new generation, so it retires every answer of the old one at
once and nothing else; no answer is ever invalidated by hand. The cache is settings.CACHES["search"]:
files the worker processes of a machine share, bounded by an entry count.
"""

import datetime
import hashlib
import json

from django.conf import settings
from django.core.cache import caches

from articles import cache_report

ALIAS = "search"
TTL = 24 * 3600  # a generation rarely lives that long; the bound is MAX_ENTRIES, not time


def answer(generation, query_string, options, compute):
    """compute()'s result for this question on this generation of the index, computed once."""
    if ALIAS not in settings.CACHES:  # settings without the cache (a third party's): no caching
        return compute()
    cache = caches[ALIAS]
    key = _key(generation, query_string, options)
    found = cache.get(key)
    if found is not None:
        cache_report.record(hit=True)
        return found
    cache_report.record(hit=False)
    found = compute()
    cache.set(key, found, TTL)
    return found


def _key(generation, query_string, options):
    question = json.dumps([generation, query_string, _normalised(options)], sort_keys=True)
    return "search-" + hashlib.sha256(question.encode()).hexdigest()


def _normalised(value):
    """A JSON-able form in which equal questions are equal: sets in a fixed order, classes by name."""
    if isinstance(value, dict):
        return {str(key): _normalised(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((_normalised(item) for item in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [_normalised(item) for item in value]
    if isinstance(value, type):
        return f"{value.__module__}.{value.__qualname__}"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def index_generation():
    """The search index's generation key, or None when the backend cannot name one (a search
    server): then nothing keyed by it is cached."""
    from haystack import connections

    backend = connections["default"].get_backend()
    return backend.generation_key() if hasattr(backend, "generation_key") else None
