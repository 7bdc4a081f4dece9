"""The article index and the backend subclass, on a real Whoosh index in a temporary folder."""

import os
from datetime import UTC, date, datetime

import pytest
from haystack import connections
from haystack.exceptions import SearchBackendError
from haystack.inputs import Exact, Raw
from haystack.query import SearchQuerySet
from whoosh.fields import ID, KEYWORD, STORED, TEXT

from articles.models import Article, Region
from articles.search.query import parse, to_query_string

ALL = "django_ct:articles.article"


def find(q):
    """Article ids for a search-box query, best first."""
    return [int(r.pk) for r in SearchQuerySet().filter(content=Raw(to_query_string(parse(q), ALL)))[:50]]


def test_pencalonan_finds_the_article_where_he_mencalonkan_diri(corpus):
    assert find("pencalonan") == [corpus.metro_run.pk]


def test_walikota_finds_wali_kota_and_the_other_way_round(corpus):
    expected = {corpus.metro_run.pk, corpus.metro_meeting.pk, corpus.lubuklinggau.pk}
    assert set(find("walikota")) == expected
    assert set(find("wali kota")) == expected
    assert set(find('"wakil wali kota metro"')) == {corpus.metro_run.pk, corpus.metro_meeting.pk}


def test_synonyms_find_each_other(corpus):
    assert find("penjabat bupati") == [corpus.subang.pk]
    assert find("kabupaten subang") == find("kab subang")
    assert corpus.lubuklinggau.pk in find("pilkada")  # written "Pilwako"
    assert corpus.subang.pk in find("pilwalkot")  # written "Pemilukada"


def test_a_quoted_phrase_matches_exactly_and_unstemmed(corpus):
    assert set(find('"qomaru zaman"')) == {corpus.metro_run.pk, corpus.metro_meeting.pk}
    assert find('"calon"') == []  # the stem is not a word of any article
    assert find('"zaman qomaru"') == []
    assert find('"wali kota qomaru"') == []  # every word is in those articles, never in this order


def test_a_title_match_ranks_above_a_body_match(corpus):
    assert find("netralitas")[0] == corpus.lampung.pk
    assert find("koordinasi")[0] == corpus.metro_meeting.pk  # "Rapat Koordinasi" in its title


def test_exclusion_or_and_prefix(corpus):
    assert corpus.subang.pk not in find("pilkada -subang")
    assert set(find("medan OR lubuklinggau")) == {corpus.metro_meeting.pk, corpus.lubuklinggau.pk}
    assert set(find("-metro")) == {corpus.subang.pk, corpus.lubuklinggau.pk, corpus.lampung.pk}
    assert set(find("lubukl*")) == {corpus.lubuklinggau.pk}


def test_a_province_filter_keeps_its_cities_and_drops_other_provinces(corpus, search_index):
    found = search_index.ids(SearchQuerySet().filter(regions=Exact("18")))
    assert found == {corpus.metro_run.pk, corpus.metro_meeting.pk, corpus.lampung.pk}
    assert corpus.subang.pk not in found and corpus.lubuklinggau.pk not in found


def test_rejected_tags_are_never_indexed(corpus, search_index):
    assert corpus.rejected.pk not in search_index.ids(SearchQuerySet().filter(regions=Exact("18.72")))
    assert corpus.rejected.pk in search_index.ids(SearchQuerySet().filter(regions=Exact("32.13")))
    assert corpus.rejected.pk not in search_index.ids(SearchQuerySet().filter(people=Exact("qomaru-zaman")))


def test_region_facet_counts_match_the_database(corpus):
    sqs = SearchQuerySet().all().facet("regions")
    list(sqs[:10])
    counts = dict(sqs.facet_counts()["fields"]["regions"])
    for code, n in counts.items():
        if code:
            assert n == Article.objects.in_region(Region.objects.get(code=code)).count(), code
    assert counts["18.72"] == 2 and counts["18"] == 3


def test_facet_values_come_out_whole(corpus):
    sqs = SearchQuerySet().all().facet("outlet").facet("people").facet("month")
    list(sqs[:10])
    fields = sqs.facet_counts()["fields"]
    assert ("kupas-tuntas", 2) in fields["outlet"]
    assert ("qomaru-zaman", 2) in fields["people"]
    assert ("2024-03", 2) in fields["month"]


