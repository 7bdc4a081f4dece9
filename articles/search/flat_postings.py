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

import contextlib
import os
import pickle
from typing import NamedTuple

import numpy as np

from articles.search.segments import per_segment

MIN_POSTINGS = 2048  # a shorter list decodes from its blocks in about a millisecond
IDS, WEIGHTS, POSITIONS, STARTS = ".flatids", ".flatweights", ".flatpositions", ".flatstarts"
TABLE = ".flattable"  # written last: it says the others are complete
ARRAYS = {IDS: "<i4", WEIGHTS: "<f8", POSITIONS: "<i4", STARTS: "<i8"}


def write_missing(index, fieldnames, phrase_fields, decode):
    """Write the flat postings of every segment of `index` that has none: the terms of `fieldnames`,
    with positions for those of `phrase_fields`. `decode(matcher, values)` gives a posting list's
    (ids, weights, and with `values` each posting's positions as (owner, position) arrays) from
    Whoosh's blocks. Returns how many segments were written."""
    folder = index.storage.folder
    written = 0
    with index.reader() as top:
        for reader, _ in top.leaf_readers():
            if not os.path.exists(_path(folder, reader, TABLE)):
                write(folder, reader, fieldnames, phrase_fields, decode)
                written += 1
    return written


def write(folder, reader, fieldnames, phrase_fields, decode):
    """The segment's terms of MIN_POSTINGS or more postings in `fieldnames`, as flat files."""
    table, at = {}, dict.fromkeys(ARRAYS, 0)
    paths = {ext: _path(folder, reader, ext) for ext in (*ARRAYS, TABLE)}
    with contextlib.ExitStack() as stack:
        files = {ext: stack.enter_context(open(paths[ext] + ".tmp", "wb")) for ext in ARRAYS}
        for fieldname in fieldnames:
            if fieldname not in reader.schema:
                continue
            with_positions = fieldname in phrase_fields
            for btext, info in reader.iter_field(fieldname):
                if info.doc_frequency() < MIN_POSTINGS:
                    continue
                matcher = reader.postings(fieldname, btext)
                ids, weights, *found = decode(getattr(matcher, "child", matcher), with_positions)
                entry = [at[IDS], len(ids), None]
                parts = {IDS: ids, WEIGHTS: weights}
                if with_positions:
                    owners, positions = found[0]
                    counts = np.bincount(owners, minlength=len(ids))
                    # where each posting's positions start, and where the last one ends
                    parts[STARTS] = at[POSITIONS] + np.concatenate(([0], np.cumsum(counts)))
                    parts[POSITIONS] = positions
                    entry[2] = at[STARTS]
                for ext, array in parts.items():
                    files[ext].write(np.asarray(array).astype(ARRAYS[ext]).tobytes())
                    at[ext] += len(array)
                table[fieldname, btext] = tuple(entry)
    for ext in ARRAYS:
        os.replace(paths[ext] + ".tmp", paths[ext])
    with open(paths[TABLE] + ".tmp", "wb") as table_file:
        pickle.dump(table, table_file, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(paths[TABLE] + ".tmp", paths[TABLE])


class Positions(NamedTuple):
    """Word positions of some postings of a term: posting i's are positions[starts[i]:ends[i]]."""

    starts: np.ndarray
    ends: np.ndarray
    positions: np.ndarray

    def __getitem__(self, which):
        """The positions of the postings `which` selects (a mask or indexes), in that order."""
        return Positions(self.starts[which], self.ends[which], self.positions)

    def owned(self):
        """(owner, position) of every position, owner being the posting's place here, as arrays in
        order: by owner, then by position (positions.decode's shape)."""
        counts = self.ends - self.starts
        owners = np.repeat(np.arange(len(counts)), counts)
        first = np.concatenate(([0], np.cumsum(counts)[:-1]))
        index = np.arange(counts.sum()) - np.repeat(first - self.starts, counts)
        return owners, self.positions[index].astype(np.int64)


class FlatPostings:
    """One segment's flat postings, mapped into memory."""

    def __init__(self, folder, reader):
        with open(_path(folder, reader, TABLE), "rb") as table_file:
            self.table = pickle.load(table_file)  # written by write() into the index's own folder
        self.arrays = {ext: _array(_path(folder, reader, ext), dtype) for ext, dtype in ARRAYS.items()}

    def get(self, fieldname, btext, positions=False):
        """(ids as int64, weights) of the term's postings, deleted documents included, and with
        `positions` their Positions; None when the term has no flat list (or no positions here)."""
        found = self.table.get((fieldname, btext))
        if found is None or (positions and found[2] is None):
            return None
        start, count, at = found
        ids = self.arrays[IDS][start : start + count].astype(np.int64)
        weights = self.arrays[WEIGHTS][start : start + count]
        if not positions:
            return ids, weights
        starts = self.arrays[STARTS][at : at + count + 1]
        return ids, weights, Positions(starts[:-1], starts[1:], self.arrays[POSITIONS])


def postings(reader, fieldname, btext, positions=False):
    """The term's (ids, weights[, Positions]) from its segment's flat postings, or None when it has
    none there."""
    flat = mapped(reader)
    return flat.get(fieldname, btext, positions) if flat else None


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


def _array(path, dtype):
    # numpy cannot map an empty file: a segment without long lists has empty arrays
    return np.memmap(path, dtype=dtype, mode="r") if os.path.getsize(path) else np.empty(0, dtype)


def _folder(reader):
    """The index folder of a segment reader: a compound segment reads through an OverlayStorage of
    its compound file over the folder."""
    storage = reader.storage()
    return getattr(getattr(storage, "b", storage), "folder", None)


def _path(folder, reader, ext):
    return os.path.join(folder, reader.segment().make_filename(ext))
