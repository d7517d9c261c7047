#!/usr/bin/env bash
# Export throughput and memory: starts `switchyard sandbox --seed-issues N` (default 10,000), exports
# `project = DATA` with `switchyard export jira` to a file, and prints documents per second and the export
# process's peak resident memory (from /usr/bin/time -v, else /proc's VmHWM). Targets: ≥ 2,000 documents/s,
# ≤ 40 MiB peak RSS.
# Usage: scripts/bench-export.sh [BINARY] [ISSUES]    (default .build/release/switchyard, 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/switchyard}
issues=${2:-10000}
work=$(mktemp -d)
sandbox_pid=
cleanup() {
    if [ -n "$sandbox_pid" ]; then kill "$sandbox_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$binary" sandbox --port 0 --seed-issues "$issues" > "$work/sandbox.out" 2>&1 &
sandbox_pid=$!
base_url=
for _ in $(seq 1 200); do
    base_url=$(awk '/listening on/ {print $NF; exit}' "$work/sandbox.out")
    [ -n "$base_url" ] && break
    sleep 0.1
done
if [ -z "$base_url" ]; then echo "bench-export: the sandbox did not start" >&2; cat "$work/sandbox.out" >&2; exit 1; fi

export JIRA_BASE_URL=$base_url JIRA_EMAIL=demo@example.com JIRA_API_TOKEN=sandbox-api-token
export XDG_CONFIG_HOME=$work/config
cpu_s=
command=("$binary" export jira --jql 'project = DATA' -o "$work/issues.jsonl" --progress json)
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "${command[@]}" 2> "$work/stderr"
    cpu_s=$(awk -F": " '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$work/stderr")
    peak_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/stderr")
else
    "${command[@]}" 2> "$work/stderr" &
    pid=$!
    peak_kib=0
    while kill -0 "$pid" 2>/dev/null; do
        now=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
        [ "${now:-0}" -gt "$peak_kib" ] && peak_kib=$now
        sleep 0.05
    done
    wait "$pid"
fi
documents=$(wc -l < "$work/issues.jsonl")
elapsed_ms=$(grep '"event":"finished"' "$work/stderr" | sed 's/.*"elapsed_ms":\([0-9]*\).*/\1/')
rate=$(( documents * 1000 / (elapsed_ms > 0 ? elapsed_ms : 1) ))
echo
echo "| Export (switchyard export jira, sandbox with $issues issues) | Value |"
echo "|---|---|"
echo "| documents | $documents |"
echo "| wall time | $elapsed_ms ms |"
echo "| documents/s | $rate |"
echo "| peak RSS of the export process | $(( peak_kib / 1024 )) MiB ($peak_kib KiB) |"
if [ -n "$cpu_s" ]; then echo "| CPU time of the export process (user + system) | $cpu_s s |"; fi
