#!/usr/bin/env bash
# Builds Switchyard in release mode and runs the benchmark suite; prints a Markdown table.
#   scripts/bench.sh            the full run (a few minutes)
#   scripts/bench.sh --quick    a smoke run with a few iterations (figures not meaningful)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product switchyard
swift build -c release --product switchyard-bench
exec .build/release/switchyard-bench "$@"
