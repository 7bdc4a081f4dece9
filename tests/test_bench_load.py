"""The benchmark's realistic load and its reports: enough distinct questions, a Zipf-like popularity,
figures checked for presence, a scaling table and chart. No timings are asserted."""

import json
from collections import Counter
from urllib.parse import parse_qs, urlsplit

from bench import check_results, load_pool, report

POOL = {
    "people": [{"name": f"Nama Orang {i}", "path": f"/tokoh/nama-orang-{i}/"} for i in range(200)],
    "regions": [
        {
            "code": f"{11 + i // 30}.{i % 30 + 1:02}",
            "name": f"Kabupaten Daerah {i}",
            "path": f"/wilayah/d-{i}/",
        }
        for i in range(200)
    ],
    "contests": [f"/pilkada/d-{i}/" for i in range(150)],
    "articles": [f"/artikel/{i}/" for i in range(1, 201)],
    "months": ["/tanggal/2024/3/", "/tanggal/2024/11/"],
}


def test_the_pool_holds_at_least_500_distinct_searches_of_every_kind():
    searches = load_pool.searches(POOL)
    assert len(searches) == len(set(searches)) >= 500
    params = [parse_qs(urlsplit(path).query) for path in searches]
    assert any(p.get("q", [""])[0].startswith('"Nama Orang') for p in params)  # names as phrases
    assert any(p.get("q") == ["Daerah 0"] for p in params)  # a region as a reader types it
    assert any("region" in p for p in params) and any("person" in p for p in params)
    assert any("from" in p and "to" in p for p in params) and any("sort" in p for p in params)


def test_the_most_popular_search_is_asked_far_more_often_than_the_tail():
    searches, pages = load_pool.searches(POOL), load_pool.pages(POOL)
    drawn = load_pool.draw(searches, pages, 20_000, seed=1)
    counts = Counter(drawn)
    assert counts[searches[0]] > 20 * max(1, counts[searches[-1]])
    assert abs(sum(path.startswith("/cari/") for path in drawn) / len(drawn) - load_pool.SEARCH_SHARE) < 0.01
    assert set(drawn) <= set(searches) | set(pages)


def test_each_client_draws_its_own_sequence_the_same_every_run():
    searches, pages = load_pool.searches(POOL), load_pool.pages(POOL)
    assert load_pool.draw(searches, pages, 100, seed=3) == load_pool.draw(searches, pages, 100, seed=3)
    assert load_pool.draw(searches, pages, 100, seed=3) != load_pool.draw(searches, pages, 100, seed=4)


def complete_result(db):
    result = {key: 1.0 for key in check_results.FIGURES}
    result.update({key: 0 for key in check_results.ZERO}, db=db)
    result["scaling"] = {
        "10000": {"import_per_s": 120.0, "search_cold_p95_ms": 80.0, "browse_p95_ms": 9.0},
        "30000": {"import_per_s": 110.0, "search_cold_p95_ms": 150.0, "browse_p95_ms": 11.0},
    }
    return result


def test_a_missing_figure_or_a_failed_request_is_reported(tmp_path):
    assert check_results.problems(complete_result("sqlite")) == []
    broken = complete_result("postgresql")
    del broken["cache_hit_ratio"]
    broken["load_errors"] = 3
    broken["scaling"]["30000"]["browse_p95_ms"] = None
    assert check_results.problems(broken) == [
        "cache_hit_ratio missing",
        "load_errors = 3",
        "scaling[30000].browse_p95_ms missing",
    ]
    (tmp_path / "a.json").write_text(json.dumps(complete_result("sqlite")))
    assert check_results.main(tmp_path) == 1  # no PostgreSQL results
    (tmp_path / "b.json").write_text(json.dumps(complete_result("postgresql")))
    assert check_results.main(tmp_path) == 0


