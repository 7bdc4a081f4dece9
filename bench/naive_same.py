"""Stock Haystack on the site's own index: the naive baseline at the same N.

Haystack's stock Whoosh backend searches, filters and facets (`FieldFacet` over every posting) as it
ships; only the schema is the one the index was written with, so that Indonesian words are analysed
as they were indexed and a query finds what the site's search finds.
"""

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from whoosh.qparser import QueryParser


class SameIndexBackend(WhooshSearchBackend):
    def setup(self):
        super().setup()
        self.index = self.storage.open_index()  # the stored schema: the site's analyzers
        self.schema = self.index.schema
        self.parser = QueryParser(self.content_field_name, schema=self.schema)


class SameIndexEngine(WhooshEngine):
    backend = SameIndexBackend
