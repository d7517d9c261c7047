#!/usr/bin/env bash
# Builds Switchyard in release mode (scripts/build-release.sh) and runs the benchmark suite; prints a
# Markdown table.
#   scripts/bench.sh            the full run (a few minutes)
#   scripts/bench.sh --quick    a smoke run with a few iterations (figures not meaningful)
#   scripts/bench.sh --search-only   only action search: task-set top-1/top-3/MRR and ms per query over 5,000+ actions
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-release.sh
exec .build/release/switchyard-bench "$@"
