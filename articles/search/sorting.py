"""Search results sorted on one sortable field (the "newest" and "oldest" orders)."""

import heapq

from whoosh import collectors

from articles.search.segments import column_values, per_segment


class ColumnSort(collectors.Collector):
    """Whoosh's SortingCollector for one sortable field, in the same order (value, then document
    number; reversed for "newest"), except that documents without a value come last both ways, as in
    the archive's own lists. (Whoosh's column holds a large default for them, which put undated
    articles first in "newest".)

    The key is read from a list kept per segment instead of through a categorizer per hit, and only
    the page's top is sorted: a common word sorted newest first otherwise spends most of its time
    keying and sorting every hit."""

    def __init__(self, fieldname, limit, reverse):
        super().__init__()
        self.fieldname, self.limit, self.reverse = fieldname, limit, reverse

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context.set(weighting=None))  # no scores needed
        self.items, self.without = [], []
        self.missing = top_searcher.schema[self.fieldname].default

    def set_subsearcher(self, subsearcher, offset):
        super().set_subsearcher(subsearcher, offset)
        self.keys = per_segment(subsearcher.reader(), self.fieldname, column_values).tolist()

    def collect(self, sub_docnum):
        key = self.keys[sub_docnum]
        (self.without if key == self.missing else self.items).append((key, self.offset + sub_docnum))

    def count(self):
        return len(self.items) + len(self.without)

    def all_ids(self):
        return [doc for _, doc in self.items + self.without]

    def results(self):
        top = (heapq.nlargest if self.reverse else heapq.nsmallest)(self.limit, self.items)
        top += sorted(self.without, reverse=self.reverse)[: self.limit - len(top)]
        return self._results(top, docset=set(self.all_ids()))
