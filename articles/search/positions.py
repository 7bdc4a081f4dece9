"""Word positions of many postings at once, read from Whoosh's Positions values without unpickling.

Whoosh stores a posting's positions as a 4-byte count and then the pickled list of the gaps between
them (whoosh.formats.Positions.encode). A phrase check reads those lists for every document that
holds all its words, tens of thousands for a common phrase, and unpickling them one by one was most
of its time. The pickle of a list of small integers is a fixed pattern: the list opened, then one
opcode per gap (K: one byte, M: two, J: four, little-endian), appended in batches of a thousand.
All the values are walked side by side, one gap of each per step, as numpy arrays.
"""

import numpy as np

_K, _M, _J = ord("K"), ord("M"), ord("J")  # BININT1, BININT2, BININT
_MARK, _APPENDS, _APPEND = ord("("), ord("e"), ord("a")
_PROLOGUE = b"\x80\x02]q\x00"  # protocol 2, EMPTY_LIST, BINPUT 0
_ITEMS = 4 + len(_PROLOGUE)  # where a value's first opcode is
_WIDTH = np.zeros(256, dtype=np.int64)
_WIDTH[[_K, _M, _J]] = (1, 2, 4)


class NotPositions(ValueError):
    """A value that is not a pickled list of integers as Positions.encode writes it."""


def decode(values):
    """(owner, position) of every position in `values` (bytes, one per posting), as two arrays in
    order: by owner (the value's index), then by position."""
    if not values:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    sizes = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    buffer = np.frombuffer(b"".join(values) + b"\0\0\0\0\0", dtype=np.uint8)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    ends = starts + sizes  # a value ends "a." (one gap) or "e." (more)
    prologue = np.frombuffer(_PROLOGUE, dtype=np.uint8)
    if (sizes < _ITEMS + 3).any() or (buffer[starts[:, None] + np.arange(4, _ITEMS)] != prologue).any():
        raise NotPositions("a value without the pickled list's prologue")

    at = starts + _ITEMS
    at += buffer[at] == _MARK
    owner = np.arange(len(values))
    owners, gaps = [], []
    while len(at):
        op = buffer[at]
        batch = (op == _APPENDS) & (at < ends[owner] - 2)  # "e(" between batches of a thousand
        at = at + 2 * batch
        op = buffer[at]
        done = (op == _APPEND) | (op == _APPENDS)
        at, owner, op = at[~done], owner[~done], op[~done]
        width = _WIDTH[op]
        if not width.all():
            raise NotPositions("an opcode other than an integer's")
        gap = buffer[at + 1].astype(np.int64)
        wide = width > 1
        if wide.any():
            gap[wide] |= buffer[at[wide] + 2].astype(np.int64) << 8
            wider = width > 2
            if wider.any():
                rest = at[wider]
                gap[wider] |= (buffer[rest + 3].astype(np.int64) << 16) | (
                    buffer[rest + 4].astype(np.int64) << 24
                )
        owners.append(owner)
        gaps.append(gap)
        at = at + 1 + width
    if not owners:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    owners, gaps = np.concatenate(owners), np.concatenate(gaps)
    order = np.argsort(owners, kind="stable")  # each value's gaps stay in the order they were read
    owners, gaps = owners[order], gaps[order]
    totals = np.cumsum(gaps)
    first = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    before = np.repeat(totals[first] - gaps[first], np.diff(np.r_[first, len(owners)]))
    return owners, totals - before
