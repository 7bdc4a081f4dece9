"""The issue's targets as checks on a result dict, and the generated table in docs/benchmarks.md."""

import json
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"

# name: (what the issue asks, check on the result)
TARGETS = {
    "search_cold_p95": ("search page cold p95 ≤ 150 ms", lambda r: r["search_cold_p95_ms"] <= 150),
    "search_warm_p95": ("search page warm p95 ≤ 15 ms", lambda r: r["search_warm_p95_ms"] <= 15),
    "search_vs_naive": (
        "≥ 10 × faster than stock Haystack on the same index (cold p95)",
        lambda r: r["naive_same_index_p95_ms"] >= 10 * r["search_cold_p95_ms"],
    ),
    "import_index": (
        # import_articles leaves every article indexed: no rebuild is needed after it
        "import (extraction, pairs, storing and indexing) of 100,000 ≤ 10 min (from the measured rate)",
        lambda r: 100_000 / r["import_per_s"] <= 600,
    ),
    "browse_p95": ("browse p95 ≤ 30 ms", lambda r: r["browse_p95_ms"] <= 30),
    "browse_queries": (
        "browse query count independent of N (busy page = quiet page)",
        lambda r: all(
            r["browse_pages"][busy]["queries"] == r["browse_pages"][f"{busy} (quiet)"]["queries"]
            for busy in ("region", "person")
        ),
    ),
    "load_rps": ("realistic load ≥ 150 req/s", lambda r: r["load_rps"] >= 150),
    "load_errors": ("realistic load 0 errors", lambda r: r["load_errors"] == 0),
    "load_p99": ("realistic load p99 ≤ 300 ms", lambda r: r["load_p99_ms"] <= 300),
    "rss": ("web worker peak RSS ≤ 300 MB", lambda r: r["rss_mb"] <= 300),
}


def _fmt(value, unit=""):
    if value is None:
        return "–"
    if isinstance(value, float):
        value = f"{value:,.1f}"
    elif isinstance(value, int):
        value = f"{value:,}"
    return f"{value}{unit}"


