"""Values derived from one Whoosh segment, built once and kept.

A segment never changes once written (deletions only hide documents, and callers check them), so
what facets and date ranges read from a field can be computed on the first search that needs it and
reused by every later one in the process.
"""

import threading

_by_segment = {}  # (what, segment id, field) → the value built for it
_lock = threading.Lock()
MAX_ENTRIES = 256  # more means segments merged away or older index generations: start over


def column_values(reader, fieldname):
    """Each document's value in the field's sortable column, as Whoosh sorts on it, by number."""
    return list(reader.column_reader(fieldname, translate=False))


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
