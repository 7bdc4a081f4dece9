"""Term-at-a-time search: a query's matches and BM25F scores in one segment, as numpy arrays.

Whoosh evaluates a query document-at-a-time: a tree of matchers steps through every matching
document in Python and scores it, and for a common word that walk was most of a first search
(docs/benchmarks.md has the figures). Here each term's posting list
is decoded a block at a time into arrays, scored with one vectorised BM25F over the segment's field
lengths, and combined with sorted-array set operations.

The documents and scores are Whoosh's own (tests/test_search_term_at_a_time.py compares them query
by query). A query with a node not handled here raises Unsupported, and the caller takes Whoosh's
path; so does a posting list in a format other than the Whoosh 3 codec's blocks.
"""

import threading
from bisect import insort
from collections import OrderedDict
from functools import cached_property
from pickle import loads
from typing import NamedTuple
from zlib import decompress

import numpy as np
from whoosh import formats, scoring
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher

from articles.search import flat_postings, positions
from articles.search.analysis import pairs_field, word_pairs
from articles.search.phrase import AdjacentWords
from articles.search.ranges import ColumnRange, sorted_column
from articles.search.scoring import field_lengths
from articles.search.segments import column_values, per_segment

_NO_IDS = np.empty(0, dtype=np.int64)


class _DecodedLists:
    """The decoded ids and weights of the longest posting lists read lately, up to a byte budget,
    least recently used first out. A segment never changes, so a list stays right until its segment
    is merged away; deletions are applied on every read. Common words recur across different
    searches (a name, then the name in a region, then sorted by date): only the first decodes."""

    BUDGET = 48 * 2**20  # bytes a worker spends on it: 16 per posting, ~3 million postings
    SMALLEST = 2048  # a shorter list decodes in well under a millisecond: not worth keeping

    def __init__(self):
        self._lists, self._bytes, self._lock = OrderedDict(), 0, threading.Lock()

    def get(self, key):
        with self._lock:
            found = self._lists.get(key)
            if found is not None:
                self._lists.move_to_end(key)
            return found

    def put(self, key, found):
        size = found[0].nbytes + found[1].nbytes
        if len(found[0]) < self.SMALLEST or size > self.BUDGET:
            return
        for array in found[:2]:
            array.flags.writeable = False  # shared by every search that reads it
        with self._lock:
            if key in self._lists:
                return
            self._lists[key] = found
            self._bytes += size
            while self._bytes > self.BUDGET:
                _, (ids, weights, _) = self._lists.popitem(last=False)
                self._bytes -= ids.nbytes + weights.nbytes


_decoded_lists = _DecodedLists()


class Unsupported(Exception):
    """A query this module does not evaluate: use Whoosh's matchers instead."""


class Matches(NamedTuple):
    """Matching document numbers of one segment, ascending, and each one's score (None: unscored)."""

    ids: np.ndarray
    scores: np.ndarray | None

    @classmethod
    def none(cls, scored):
        return cls(_NO_IDS, np.empty(0) if scored else None)


def evaluate(searcher, query, scored=True):
    """Matches of `query` in the segment of the leaf `searcher` (a sub-searcher of the top one, whose
    statistics BM25F reads); scores only when `scored`."""
    return _Evaluation(searcher, scored).run(query)


