"""Values derived from one Whoosh segment, built once and kept.

A segment never changes once written (deletions only hide documents, and callers check them), so
what facets and date ranges read from a field can be computed on the first search that needs it and
reused by every later one in the process.
"""

import threading
from dataclasses import dataclass

import numpy as np
from whoosh import columns

_by_segment = {}  # (what, segment id, field) → the value built for it
_lock = threading.Lock()
MAX_ENTRIES = 256  # more means segments merged away or older index generations: start over


def column_values(reader, fieldname):
    """Each document's value in the field's sortable column, as Whoosh sorts on it, by number: for a
    date, microseconds as unsigned 64-bit integers (the column's 2**64-1 marks no date; as a float
    it would round nearby dates together); any other column as objects."""
    column = reader.column_reader(fieldname, translate=False)
    if isinstance(column, columns.NumericColumn.Reader) and column._typecode in "BHIQ":
        return numeric_column(column, reader.doc_count_all()).astype(np.uint64)
    values = list(column)  # a segment without the column reads its default for every document
    if all(type(v) is int and v >= 0 for v in values):
        return np.array(values, dtype=np.uint64)
    return np.array(values, dtype=object)


def numeric_column(column, doccount):
    """The values of a Whoosh NumericColumn reader for every document, read in one piece: its own
    reader seeks and reads once per document."""
    dtype = np.dtype(">" + column._typecode)  # big-endian, as the column's struct format writes it
    values = np.frombuffer(column._dbfile.get(column._basepos, column._count * column._fixedlen), dtype=dtype)
    missing = np.full(max(doccount - column._count, 0), column._default, dtype=dtype)
    return np.concatenate([values, missing]).astype(dtype.newbyteorder("="))


@dataclass(frozen=True)
class FacetColumn:
    """A field's values in one segment as doc values: entry i says that document docs[i] has the
    value values[ordinals[i]]."""

    values: list
    docs: np.ndarray
    ordinals: np.ndarray


def facet_column(reader, fieldname):
    """The field's FacetColumn, read from its postings once."""
    field = reader.schema[fieldname]
    values, docs, ordinals = [], [], []
    for text in reader.lexicon(fieldname):
        ids = list(reader.postings(fieldname, text).all_ids())
        docs += ids
        ordinals += [len(values)] * len(ids)
        values.append(field.from_bytes(text))
    return FacetColumn(values, np.array(docs, dtype=np.int64), np.array(ordinals, dtype=np.int64))


def global_ordinals(readers, fieldname):
    """For the segments of one searcher: the field's values across all of them, sorted, and per
    segment its FacetColumn with each entry's position in that list (as native engines keep
    "global ordinals"), so that counts from every segment add up as arrays."""
    key = ("global_ordinals", tuple(r.segment().segment_id() for r in readers), fieldname)
    found = _by_segment.get(key)
    if found is None:
        columns = [per_segment(reader, fieldname, facet_column) for reader in readers]
        values = sorted(set().union(*(column.values for column in columns)))
        position = {value: i for i, value in enumerate(values)}
        entries = [
            np.array([position[v] for v in column.values], dtype=np.int64)[column.ordinals]
            if column.values
            else column.ordinals
            for column in columns
        ]
        found = (values, columns, entries)
        with _lock:
            if len(_by_segment) >= MAX_ENTRIES:
                _by_segment.clear()
            _by_segment[key] = found
    return found


def per_segment(reader, fieldname, build):
    """build(reader, fieldname) for this segment, kept until the segment is gone."""
    key = (build.__qualname__, reader.segment().segment_id(), fieldname)
    value = _by_segment.get(key)
    if value is None:
        value = build(reader, fieldname)
        with _lock:
            if len(_by_segment) >= MAX_ENTRIES:
                _by_segment.clear()
            _by_segment[key] = value
    return value
