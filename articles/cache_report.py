"""Whether a request was answered from a cache, for its X-Cache header (middleware.CacheReport)."""

import threading

_tally = threading.local()


def start():
    _tally.hits = _tally.misses = 0


def record(hit):
    name = "hits" if hit else "misses"
    setattr(_tally, name, getattr(_tally, name, 0) + 1)


def verdict():
    """'hit' when every cache this request asked had the answer, 'miss' when any had to compute it,
    None when it asked none."""
    hits, misses = getattr(_tally, "hits", 0), getattr(_tally, "misses", 0)
    if misses:
        return "miss"
    return "hit" if hits else None
