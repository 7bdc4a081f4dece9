"""A small raw Whoosh index for the tests of our own matchers and collectors: no Django involved."""

from whoosh import index as whoosh_index
from whoosh.fields import DATETIME, ID, TEXT, Schema


def two_segment_index(folder, dates, texts, deleted):
    """Documents id/text/published from `dates` and `texts` (by id; a date of None is an undated
    article), the first half in one segment and the rest in another; then `deleted` is deleted."""
    schema = Schema(id=ID(stored=True, unique=True), text=TEXT, published=DATETIME(sortable=True))
    ix = whoosh_index.create_in(folder, schema)
    keys = list(dates)
    for batch in (keys[: len(keys) // 2], keys[len(keys) // 2 :]):
        writer = ix.writer()
        for key in batch:
            fields = {"id": key, "text": texts[key]}
            if dates[key]:
                fields["published"] = dates[key]
            writer.add_document(**fields)
        writer.commit(merge=False)
    writer = ix.writer()
    writer.delete_by_term("id", deleted)
    writer.commit(merge=False)
    return ix