class _Evaluation:
    def __init__(self, searcher, scored):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.scored = scored

    def run(self, query):
        for kind in type(query).__mro__:  # the backend's Require is Whoosh's, scored the same way
            if kind in HANDLERS:
                return HANDLERS[kind](self, query)
        raise Unsupported(type(query).__name__)

    # Leaves ------------------------------------------------------------------------------------------

    def term(self, query):
        postings = self._postings(query.fieldname, query.text)
        if postings is None:
            return Matches.none(self.scored)
        ids, weights, _ = postings
        if not self.scored:
            return Matches(ids, None)
        scores = self._bm25f(query.fieldname, query.text, ids, weights)
        if query.boost != 1.0:
            scores = scores * query.boost
        return Matches(ids, scores)

    def phrase(self, query):
        """Documents with the words side by side, scored as the And of the words' terms (as
        AdjacentWords scores them), times the phrase's boost."""
        if query.slop != 1 or len(query.words) < 2:
            raise Unsupported("phrase with slop")
        field = self.searcher.schema[query.fieldname] if query.fieldname in self.searcher.schema else None
        if field is None or type(field.format) is not formats.Positions:
            raise Unsupported("phrase on a field without Whoosh's positions format")
        pairs = per_segment(self.reader, query.fieldname, has_pairs)  # not in a segment from before them
        if pairs:
            common = self._holding_pairs(query)
            if not len(common):
                return Matches.none(self.scored)
        check = not pairs or len(query.words) > 2  # two words are their pair; more must be in order
        lists = [self._postings(query.fieldname, word, values=check) for word in query.words]
        if any(postings is None for postings in lists):
            return Matches.none(self.scored)
        if not pairs:
            common = _common([ids for ids, _, _ in lists])
            if not len(common):
                return Matches.none(self.scored)
        where = [np.searchsorted(ids, common) for ids, _, _ in lists]
        keep = np.ones(len(common), dtype=bool)
        if check:
            # A start position of the first word, as (candidate, position), that every later word
            # has at its own offset: the words side by side, in order.
            starts = _positions(lists[0][2], where[0])
            for offset, ((_, _, values), at) in enumerate(zip(lists[1:], where[1:], strict=True), 1):
                starts = np.intersect1d(starts, _positions(values, at) - offset)
            keep[:] = False
            keep[starts >> 32] = True
        ids = common[keep]
        if not self.scored:
            return Matches(ids, None)
        # AdjacentWords scores a match as the And of the words' terms, times the phrase's boost.
        words = [
            Matches(ids, self._bm25f(query.fieldname, word, ids, weights[at[keep]]))
            for word, (_, weights, _), at in zip(query.words, lists, where, strict=True)
        ]
        sizes = [-self._size(wq.Term(query.fieldname, w)) for w in query.words] if len(words) > 2 else [0, 1]
        scores = _weighted_tree(words, sizes, _intersection).scores
        return Matches(ids, scores * query.boost if query.boost != 1.0 else scores)

    def _holding_pairs(self, query):
        """The documents that hold every adjacent pair of the phrase's words."""
        lists = [self._postings(pairs_field(query.fieldname), pair) for pair in word_pairs(query.words)]
        if any(postings is None for postings in lists):
            return _NO_IDS
        return _common([ids for ids, _, _ in lists])

    def column_range(self, query):
        reader = self.reader
        if query.fieldname not in reader.schema or not reader.has_column(query.fieldname):
            raise Unsupported("range without a column")
        values, docs = per_segment(reader, query.fieldname, sorted_column)
        lo, hi = query.bounds(values)
        ids = self._live(np.sort(np.asarray(docs[lo:hi], dtype=np.int64)))
        return Matches(ids, np.full(len(ids), float(query.boost)) if self.scored else None)

    def every(self, query):
        if query.fieldname not in (None, "", "*"):
            raise Unsupported("Every on a field")  # walks the field's terms
        ids = self._live(np.arange(self.reader.doc_count_all()))
        return Matches(ids, np.full(len(ids), float(query.boost)) if self.scored else None)

    def null(self, query):
        return Matches.none(self.scored)

    # Compounds ---------------------------------------------------------------------------------------

    # Scores add up in the order Whoosh's matcher tree adds them (a rounding apart would reorder
    # documents that Whoosh ties): two parts in any order; more, as CompoundQuery builds the tree.

    def all_of(self, query):
        subs = query.subqueries
        if len(subs) < 2:
            return self.run(subs[0]) if subs else Matches.none(self.scored)
        parts = [self._inverse(sub.query) if isinstance(sub, wq.Not) else self.run(sub) for sub in subs]
        if not self.scored:
            return Matches(_common([part.ids for part in parts]), None)
        weights = [-self._size(sub) for sub in subs] if len(subs) > 2 else [0, 1]
        return _boosted(_weighted_tree(parts, weights, _intersection), query.boost)

    def any_of(self, query):
        if query.scale or query.minmatch:
            raise Unsupported("Or with scale or minmatch")
        subs = query.subqueries
        if len(subs) < 2:
            return self.run(subs[0]) if subs else Matches.none(self.scored)
        parts = [self.run(sub) for sub in subs]
        if not self.scored:
            return Matches(np.unique(np.concatenate([part.ids for part in parts])), None)
        if len(subs) == 2 or self.reader.doc_count_all() > 5000:  # Or's DefaultOr: a tree of unions
            weights = [self._size(sub) for sub in subs] if len(subs) > 2 else [0, 1]
            return _boosted(_weighted_tree(parts, weights, _union), query.boost)
        # PreloadedOr: an array of scores, each part's (times the boost) added in turn
        ids = np.unique(np.concatenate([part.ids for part in parts]))
        scores = np.zeros(len(ids))
        for part in parts:
            scores[np.searchsorted(ids, part.ids)] += part.scores * query.boost
        return Matches(ids, scores)

    def and_not(self, query):
        positive, negative = self.run(query.a), self._unscored(query.b)
        keep = ~np.isin(positive.ids, negative.ids, assume_unique=True)
        return Matches(positive.ids[keep], positive.scores[keep] if self.scored else None)

    def require(self, query):
        scored, required = self.run(query.a), self._unscored(query.b)
        keep = np.isin(scored.ids, required.ids, assume_unique=True)
        return Matches(scored.ids[keep], scored.scores[keep] if self.scored else None)

    def and_maybe(self, query):
        return _boosted(_union(self.run(query.a), self.run(query.b), only=0), query.boost)

    # Helpers -----------------------------------------------------------------------------------------

    def _unscored(self, query):
        if not self.scored:
            return self.run(query)
        return _Evaluation(self.searcher, scored=False).run(query)

    def _inverse(self, query):
        """Not(query) inside an And: every live document the query misses, scored 1 (InverseMatcher)."""
        missed = np.setdiff1d(self._live(np.arange(self.reader.doc_count_all())), self._unscored(query).ids)
        return Matches(missed, np.ones(len(missed)) if self.scored else None)

    def _size(self, query):
        return query.estimate_size(self.reader)

    def _postings(self, fieldname, text, values=False):
        """(ids, weights, values or None) of a term's live postings in this segment, or None."""
        schema = self.searcher.schema
        if fieldname not in schema:
            return None
        try:
            btext = schema[fieldname].to_bytes(text)
        except ValueError:
            return None
        if (fieldname, btext) not in self.reader:
            return None
        key = (self.reader.segment().segment_id(), fieldname, btext)
        found = None if values else _decoded_lists.get(key)
        if found is None:
            flat = flat_postings.postings(self.reader, fieldname, btext, positions=values)
            found = flat if values or flat is None else (*flat, None)
        if found is None:
            matcher = self.reader.postings(fieldname, btext)
            found = decode_blocks(getattr(matcher, "child", matcher), values)
            if not values:
                _decoded_lists.put(key, found)
        ids, weights, kept = found
        if self.reader.has_deletions():
            live = ~np.isin(ids, self._deleted)
            ids, weights = ids[live], weights[live]
            if isinstance(kept, list):
                kept = [v for v, keep in zip(kept, live, strict=True) if keep]
            elif kept is not None:
                kept = kept[live]
        return (ids, weights, kept) if len(ids) else None

    def _bm25f(self, fieldname, text, ids, weights):
        """The term's score in each of `ids`, as Whoosh's BM25FScorer computes it one at a time."""
        scorer = self.searcher.weighting.scorer(
            self.searcher, fieldname, self.searcher.schema[fieldname].to_bytes(text)
        )
        if type(scorer) is scoring.WeightScorer:
            return weights
        if not isinstance(scorer, scoring.BM25FScorer):
            raise Unsupported(type(scorer).__name__)
        lengths = per_segment(self.reader, fieldname, field_lengths)
        if lengths is None:
            raise Unsupported("a field without per-document lengths")
        fl = lengths[ids]
        idf, tf, K1, B, avgfl = scorer.idf, weights, scorer.K1, scorer.B, scorer.avgfl
        return idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))  # scoring.bm25's order

    def _live(self, ids):
        return ids[~np.isin(ids, self._deleted)] if self.reader.has_deletions() else ids

    @cached_property
    def _deleted(self):
        # What SegmentReader.postings reads to hide deleted documents (it has no public accessor).
        return np.fromiter(self.reader._perdoc.deleted_docs(), dtype=np.int64)


