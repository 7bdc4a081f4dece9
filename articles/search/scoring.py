"""BM25F with each segment's field lengths read once into an array.

BM25 needs every matching document's field length. Whoosh reads it from the segment's length column
one document at a time: a seek and a read per hit on an index opened without mmap (see
storage.file_storage), a large share of a search for a common word. The lengths of a segment never
change, so they are read once per process and kept.
"""

import numpy as np
from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

from articles.search.segments import numeric_column, per_segment

_BYTE_TO_LENGTH = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


def field_lengths(reader, fieldname):
    """Each document's length of the field as an array, as Whoosh 2.7's doc_field_length gives it
    (0 for none), or None (a reader without per-document columns, or a field without lengths)."""
    perdoc = getattr(reader, "_perdoc", None)
    column = perdoc and perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None:
        return None
    return _BYTE_TO_LENGTH[numeric_column(column, reader.doc_count_all())]  # LENGTHS_COLUMN is numeric


class BM25F(scoring.BM25F):
    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        reader = searcher.reader()
        if isinstance(scorer, scoring.BM25FScorer) and reader.is_atomic():
            lengths = per_segment(reader, fieldname, field_lengths)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer
