"""Run the benchmark: build a corpus, import, index, then time search, browse and load over real HTTP.

    python -m bench.run --db sqlite|postgresql --articles 100000 [--scaling 10000,30000] [--keep]
    python -m bench.run --articles 100000 --reuse     # pages only, on what a --keep run left


Everything is created under bench/scratch/ (git-ignored): the corpus, a scratch database (an SQLite
file, or a PostgreSQL database `bench_<N>` at BENCH_POSTGRES, default postgres://postgres@127.0.0.1:5432),
the site's Whoosh index, the baselines (raw Whoosh, FTS5, naive Haystack). Django runs only in
subprocesses (manage.py commands, gunicorn, bench.probe), so this process measures from outside.
Results go to bench/results/<date>-<db>[-nN].json (--results for another folder) and, unless
--no-docs, to the tables in docs/benchmarks.md (bench.report).

--reuse skips the corpus, the import, the index and the baselines: it migrates the database a --keep
run left and times the search page, the browse pages and the load again, so that a change to a page
is measured at 100,000 articles in minutes instead of an hour. It never touches the docs.
"""

import argparse
import json
import multiprocessing
import os
import platform
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import date, datetime
from pathlib import Path

from bench import baselines, corpus, load_pool, queries
from bench.report import TARGETS, write_docs

ROOT = corpus.PROJECT_ROOT
RESULTS = ROOT / "bench" / "results"
PY = sys.executable
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
NAIVE_TIMEOUT = 300  # seconds for one stock-Haystack search


LOADAVG = {}  # 1-minute load average as each step starts: other work on the machine skews timings


def log(message):
    LOADAVG[message.split(":")[0][:40]] = round(os.getloadavg()[0], 2)
    print(f"[{datetime.now():%H:%M:%S}] {message}", flush=True)