HANDLERS = {
    wq.Term: _Evaluation.term,
    wq.Phrase: _Evaluation.phrase,
    AdjacentWords: _Evaluation.phrase,
    ColumnRange: _Evaluation.column_range,
    wq.And: _Evaluation.all_of,
    wq.Or: _Evaluation.any_of,
    wq.AndNot: _Evaluation.and_not,
    wq.Require: _Evaluation.require,
    wq.AndMaybe: _Evaluation.and_maybe,
    wq.Every: _Evaluation.every,
    type(wq.NullQuery): _Evaluation.null,
}


def has_pairs(reader, fieldname):
    """Whether this segment indexed the field's word pairs (PHRASE_FIELDS, articles/search/backend.py)."""
    pairs = pairs_field(fieldname)
    return pairs in reader.schema and any(True for _ in reader.lexicon(pairs))


def _positions(values, at):
    """Each candidate's positions of a word as one sorted array of candidate << 32 | position; `at`
    holds the candidates' places among the word's postings, whose `values` are flat Positions or
    Whoosh's encoded values."""
    if isinstance(values, flat_postings.Positions):
        owners, found = values[at].owned()
        return (owners << 32) | found
    try:
        owners, found = positions.decode([values[i] for i in at.tolist()])
    except positions.NotPositions as error:
        raise Unsupported(str(error)) from None
    return (owners << 32) | found


