.PHONY: run test ci lint format eval bench soak fuzz

run:        ## install, migrate, import the sample corpus, index, serve on :8000
	bin/serve

test:       ## the fast suite on SQLite (DATABASE_URL=postgres://... for PostgreSQL); make test-all for every test
	bin/test

test-all:   ## every test: browser, crawl, kill -9, concurrency, fuzzing (what CI runs)
	bin/test --all

ci:
	.ci/run

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format:
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .

eval:       ## score extraction on ../shared/dev-corpus against its hand-checked truth
	bin/eval ../shared/dev-corpus --min title=0.95,published=0.95,regions=0.93,people=0.9,roles=0.8,pairs=0.85,pair_numbers=0.9

bench:      ## import, index, search, browse and load at 100,000 articles (30-60 min; see docs/benchmarks.md)
	.venv/bin/python -m bench.run --articles 100000 $(if $(KEEP),--keep)

.PHONY: bench-small
bench-small: ## the same at 5,000 articles, a few minutes, results not written to docs
	.venv/bin/python -m bench.run --articles 5000 --no-docs --naive-timeout 240 --load-seconds 15

.PHONY: bench-pages
bench-pages: ## search, browse and load again on the database a `make bench` with KEEP=1 left (minutes)
	.venv/bin/python -m bench.run --articles 100000 --reuse

soak:       ## crash safety with 50 kills per command, and 60 s of searches + import + edits under gunicorn
	CRASH_KILLS=50 SOAK_SECONDS=60 .venv/bin/python -m pytest -s tests/test_crash_safety.py tests/test_concurrency.py

fuzz:       ## the importer's text path with 10,000 examples per test; every page's parameters with 1,000
	FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest tests/test_fuzz_importer.py
	FUZZ_EXAMPLES=1000 .venv/bin/python -m pytest tests/test_fuzz_params.py
