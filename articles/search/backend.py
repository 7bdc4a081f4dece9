"""Haystack's Whoosh engine, adapted to Indonesian news and to an index that must stay available.

What differs from haystack.backends.whoosh_backend (docs/search.md lists each deviation and why):

- Schema: facet and keyword fields are stored whole (ID / KEYWORD), so "Jawa Barat" is one facet
  value; fields that are only displayed are STORED, not indexed; text fields read several tokens
  from one query word ("walikota" → "wali kota") as a phrase.
- Storage: the index lives in generations under PATH (articles/search/storage.py). `clear`/`rebuild`
  build a new generation and swap it in, so searches keep answering; every writer holds the folder's
  inter-process lock, so concurrent processes queue instead of failing.
- Search: `*` runs as Every() over all documents, narrow queries become a filter without an
  unlimited search, one searcher is reused until the index changes, a page past the end keeps the
  total count, date and query facets are counted from the same pass, more_like_this is paged and
  filtered like a search, and a spelling_query gets its suggestion in the same run when nothing was
  found. Haystack's own Whoosh tests run against this engine in CI (scripts/haystack-upstream.sh).
- Time zones: datetimes go in and are compared as naive UTC; they come back aware (UTC).
- Highlighting is not the engine's: pages mark results with articles.search.highlighting.
"""

import logging
from datetime import UTC, date, datetime, time

import numpy as np
from django.conf import settings
from django.utils import timezone
from haystack.backends import log_query
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SearchBackendError, SkipDocument
from haystack.utils import get_identifier, get_model_ct
from whoosh import collectors, formats
from whoosh import query as wq
from whoosh.fields import DATETIME, KEYWORD, STORED, TEXT, FieldType
from whoosh.fields import ID as WHOOSH_ID
from whoosh.index import EmptyIndexError
from whoosh.matching import RequireMatcher
from whoosh.qparser import FuzzyTermPlugin, QueryParser
from whoosh.searching import Results, ResultsPage
from whoosh.support.relativedelta import relativedelta
from whoosh.util.times import datetime_to_long

from articles.search import flat_postings, positions, result_cache, term_at_a_time
from articles.search.analysis import WordPairFilter, fold, pairs_field
from articles.search.phrase import adjacent_words
from articles.search.query import parse
from articles.search.ranges import column_ranges, sorted_column
from articles.search.scoring import BM25F, field_lengths
from articles.search.segments import column_values, global_ordinals, per_segment
from articles.search.sorting import ColumnSort
from articles.search.storage import IndexFolder
from articles.search.writers import ParallelWriter

log = logging.getLogger(__name__)

WRITER_TIMEOUT = 120  # seconds to wait for Whoosh's own lock if a foreign writer holds it
LIMIT_MB = 256  # writer memory before it spills a run to disk
MLT_TERMS = 12  # key terms a more-like-this query is made of
MLT_SOURCE_CHARS = 4000  # of the stored text those terms are picked from: a lead says what a story is
PARALLEL_FROM_DOCUMENTS = 2000  # a smaller write is over before extra writer processes have started


def utc_naive(value):
    """A datetime as naive UTC (naive input is read in the site's time zone); dates become midnight."""
    if isinstance(value, datetime):
        if timezone.is_naive(value):
            if not settings.USE_TZ:
                return value
            value = timezone.make_aware(value, timezone.get_default_timezone())
        return value.astimezone(UTC).replace(tzinfo=None)
    if isinstance(value, date):
        return _as_datetime(value)
    return value


def _as_datetime(value):
    """A date as its midnight; a datetime unchanged (a date facet's bounds may be either)."""
    return value if isinstance(value, datetime) else datetime.combine(value, time.min)


class WordPairs(FieldType):
    """A phrase field's adjacent word pairs as terms (PHRASE_FIELDS), present or absent: no
    frequencies, positions or lengths, so its postings are document numbers only. A search reads
    them for the documents that hold a phrase (articles/search/term_at_a_time.py)."""

    def __init__(self, analyzer):
        super().__init__(formats.Existence(), analyzer=analyzer | WordPairFilter(), scorable=False)