def _common(id_arrays):
    """The ids in every one of the sorted, unique `id_arrays`."""
    common = id_arrays[0]
    for ids in id_arrays[1:]:
        common = np.intersect1d(common, ids, assume_unique=True)
    return common


def _weighted_tree(parts, weights, combine):
    """Whoosh's make_weighted_tree over Matches: the two lightest parts are combined first, and the
    result goes back in after any part of the same weight."""
    queue = sorted(zip(weights, range(len(parts)), parts, strict=True), key=lambda item: item[:2])
    order = len(parts)
    while len(queue) > 1:
        (wa, _, a), (wb, _, b) = queue.pop(0), queue.pop(0)
        insort(queue, (wa + wb, order, combine(a, b)), key=lambda item: item[:2])
        order += 1
    return queue[0][2]


def _intersection(a, b):
    ids, at_a, at_b = np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)
    return Matches(ids, a.scores[at_a] + b.scores[at_b])


def _union(a, b, only=None):
    """Documents of either (or, with only=0, of `a`), scored a + b where both match."""
    ids = a.ids if only == 0 else np.union1d(a.ids, b.ids)
    scores = np.zeros(len(ids))
    scores[np.searchsorted(ids, a.ids)] = a.scores
    at = np.searchsorted(ids, b.ids)
    inside = at < len(ids)
    inside[inside] &= ids[at[inside]] == b.ids[inside]
    scores[at[inside]] += b.scores[inside]
    return Matches(ids, scores)


def _boosted(matches, boost):
    return matches if boost == 1.0 else Matches(matches.ids, matches.scores * boost)


def decode_blocks(matcher, values=False):
    """A posting list's ids, weights and (when `values`) per-posting values, read block by block
    from the Whoosh 3 codec's format: each block a pickled (delta-coded ids, weights, values)."""
    if not isinstance(matcher, W3LeafMatcher):
        raise Unsupported(type(matcher).__name__)
    id_blocks, weight_blocks, kept = [], [], [] if values else None
    while True:
        count = matcher._blocklength
        data = matcher._postfile.get(matcher._dataoffset, matcher._nextoffset - matcher._dataoffset)
        if matcher._compression:
            data = decompress(data)
        ids, weights, block_values = loads(data)
        block_ids = np.cumsum(np.asarray(ids, dtype=np.int64))
        id_blocks.append(block_ids)
        if weights is None:
            weight_blocks.append(np.ones(count))
        elif isinstance(weights, float):
            weight_blocks.append(np.full(count, weights))
        else:
            weight_blocks.append(np.asarray(weights, dtype=np.float64))
        if values:
            kept.extend(block_values)
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)
    return np.concatenate(id_blocks), np.concatenate(weight_blocks), kept


def collect(searcher, query, filter_query=None, limit=10, sort=None):
    """Every document of the index matching `query` (and `filter_query`), as global numbers, and the
    first `limit` of them as Whoosh's collectors give them: [(score, docnum)] by score, then number
    (TopCollector); or with `sort` = (field, reverse), [(value, docnum)] in ColumnSort's order."""
    docs, keys = [], []
    for sub, offset in searcher.leaf_searchers():
        matches = evaluate(sub, query, scored=sort is None)
        if filter_query is not None and len(matches.ids):
            allowed = evaluate(sub, filter_query, scored=False).ids
            keep = np.isin(matches.ids, allowed, assume_unique=True)
            matches = Matches(matches.ids[keep], None if matches.scores is None else matches.scores[keep])
        docs.append(matches.ids + offset)
        if sort is None:
            keys.append(matches.scores)
        else:
            column = per_segment(sub.reader(), sort[0], column_values)
            if column.dtype.kind not in "iu":
                raise Unsupported("a sort column that is not numeric")
            keys.append(column[matches.ids])
    docs = np.concatenate(docs) if docs else _NO_IDS
    keys = np.concatenate(keys) if keys else np.empty(0)
    if sort is None:
        order = np.lexsort((docs, -keys))[:limit]
    else:
        order = _column_order(searcher, sort, docs, keys)[:limit]
    return docs, list(zip(keys[order].tolist(), docs[order].tolist(), strict=True))


def _column_order(searcher, sort, docs, keys):
    """ColumnSort's order: by value then number, reversed for `reverse`; documents without a value
    (the column's default) last either way."""
    fieldname, reverse = sort
    missing = keys == searcher.schema[fieldname].default
    present, absent = np.flatnonzero(~missing), np.flatnonzero(missing)
    present = present[np.lexsort((docs[present], keys[present]))]
    absent = absent[np.argsort(docs[absent])]
    if reverse:
        present, absent = present[::-1], absent[::-1]
    return np.concatenate([present, absent])
