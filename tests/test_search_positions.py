"""Word positions read from many Whoosh Positions values at once: the same as Whoosh's own decoding."""

import random

import numpy as np
import pytest
from whoosh.formats import Positions

from articles.search import positions


def lists(rng):
    yield [0]
    yield [70_000, 70_001, 2**31 - 1]  # gaps that need two and four bytes
    yield list(range(0, 5000, 2))  # more than a thousand: appended in batches
    for _ in range(300):
        start = rng.randrange(0, 400)
        gaps = [
            rng.choice([1, 2, 7, 255, 256, 300, 65_535, 65_536, 100_000]) for _ in range(rng.randrange(1, 40))
        ]
        yield [start + sum(gaps[:i]) for i in range(len(gaps))]


def test_positions_decoded_together_are_whooshs_own_one_by_one():
    fmt = Positions()
    expected = list(lists(random.Random(7)))
    owners, found = positions.decode([fmt.encode(poses) for poses in expected])
    assert owners.tolist() == [i for i, poses in enumerate(expected) for _ in poses]
    assert found.tolist() == [p for poses in expected for p in poses]
    assert [fmt.decode_positions(fmt.encode(poses)) for poses in expected] == expected  # the reference


def test_a_value_in_another_format_is_refused_not_misread():
    with pytest.raises(positions.NotPositions):
        positions.decode([Positions().encode([3]), b"\x00\x00\x00\x01\x80\x03]q\x00K\x05a."])
    with pytest.raises(positions.NotPositions):
        positions.decode([b"\x00\x00\x00\x01\x80\x02]q\x00G@\x00\x00\x00\x00\x00\x00\x00a."])  # a float


def test_no_values_no_positions():
    owners, found = positions.decode([])
    assert owners.dtype == found.dtype == np.int64 and not len(owners)
