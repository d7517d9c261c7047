#!/usr/bin/env bash
# Regenerates scripts/symbol-order.txt, the functions `switchyard serve` runs, which the release build
# (scripts/build-release.sh) places side by side so they share pages: peak RSS falls by about 6 MiB.
# It records one run under callgrind (every function executed, not a sample): start, MCP initialize,
# tools/list, and Jira gets and searches against the sandbox. Needs valgrind and objcopy (binutils).
# Run it after changes to the hot path; names it lists that no longer exist are ignored by the linker.
set -euo pipefail
cd "$(dirname "$0")/.."
KEEP_SYMBOLS=1 scripts/build-release.sh --product switchyard   # callgrind needs the symbol names
work=$(mktemp -d)
trap 'kill "$sandbox" 2>/dev/null || true; rm -rf "$work"' EXIT

# valgrind 3.19 cannot read the DWARF 5 debug info, so profile a copy without it.
objcopy --strip-debug .build/release/switchyard "$work/switchyard"
.build/release/switchyard sandbox --port 0 > "$work/sandbox.out" &
sandbox=$!
until grep -q "listening on" "$work/sandbox.out" 2>/dev/null; do sleep 0.1; done
url=$(grep -o "listening on [^ ]*" "$work/sandbox.out" | awk '{print $3}')

{
    echo '{"jsonrpc":"2.0","id":"i","method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"order","version":"1"}}}'
    echo '{"jsonrpc":"2.0","method":"notifications/initialized"}'
    echo '{"jsonrpc":"2.0","id":"t","method":"tools/list"}'
    for id in $(seq 1 200); do
        echo '{"jsonrpc":"2.0","id":'"$id"',"method":"execute","params":{"connector":"jira","entity":"issues","action":"get","params":{"issue":"DEMO-1"}}}'
    done
    for id in $(seq 1001 1020); do
        echo '{"jsonrpc":"2.0","id":'"$id"',"method":"execute","params":{"connector":"jira","entity":"issues","action":"search","params":{"jql":"project = DEMO","limit":5}}}'
    done
} > "$work/requests.jsonl"

SWITCHYARD_HOME="$PWD" JIRA_BASE_URL="$url" JIRA_EMAIL=demo@example.com JIRA_API_TOKEN=sandbox-api-token \
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/callgrind.out" \
    "$work/switchyard" serve < "$work/requests.jsonl" > "$work/replies.jsonl" 2> "$work/valgrind.log"
ok=$(grep -c '"ok":true' "$work/replies.jsonl" || true)
[[ "$ok" -eq 220 ]] || { echo "expected 220 successful executes under callgrind, got $ok" >&2; exit 1; }

callgrind_annotate --threshold=100 "$work/callgrind.out" \
    | sed -n '/file:function/,$p' | grep -F "[$work/switchyard]" \
    | sed -E 's/^ *[0-9,]+ \([ 0-9.]+%\)  [^:]*://; s/ \[[^]]*\]$//; s/'"'"'[0-9]+$//' \
    | grep -v -e '^0x' -e '^(below main)' | LC_ALL=C sort -u > scripts/symbol-order.txt
echo "scripts/symbol-order.txt: $(wc -l < scripts/symbol-order.txt) functions"
