#!/bin/sh
# Rewrites the lock files from pyproject.toml (run from the project folder after changing a dependency):
#   sh requirements/refresh.sh
# app.txt: what `atelier` needs; serve.txt: plus `atelier serve`; test.txt: plus the tests and
# the checks CI runs; lowest.txt: the lowest versions pyproject.toml allows, which CI tests too.
set -eu
cd "$(dirname "$0")/.."
uv=${UV:-uv}
common="--generate-hashes --universal --python-version 3.11 --quiet"
$uv pip compile pyproject.toml $common -o requirements/app.txt
$uv pip compile pyproject.toml --extra serve $common -o requirements/serve.txt
$uv pip compile pyproject.toml --extra test --extra lint $common -o requirements/test.txt
$uv pip compile pyproject.toml --extra test --resolution lowest-direct $common -o requirements/lowest.txt
