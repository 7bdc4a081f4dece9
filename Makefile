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
