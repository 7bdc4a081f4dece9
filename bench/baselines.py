"""What the engines do on their own, on the same texts: a minimal raw Whoosh index and SQLite FTS5.

These set the floor the site's search is compared against. Raw Whoosh uses the project's own
analyzers (articles/search/analysis.py, pure Whoosh, no Django) when they import, so the comparison
measures Haystack, Django and the page rather than the analysis; it falls back to Whoosh's
StemmingAnalyzer otherwise, and says which in `analyzer`.
"""

import os
import shutil
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.qparser import AndGroup, QueryParser
from whoosh.sorting import Count, FieldFacet, OverlappingCategorizer

from bench.corpus import read_article, read_manifest

PAGE = 20
FACETS = ("region", "outlet")


def analyzers():
    """(stemmed, exact, name): the project's Indonesian analyzers, or Whoosh's English fallback."""
    try:
        from articles.search.analysis import exact_analyzer, indonesian_analyzer

        return indonesian_analyzer(), exact_analyzer(), "articles.search.analysis (Sastrawi)"
    except ImportError:  # pragma: no cover - the search package is missing or broken
        return StemmingAnalyzer(), StemmingAnalyzer(stoplist=None, minsize=1), "whoosh StemmingAnalyzer"


def documents(corpus_dir, limit=None):
    """(manifest row, title, body) for each generated file, in corpus order."""
    root = Path(corpus_dir) / "articles"
    for n, meta in enumerate(read_manifest(corpus_dir)):
        if limit is not None and n >= limit:
            return
        title, body = read_article((root / meta["path"]).read_text(encoding="utf-8"))
        yield meta, title, body


# Raw Whoosh ------------------------------------------------------------------------------------------


def whoosh_schema():
    stemmed, exact, name = analyzers()
    schema = Schema(
        id=ID(stored=True, unique=True),
        title=STORED(),
        text=TEXT(analyzer=stemmed),
        text_exact=TEXT(analyzer=exact),
        region=KEYWORD(commas=True, lowercase=False),
        person=KEYWORD(commas=True, lowercase=False),
        outlet=ID(sortable=True),
        published=DATETIME(sortable=True),
    )
    return schema, name


def build_whoosh(corpus_dir, index_dir, limitmb=256):
    """One writer, one commit (the fastest Whoosh can build); returns (docs, seconds, analyzer name)."""
    if os.path.exists(index_dir):
        shutil.rmtree(index_dir)
    os.makedirs(index_dir)
    schema, name = whoosh_schema()
    started = time.perf_counter()
    ix = whoosh_index.create_in(index_dir, schema)
    writer = ix.writer(limitmb=limitmb)
    count = 0
    for meta, title, body in documents(corpus_dir):
        text = f"{title}\n\n{body}"
        writer.add_document(
            id=meta["path"],
            title=title,
            text=text,
            text_exact=text,
            region=",".join(meta["regions"]),
            person=",".join(meta["people"]),
            outlet=meta["outlet"],
            published=datetime.fromisoformat(meta["published"]),
        )
        count += 1
    writer.commit()
    return count, time.perf_counter() - started, name


class _CachedOverlap(OverlappingCategorizer):
    """Whoosh re-reads every posting of a multi-valued field to facet on it, on every search: the
    doc→values lists are kept per segment instead (segments never change once written)."""

    _lists_by_segment = {}

    def set_searcher(self, segment_searcher, docoffset):
        if self._use_vectors or self._use_column:
            return super().set_searcher(segment_searcher, docoffset)
        self._segment_searcher = segment_searcher
        key = (segment_searcher.reader().segment().segment_id(), self._fieldname)
        if key not in self._lists_by_segment:
            super().set_searcher(segment_searcher, docoffset)
            self._lists_by_segment[key] = self._lists
        self._lists = self._lists_by_segment[key]


class CachedFieldFacet(FieldFacet):
    def categorizer(self, global_searcher):
        if self.allow_overlap:
            return _CachedOverlap(global_searcher, self.fieldname)
        return super().categorizer(global_searcher)


class RawWhoosh:
    """Answers a bench.queries.Query with one searcher: top 20, total, region and outlet facets."""

    def __init__(self, index_dir):
        self.ix = whoosh_index.open_dir(index_dir)
        self.searcher = self.ix.searcher()
        self.stemmed = QueryParser("text", self.ix.schema, group=AndGroup)
        self.exact = QueryParser("text_exact", self.ix.schema, group=AndGroup)

    def close(self):
        self.searcher.close()

    def run(self, query):
        if query.q:
            parser = self.exact if query.phrase else self.stemmed
            q = parser.parse(query.text)
        else:
            q = wq.Every()
        filters = []
        if query.region:
            filters.append(wq.Term("region", query.region))
        if query.person:
            filters.append(wq.Term("person", query.person))
        if query.outlet:
            filters.append(wq.Term("outlet", query.outlet))
        if query.date_from or query.date_to:
            start = datetime.fromisoformat(query.date_from) if query.date_from else None
            end = datetime.fromisoformat(query.date_to + "T23:59:59") if query.date_to else None
            filters.append(wq.DateRange("published", start, end))
        # region is multi-valued (cached lists), outlet single-valued (its sortable column)
        kwargs = {
            "groupedby": {f: CachedFieldFacet(f, allow_overlap=f == "region", maptype=Count) for f in FACETS}
        }
        if filters:
            kwargs["filter"] = wq.And(filters)
        if query.sort:
            kwargs["sortedby"] = "published"
            kwargs["reverse"] = query.sort == "newest"
        page = self.searcher.search_page(q, query.page, pagelen=PAGE, **kwargs)
        hits = [hit["title"] for hit in page]
        facets = {f: page.results.groups(f) for f in FACETS}
        return len(page), hits, facets


