#!/usr/bin/env bash
# Times `switchyard import openapi` on Atlassian's published Jira platform v3 description (616 operations),
# three runs, with each run's peak RSS; prints a Markdown table. The description is read from ../shared/specs
# beside the repository (reference data, never committed); without it the benchmark says so and stops.
# Usage: scripts/bench-import.sh BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:?usage: scripts/bench-import.sh BINARY}
spec=../shared/specs/jira-platform-v3.json
if [ ! -f "$spec" ]; then
    echo "bench-import: skipped: $spec is not there (Atlassian's published description, kept beside the repository)" >&2
    exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo
echo "## import openapi: Jira platform v3 ($(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for p in d["paths"].values() for m in p if m in ("get","put","post","delete","patch","head","options")))' "$spec") operations)"
echo
echo "| run | seconds | peak RSS |"
echo "|---|---|---|"
for run in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$out/time" "$binary" import openapi "$spec" -o "$out/jira.json" > /dev/null 2> "$out/report"
    read -r seconds kilobytes < "$out/time"
    echo "| $run | $seconds s | $((kilobytes / 1024)) MiB |"
done
echo
echo "Target: ≤ 2 s."
