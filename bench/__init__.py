"""Benchmarks: a synthetic corpus from real articles, baselines (raw Whoosh, SQLite FTS5), and the runner."""
