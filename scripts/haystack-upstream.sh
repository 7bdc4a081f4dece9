#!/usr/bin/env bash
# Haystack's own Whoosh tests (test_haystack/whoosh_tests from the pinned django-haystack sdist) on the
# stock engine and on ours: scripts/haystack_upstream.py compares them against the deviations listed in
# docs/search.md. The sdist is fetched into a temporary folder and deleted afterwards; nothing of it is
# committed.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^django-haystack==//p' requirements.txt)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
  "django-haystack==$version" -d "$work"
tar -xzf "$work/django_haystack-$version.tar.gz" -C "$work" --strip-components=1 \
  "django_haystack-$version/test_haystack"
.venv/bin/python scripts/haystack_upstream.py "$work"