class RangeDATETIME(DATETIME):
    """Whoosh's DATETIME drops the exclusive ends of a parsed range (`{a to b}`), so Haystack's
    `__lt` and `__gt` matched their own bound; this keeps them exclusive."""

    def parse_range(self, fieldname, start, end, startexcl, endexcl, boost=1.0):
        query = super().parse_range(fieldname, start, end, startexcl, endexcl, boost=boost)
        if not isinstance(query, wq.NumericRange):
            return query
        query.startexcl = startexcl and start is not None
        if endexcl and end is not None:
            query.end, query.endexcl = datetime_to_long(self._parse_datestring(end).floor()), True
        return query


class _EveryMatch(collectors.WrappingCollector):
    """Wraps the top-N collector and keeps the number of every matching document, for the total and
    the facet counts. Whoosh's own FacetCollector instead runs each facet's categorizer per hit in
    Python and makes the child collect (and sort) every hit: most of a search's time."""

    def prepare(self, top_searcher, q, context):
        self.docs = []
        self.child.prepare(top_searcher, q, context)

    def collect(self, sub_docnum):
        self.docs.append(self.offset + sub_docnum)
        return self.child.collect(sub_docnum)

    def all_ids(self):
        return self.docs

    def count(self):
        return len(self.docs)


class _Collected(Results):
    """Whoosh's Results for a page collected term at a time: the top documents, and the number of
    all of them (Whoosh's own would run the query again to count them)."""

    def __init__(self, searcher, query, top, total):
        super().__init__(searcher, query, top)
        self.total = total

    def __len__(self):
        return self.total


class Require(wq.Require):
    """Documents of the first query that the second also matches, scored by the first alone. Whoosh
    2.7's own Require builds an AndNot matcher, the opposite; this one builds the RequireMatcher."""

    def matcher(self, searcher, context=None):
        scored = self.a.matcher(searcher, context)
        return RequireMatcher(scored, self.b.matcher(searcher, searcher.boolean_context()))


def facet_counts(searcher, docs, fieldnames, limits=None):
    """{field: [(value, count), …]} over the documents `docs` (global numbers), most frequent first;
    only the first `limits[field]` of a field given a limit.

    Per segment, the matches become a boolean mask, and each field's values are counted with one
    bincount over the segment's doc values in global ordinals (segments.global_ordinals): no Python
    step per match or per value."""
    docs = np.sort(np.asarray(docs, dtype=np.int64))
    readers, masks = [], []
    for subsearcher, offset in searcher.leaf_searchers():
        reader = subsearcher.reader()
        size = reader.doc_count_all()
        lo, hi = np.searchsorted(docs, [offset, offset + size])
        matched = np.zeros(size, dtype=bool)
        matched[docs[lo:hi] - offset] = True
        readers.append(reader)
        masks.append(matched)
    counts = {}
    for name in fieldnames:
        values, columns, entries = global_ordinals(readers, name)
        total = np.zeros(len(values), dtype=np.int64)
        for matched, column, ordinals in zip(masks, columns, entries, strict=True):
            total += np.bincount(ordinals[matched[column.docs]], minlength=len(values))
        counted = np.flatnonzero(total)
        order = counted[np.lexsort((counted, -total[counted]))]  # by count, then value (sorted)
        order = order[: (limits or {}).get(name)]
        counts[name] = list(zip(map(values.__getitem__, order.tolist()), total[order].tolist(), strict=True))
    return counts


def _limits(facets):
    """{field: the most values to return} from Haystack's facet options (`facet(name, limit=…)`)."""
    if not isinstance(facets, dict):  # a plain list of names, as Haystack's own tests pass them
        return {}
    return {name: options.get("limit") for name, options in facets.items()}


def write_flat_postings(index, phrase_fields=()):
    """The longest posting lists of the scored fields, flat beside each segment that has none, with
    positions for the phrase fields (articles/search/flat_postings.py); returns how many segments
    it wrote. Not the word pairs: their blocks hold ids only and decode in a tenth of the time, and
    finding their long lists means reading millions of terms."""
    scored = [name for name, field in index.schema.items() if field.scorable]
    return flat_postings.write_missing(index, scored, phrase_fields, _decoded_for_flat)


def _decoded_for_flat(matcher, with_positions):
    ids, weights, values = term_at_a_time.decode_blocks(matcher, with_positions)
    return (ids, weights, positions.decode(values)) if with_positions else (ids, weights)


