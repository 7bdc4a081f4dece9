"""Haystack's Whoosh backend, adapted to Indonesian news (filled in by the search work)."""

from haystack.backends.whoosh_backend import WhooshEngine


class IndonesianWhooshEngine(WhooshEngine):
    pass