def test_facet_counts_span_segments_and_skip_deleted_documents(tmp_path):
    from whoosh import index as whoosh_index
    from whoosh.fields import Schema

    from articles.search.backend import facet_counts

    schema = Schema(id=ID(stored=True, unique=True), regions=KEYWORD(commas=True), outlet=ID(sortable=True))
    ix = whoosh_index.create_in(tmp_path, schema)
    for batch in (["a:18,18.72:x", "b:18:y"], ["c:32,32.13:x", "d:18,18.72:"]):
        writer = ix.writer()
        for row in batch:
            ident, regions, outlet = row.split(":")
            writer.add_document(id=ident, regions=regions, **({"outlet": outlet} if outlet else {}))
        writer.commit(merge=False)  # one segment per batch
    writer = ix.writer()
    writer.delete_by_term("id", "b")
    writer.commit(merge=False)

    with ix.searcher() as searcher:
        assert len(searcher.leaf_searchers()) == 2
        docs = [searcher.document_number(id=i) for i in ("a", "c", "d")]
        counts = facet_counts(searcher, docs, ["regions", "outlet"])
        assert counts["regions"] == [("18", 2), ("18.72", 2), ("32", 1), ("32.13", 1)]
        assert counts["outlet"] == [("x", 2)]  # d has no outlet: it counts for nothing
        assert facet_counts(searcher, docs[1:2], ["regions"]) == {"regions": [("32", 1), ("32.13", 1)]}


def test_a_sorted_deep_page_with_facets_and_a_filter_agrees_with_the_database(corpus):
    sqs = SearchQuerySet().filter(regions=Exact("18")).order_by("-published").facet("outlet")
    page = [int(r.pk) for r in sqs[2:4]]  # page-aligned slices, as the site asks for them
    in_region = Article.objects.in_region(Region.objects.get(code="18")).order_by("-published_on")
    assert page == [a.pk for a in in_region[2:4]]
    assert sqs.count() == in_region.count()
    assert sum(n for _slug, n in sqs.facet_counts()["fields"]["outlet"]) <= in_region.count()


def test_facet_and_keyword_fields_are_not_analysed_text(search_index):
    schema = search_index.backend.setup() or search_index.backend.schema
    assert isinstance(schema["outlet_exact"], ID) and isinstance(schema["month_exact"], ID)
    assert isinstance(schema["regions_exact"], KEYWORD)
    assert isinstance(schema["body"], STORED)
    assert isinstance(schema["text"], TEXT) and not schema["text"].stored


def test_match_all_is_haystacks_own_query_and_finds_every_document(corpus, search_index):
    sqs = SearchQuerySet().all()
    assert sqs.query.build_query() == "*"  # what every backend understands; ours runs it as Every()
    assert len(search_index.ids(sqs)) == Article.objects.count()


def test_a_narrowed_search_filters_without_losing_hits(corpus, search_index):
    assert search_index.ids(SearchQuerySet().all().narrow("regions:18.72")) == {
        corpus.metro_run.pk,
        corpus.metro_meeting.pk,
    }


def test_a_page_past_the_end_is_empty_but_keeps_the_total(corpus):
    sqs = SearchQuerySet().all()
    assert list(sqs[100:120]) == []
    assert sqs.count() == Article.objects.count()


def test_a_spelling_suggestion_comes_exactly_when_nothing_matched(corpus):
    sqs = SearchQuerySet().filter(content=Raw(to_query_string(parse("bawasluu"), ALL)))
    assert sqs.count() == 0
    assert sqs.all().spelling_suggestion("bawasluu") == "bawaslu"
    assert SearchQuerySet().all().spelling_suggestion("bawaslu") is None  # known word: nothing to say


def test_asking_the_engine_to_highlight_says_where_highlighting_lives(corpus):
    # Haystack's own highlighter would mark English stems in unescaped text; pages use ours.
    with pytest.raises(SearchBackendError, match="articles.search.highlighting"):
        SearchQuerySet().filter(content=Raw(to_query_string(parse("pencalonan"), ALL))).highlight().count()


def test_the_searcher_is_reused_until_the_index_changes(corpus, search_index, make_article):
    backend = search_index.backend
    first = backend.searcher()
    assert backend.searcher() is first
    article = make_article(title="Artikel baru tentang Tulangbawang")
    search_index.update([article])
    assert backend.searcher() is not first
    assert find("tulangbawang") == [article.pk]


def test_clearing_swaps_in_an_empty_generation_instead_of_deleting_the_folder(corpus, search_index):
    backend = search_index.backend
    before = os.readlink(os.path.join(backend.folder.root, "current"))
    backend.clear()
    after = os.readlink(os.path.join(backend.folder.root, "current"))
    assert before != after
    assert os.path.isdir(os.path.join(backend.folder.root, before))  # kept for searches still reading it
    assert search_index.ids() == set()


def test_another_process_swapping_generations_is_followed(corpus, search_index):
    other = (
        connections["default"].get_backend().__class__("default", **connections.connections_info["default"])
    )
    other.clear()  # as if `clear_index` ran in another process
    assert search_index.ids() == set()


@pytest.mark.parametrize("value", [datetime(2024, 1, 1, 7, 0, tzinfo=UTC), date(2024, 1, 1)])
def test_python_values_go_in_as_naive_utc(search_index, value):
    converted = search_index.backend._from_python(value)
    assert converted.tzinfo is None
    assert converted.hour == (7 if isinstance(value, datetime) else 0)