# SQLite FTS5 -----------------------------------------------------------------------------------------


def build_fts5(corpus_dir, db_path):
    """An FTS5 table (unicode61, no stemming) plus plain tables for filters and facets."""
    if os.path.exists(db_path):
        os.remove(db_path)
    started = time.perf_counter()
    db = sqlite3.connect(db_path)
    db.executescript(
        """
        CREATE VIRTUAL TABLE doc_fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');
        CREATE TABLE doc (id INTEGER PRIMARY KEY, outlet TEXT, published TEXT);
        CREATE TABLE doc_region (doc INTEGER, code TEXT);
        CREATE TABLE doc_person (doc INTEGER, name TEXT);
        """
    )
    count = 0
    with db:
        for meta, title, body in documents(corpus_dir):
            count += 1
            db.execute("INSERT INTO doc_fts(rowid, title, body) VALUES (?, ?, ?)", (count, title, body))
            db.execute("INSERT INTO doc VALUES (?, ?, ?)", (count, meta["outlet"], meta["published"]))
            db.executemany("INSERT INTO doc_region VALUES (?, ?)", [(count, c) for c in meta["regions"]])
            db.executemany("INSERT INTO doc_person VALUES (?, ?)", [(count, p) for p in meta["people"]])
    db.executescript(
        """
        CREATE INDEX doc_region_code ON doc_region(code, doc);
        CREATE INDEX doc_region_doc ON doc_region(doc);
        CREATE INDEX doc_person_name ON doc_person(name, doc);
        CREATE INDEX doc_outlet ON doc(outlet);
        CREATE INDEX doc_published ON doc(published);
        INSERT INTO doc_fts(doc_fts) VALUES('optimize');
        """
    )
    db.close()
    return count, time.perf_counter() - started


def fts5_match(query):
    """FTS5 MATCH syntax: every word quoted (so no word is read as an operator), phrases whole."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in query.q).split()]
    if not words:
        return ""
    if query.phrase:
        return '"' + " ".join(words) + '"'
    return " AND ".join(f'"{w}"' for w in words)


class Fts5:
    def __init__(self, db_path):
        self.db = sqlite3.connect(db_path, check_same_thread=False)

    def close(self):
        self.db.close()

    def run(self, query):
        match = fts5_match(query)
        conditions = [
            ("doc.id IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?)", match),
            ("doc.id IN (SELECT doc FROM doc_region WHERE code = ?)", query.region),
            ("doc.id IN (SELECT doc FROM doc_person WHERE name = ?)", query.person),
            ("doc.outlet = ?", query.outlet),
            ("doc.published >= ?", query.date_from),
            ("doc.published <= ?", query.date_to),
        ]
        where = [clause for clause, value in conditions if value]
        args = [value for _, value in conditions if value]
        cond = " AND ".join(where) or "1"
        matched = f"SELECT doc.id FROM doc WHERE {cond}"
        total = self.db.execute(f"SELECT count(*) FROM ({matched})", args).fetchone()[0]
        offset = (query.page - 1) * PAGE
        page_args = args
        if query.sort:
            order = "doc.published DESC, doc.id" if query.sort == "newest" else "doc.published, doc.id"
            sql = f"SELECT t.title FROM doc JOIN doc_fts t ON t.rowid = doc.id WHERE {cond} ORDER BY {order}"
        elif match:
            # rank order straight from the FTS index, the other conditions applied to its rows
            sql = (
                "SELECT t.title FROM doc_fts t JOIN doc ON doc.id = t.rowid "
                f"WHERE t.doc_fts MATCH ? AND {cond} ORDER BY t.rank"
            )
            page_args = [match, *args]
        else:
            sql = f"SELECT t.title FROM doc JOIN doc_fts t ON t.rowid = doc.id WHERE {cond} ORDER BY doc.id"
        hits = [r[0] for r in self.db.execute(f"{sql} LIMIT {PAGE} OFFSET {offset}", page_args)]
        facets = {
            "region": self.db.execute(
                f"SELECT code, count(*) FROM doc_region WHERE doc IN ({matched}) GROUP BY code ORDER BY 2 DESC LIMIT 20",
                args,
            ).fetchall(),
            "outlet": self.db.execute(
                f"SELECT outlet, count(*) FROM doc WHERE {cond} GROUP BY outlet ORDER BY 2 DESC LIMIT 20",
                args,
            ).fetchall(),
        }
        return total, hits, facets