def percentile(values, p):
    """Nearest-rank percentile of a non-empty list (p in 0..100)."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def summary(ms):
    if not ms:
        return {"n": 0}
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "p99_ms": round(percentile(ms, 99), 2),
        "max_ms": round(max(ms), 2),
    }


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Run:
    def __init__(self, args):
        self.args = args
        self.n = args.articles
        self.work = corpus.check_out_dir(args.work)
        self.corpus_dir = self.work / f"corpus-{self.n}"
        self.dir = self.work / f"run-{self.n}-{args.db}"
        self.db = self.dir / "archive.sqlite3"
        if args.db == "postgresql":
            self.database_url = f"{POSTGRES}/bench_{self.n}"
        else:
            self.database_url = f"sqlite:///{self.db}"
        self.result = {
            "articles": self.n,
            "db": args.db,
            "started": datetime.now().isoformat(timespec="seconds"),
        }
        self.notes = []
        self.machine_info = self.machine()  # the code as it was when the run started

    # environment and subprocesses ------------------------------------------------------------------

    def env(self, settings="bench.settings", **extra):
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE=settings,
            DATABASE_URL=self.database_url,
            WHOOSH_PATH=str(self.dir / "whoosh"),
            CACHE_PATH=str(self.dir / "cache"),
            NAIVE_WHOOSH_PATH=str(self.dir / "naive-whoosh"),
            BENCH_STATIC_ROOT=str(self.work / "static"),
            DEBUG="false",
            SECRET_KEY="bench-only-not-secret",
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="false",
            SECURE_HSTS_SECONDS="0",
            SECURE_COOKIES="false",
            SEARCH_BACKEND="whoosh",
            LOG_LEVEL="ERROR",
            SEARCH_RATE_LIMIT="0",  # limiter off: the load comes from one client IP at 100+ req/s
            RATE_LIMIT_DB=str(self.dir / "ratelimit.sqlite3"),
            PYTHONPATH=str(ROOT),
            PYTHONWARNINGS="ignore",
        )
        env.pop("SEARCH_URL", None)
        env.update(extra)
        return env

    def manage(self, *argv, settings="bench.settings", timeout=None, check=True):
        """Run manage.py; returns (seconds, completed process)."""
        started = time.perf_counter()
        proc = subprocess.run(
            [PY, "manage.py", *argv],
            cwd=ROOT,
            env=self.env(settings),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        seconds = time.perf_counter() - started
        if check and proc.returncode != 0:
            raise RuntimeError(
                f"manage.py {' '.join(argv)} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
            )
        return seconds, proc

    def probe(self, *argv):
        proc = subprocess.run(
            [PY, "-m", "bench.probe", *argv], cwd=ROOT, env=self.env(), capture_output=True, text=True
        )
        if proc.returncode != 0:
            raise RuntimeError(f"bench.probe {' '.join(argv)} failed:\n{proc.stderr[-4000:]}")
        return json.loads(proc.stdout)

    # steps -----------------------------------------------------------------------------------------

    def build_corpus(self):
        log(f"corpus: {self.n} articles from {self.args.corpus}")
        started = time.perf_counter()
        corpus.build_corpus(self.args.corpus, self.corpus_dir, self.n, seed=self.args.seed)
        self.result["corpus_seconds"] = round(time.perf_counter() - started, 1)

    def prepare(self):
        if self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)
        if self.args.db == "postgresql":
            self.recreate_postgres()
        log("migrate + collectstatic")
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")

    def recreate_postgres(self):
        import psycopg

        name = self.database_url.rsplit("/", 1)[1]
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')

    def import_articles(self):
        log("import_articles")
        seconds, proc = self.manage("import_articles", str(self.corpus_dir / "articles"), check=False)
        lines = (proc.stdout.strip().splitlines() or [""])[-1]
        self.result.update(
            import_seconds=round(seconds, 1),
            import_per_s=round(self.n / seconds, 1),
            import_summary=lines,
            import_exit=proc.returncode,
        )
        if proc.returncode != 0:
            self.notes.append(f"import_articles exited {proc.returncode}: {proc.stderr.strip()[-300:]}")
        log(f"  {seconds:.0f} s, {self.n / seconds:.1f} articles/s — {lines}")

    def rebuild_index(self):
        log("rebuild_index")
        seconds, proc = self.manage("rebuild_index", "--noinput")
        counts = self.probe("count")
        self.result.update(
            db_articles=counts["articles"],
            index_seconds=round(seconds, 1),
            index_per_s=round(counts["articles"] / seconds, 1),
            index_summary=proc.stdout.strip().splitlines()[-1:] or [""],
        )
        log(f"  {seconds:.0f} s, {counts['articles'] / seconds:.1f} docs/s")

    def baselines(self):
        log("raw Whoosh index (one writer, limitmb=256, one commit)")
        docs, seconds, analyzer = baselines.build_whoosh(self.corpus_dir, self.dir / "raw-whoosh")
        self.result.update(
            raw_whoosh_index_seconds=round(seconds, 1),
            raw_whoosh_index_per_s=round(docs / seconds, 1),
            raw_whoosh_analyzer=analyzer,
        )
        log(f"  {seconds:.0f} s, {docs / seconds:.1f} docs/s ({analyzer})")
        log("SQLite FTS5")
        docs, seconds = baselines.build_fts5(self.corpus_dir, self.dir / "fts5.sqlite3")
        self.result.update(fts5_index_seconds=round(seconds, 1), fts5_index_per_s=round(docs / seconds, 1))

    def naive_index(self):
        cap = min(self.n, self.args.naive_max)
        log(f"naive: stock update_index on the first {cap} articles (timeout {self.args.naive_timeout} s)")
        started = time.perf_counter()
        proc = subprocess.Popen(
            [PY, "-m", "bench.naive_index", str(cap)],
            cwd=ROOT,
            env=self.env("bench.naive_settings"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        timed_out = False
        try:
            _, err = proc.communicate(timeout=self.args.naive_timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGTERM)
            _, err = proc.communicate()
            timed_out = True
        seconds = time.perf_counter() - started
        docs = self.naive_doc_count()
        self.result.update(
            naive_index_cap=cap,
            naive_indexed=docs,
            naive_index_seconds=round(seconds, 1),
            naive_index_per_s=round(docs / seconds, 1) if seconds else None,
            naive_index_timed_out=timed_out,
        )
        if proc.returncode not in (0, -signal.SIGTERM) and not timed_out:
            self.notes.append(f"naive update_index exited {proc.returncode}: {err.strip()[-300:]}")
        log(f"  {docs} docs in {seconds:.0f} s{' (timed out)' if timed_out else ''}")

    def naive_doc_count(self):
        from whoosh import index as whoosh_index

        try:
            ix = whoosh_index.open_dir(str(self.dir / "naive-whoosh"))
        except Exception:  # noqa: BLE001 - no index at all counts as zero
            return 0
        with ix.searcher() as s:
            return s.doc_count()

    # HTTP ------------------------------------------------------------------------------------------

    def start_gunicorn(self, settings, workers, **extra_env):
        port = free_port()
        proc = subprocess.Popen(
            [
                PY,
                "-m",
                "gunicorn",
                "pilkada_archive.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],  # fmt: skip
            cwd=ROOT,
            env=self.env(settings, **extra_env),
            stdout=subprocess.DEVNULL,
            stderr=open(self.dir / f"gunicorn-{settings}.log", "a"),  # noqa: SIM115
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/robots.txt", timeout=5).read()
                return proc, base
            except urllib.error.HTTPError:
                return proc, base  # it answers; errors on real pages are counted where they happen
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if proc.poll() is not None:
                    raise RuntimeError(f"gunicorn ({settings}) did not start; see its log") from None
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer in 60 s")

    @staticmethod
    def stop(proc):
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    @staticmethod
    def worker_rss_mb(master):
        """Peak resident memory (VmHWM) of the largest gunicorn worker, and of each."""
        children = Path(f"/proc/{master.pid}/task/{master.pid}/children")
        pids = [int(p) for p in children.read_text().split()] if children.exists() else []
        peaks = []
        for pid in pids:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peaks.append(int(line.split()[1]) / 1024)
            except FileNotFoundError:
                pass
        return peaks

    @staticmethod
    def fetch(url, timeout=60):
        """(milliseconds, status, bytes) for one GET; the status is "timeout" when no answer came
        in `timeout` seconds (counted as an error, never the end of the run)."""
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                body = response.read()
                status = response.status
        except urllib.error.HTTPError as exc:
            body, status = exc.read(), exc.code
        except (TimeoutError, urllib.error.URLError) as exc:
            if not isinstance(getattr(exc, "reason", exc), TimeoutError):
                raise
            body, status = b"", "timeout"
        return (time.perf_counter() - started) * 1000, status, len(body)

    def time_urls(self, urls, repeat):
        """Per-URL latencies: the first request of each (cold: nothing cached since the workers
        started) and `repeat` passes after it (warm); errors counted."""
        cold = {url: self.fetch(url)[0] for url in urls}
        self.cold_times = cold
        times, errors = {url: [] for url in urls}, []
        for _ in range(repeat):
            for url in urls:
                ms, status, _ = self.fetch(url)
                times[url].append(ms)
                if status != 200:
                    errors.append(f"{status} {url}")
        return times, errors

    # searches --------------------------------------------------------------------------------------

    def search_urls(self, base, mix, names, naive=False, facet_suffix="_exact"):
        """The search page's URLs for the mix; naive: the stock view's, with its filters as
        selected_facets on `<field><facet_suffix>` (the stock index's facet fields are `*_exact`; on
        the site's index the fields themselves hold the values)."""
        urls = []
        for q in mix:
            params = {}
            if q.text:
                params["q"] = q.text
            if naive:
                facets = []
                if q.region:
                    facets.append(f"regions{facet_suffix}:{q.region}")
                if q.person:
                    facets.append(f"people{facet_suffix}:{names['people'][q.person]}")
                if q.outlet:
                    facets.append(f"outlet{facet_suffix}:{names['outlets'][q.outlet]}")
                params.update(selected_facets=facets, start_date=q.date_from, end_date=q.date_to, sort=q.sort)
            else:
                params.update(
                    region=q.region,
                    person=names["people"].get(q.person, "") if q.person else "",
                    outlet=names["outlets"].get(q.outlet, "") if q.outlet else "",
                    sort=q.sort,
                    **{"from": q.date_from, "to": q.date_to},
                )
            if q.page > 1:
                params["page"] = q.page
            params = {k: v for k, v in params.items() if v}
            urls.append(f"{base}/cari/?{urllib.parse.urlencode(params, doseq=True)}")
        return urls

    def existing_pages(self, urls, label, timeout=60):
        """A deep page past the last one is a 404 at small N: halve the page until it exists."""
        out = []
        for url in urls:
            parts = urllib.parse.urlsplit(url)
            params = urllib.parse.parse_qs(parts.query)
            page = int(params.get("page", ["1"])[0])
            while page > 1 and self.fetch(url, timeout)[1] == 404:
                page //= 2
                params["page"] = [str(page)]
                new = parts._replace(query=urllib.parse.urlencode(params, doseq=True)).geturl()
                self.notes.append(
                    f"{label}: {parts.path}?{parts.query} is past the last page; timed page {page}"
                )
                url = new
            out.append(url)
        return out

    def time_baseline(self, engine, mix, repeat):
        for q in mix:
            engine.run(q)
        ms = []
        for _ in range(repeat):
            for q in mix:
                started = time.perf_counter()
                engine.run(q)
                ms.append((time.perf_counter() - started) * 1000)
        return ms

    def searches(self, base, mix, names):
        log(f"search page over HTTP: {len(mix)} queries × {self.args.repeat}")
        urls = self.existing_pages(self.search_urls(base, mix, names), "search page")
        self.site_search_urls = urls
        times, errors = self.time_urls(urls, self.args.repeat)
        cold = summary(list(self.cold_times.values()))
        flat = [t for ts in times.values() for t in ts]
        s = summary(flat)
        self.result.update(
            search_cold_p50_ms=cold["p50_ms"],
            search_cold_p95_ms=cold["p95_ms"],
            search_cold_p99_ms=cold["p99_ms"],
            search_warm_p95_ms=s["p95_ms"],
            search_p50_ms=s["p50_ms"],
            search_p95_ms=s["p95_ms"],
            search_p99_ms=s["p99_ms"],
            search_errors=len(errors),
        )
        self.result["search_cold_by_kind"] = {
            kind: summary([self.cold_times[url] for q, url in zip(mix, urls, strict=True) if q.kind == kind])
            for kind in dict.fromkeys(q.kind for q in mix)
        }
        self.result["search_by_kind"] = {
            kind: summary([t for q, url in zip(mix, urls, strict=True) if q.kind == kind for t in times[url]])
            for kind in dict.fromkeys(q.kind for q in mix)
        }
        slowest = sorted(
            ((self.cold_times[u], q.label()) for q, u in zip(mix, urls, strict=True)), reverse=True
        )
        self.result["search_slowest_cold"] = [
            {"query": label, "ms": round(ms, 1)} for ms, label in slowest[:8]
        ]
        if errors:
            self.notes.append(f"search page errors: {errors[:5]}")
        log(
            f"  cold p50 {cold['p50_ms']} / p95 {cold['p95_ms']} ms; warm p95 {s['p95_ms']} ms; errors {len(errors)}"
        )

        api = [u.replace("/cari/?", "/api/search?") for u in urls]
        times, errors = self.time_urls(api, 1)
        s = summary([t for ts in times.values() for t in ts])
        self.result.update(api_p50_ms=s["p50_ms"], api_p95_ms=s["p95_ms"], api_errors=len(errors))

        if not (self.dir / "raw-whoosh").exists():
            return  # a reused run whose baselines were never built
        log("raw Whoosh and FTS5, same queries, in process")
        raw = baselines.RawWhoosh(self.dir / "raw-whoosh")
        s = summary(self.time_baseline(raw, mix, self.args.repeat))
        raw.close()
        self.result.update(
            raw_whoosh_p50_ms=s["p50_ms"], raw_whoosh_p95_ms=s["p95_ms"], raw_whoosh_p99_ms=s["p99_ms"]
        )
        fts = baselines.Fts5(self.dir / "fts5.sqlite3")
        s = summary(self.time_baseline(fts, mix, self.args.repeat))
        fts.close()
        self.result.update(fts5_p50_ms=s["p50_ms"], fts5_p95_ms=s["p95_ms"], fts5_p99_ms=s["p99_ms"])
        log(
            f"  raw Whoosh p95 {self.result['raw_whoosh_p95_ms']} ms, FTS5 p95 {self.result['fts5_p95_ms']} ms"
        )

    def naive_searches(self, mix, names, same_index=False):
        """Stock Haystack's faceted search view over HTTP, once per query (it caches nothing). On its
        own stock-built index (a subset at large N), or, same_index, on the site's full index."""
        if same_index:
            key, label = "naive_same_index", "stock Haystack on the site's index"
            extra = {
                "NAIVE_ENGINE": "bench.naive_same.SameIndexEngine",
                "NAIVE_WHOOSH_PATH": str(self.dir / "whoosh" / "current"),
            }
        else:
            key, label = "naive", f"naive Haystack ({self.result.get('naive_indexed')} docs indexed)"
            extra = {}
        proc, base = self.start_gunicorn("bench.naive_settings", self.args.workers, **extra)
        try:
            log(f"{label}: search over HTTP")
            suffix = "" if same_index else "_exact"
            urls = self.search_urls(base, mix, names, naive=True, facet_suffix=suffix)
            # stock Haystack takes tens of seconds for a common word at 100,000
            urls = self.existing_pages(urls, key, timeout=NAIVE_TIMEOUT)
            times = [self.fetch(url, NAIVE_TIMEOUT) for url in urls]
            s = summary([ms for ms, _, _ in times])
            errors = [
                f"{status} {url}" for (_, status, _), url in zip(times, urls, strict=True) if status != 200
            ]
            self.result.update(
                {
                    f"{key}_p50_ms": s["p50_ms"],
                    f"{key}_p95_ms": s["p95_ms"],
                    f"{key}_p99_ms": s["p99_ms"],
                    f"{key}_errors": len(errors),
                }
            )
            if errors:
                self.notes.append(f"{key} errors: {errors[:5]}")
            log(f"  p50 {s['p50_ms']} ms, p95 {s['p95_ms']} ms, errors {len(errors)}")
        finally:
            self.stop(proc)

    # browse ----------------------------------------------------------------------------------------

    def browse(self, base, pages):
        log(f"browse pages over HTTP: {len(pages)} pages × {self.args.browse_repeat}")
        urls = [base + p["path"] for p in pages]
        times, errors = self.time_urls(urls, self.args.browse_repeat)
        per_page = {}
        for page, url in zip(pages, urls, strict=True):
            per_page[page["name"]] = {"path": page["path"], "queries": page["queries"], **summary(times[url])}
        flat = [t for ts in times.values() for t in ts]
        s = summary(flat)
        self.result.update(
            browse_p50_ms=s["p50_ms"],
            browse_p95_ms=s["p95_ms"],
            browse_max_queries=max(p["queries"] for p in pages),
            browse_errors=len(errors),
            browse_pages=per_page,
        )
        if errors:
            self.notes.append(f"browse errors: {errors[:5]}")
        log(f"  p95 {s['p95_ms']} ms, max queries {self.result['browse_max_queries']}")

    # load ------------------------------------------------------------------------------------------

    def load(self, base, pool):
        """Clients drawing from the realistic pool (bench/load_pool.py) for a fixed time."""
        seconds, clients = self.args.load_seconds, self.args.clients
        searches, pages = load_pool.searches(pool, self.args.seed), load_pool.pages(pool)
        log(f"realistic load: {clients} clients, {seconds} s, {len(searches)} searches, {len(pages)} pages")
        plans = [
            [base + path for path in load_pool.draw(searches, pages, 20_000, self.args.seed + i)]
            for i in range(clients)
        ]
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(clients) as pool_:
            parts = pool_.starmap(load_client, [(plan, seconds) for plan in plans])
        latencies = [ms for part in parts for ms in part["ms"]]
        errors = sum(part["errors"] for part in parts)
        kinds = {}
        for part in parts:
            for kind, n in part["error_kinds"].items():
                kinds[kind] = kinds.get(kind, 0) + n
        hits, misses = sum(part["hits"] for part in parts), sum(part["misses"] for part in parts)
        elapsed = max(part["elapsed"] for part in parts)
        self.result.update(
            load_seconds=seconds,
            load_clients=clients,
            load_distinct_searches=len(searches),
            load_distinct_pages=len(pages),
            load_requests=len(latencies),
            load_rps=round(len(latencies) / elapsed, 1),
            load_errors=errors,
            load_error_kinds=kinds,
            load_p50_ms=round(percentile(latencies, 50), 1) if latencies else None,
            load_p95_ms=round(percentile(latencies, 95), 1) if latencies else None,
            load_p99_ms=round(percentile(latencies, 99), 1) if latencies else None,
            cache_hit_ratio=round(hits / (hits + misses), 3) if hits + misses else None,
        )
        log(
            f"  {self.result['load_rps']} req/s, {errors} errors, p99 {self.result['load_p99_ms']} ms, "
            f"cache hits {self.result['cache_hit_ratio']}"
        )

    # machine and results ---------------------------------------------------------------------------

    def machine(self):
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        )
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True)
        return {
            "nproc": os.cpu_count(),
            "memory_gib": round(mem_kb / 1024 / 1024, 1),
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(),
            "git": commit.stdout.strip() + ("+dirty" if dirty.stdout.strip() else ""),
        }

    def targets(self):
        r = self.result
        checks = {}
        for key, (description, test) in TARGETS.items():
            try:
                checks[key] = {"target": description, "met": bool(test(r))}
            except (KeyError, TypeError, ZeroDivisionError):
                checks[key] = {"target": description, "met": None}
        return checks

    def write(self):
        self.result["machine"] = self.machine_info
        self.result["finished"] = datetime.now().isoformat(timespec="seconds")
        self.result["targets"] = self.targets()
        self.result["loadavg_1min"] = {k: v for k, v in LOADAVG.items() if not k.startswith(" ")}
        busy = max(LOADAVG.values(), default=0)
        if busy > (os.cpu_count() or 1):
            self.notes.append(
                f"the machine was busy with other work (1-minute load average up to {busy} on "
                f"{os.cpu_count()} cores): timings are pessimistic"
            )
        self.result["notes"] = self.notes
        if "scaling" in self.result:
            self.result["scaling"][str(self.n)] = self.scaling_point()
        results = self.args.results
        results.mkdir(parents=True, exist_ok=True)
        name = f"{date.today().isoformat()}-{self.args.db}" + ("" if self.n == 100_000 else f"-n{self.n}")
        name += "-reused" if self.args.reuse else ""
        path = results / f"{name}.json"
        path.write_text(json.dumps(self.result, indent=2, ensure_ascii=False) + "\n")
        log(f"results: {path}")
        if not (self.args.no_docs or self.args.reuse):
            write_docs(self.result, path.relative_to(ROOT))
            log("docs/benchmarks.md table updated")
        return path

    def main(self):
        mix = queries.query_mix(self.args.seed)
        self.result["queries"] = len(mix)
        if self.args.scaling:
            self.result["scaling"] = self.scaling()
        if self.args.reuse:
            self.notes.append("reused the database and index of an earlier --keep run: pages only")
            shutil.rmtree(self.dir / "cache", ignore_errors=True)  # cold means cold
            self.manage("migrate", "--noinput")
            self.manage("collectstatic", "--noinput")
        else:
            self.build_corpus()
            self.prepare()
            self.import_articles()
            if self.args.baselines:
                self.rebuild_index()
                self.baselines()
                self.naive_index()
        info = self.probe("names", json.dumps({"people": [q.person for q in mix if q.person],
                                               "outlets": [q.outlet for q in mix if q.outlet]}))  # fmt: skip
        missing = [n for kind in ("people", "outlets") for n, slug in info[kind].items() if not slug]
        if missing:
            self.notes.append(f"not found in the database (their filters match nothing): {missing}")
        pages = info["pages"]
        pool = self.probe("pool")
        gunicorn, base = self.start_gunicorn("bench.settings", self.args.workers)
        try:
            self.searches(base, mix, info)
            self.browse(base, pages)
            self.load(base, pool)
            peaks = self.worker_rss_mb(gunicorn)
            self.result.update(rss_mb=round(max(peaks), 1) if peaks else None, workers=self.args.workers)
        finally:
            self.stop(gunicorn)
        if not self.args.no_naive:
            self.naive_searches(mix, info, same_index=True)
        if self.args.baselines and not self.args.reuse:
            self.naive_searches(mix, info)
        path = self.write()
        if not (self.args.keep or self.args.reuse):
            self.discard()
        return path

    def scaling(self):
        """Import rate, cold search p95 and browse p95 at each smaller N, then at this one (filled
        in by write()): how the cost grows."""
        points = {}
        for n in self.args.scaling:
            args = argparse.Namespace(**{**vars(self.args), "articles": n, "scaling": [], "baselines": False,
                                         "no_docs": True, "keep": False, "reuse": False, "load_seconds": 0})  # fmt: skip
            log(f"scaling: N = {n}")
            small = Run(args)
            small.main_without_write()
            points[str(n)] = small.scaling_point()
            small.discard()
        return points

    def main_without_write(self):
        mix = queries.query_mix(self.args.seed)
        self.build_corpus()
        self.prepare()
        self.import_articles()
        info = self.probe("names", json.dumps({"people": [q.person for q in mix if q.person],
                                               "outlets": [q.outlet for q in mix if q.outlet]}))  # fmt: skip
        gunicorn, base = self.start_gunicorn("bench.settings", self.args.workers)
        try:
            self.searches(base, mix, info)
            self.browse(base, info["pages"])
        finally:
            self.stop(gunicorn)

    def scaling_point(self):
        r = self.result
        return {key: r.get(key) for key in ("import_per_s", "search_cold_p95_ms", "browse_p95_ms")}

    def discard(self):
        shutil.rmtree(self.dir, ignore_errors=True)
        if self.args.db == "postgresql":
            import psycopg

            name = self.database_url.rsplit("/", 1)[1]
            with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def load_client(urls, seconds):
    """One load-generator process: GET its planned URLs in order until time is up; counts the
    X-Cache verdicts (hit: answered from the result or page cache)."""
    ms, errors, hits, misses, kinds = [], 0, 0, 0, {}
    started = time.perf_counter()
    deadline = started + seconds
    for url in urls:
        if time.perf_counter() >= deadline:
            break
        t = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                response.read()
                ok = response.status == 200
                verdict = response.headers.get("X-Cache")
        except urllib.error.HTTPError as exc:
            ok, verdict = False, None
            kinds[f"HTTP {exc.code}"] = kinds.get(f"HTTP {exc.code}", 0) + 1
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            ok, verdict = False, None
            kinds[type(exc).__name__] = kinds.get(type(exc).__name__, 0) + 1
        ms.append((time.perf_counter() - t) * 1000)
        errors += not ok
        hits += verdict == "hit"
        misses += verdict == "miss"
    return {
        "ms": ms,
        "errors": errors,
        "error_kinds": kinds,
        "hits": hits,
        "misses": misses,
        "elapsed": time.perf_counter() - started,
    }


