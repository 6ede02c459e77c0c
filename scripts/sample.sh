#!/usr/bin/env bash
# Build the knowledge graph of the shipped sample on the embedded default (NetworkX, no server)
# and write an HTML overview of it: the Hugging Face pages (*.txt) and the Semantic Scholar
# response (*.json) that brings citations and authors (data/sample/README.md).
# Usage: bash scripts/sample.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/sample}"
if [ ! -x .venv/bin/kg ]; then
    python3 -m venv .venv
    .venv/bin/pip install --quiet --upgrade pip
fi
.venv/bin/pip install --quiet -e .
.venv/bin/kg build data/sample/*.txt data/sample/*.json --out "$out"
.venv/bin/kg info "$out"
.venv/bin/kg viz overview --graph "$out" --output "$out/overview.html"
