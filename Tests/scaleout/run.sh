#!/usr/bin/env bash
# Scale-out on real infrastructure: three stateless `switchyard serve --http` replicas behind HAProxy on
# loopback, 20,000 tools/call requests at 64 in flight, and one replica killed with SIGKILL mid-run.
#
#   Tests/scaleout/run.sh [SWITCHYARD_BINARY] [PYTHON_WITH_HTTPX]
#
# SWITCHYARD_BINARY defaults to .build/debug/switchyard; PYTHON_WITH_HTTPX to the mcp 1.x venv that
# Tests/mcp/run.sh creates (.build/mcp-venvs/mcp1/bin/python). HAProxy comes from Debian's packages: it is
# installed when missing and this runs as root; otherwise the script says so and exits 0 (skipped).
# Environment: SCALEOUT_REQUESTS (20000), SCALEOUT_CONCURRENCY (64).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
abs() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }
binary="$(abs "${1:-$root/.build/debug/switchyard}")"
python="$(abs "${2:-$root/.build/mcp-venvs/mcp1/bin/python}")"
requests="${SCALEOUT_REQUESTS:-20000}"
concurrency="${SCALEOUT_CONCURRENCY:-64}"

if ! command -v haproxy >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "scaleout: installing haproxy from Debian's packages" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >/dev/null 2>&1 \
            || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >/dev/null 2>&1; } || true
    fi
fi
if ! command -v haproxy >/dev/null 2>&1; then
    echo "scaleout: SKIPPED — haproxy is not installed and could not be installed (needs root and apt-get)"
    exit 0
fi
if ! "$python" -c 'import httpx' 2>/dev/null; then
    echo "scaleout: no python with httpx at $python (run Tests/mcp/run.sh first, or pass one)" >&2
    exit 1
fi

work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() {
    for _ in $(seq 1 300); do
        if curl -s -o /dev/null "$1"; then return 0; fi
        sleep 0.1
    done
    echo "scaleout: $1 did not answer" >&2
    return 1
}

sandbox_port="$(free_port)"
"$binary" sandbox --port "$sandbox_port" >"$work/sandbox.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$sandbox_port/rest/api/2/serverInfo"

replica_ports=()
replica_pids=()
for i in 1 2 3; do
    port="$(free_port)"
    env -u JIRA_BASE_URL JIRA_URL="http://127.0.0.1:$sandbox_port" JIRA_PERSONAL_TOKEN=sandbox-pat \
        "$binary" serve --http "127.0.0.1:$port" --stateless --connectors jira-datacenter >"$work/replica$i.log" 2>&1 &
    pids+=($!)
    replica_pids+=($!)
    replica_ports+=("$port")
done
for port in "${replica_ports[@]}"; do wait_http "http://127.0.0.1:$port/readyz"; done

front="$(free_port)"
cat >"$work/haproxy.cfg" <<CFG
global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    retries 2
    option redispatch
    retry-on conn-failure empty-response response-timeout
frontend mcp
    bind 127.0.0.1:$front
    default_backend replicas
backend replicas
    balance roundrobin
    option httpchk GET /readyz
    default-server inter 500ms fall 1 rise 2
    server r1 127.0.0.1:${replica_ports[0]} check
    server r2 127.0.0.1:${replica_ports[1]} check
    server r3 127.0.0.1:${replica_ports[2]} check
CFG
haproxy -f "$work/haproxy.cfg" -db >"$work/haproxy.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$front/healthz"

body='{"jsonrpc":"2.0","id":0,"method":"tools/call","params":{"name":"jira-datacenter_issues_get","arguments":{"issue":"DEMO-1"}}}'
echo "scaleout: $requests tools/call at $concurrency in flight through HAProxy :$front to 3 replicas; SIGKILL replica 2 after $((requests / 4))"
status=0
"$python" "$here/load.py" "http://127.0.0.1:$front/mcp" --requests "$requests" --concurrency "$concurrency" \
    --kill-pid "${replica_pids[1]}" --kill-after "$((requests / 4))" --body "$body" --expect '\"key\":\"DEMO-1\"' || status=1
if kill -0 "${replica_pids[1]}" 2>/dev/null; then
    echo "scaleout: replica 2 is still running after SIGKILL" >&2
    status=1
fi
for i in 1 3; do
    if ! kill -0 "${replica_pids[$((i - 1))]}" 2>/dev/null; then
        echo "scaleout: replica $i died" >&2
        sed 's/^/  /' "$work/replica$i.log" >&2
        status=1
    fi
done
if [ "$status" = 0 ]; then echo "scaleout: PASSED"; else echo "scaleout: FAILED"; fi
exit $status