def table(r, path):
    m = r.get("machine", {})
    rows = [
        ("Articles (N)", _fmt(r["articles"]), ""),
        ("import_articles", _fmt(r.get("import_per_s"), " articles/s"), f"{_fmt(r.get('import_seconds'))} s"),
        ("rebuild_index", _fmt(r.get("index_per_s"), " docs/s"), f"{_fmt(r.get('index_seconds'))} s"),
        (
            "raw Whoosh writer (same texts)",
            _fmt(r.get("raw_whoosh_index_per_s"), " docs/s"),
            f"{_fmt(r.get('raw_whoosh_index_seconds'))} s",
        ),
        (
            "naive update_index (stock)",
            _fmt(r.get("naive_index_per_s"), " docs/s"),
            f"{_fmt(r.get('naive_indexed'))} of {_fmt(r.get('naive_index_cap'))} docs"
            + (" (timed out)" if r.get("naive_index_timed_out") else ""),
        ),
        (
            "search page cold p50 / p95 / p99",
            f"{_fmt(r.get('search_cold_p50_ms'))} / {_fmt(r.get('search_cold_p95_ms'))} / {_fmt(r.get('search_cold_p99_ms'))} ms",
            f"first request of each of {r.get('queries')} queries after the workers start, nothing cached",
        ),
        (
            "search page warm p50 / p95 / p99",
            f"{_fmt(r.get('search_p50_ms'))} / {_fmt(r.get('search_warm_p95_ms'))} / {_fmt(r.get('search_p99_ms'))} ms",
            "the same queries repeated",
        ),
        ("/api/search p50 / p95", f"{_fmt(r.get('api_p50_ms'))} / {_fmt(r.get('api_p95_ms'))} ms", ""),
        (
            "raw Whoosh p50 / p95 / p99",
            f"{_fmt(r.get('raw_whoosh_p50_ms'))} / {_fmt(r.get('raw_whoosh_p95_ms'))} / {_fmt(r.get('raw_whoosh_p99_ms'))} ms",
            "in process",
        ),
        (
            "SQLite FTS5 p50 / p95 / p99",
            f"{_fmt(r.get('fts5_p50_ms'))} / {_fmt(r.get('fts5_p95_ms'))} / {_fmt(r.get('fts5_p99_ms'))} ms",
            "in process",
        ),
        (
            "naive Haystack p50 / p95 / p99",
            f"{_fmt(r.get('naive_p50_ms'))} / {_fmt(r.get('naive_p95_ms'))} / {_fmt(r.get('naive_p99_ms'))} ms",
            f"index of {_fmt(r.get('naive_indexed'))} docs",
        ),
        (
            "stock Haystack on the site's index p50 / p95 / p99",
            f"{_fmt(r.get('naive_same_index_p50_ms'))} / {_fmt(r.get('naive_same_index_p95_ms'))} / {_fmt(r.get('naive_same_index_p99_ms'))} ms",
            "FacetedSearchView, same facets, once each",
        ),
        (
            "browse pages p50 / p95",
            f"{_fmt(r.get('browse_p50_ms'))} / {_fmt(r.get('browse_p95_ms'))} ms",
            f"max {_fmt(r.get('browse_max_queries'))} SQL queries",
        ),
        (
            "realistic load",
            f"{_fmt(r.get('load_rps'))} req/s, p50 / p95 / p99 {_fmt(r.get('load_p50_ms'))} / "
            f"{_fmt(r.get('load_p95_ms'))} / {_fmt(r.get('load_p99_ms'))} ms, cache hits {_fmt(r.get('cache_hit_ratio'))}",
            f"{_fmt(r.get('load_errors'))} errors, {r.get('load_clients')} clients, {r.get('load_seconds')} s, "
            f"{_fmt(r.get('load_distinct_searches'))} searches and {_fmt(r.get('load_distinct_pages'))} pages (Zipf)",
        ),
        ("web worker peak RSS", _fmt(r.get("rss_mb"), " MB"), f"{r.get('workers')} gunicorn workers"),
    ]
    out = [
        f"Run of {r.get('started', '?')} on {r.get('db', 'sqlite')}, N = {r['articles']:,}; machine: {m.get('nproc')} cores, "
        f"{m.get('memory_gib')} GiB, Python {m.get('python')}, SQLite {m.get('sqlite')}, commit {m.get('git')}. "
        f"Raw data: `{path}`.",
        "",
        "| Measure | Result | Detail |",
        "|---|---|---|",
        *[f"| {a} | {b} | {c} |" for a, b, c in rows],
        "",
        "| Target | Met |",
        "|---|---|",
        *[
            f"| {t['target']} | {'yes' if t['met'] else 'no' if t['met'] is False else 'not measured'} |"
            for t in r.get("targets", {}).values()
        ],
        "",
        "Browse pages (p95 over HTTP, SQL queries counted in process):",
        "",
        "| Page | Path | p95 | Queries |",
        "|---|---|---|---|",
        *[
            f"| {name} | `{p['path']}` | {_fmt(p.get('p95_ms'))} ms | {p['queries']} |"
            for name, p in r.get("browse_pages", {}).items()
        ],
    ]
    if r.get("notes"):
        out += ["", "Notes from the run:", "", *[f"- {n}" for n in r["notes"]]]
    return "\n".join(out)


def _markers(db):
    return f"<!-- bench:begin {db} (generated by python -m bench.run) -->", f"<!-- bench:end {db} -->"


def write_docs(result, path, docs=DOCS):
    """Replace this database's generated part of docs/benchmarks.md, keeping the text around it."""
    _replace_block(docs, *_markers(result.get("db", "sqlite")), table(result, path))


def _replace_block(docs, begin, end, body):
    block = f"{begin}\n{body}\n{end}"
    text = docs.read_text() if docs.exists() else "# Benchmarks\n"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    docs.write_text(text)


# How cost grows ------------------------------------------------------------------------------------

SCALING = [
    ("import_per_s", "import + index", "articles/s"),
    ("search_cold_p95_ms", "search page cold p95", "ms"),
    ("browse_p95_ms", "browse p95", "ms"),
]
COLOURS = {"sqlite": "#1f6f8b", "postgresql": "#c2571a"}


