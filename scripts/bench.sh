#!/usr/bin/env bash
# Builds Switchyard in release mode (scripts/build-release.sh) and runs the benchmark suite; prints a
# Markdown table.
#   scripts/bench.sh            the full run (a few minutes)
#   scripts/bench.sh --quick    a smoke run with a few iterations (figures not meaningful)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-release.sh
exec .build/release/switchyard-bench "$@"
