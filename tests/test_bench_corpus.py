"""The benchmark corpus builder: deterministic, N files shaped like scraped news, mentions woven in.

A tiny fake corpus made here stands in for ../shared (tests never need it). No timings are asserted.
"""

import gzip
import json
import re
from pathlib import Path

import pytest

from bench import corpus
from bench.baselines import Fts5, RawWhoosh, build_fts5, build_whoosh
from bench.queries import Query, query_mix

BODIES = [
    "Pemerintah daerah menggelar rapat koordinasi persiapan pemilihan.\n\nRapat dihadiri camat dan lurah.",
    "TEMPO.CO, Jakarta - Harga beras di pasar tradisional naik menjelang akhir bulan.\n\nPedagang mengeluh.",
    "Banjir merendam ratusan rumah warga setelah hujan deras sejak sore.\n\nTidak ada korban jiwa.",
]


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "source.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for i, body in enumerate(BODIES):
            row = {
                "title": f"Judul berita {i}",
                "date": "2019-09-01",
                "source": "kompas.com",
                "url": f"u{i}",
                "body": body,
            }
            handle.write(json.dumps(row) + "\n")
    return path


def files_under(folder):
    return {p.relative_to(folder): p.read_bytes() for p in Path(folder).rglob("*") if p.is_file()}


def test_the_same_arguments_build_byte_identical_corpora(source, tmp_path):
    a = corpus.build_corpus(source, tmp_path / "a", 12, seed=7)
    b = corpus.build_corpus(source, tmp_path / "b", 12, seed=7)
    assert files_under(a) == files_under(b)


def test_another_seed_builds_another_corpus(source, tmp_path):
    a = corpus.build_corpus(source, tmp_path / "a", 12, seed=7)
    b = corpus.build_corpus(source, tmp_path / "b", 12, seed=8)
    assert files_under(a / "articles") != files_under(b / "articles")


def test_it_writes_exactly_n_article_files_with_distinct_texts(source, tmp_path):
    out = corpus.build_corpus(source, tmp_path / "c", 25)
    texts = [p.read_text() for p in sorted((out / "articles").rglob("*.txt"))]
    assert len(texts) == 25
    assert len(set(texts)) == 25  # amplified past the 3 sources, yet no two files alike
    assert len(corpus.read_manifest(out)) == 25


def test_a_small_corpus_is_the_prefix_of_a_larger_one(source, tmp_path):
    small = corpus.build_corpus(source, tmp_path / "s", 5)
    large = corpus.build_corpus(source, tmp_path / "l", 9)
    for path, text in files_under(small / "articles").items():
        assert files_under(large / "articles")[path] == text


def test_files_look_like_scraped_news(source, tmp_path):
    out = corpus.build_corpus(source, tmp_path / "c", 6)
    for meta in corpus.read_manifest(out):
        lines = (out / "articles" / meta["path"]).read_text().split("\n")
        assert lines[0] == meta["title"]
        assert re.fullmatch(
            r"(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ 2024 - \d\d\.\d\d WIB", lines[2]
        )
        assert re.match(r"^[A-Z][A-Z .'-]+, Kompas\.com - ", lines[4])
        assert any(line.startswith("Editor : ") for line in lines[-3:])


def test_region_and_official_mentions_are_woven_in(source, tmp_path):
    out = corpus.build_corpus(source, tmp_path / "c", 30)
    regions = {r.code: r for r in corpus.load_regions()}
    for meta in corpus.read_manifest(out):
        text = (out / "articles" / meta["path"]).read_text()
        assert meta["people"]
        for name, role in zip(meta["people"], meta["roles"], strict=True):
            assert f"{role}, {name}," in text  # "Wali Kota Bekasi, Nama Orang,"
        region = regions[meta["region"]]
        assert region.short in text or any(alias in text for alias in region.aliases)


def test_the_publishers_own_datelines_are_cut_from_recombined_paragraphs(source, tmp_path):
    out = corpus.build_corpus(source, tmp_path / "c", 10)
    for path in (out / "articles").rglob("*.txt"):
        assert "TEMPO.CO, Jakarta -" not in path.read_text()


def test_officials_are_invented_with_unique_names_and_roles():
    regions = corpus.load_regions()
    officials = corpus.invent_officials(regions)
    everyone = [o for group in officials.values() for o in group]
    assert len({o.name for o in everyone}) == len(everyone)
    bekasi = next(r for r in regions if r.name == "Kota Bekasi")
    titles = {o.title for o in officials[bekasi.code]}
    assert "Wali Kota Bekasi" in titles and "Ketua KPU Kota Bekasi" in titles


def test_it_refuses_to_write_in_the_project_outside_bench_scratch(source):
    with pytest.raises(ValueError):
        corpus.build_corpus(source, corpus.PROJECT_ROOT / "articles" / "oops", 2)
    assert not (corpus.PROJECT_ROOT / "articles" / "oops").exists()


def test_everything_it_writes_stays_in_the_output_folder(source, tmp_path):
    before = set(tmp_path.rglob("*"))
    out = corpus.build_corpus(source, tmp_path / "only-here", 4)
    created = set(tmp_path.rglob("*")) - before
    assert created and all(p == out or out in p.parents for p in created)


def test_the_query_mix_has_at_least_fifty_queries_of_every_kind():
    mix = query_mix()
    assert len(mix) >= 50
    assert {q.kind for q in mix} == {"word", "phrase", "filter", "facet", "sort", "deep"}


def test_baselines_answer_a_query_the_same_way(source, tmp_path):
    out = corpus.build_corpus(source, tmp_path / "c", 20)
    build_whoosh(out, tmp_path / "whoosh")
    build_fts5(out, tmp_path / "fts.sqlite3")
    meta = corpus.read_manifest(out)[0]
    query = Query("filter", "banjir", region=meta["region"])
    expected = sum(
        1
        for m in corpus.read_manifest(out)
        if meta["region"] in m["regions"] and "banjir" in (out / "articles" / m["path"]).read_text().lower()
    )
    raw, fts = RawWhoosh(tmp_path / "whoosh"), Fts5(tmp_path / "fts.sqlite3")
    try:
        assert raw.run(query)[0] == fts.run(query)[0] == expected
    finally:
        raw.close()
        fts.close()