def _sizes(text):
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r}: comma-separated article counts, e.g. 10000,30000"
        ) from None
    if any(n < 1 for n in sizes):
        raise argparse.ArgumentTypeError("article counts must be at least 1")
    return sizes


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="corpus size N (default 100000)")
    parser.add_argument("--corpus", type=Path, default=corpus.DEFAULT_SOURCE, help="source articles.jsonl.gz")
    parser.add_argument(
        "--work", type=Path, default=corpus.WORK_DIR, help="work folder (default bench/scratch)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database and indexes of this run")
    parser.add_argument(
        "--reuse", action="store_true", help="time the pages again on what a --keep run of this N left"
    )
    parser.add_argument(
        "--no-docs", action="store_true", help="do not rewrite the table in docs/benchmarks.md"
    )
    parser.add_argument(
        "--db", choices=("sqlite", "postgresql"), default="sqlite", help="the database to run on"
    )
    parser.add_argument(
        "--scaling",
        type=_sizes,
        default=[],
        help="smaller N to run first, e.g. 10000,30000 (import, cold search, browse)",
    )
    parser.add_argument(
        "--no-baselines", dest="baselines", action="store_false",
        help="skip rebuild_index, raw Whoosh, FTS5 and the naive index (the naive search on the site's index stays)",
    )  # fmt: skip
    parser.add_argument(
        "--no-naive",
        action="store_true",
        help="skip stock Haystack on the site's index (minutes at 100,000; with --reuse, when the full run timed it)",
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder for the results JSON")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=3, help="timed warm passes over the query mix")
    parser.add_argument("--browse-repeat", type=int, default=20, help="timed passes over the browse pages")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (the Dockerfile runs 3)")
    parser.add_argument("--clients", type=int, default=8, help="load-generator processes")
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--naive-max", type=int, default=20_000, help="articles in the naive index at most")
    parser.add_argument("--naive-timeout", type=int, default=1200, help="seconds for the naive update_index")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    if args.reuse and not (args.work / f"run-{args.articles}-{args.db}" / "whoosh").exists():
        parser.error(f"--reuse: no kept run of {args.articles} articles in {args.work} (run with --keep)")
    if not args.corpus.exists():
        parser.error(f"{args.corpus}: no such file (the source corpus, see --corpus)")
    return args


if __name__ == "__main__":
    Run(parse_args()).main()
