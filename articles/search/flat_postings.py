"""The longest posting lists of a segment as flat arrays beside it, written when the segment is.

Whoosh stores a posting list as pickled blocks, and each block carries every posting's positions: a
search that needs only the documents and their frequencies unpickles the positions too, about 0.7 µs
a posting. For the common words of a 100,000-article index that was most of a first search
(docs/benchmarks.md). So after each commit, every segment that has none gets its terms of
MIN_POSTINGS or more postings written out once more as two flat files, document numbers (int32)
and weights (float64), and a table of where each term's run starts. Searches read them with
numpy.memmap: decoding becomes a slice, and the pages are shared by every worker through the
operating system's cache. Positions stay in Whoosh's blocks, read only by phrase checks.

The files are named after their segment, so Whoosh's own clean-up deletes them with the segment
when it is merged away. A segment without them (written before them, or by a writer that stopped
between its commit and this) is read from its blocks as before.
"""

import os
import pickle

import numpy as np

from articles.search.segments import per_segment

MIN_POSTINGS = 2048  # a shorter list decodes from its blocks in about a millisecond
IDS, WEIGHTS, TABLE = ".flatids", ".flatweights", ".flattable"  # the table last: it says "complete"


def write_missing(index, fieldnames, decode):
    """Write the flat postings of every segment of `index` that has none; `decode(matcher)` gives a
    posting list's (ids, weights) from Whoosh's blocks. Returns how many segments were written."""
    folder = index.storage.folder
    written = 0
    with index.reader() as top:
        for reader, _ in top.leaf_readers():
            if not os.path.exists(_path(folder, reader, TABLE)):
                write(folder, reader, fieldnames, decode)
                written += 1
    return written


def write(folder, reader, fieldnames, decode):
    """The segment's terms of MIN_POSTINGS or more postings in `fieldnames`, as flat files."""
    table, start = {}, 0
    paths = {ext: _path(folder, reader, ext) for ext in (IDS, WEIGHTS, TABLE)}
    with open(paths[IDS] + ".tmp", "wb") as ids_file, open(paths[WEIGHTS] + ".tmp", "wb") as weights_file:
        for fieldname in fieldnames:
            if fieldname not in reader.schema:
                continue
            for btext, info in reader.iter_field(fieldname):
                if info.doc_frequency() < MIN_POSTINGS:
                    continue
                matcher = reader.postings(fieldname, btext)
                ids, weights = decode(getattr(matcher, "child", matcher))
                ids_file.write(ids.astype("<i4").tobytes())
                weights_file.write(weights.astype("<f8").tobytes())
                table[fieldname, btext] = (start, len(ids))
                start += len(ids)
    for ext in (IDS, WEIGHTS):
        os.replace(paths[ext] + ".tmp", paths[ext])
    with open(paths[TABLE] + ".tmp", "wb") as table_file:
        pickle.dump(table, table_file, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(paths[TABLE] + ".tmp", paths[TABLE])


class FlatPostings:
    """One segment's flat postings, mapped into memory."""

    def __init__(self, folder, reader):
        with open(_path(folder, reader, TABLE), "rb") as table_file:
            self.table = pickle.load(table_file)  # written by write() into the index's own folder
        self.ids = self.weights = None
        if self.table:
            self.ids = np.memmap(_path(folder, reader, IDS), dtype="<i4", mode="r")
            self.weights = np.memmap(_path(folder, reader, WEIGHTS), dtype="<f8", mode="r")

    def get(self, fieldname, btext):
        """(ids as int64, weights) of the term's postings, deleted documents included, or None."""
        found = self.table.get((fieldname, btext))
        if found is None:
            return None
        start, count = found
        return self.ids[start : start + count].astype(np.int64), self.weights[start : start + count]


def postings(reader, fieldname, btext):
    """The term's (ids, weights) from its segment's flat postings, or None when it has none there."""
    flat = mapped(reader)
    return flat.get(fieldname, btext) if flat else None


def mapped(reader):
    """The segment's FlatPostings, mapped on first use and kept, or None while it has none."""
    return per_segment(reader, "", _open)


def _open(reader, _fieldname):
    # per_segment builds again when it finds None: a segment whose files are still being written is
    # looked at again by the next search.
    folder = _folder(reader)
    if folder is None or not os.path.exists(_path(folder, reader, TABLE)):
        return None
    return FlatPostings(folder, reader)


def _folder(reader):
    """The index folder of a segment reader: a compound segment reads through an OverlayStorage of
    its compound file over the folder."""
    storage = reader.storage()
    return getattr(getattr(storage, "b", storage), "folder", None)


def _path(folder, reader, ext):
    return os.path.join(folder, reader.segment().make_filename(ext))