def test_the_scaling_table_and_chart_show_each_size_for_each_database(tmp_path):
    by_db = {"sqlite": complete_result("sqlite"), "postgresql": complete_result("postgresql")}
    by_db["postgresql"]["scaling"]["30000"]["search_cold_p95_ms"] = 175.5
    docs = tmp_path / "benchmarks.md"
    docs.write_text("# Benchmarks\n\nHand-written text stays.\n")
    report.write_scaling(by_db, docs)
    text = docs.read_text()
    assert "Hand-written text stays." in text
    row = next(line for line in text.splitlines() if line.startswith("| 30,000 |"))
    assert "175.5" in row and "150.0" in row
    svg = (tmp_path / "benchmarks-scaling.svg").read_text()
    assert svg.count("<polyline") == 3 * 2  # three measures, two databases
    report.write_scaling(by_db, docs)  # again: the block is replaced, not repeated
    assert docs.read_text().count("| 30,000 |") == 1


def test_the_scaling_series_gathers_runs_of_one_size_at_a_time_latest_first(tmp_path):
    def run(name, db, n, finished, **figures):
        record = {"db": db, "articles": n, "finished": finished, **figures}
        (tmp_path / name).write_text(json.dumps(record))

    run("a-sqlite-n10000.json", "sqlite", 10_000, "2026-01-01", import_per_s=50.0)
    run("b-sqlite-n10000.json", "sqlite", 10_000, "2026-01-02", import_per_s=60.0)  # later: counts
    run(
        "b-sqlite-n30000.json",
        "sqlite",
        30_000,
        "2026-01-02",
        import_per_s=55.0,
        scaling={"3000": {"import_per_s": 40.0}},
    )
    run("c-sqlite.json", "sqlite", 100_000, "2026-01-03", import_per_s=52.0, search_cold_p95_ms=300.0)
    # a pages-only rerun: new page figures, no import rate
    run("c-sqlite-reused.json", "sqlite", 100_000, "2026-01-04", import_per_s=None, search_cold_p95_ms=200.0)
    run("c-postgresql.json", "postgresql", 100_000, "2026-01-03", import_per_s=30.0)

    series = report.scaling_series(tmp_path, "sqlite")
    assert {n: point["import_per_s"] for n, point in series.items()} == {
        "3000": 40.0,
        "10000": 60.0,
        "30000": 55.0,
        "100000": 52.0,
    }
    assert series["100000"] == {"import_per_s": 52.0, "search_cold_p95_ms": 200.0, "browse_p95_ms": None}
    assert list(report.scaling_series(tmp_path, "postgresql")) == ["100000"]


def test_the_pages_are_those_the_archive_has():
    pages = load_pool.pages(POOL)
    assert "/tanggal/2024/11/" in pages and "/tanggal/2024/12/" not in pages  # an empty month is a 404
    assert set(POOL["contests"]) <= set(pages) and "/" in pages


def test_a_load_client_counts_requests_cache_verdicts_and_error_kinds():
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from bench.run import load_client

    class Site(BaseHTTPRequestHandler):
        def do_GET(self):
            status, verdict = {"/hit": (200, "hit"), "/miss": (200, "miss")}.get(self.path, (404, None))
            self.send_response(status)
            if verdict:
                self.send_header("X-Cache", verdict)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        part = load_client([f"{base}/hit", f"{base}/hit", f"{base}/miss", f"{base}/gone"], seconds=30)
    finally:
        server.shutdown()
    assert len(part["ms"]) == 4
    assert (part["hits"], part["misses"], part["errors"]) == (2, 1, 1)
    assert part["error_kinds"] == {"HTTP 404": 1}


def test_a_request_that_gets_no_answer_is_a_timeout_not_the_end_of_the_run():
    import socket

    from bench.run import Run

    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        ms, status, size = Run.fetch(
            f"http://127.0.0.1:{silent.getsockname()[1]}/cari/?q=pilkada", timeout=0.5
        )
    assert (status, size) == ("timeout", 0) and ms >= 500