def scaling_table(by_db):
    """Markdown: each measure at each N, a column per database."""
    sizes = sorted({int(n) for r in by_db.values() for n in r.get("scaling", {})})
    dbs = sorted(by_db)
    lines = [
        "| N | " + " | ".join(f"{label} ({unit}), {db}" for _, label, unit in SCALING for db in dbs) + " |"
    ]
    lines.append("|---" * (1 + len(SCALING) * len(dbs)) + "|")
    for n in sizes:
        cells = [
            _fmt(by_db[db].get("scaling", {}).get(str(n), {}).get(key)) for key, _, _ in SCALING for db in dbs
        ]
        lines.append(f"| {n:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def scaling_svg(by_db, width=720, height=220):
    """Three small line charts (one per measure) of value against N, a line per database."""
    panel, pad = width / len(SCALING), 34
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">'
    ]
    sizes = sorted({int(n) for r in by_db.values() for n in r.get("scaling", {})})
    for i, (key, label, unit) in enumerate(SCALING):
        x0 = i * panel + pad
        w, h = panel - pad - 12, height - 2 * pad
        values = [
            v for r in by_db.values() for p in r.get("scaling", {}).values() if (v := p.get(key)) is not None
        ]
        top = max(values, default=1) * 1.1 or 1
        parts.append(f'<text x="{x0}" y="14">{label} ({unit})</text>')
        parts.append(f'<line x1="{x0}" y1="{pad + h}" x2="{x0 + w}" y2="{pad + h}" stroke="#999"/>')
        parts.append(f'<line x1="{x0}" y1="{pad}" x2="{x0}" y2="{pad + h}" stroke="#999"/>')
        parts.append(f'<text x="{x0 - 4}" y="{pad + 4}" text-anchor="end">{top:,.0f}</text>')

        def at(n, v, x0=x0, w=w, h=h, top=top):
            spot = sizes.index(n) / max(1, len(sizes) - 1)
            return x0 + spot * w, pad + h - v / top * h

        for n in sizes:
            x, _ = at(n, 0)
            parts.append(f'<text x="{x}" y="{pad + h + 14}" text-anchor="middle">{n // 1000}k</text>')
        for db, r in sorted(by_db.items()):
            points = [
                at(int(n), p[key]) for n, p in sorted(r.get("scaling", {}).items(), key=lambda t: int(t[0]))
                if p.get(key) is not None
            ]  # fmt: skip
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{COLOURS.get(db, "#333")}" stroke-width="2"/>'
            )
            parts += [
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{COLOURS.get(db, "#333")}"/>'
                for x, y in points
            ]
    for j, db in enumerate(sorted(by_db)):
        parts.append(
            f'<text x="{pad + j * 110}" y="{height - 6}" fill="{COLOURS.get(db, "#333")}">— {db}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def write_scaling(by_db, docs=DOCS):
    """The scaling table in docs/benchmarks.md and its chart beside it (docs/benchmarks-scaling.svg)."""
    chart = docs.parent / "benchmarks-scaling.svg"
    chart.write_text(scaling_svg(by_db))
    body = scaling_table(by_db) + f"\n\n![How cost grows with N]({chart.name})"
    _replace_block(docs, "<!-- bench:begin scaling -->", "<!-- bench:end scaling -->", body)


def latest(results, db, n=100_000):
    """The newest full results file of `db` at N = n in `results`, or None."""
    suffix = "" if n == 100_000 else f"-n{n}"
    found = sorted(results.glob(f"*-{db}{suffix}.json"))
    return json.loads(found[-1].read_text()) if found else None


def scaling_series(results, db):
    """{N: point} for `db` from every run in `results`: each run is a point at its own N, and a run
    made with --scaling brings its smaller sizes too; the latest run to measure a figure at an N
    gives it. So runs of one size at a time (or a `make bench` cut short) still give the series,
    and a pages-only rerun (--reuse) renews the page figures but not the import rate it did not
    measure."""
    runs = [json.loads(path.read_text()) for path in results.glob(f"*-{db}*.json")]
    series = {}
    for run in sorted((r for r in runs if r.get("db", "sqlite") == db), key=lambda r: r.get("finished", "")):
        points = {
            **run.get("scaling", {}),
            str(run["articles"]): {key: run.get(key) for key, _, _ in SCALING},
        }
        for n, point in points.items():
            known = series.setdefault(n, dict.fromkeys(key for key, _, _ in SCALING))
            known.update({key: value for key, value in point.items() if value is not None})
    return series


if __name__ == "__main__":
    # make bench: after one run per database, the scaling table and chart from both
    import sys

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS.parent.parent / "bench" / "results"
    by_db = {db: {"scaling": series} for db in COLOURS if len(series := scaling_series(folder, db)) > 1}
    if by_db:
        write_scaling(by_db)
        print(
            f"scaling written for {', '.join(by_db)}: N = {', '.join(sorted({n for r in by_db.values() for n in r['scaling']}, key=int))}"
        )
    else:
        print("no results with two sizes or more yet")
