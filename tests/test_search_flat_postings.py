"""The longest posting lists, flat beside their segment: the same documents and weights as Whoosh's
blocks, written by every commit, cleaned up with their segment, and never required."""

import os

import pytest
from haystack.query import SearchQuerySet
from whoosh import index as whoosh_index
from whoosh.fields import ID, KEYWORD, TEXT, Schema

from articles.search import flat_postings
from articles.search.backend import write_flat_postings

WORDS = "pilkada kpu bawaslu debat kampanye suara logistik warga".split()


@pytest.fixture
def low_threshold(monkeypatch):
    monkeypatch.setattr(flat_postings, "MIN_POSTINGS", 3)


def flat_files(folder):
    return sorted(name for name in os.listdir(folder) if ".flat" in name)


def segment_ids(index):
    with index.reader() as reader:
        return {r.segment().segment_id() for r, _ in reader.leaf_readers()}


def test_each_long_list_is_whooshs_own_ids_and_weights_and_a_short_one_is_left_out(tmp_path, low_threshold):
    schema = Schema(id=ID(stored=True), text=TEXT, region=KEYWORD(scorable=True))
    ix = whoosh_index.create_in(tmp_path, schema)
    writer = ix.writer()
    for n in range(40):
        words = [w for i, w in enumerate(WORDS) if n % (i + 2) == 0] * (1 + n % 3)
        writer.add_document(id=str(n), text=" ".join(words), region="bali" if n % 13 == 0 else "lampung")
    writer.commit()
    assert write_flat_postings(ix, phrase_fields=["text"]) == 1
    assert write_flat_postings(ix, phrase_fields=["text"]) == 0  # once per segment

    with ix.reader() as top:
        [(reader, _)] = top.leaf_readers()
        checked = 0
        for field in ("text", "region"):
            for btext in reader.lexicon(field):
                matcher = reader.postings(field, btext)
                ids, weights, positions = [], [], []
                while matcher.is_active():
                    ids.append(matcher.id())
                    weights.append(matcher.weight())
                    if field == "text":
                        positions.append(matcher.value_as("positions"))
                    matcher.next()
                flat = flat_postings.postings(reader, field, btext, positions=field == "text")
                if len(ids) < 3:
                    assert flat is None, btext
                    continue
                assert flat[0].tolist() == ids and flat[1].tolist() == weights, btext
                if field == "text":  # a phrase field: each posting's positions too, in any selection
                    assert [flat[2][[i]].owned()[1].tolist() for i in range(len(ids))] == positions
                    owners, found = flat[2][::-1].owned()
                    assert found.tolist() == [p for poses in positions[::-1] for p in poses]
                    assert owners.tolist() == [i for i, poses in enumerate(positions[::-1]) for _ in poses]
                else:
                    assert flat_postings.postings(reader, field, btext, positions=True) is None
                checked += 1
        assert checked >= 5 and flat_postings.postings(reader, "region", b"bali") is not None


def test_every_commit_writes_them_and_a_merge_leaves_none_behind(corpus, search_index, low_threshold):
    backend = search_index.backend
    backend._refresh_index()
    folder = backend.index.storage.folder
    segments = segment_ids(backend.index)
    assert {name.split(".")[0] for name in flat_files(folder)} == segments

    search_index.update()  # a second commit: a new segment, or one merged from the first
    backend.optimize()  # every segment merged into one
    backend._refresh_index()
    [merged] = segment_ids(backend.index)
    assert {name.split(".")[0] for name in flat_files(folder)} == {merged}
    assert SearchQuerySet().auto_query("pilkada").count() > 0


def test_a_segment_whose_table_is_missing_is_read_from_its_blocks_until_the_next_commit(
    corpus, search_index, low_threshold
):
    backend = search_index.backend
    backend._refresh_index()
    folder = backend.index.storage.folder

    def flat_pilkada():
        backend._refresh_index()
        with backend.index.reader() as top:
            return [flat_postings.postings(r, "text", b"pilkada") is not None for r, _ in top.leaf_readers()]

    for name in flat_files(folder):  # as if the writer had stopped between its commit and them
        if name.endswith(flat_postings.TABLE):
            os.remove(os.path.join(folder, name))
    assert not any(flat_pilkada())
    from_blocks = search_index.ids(SearchQuerySet().auto_query("pilkada"))

    search_index.update()  # the next commit writes what is missing
    assert all(flat_pilkada())
    assert search_index.ids(SearchQuerySet().auto_query("pilkada")) == from_blocks != set()