class IndonesianWhooshSearchQuery(WhooshSearchQuery):
    def _convert_datetime(self, date):
        # Haystack calls this on what _from_python returned, which is naive UTC already: converting a
        # naive value again would read it as local time and shift every date filter by the UTC offset.
        if isinstance(date, datetime) and timezone.is_aware(date):
            date = utc_naive(date)
        return super()._convert_datetime(date)


class IndonesianWhooshBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        if not self.use_file_storage:
            raise ValueError("IndonesianWhooshBackend needs STORAGE 'file'")
        self.folder = IndexFolder(self.path)
        self.spelling_field = connection_options.get("SPELLING_FIELD")  # default: the document field
        self.more_like_this_fields = connection_options.get("MORE_LIKE_THIS_FIELDS")
        self.phrase_fields = connection_options.get("PHRASE_FIELDS", [])
        self.generation = None
        self._searcher = None

    # Opening the current generation ------------------------------------------------------------------

    def setup(self):
        from haystack import connections

        self.content_field_name, self.schema = self.build_schema(
            connections[self.connection_alias].get_unified_index().all_searchfields()
        )
        self.parser = QueryParser(self.content_field_name, schema=self.schema)
        self.parser.add_plugins([FuzzyTermPlugin])

        with self.folder.write_lock():
            name = self.folder.current()
            if name is None or not self.folder.exists(name):
                name = self.folder.new_generation()
                self.folder.storage(name).create_index(self.schema)
                self.folder.point_current_at(name)
        self._open(name)
        self.setup_complete = True

    def _open(self, name):
        self._close_searcher()
        self.generation = name
        self.storage = self.folder.storage(name)
        try:
            self.index = self.storage.open_index(schema=self.schema)
        except EmptyIndexError:
            self.index = self.storage.create_index(self.schema)

    def _refresh_index(self):
        """Set up on first use, follow a swap made by another process, and see the latest commit."""
        if not self.setup_complete:
            self.setup()
        name = self.folder.current()
        if name and name != self.generation:
            self._open(name)
        self.index = self.index.refresh()

    def _close_searcher(self):
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def searcher(self):
        """The shared searcher, refreshed only when a commit or swap happened since the last query."""
        self._refresh_index()
        if self._searcher is None:
            self._searcher = self.index.searcher(weighting=BM25F())
        else:
            self._searcher = self._searcher.refresh()
        return self._searcher

    # Schema ------------------------------------------------------------------------------------------

    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        # Suggestions come from the SPELLING_FIELD when the index has one (ours: text_exact, unstemmed
        # already); otherwise, as in the stock backend, from the unstemmed words Whoosh keeps beside
        # the document field.
        spell_document = self.spelling_field not in {f.index_fieldname for f in fields.values()}
        for field in fields.values():
            name = field.index_fieldname
            if not field.indexed and field.field_type == "string":
                new = STORED()  # text shown, never searched (the body): no postings to store
            elif field.is_multivalued:
                new = KEYWORD(stored=field.stored, commas=True, scorable=True)
            elif field.field_type in ("date", "datetime"):
                new = RangeDATETIME(stored=field.stored, sortable=True)
            elif field.field_type == "string" and (field.document or field.analyzer is not None):
                new = TEXT(
                    stored=field.stored,
                    analyzer=field.analyzer or schema[name].analyzer,
                    field_boost=field.boost,
                    multitoken_query="phrase",
                    spelling=field.document and spell_document,
                )
            elif field.field_type == "string" and getattr(field, "facet_for", None):
                # A facet's twin (`outlet_exact`): one whole value, never split or stemmed, or "Jawa
                # Barat" would count as two facets. A plain CharField stays analysed, as Haystack's
                # other backends keep it.
                new = WHOOSH_ID(stored=field.stored, sortable=True)
            else:
                continue
            schema.remove(name)
            schema.add(name, new)
        for name in self.phrase_fields:
            if name in schema:
                schema.add(pairs_field(name), WordPairs(schema[name].analyzer))
        return content_field_name, schema

    # Writing -----------------------------------------------------------------------------------------

    def _documents(self, index, objects):
        for obj in objects:
            try:
                doc = index.full_prepare(obj)
            except SkipDocument:
                continue
            doc = {key: self._from_python(value) for key, value in doc.items()}
            doc.pop("boost", None)  # document boosts are not supported by Whoosh 2.5+
            for name in self.phrase_fields:
                if name in doc:
                    doc[pairs_field(name)] = doc[name]
            yield doc

    @staticmethod
    def _writer(index, parallel, **options):
        """A writer. Analysing text (Sastrawi, postings) is pure-Python work on one core, so a big
        (`parallel`) write hands it to one sub-writer process per core, each making its own segment
        (Whoosh's MpWriter), while this process reads the database and prepares documents."""
        procs = settings.SEARCH_INDEX_PROCS
        if procs > 1 and parallel:
            return ParallelWriter(index, procs=procs, multisegment=True, limitmb=LIMIT_MB // procs, **options)
        return index.writer(limitmb=LIMIT_MB, **options)

    def write_changes(self, index, objects=(), removed=(), size=0):
        """Write `objects` and delete the `removed` identifiers in one writer and one commit;
        `size`, the number of objects when known, lets a big write use every core."""
        with self.folder.write_lock():
            self._refresh_index()
            writer = self._writer(self.index, size >= PARALLEL_FROM_DOCUMENTS, timeout=WRITER_TIMEOUT)
            changed = []
            try:
                for ident in removed:
                    writer.delete_by_term(ID, ident)
                    changed.append(ident)
                for doc in self._documents(index, objects):
                    writer.update_document(**doc)
                    changed.append(doc[ID])
            except BaseException:
                writer.cancel()
                raise
            if changed:
                self._commit(writer, self.index)
            else:
                writer.cancel()
            self.folder.journal(changed)
        return len(changed)

    def _commit(self, writer, index):
        """Commit, then write the flat postings of the segments the commit made (a new one, or one
        merged from others): every write to the index ends here."""
        writer.commit()
        write_flat_postings(index, self.phrase_fields)

    def update(self, index, iterable, commit=True):
        self.write_changes(index, objects=iterable)

    def remove(self, obj_or_string, commit=True):
        # Unlike the stock backend, a failure here is raised, never only logged: a delete that is
        # silently dropped leaves a deleted article searchable.
        self.write_changes(None, removed=[get_identifier(obj_or_string)])

    def clear(self, models=None, commit=True):
        if models is None:
            self.delete_index()
            return
        with self.folder.write_lock():
            self._refresh_index()
            writer = self.index.writer(timeout=WRITER_TIMEOUT)
            for model in models:
                writer.delete_by_term(DJANGO_CT, get_model_ct(model))
            self._commit(writer, self.index)

    def delete_index(self):
        """Swap in an empty generation; searches running against the old one are not disturbed."""
        if not self.setup_complete:
            self.setup()
        with self.folder.write_lock():
            name = self.folder.new_generation()
            self.folder.storage(name).create_index(self.schema)
            self.folder.point_current_at(name)
            self._open(name)

    def optimize(self):
        with self.folder.write_lock():
            self._refresh_index()
            self.index.optimize()
            write_flat_postings(self.index, self.phrase_fields)

    def rebuild(self, index, objects, progress=None, before_swap=None):
        """Build a fresh generation from `objects` with one writer and one commit, then swap it in.

        Searches keep reading the current generation meanwhile. Changes that live updates make during
        the build are journalled and replayed into the new generation under the write lock, just
        before the swap, so nothing written during a rebuild is lost. Returns the documents written.
        """
        if not self.setup_complete:
            self.setup()
        with self.folder.rebuilding():
            name = self.folder.new_generation()
            new_index = self.folder.storage(name).create_index(self.schema)
            writer = self._writer(new_index, parallel=True)
            count = 0
            try:
                for doc in self._documents(index, objects):
                    writer.add_document(**doc)  # fresh index: no per-document delete
                    count += 1
                    if progress:
                        progress(count)
            except BaseException:
                writer.cancel()
                self.folder.discard(name)
                raise
            self._commit(writer, new_index)
            if before_swap:
                before_swap()
            with self.folder.write_lock():
                self._replay(index, new_index)
                self.folder.point_current_at(name)
                self._open(name)
        return count

    def _replay(self, index, new_index):
        """Write what live updates changed during a rebuild into its new generation."""
        identifiers = self.folder.journalled()
        if not identifiers:
            return
        pks = [ident.rsplit(".", 1)[1] for ident in identifiers]
        objects = list(index.index_queryset(using=self.connection_alias).filter(pk__in=pks))
        writer = new_index.writer(timeout=WRITER_TIMEOUT)
        for ident in identifiers:
            writer.delete_by_term(ID, ident)
        for doc in self._documents(index, objects):
            writer.update_document(**doc)
        self._commit(writer, new_index)

    def indexed_documents(self, fields=(DJANGO_ID,)):
        """(stored fields) of every live document: for comparing the index with the database."""
        searcher = self.searcher()
        for stored in searcher.reader().all_stored_fields():
            yield {f: stored.get(f) for f in fields}

    # Searching ---------------------------------------------------------------------------------------

    @log_query
    def search(self, query_string, **options):
        """Haystack's search, answered from the result cache when this generation of the index has
        been asked the same question before (articles/search/result_cache.py)."""
        if options.get("highlight"):
            # Haystack's highlighter marks English stems in an unescaped stored field; the pages mark
            # results themselves, escaped and by the Indonesian analysis.
            raise SearchBackendError("highlight() is not supported: use articles.search.highlighting")
        if not query_string:
            return {"results": [], "hits": 0}
        searcher = self.searcher()
        return result_cache.answer(
            self.generation_key(searcher),
            query_string,
            options,
            lambda: self._search(searcher, query_string, **options),
        )

    def warm(self, scored_fields=(), facet_fields=(), sort_fields=(), range_fields=()):
        """Build, per segment, what searches read besides the postings: the scored fields'
        lengths (BM25F), the facet fields' doc values in global ordinals, the sort fields' columns,
        the range fields' columns sorted by value, whether the phrase fields have their word pairs, and
        the segment's flat postings mapped.
        Native engines do this as a segment opens (Elasticsearch's eager_global_ordinals); here a
        web worker does it as it starts, so that its first searches do not pay for it."""
        searcher = self.searcher()
        readers = [sub.reader() for sub, _ in searcher.leaf_searchers()]
        for reader in readers:
            for name in scored_fields:
                per_segment(reader, name, field_lengths)
            for name in sort_fields:
                per_segment(reader, name, column_values)
            for name in range_fields:
                per_segment(reader, name, sorted_column)
            for name in self.phrase_fields:
                per_segment(reader, name, term_at_a_time.has_pairs)
            flat_postings.mapped(reader)
        for name in facet_fields:
            global_ordinals(readers, name)

    def generation_key(self, searcher=None):
        """Names what the index holds now: the folder's generation and its latest commit. Any write
        that lands changes it."""
        searcher = searcher or self.searcher()
        return f"{self.generation}/{searcher.reader().generation()}"

    def _search(
        self,
        searcher,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        fields="",
        highlight=False,
        facets=None,
        date_facets=None,
        query_facets=None,
        narrow_queries=None,
        spelling_query=None,
        within=None,
        dwithin=None,
        distance_point=None,
        models=None,
        limit_to_registered_models=None,
        result_class=None,
        **kwargs,
    ):
        reverse, sort_by = self._sort_order(sort_by)
        if not searcher.doc_count():
            return {"results": [], "hits": 0, "spelling_suggestion": None}

        parsed = self._parse(query_string)
        if parsed is wq.NullQuery:  # only stopwords: nothing to look for
            return {"results": [], "hits": 0}
        filters = self._filters(narrow_queries, models, limit_to_registered_models)
        docs, raw_page, past_end = self._collect(
            searcher, parsed, filters, sort_by, reverse, start_offset, end_offset
        )
        results = self._process_results(raw_page, query_string=query_string, result_class=result_class)
        results["hits"] = len(docs)  # kept past the end: the page says how many there are
        if past_end:
            results["results"] = []
        if facets or date_facets or query_facets:
            results["facets"] = {
                "fields": facet_counts(searcher, docs, list(facets or ()), _limits(facets)),
                "dates": {
                    name: self._date_facet(searcher, docs, name, **options)
                    for name, options in (date_facets or {}).items()
                },
                "queries": self._query_facets(searcher, docs, query_facets or ()),
            }
        if self.include_spelling or (spelling_query and not results["hits"]):
            results["spelling_suggestion"] = self.create_spelling_suggestion(spelling_query or query_string)
        return results

    def more_like_this(
        self,
        model_instance,
        additional_query_string=None,
        start_offset=0,
        end_offset=None,
        models=None,
        limit_to_registered_models=None,
        result_class=None,
        **kwargs,
    ):
        """Documents sharing this one's key terms, within the query's filters and models, paged like
        a search. The key terms come from the stored MORE_LIKE_THIS_FIELDS (default: the document
        field), analysed like the document field: Whoosh's own more_like needs the document field
        stored or vectored, and ours is neither, to keep the index small."""
        empty = {"results": [], "hits": 0}
        searcher = self.searcher()
        ident = get_identifier(model_instance)
        docnum = searcher.document_number(**{ID: ident})
        if docnum is None:
            return empty
        stored = searcher.stored_fields(docnum)
        fields = self.more_like_this_fields or [self.content_field_name]
        source = " ".join(str(stored.get(name) or "") for name in fields)
        terms = searcher.key_terms_from_text(
            self.content_field_name, source[:MLT_SOURCE_CHARS], numterms=MLT_TERMS
        )
        if not terms:
            return empty
        similar = wq.Or([wq.Term(self.content_field_name, term, boost=weight) for term, weight in terms])
        narrow = [additional_query_string] if additional_query_string not in (None, "", "*") else []
        query = wq.AndNot(similar, wq.Term(ID, ident))
        filters = self._filters(narrow, models, limit_to_registered_models)
        if filters:
            # In the query rather than the collector's filter: the intersection leaps along the
            # narrower side (a page's few candidates) instead of scoring every document that shares
            # a common word with this one; Require scores by the key terms alone.
            query = Require(query, wq.And(filters))
        docs, raw_page, past_end = self._collect(searcher, query, [], None, False, start_offset, end_offset)
        results = self._process_results(raw_page, result_class=result_class)
        results["hits"] = len(docs)
        if past_end:
            results["results"] = []
        return results

    def _parse(self, query_string):
        """The parsed query; a match-all `*` (Every on the document field, which walks every term of
        it) becomes Every() over all documents: the same documents, since each has a document field."""

        def every_document(node):
            if isinstance(node, wq.Every) and node.fieldname in (self.content_field_name, None):
                return wq.Every(boost=node.boost)
            return node.apply(every_document)

        return every_document(self.parser.parse(str(query_string)))

    @staticmethod
    def _sort_order(sort_by):
        """(reverse, field names): Whoosh sorts every field in one direction."""
        if not sort_by:
            return False, None
        directions = {name.startswith("-") for name in sort_by}
        if len(directions) > 1:
            raise SearchBackendError("Whoosh requires all order_by fields to use the same sort direction")
        return directions == {True}, [name.lstrip("-") for name in sort_by]

    def _filters(self, narrow_queries, models, limit_to_registered_models):
        """Whoosh queries every result must also match: the narrow queries and the model limit."""
        filters = [self._parse(nq) for nq in (narrow_queries or ())]
        if limit_to_registered_models is None:
            limit_to_registered_models = getattr(settings, "HAYSTACK_LIMIT_TO_REGISTERED_MODELS", True)
        cts = sorted(get_model_ct(m) for m in models) if models else []
        if not cts and limit_to_registered_models:
            cts = self.build_models_list()
        if cts and set(cts) != set(self.build_models_list()):
            # Only a narrower set of models needs this filter: with all of them it matches every
            # document and costs a walk over the whole index on each search.
            filters.append(wq.Or([wq.Term(DJANGO_CT, ct) for ct in cts]))
        return filters

    def _collect(self, searcher, query, filters, sort_by, reverse, start_offset, end_offset):
        """Every matching document's number, from which the total and the facets are counted, and
        the requested page (the top by score, or by the sort order).
        Returns (the numbers, the page, whether the page is past the end)."""
        page_num, page_length = self.calculate_page(start_offset, end_offset)
        limit = page_num * page_length
        query = column_ranges(adjacent_words(query))
        filtered = column_ranges(wq.And(filters)) if filters else None
        column_sort = (
            len(sort_by or ()) == 1 and sort_by[0] in self.schema and self.schema[sort_by[0]].column_type
        )
        if column_sort or not sort_by:
            try:
                docs, top = term_at_a_time.collect(
                    searcher, query, filtered, limit, sort=(sort_by[0], reverse) if sort_by else None
                )
            except term_at_a_time.Unsupported:
                pass
            else:
                raw_page = ResultsPage(_Collected(searcher, query, top, len(docs)), page_num, page_length)
                return docs, raw_page, raw_page.pagenum < page_num
        if column_sort:
            top = ColumnSort(sort_by[0], limit, reverse)
        elif sort_by:
            top = collectors.SortingCollector(sort_by, limit=limit, reverse=reverse)
        else:
            # Every match is visited anyway; and without replace=0, once the page is full Whoosh drops
            # the parts of the query that cannot reach it (a word only in titles) from the matches
            # _EveryMatch counts.
            top = collectors.TopCollector(limit, usequality=False, replace=0)
        every = _EveryMatch(top)
        collector = collectors.FilterCollector(every, filtered) if filters else every
        searcher.search_with_collector(query, collector)
        raw_page = ResultsPage(collector.results(), page_num, page_length)
        # Whoosh serves the last page for a page past the end: the caller shows nothing there.
        return every.docs, raw_page, raw_page.pagenum < page_num

    def _date_facet(self, searcher, docs, fieldname, start_date, end_date, gap_by, gap_amount=1):
        """[((start, end), count), …] of the documents in each gap from start_date to end_date, then
        (None, count) for those outside, as the stock backend counts them. The gaps are stepped in the
        caller's frame (an aware start steps through its own zone's days and months) and compared
        in UTC, as the index stores datetimes."""
        gap = relativedelta(**{f"{gap_by}s": gap_amount})
        # Bounds are compared as filter values are: a datetime in UTC, a date as its own midnight
        # (a DateField holds each article's day in its own zone, never shifted).
        stored = utc_naive if isinstance(start_date, datetime) else _as_datetime
        start, end = _as_datetime(start_date), _as_datetime(end_date)
        docs = set(docs)
        counts, inside = [], set()
        while start < end:
            stop = min(start + gap, end)
            matched = docs & set(
                searcher.docs_for_query(
                    column_ranges(wq.DateRange(fieldname, stored(start), stored(stop), endexcl=True))
                )
            )
            if matched:
                counts.append(((start, stop), len(matched)))
                inside |= matched
            start = stop
        if len(docs) > len(inside):
            counts.append((None, len(docs) - len(inside)))
        return sorted(counts, key=lambda item: -item[1])  # stable: equal counts keep date order, None last

    def _query_facets(self, searcher, docs, query_facets):
        """{field: number of `docs` matching `field:(query)`} for each (field, query) pair."""
        docs = set(docs)
        pairs = query_facets.items() if isinstance(query_facets, dict) else query_facets
        return {
            name: len(docs & set(searcher.docs_for_query(column_ranges(self._parse(f"{name}:({query})")))))
            for name, query in pairs
        }

    def _process_results(self, raw_page, query_string="", **kwargs):
        include_spelling, self.include_spelling = self.include_spelling, False
        try:
            kwargs.pop("spelling_query", None)
            results = super()._process_results(raw_page, highlight=False, query_string=query_string, **kwargs)
        finally:
            self.include_spelling = include_spelling
        results["spelling_suggestion"] = None
        for result in results["results"]:
            for key, value in list(vars(result).items()):
                if isinstance(value, datetime) and timezone.is_naive(value) and settings.USE_TZ:
                    setattr(result, key, value.replace(tzinfo=UTC))
        return results

    def create_spelling_suggestion(self, query_string):
        """The query with each unknown word replaced by the closest indexed word, or None."""
        words = parse(query_string).words
        if not words:
            return None
        reader = self.searcher().reader()
        field = self.spelling_field if self.spelling_field in self.schema else self.content_field_name
        corrector = reader.corrector(field)
        known = self.schema[field].spelling_fieldname(field)  # where the field's unstemmed words are
        suggested = []
        for word in words:
            word = fold(word)
            if reader.frequency(known, word) > 0:
                suggested.append(word)
                continue
            found = corrector.suggest(word, limit=1, maxdist=2, prefix=1)
            suggested.append(found[0] if found else word)
        suggestion = " ".join(suggested)
        return suggestion if suggestion != " ".join(fold(w) for w in words) else None

    def _from_python(self, value):
        if isinstance(value, datetime):
            return utc_naive(value)
        return super()._from_python(value)


class IndonesianWhooshEngine(WhooshEngine):
    backend = IndonesianWhooshBackend
    query = IndonesianWhooshSearchQuery
