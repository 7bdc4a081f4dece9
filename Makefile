.PHONY: run test ci lint format eval bench

run:        ## install, migrate, import the sample corpus, index, serve on :8000
	bin/serve

test:       ## the whole suite on SQLite (DATABASE_URL=postgres://... for PostgreSQL)
	bin/test

ci:
	.ci/run

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format:
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .

eval:       ## score extraction on ../shared/dev-corpus against its hand-checked truth
	bin/eval ../shared/dev-corpus --min title=0.95,published=0.95,regions=0.9,people=0.9,roles=0.8
