#!/usr/bin/env bash
# The test command of the README: a fresh venv with the package and its test extras, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e '.[test,bench]'
exec .venv/bin/python -m pytest "$@"
