.PHONY: run test ci lint format eval bench soak fuzz

run:        ## install, migrate, import the sample corpus, index, serve on :8000
	bin/serve

test:       ## the fast suite on SQLite (DATABASE_URL=postgres://... for PostgreSQL); make test-all for every test
	bin/test

test-all:   ## every test: browser, crawl, kill -9, concurrency, fuzzing (what CI runs)
	bin/test --all

ci:
	.ci/run

lint:       ## ruff, django-upgrade and djhtml over every file, as CI runs them (fixes what they can)
	.venv/bin/pre-commit run --all-files

format:
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .

eval:       ## score extraction on ../shared/dev-corpus against its hand-checked truth
	bin/eval ../shared/dev-corpus --min title=0.95,published=0.95,regions=0.93,people=0.9,roles=0.8,pairs=0.85,pair_numbers=0.9

bench:      ## N = 10,000, 30,000 and 100,000 on SQLite, then on PostgreSQL; tables and chart in docs/benchmarks.md (hours)
	.venv/bin/python -m bench.run --db sqlite --articles 100000 --scaling 10000,30000 $(if $(KEEP),--keep)
	.venv/bin/python -m bench.run --db postgresql --articles 100000 --scaling 10000,30000 $(if $(KEEP),--keep)
	.venv/bin/python -m bench.report

.PHONY: bench-small
bench-small: ## the same at 5,000 articles on both databases, minutes, results not written to docs
	.venv/bin/python -m bench.run --db sqlite --articles 5000 --no-docs --no-baselines --load-seconds 15
	.venv/bin/python -m bench.run --db postgresql --articles 5000 --no-docs --no-baselines --load-seconds 15

.PHONY: bench-ci
bench-ci:   ## the harness end to end at 80 articles on both databases, results in a temporary folder (CI)
	bin/bench-ci

.PHONY: bench-pages
bench-pages: ## search, browse and load again on what a `make bench KEEP=1` left (DB=sqlite|postgresql)
	.venv/bin/python -m bench.run --db $(or $(DB),sqlite) --articles 100000 --reuse --no-naive

soak:       ## crash safety with 50 kills per command, and 60 s of searches + import + edits under gunicorn
	CRASH_KILLS=50 SOAK_SECONDS=60 .venv/bin/python -m pytest -s tests/test_crash_safety.py tests/test_concurrency.py

fuzz:       ## the importer's text path with 10,000 examples per test; every page's parameters with 1,000
	FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest tests/test_fuzz_importer.py
	FUZZ_EXAMPLES=1000 .venv/bin/python -m pytest tests/test_fuzz_params.py
