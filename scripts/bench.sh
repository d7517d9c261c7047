#!/usr/bin/env bash
# Builds Switchyard in release mode (scripts/build-release.sh) and runs the benchmark suite; prints
# Markdown tables.
#   scripts/bench.sh                 the full run (a few minutes): runtime figures, action search, then
#                                    the agent-context figures (scripts/bench-context.py)
#   scripts/bench.sh --quick         a smoke run with a few iterations (figures not meaningful)
#   scripts/bench.sh --search-only   only action search: task-set top-1/top-3/MRR and ms per query over 5,000+ actions
#   scripts/bench.sh --context-only  only tools/list bytes per mode next to mcp-atlassian's, and spawn → initialize
#   scripts/bench.sh --http-only     only serve --http: tools/call at 1/16/64 in flight with wrk, next to mcp-atlassian
#                                    --transport streamable-http in the same run (scripts/bench-http.py)
#   scripts/bench.sh --export-only   only export: 10,000 sandbox issues through `switchyard export`, docs/s and peak RSS
#                                    (scripts/bench-export.sh; the full run ends with it too)
#   scripts/bench.sh --import-only   only `import openapi` of Jira platform v3 (scripts/bench-import.sh; the full
#                                    run includes it)
# The agent-context part installs mcp-atlassian from PyPI into .build/bench-venvs/mcp-atlassian to measure it in
# the same run; where that cannot be installed it says so and measures Switchyard alone.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-release.sh

context_only=0
http_only=0
args=()
for arg in "$@"; do
    if [ "$arg" = --export-only ]; then exec scripts/bench-export.sh .build/release/switchyard; fi
    if [ "$arg" = --import-only ]; then exec scripts/bench-import.sh .build/release/switchyard; fi
    if [ "$arg" = --http-only ]; then http_only=1; fi
    if [ "$arg" = --context-only ]; then context_only=1; else args+=("$arg"); fi
done
if [ "$http_only" = 0 ] && [ "$context_only" = 0 ]; then
    .build/release/switchyard-bench ${args[@]+"${args[@]}"}
fi

peer=()
venv=.build/bench-venvs/mcp-atlassian
if [ ! -x "$venv/bin/mcp-atlassian" ]; then
    echo "bench: installing mcp-atlassian from PyPI into $venv" >&2
    rm -rf "$venv"
    if ! { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check mcp-atlassian >&2; }; then
        echo "bench: mcp-atlassian could not be installed; measuring Switchyard alone" >&2
    fi
fi
if [ -x "$venv/bin/mcp-atlassian" ]; then
    echo "bench: peer is mcp-atlassian $("$venv/bin/pip" show mcp-atlassian 2>/dev/null | awk '/^Version/ {print $2}')" >&2
    peer=(--peer "$venv/bin/mcp-atlassian")
fi
runs=30
duration=10
for arg in "$@"; do [ "$arg" = --quick ] && runs=5 && duration=2; done
if [ "$http_only" = 1 ]; then
    exec python3 scripts/bench-http.py .build/release/switchyard --duration "$duration" ${peer[@]+"${peer[@]}"}
fi
python3 scripts/bench-context.py .build/release/switchyard --runs "$runs" ${peer[@]+"${peer[@]}"}
if [ "$context_only" = 0 ]; then
    scripts/bench-export.sh .build/release/switchyard
    scripts/bench-import.sh .build/release/switchyard
    python3 scripts/bench-http.py .build/release/switchyard --duration "$duration" ${peer[@]+"${peer[@]}"}
fi
