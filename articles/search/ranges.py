"""Date (and number) ranges answered from the field's sortable column.

Whoosh matches a NumericRange by expanding it into the union of every indexed term inside the range,
merged document by document in Python. The search form's date filter is two open-ended ranges
("from" and "to"), each of which covers most of the archive, so the expansion walks most of the
index. `ColumnRange` instead keeps, per segment, the column's values sorted with their document
numbers and cuts the range out of them with two binary searches.
"""

import numpy as np
from whoosh import matching
from whoosh import query as wq

from articles.search.segments import column_values, per_segment


def sorted_column(reader, fieldname):
    """The documents of one segment that have a value in the field, as (values, docnums) by value."""
    missing = reader.schema[fieldname].default  # what the column holds for a document without one
    column = per_segment(reader, fieldname, column_values)  # shared with the date sorts
    docs = np.flatnonzero(column != missing)
    docs = docs[np.argsort(column[docs], kind="stable")]
    return column[docs], docs


class ColumnRange(wq.NumericRange):
    def bounds(self, values):
        """(lo, hi): the slice of the sorted `values` inside the range."""
        lo, hi = 0, len(values)
        if self.start is not None:
            lo = np.searchsorted(values, self.start, side="right" if self.startexcl else "left")
        if self.end is not None:
            hi = np.searchsorted(values, self.end, side="left" if self.endexcl else "right")
        return lo, hi

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        # Whoosh searches segment by segment; anything else gets Whoosh's own range.
        if (
            not reader.is_atomic()
            or self.fieldname not in reader.schema
            or not reader.has_column(self.fieldname)
        ):
            return super().matcher(searcher, context)
        values, docs = per_segment(reader, self.fieldname, sorted_column)
        lo, hi = self.bounds(values)
        ids = np.sort(docs[lo:hi]).tolist()
        if reader.has_deletions():
            ids = [d for d in ids if not reader.is_deleted(d)]
        if not ids:
            return matching.NullMatcher()
        return matching.ListMatcher(ids, all_weights=self.boost)


def _tighter(a, b, lower):
    """The tighter of two (value, exclusive) bounds, both lower or both upper; None is no bound."""
    if a[0] is None or b[0] is None:
        return b if a[0] is None else a
    if a[0] == b[0]:
        return a[0], a[1] or b[1]
    return max(a, b) if lower else min(a, b)


def _narrower(a, b):
    """One range for two ranges on the same field: what both allow."""
    start, startexcl = _tighter((a.start, a.startexcl), (b.start, b.startexcl), lower=True)
    end, endexcl = _tighter((a.end, a.endexcl), (b.end, b.endexcl), lower=False)
    return ColumnRange(a.fieldname, start, end, startexcl, endexcl, boost=a.boost)


def column_ranges(query):
    """The query with each NumericRange (DateRange included) replaced by a ColumnRange, and the
    ranges on one field joined by an And merged into one."""
    if isinstance(query, wq.NumericRange) and not isinstance(query, ColumnRange):
        return ColumnRange(
            query.fieldname, query.start, query.end, query.startexcl, query.endexcl, boost=query.boost
        )
    query = query.apply(column_ranges)
    if not isinstance(query, wq.And):
        return query
    ranges = {}
    for sub in query.subqueries:
        if isinstance(sub, ColumnRange):
            field = sub.fieldname
            ranges[field] = _narrower(ranges[field], sub) if field in ranges else sub
    subqueries = [sub for sub in query.subqueries if not isinstance(sub, ColumnRange)] + list(ranges.values())
    if len(subqueries) == 1:
        return subqueries[0]
    return wq.And(subqueries, boost=query.boost)
