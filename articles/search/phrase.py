"""Exact phrases, matched by comparing word positions directly.

Whoosh's own Phrase hands every candidate document to its general span machinery (SpanNear2), which
builds span objects for each occurrence of each word: a two-word phrase cost five times a one-word
search. `AdjacentWords` finds the same documents (the words side by side, in order) by walking the
intersection of the words' postings and checking, per candidate, whether some position of the first
word is followed by the others. Everything else (terms, highlighting, normalising) is Phrase's.
"""

from whoosh import matching
from whoosh import query as wq


class _Matches(matching.ListMatcher):
    """The phrase's documents and scores. ListMatcher recomputes max(weights) on every
    block_max_weight(), which a union with other fields asks for at every step: most of a common
    phrase's search. The maximum never changes, so it is taken once."""

    def __init__(self, ids, weights):
        super().__init__(ids, weights=weights)
        self._max_weight = max(weights)

    def block_max_weight(self):
        return self._max_weight


class AdjacentWords(wq.Phrase):
    def matcher(self, searcher, context=None):
        if self.slop != 1 or len(self.words) < 2:
            return super().matcher(searcher, context)
        field = searcher.schema[self.fieldname] if self.fieldname in searcher.schema else None
        if field is None or not field.format or not field.format.supports("positions"):
            return super().matcher(searcher, context)  # raises Whoosh's own error
        try:
            words = [field.to_bytes(word) for word in self.words]
        except ValueError:
            return matching.NullMatcher()
        reader = searcher.reader()
        if any((self.fieldname, word) not in reader for word in words):
            return matching.NullMatcher()

        both = wq.And([wq.Term(self.fieldname, word) for word in words]).matcher(searcher, context)
        leaves = {leaf.term()[1]: leaf for leaf in both.term_matchers()}
        first, rest = leaves[words[0]], [leaves[word] for word in words[1:]]
        ids, scores = [], []
        while both.is_active():
            # the intersection keeps every word's matcher on the current document
            following = [set(leaf.value_as("positions")) for leaf in rest]
            starts = first.value_as("positions")
            if any(all(p + i in after for i, after in enumerate(following, 1)) for p in starts):
                ids.append(both.id())
                scores.append(both.score() * self.boost)
            both.next()
        return _Matches(ids, scores) if ids else matching.NullMatcher()


def adjacent_words(query):
    """The query with every Phrase replaced by an AdjacentWords of the same field, words and boost."""
    if type(query) is wq.Phrase:
        return AdjacentWords(
            query.fieldname, query.words, slop=query.slop, boost=query.boost, char_ranges=query.char_ranges
        )
    return query.apply(adjacent_words)
