#!/usr/bin/env bash
# Scale-out on real infrastructure: three stateless `switchyard serve --http` replicas behind HAProxy on
# loopback, sharing one PostgreSQL (`--state`):
#   1. every replica starts with the same stale OAuth 2.0 access token and rotating refresh token (Jira
#      Cloud through the sandbox's gateway); 900 calls through HAProxy must cause exactly one refresh;
#   2. 20,000 tools/call requests at 64 in flight (Jira Data Center), one replica killed with SIGKILL
#      mid-run: no request lost beyond those in flight on it, which the client sees as errors and retries.
#
#   Tests/scaleout/run.sh [SWITCHYARD_BINARY] [PYTHON_WITH_HTTPX]
#
# SWITCHYARD_BINARY defaults to .build/debug/switchyard; PYTHON_WITH_HTTPX to the mcp 1.x venv that
# Tests/mcp/run.sh creates (.build/mcp-venvs/mcp1/bin/python). HAProxy and PostgreSQL come from Debian's
# packages: installed when missing and this runs as root. Without HAProxy the script says so and exits 0
# (skipped); without PostgreSQL it runs part 2 only, without --state, and says part 1 was skipped.
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

state_args=()
pg_url=""
pg_dir="$root/.build/scaleout-pg"
eval "$(bash "$here/../postgres/start.sh" "$pg_dir")"
pg_url="${SWITCHYARD_TEST_POSTGRES:-}"
if [ -n "$pg_url" ]; then
    trap 'bash "$here/../postgres/start.sh" "$pg_dir" --stop; cleanup' EXIT
    "$binary" db migrate --state "$pg_url"
    state_args=(--state "$pg_url")
else
    echo "scaleout: part 1 (one OAuth refresh across replicas) SKIPPED — PostgreSQL could not be started"
fi

sandbox_port="$(free_port)"
"$binary" sandbox --port "$sandbox_port" >"$work/sandbox.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$sandbox_port/rest/api/2/serverInfo"

site="http://127.0.0.1:$sandbox_port"
# An OAuth 2.0 grant from the sandbox's authorization server (it consents at once), as a login would get.
callback="http%3A%2F%2F127.0.0.1%3A1%2Fcallback"
location="$(curl -s -o /dev/null -w '%{redirect_url}' "$site/authorize?audience=api.atlassian.com&client_id=sandbox-client&scope=read%3Ajira-work%20read%3Ajira-user%20offline_access&redirect_uri=$callback&state=s&response_type=code&prompt=consent")"
code="${location##*code=}"; code="${code%%&*}"
refresh_token="$(curl -s -X POST "$site/oauth/token" -H 'Content-Type: application/json' \
    -d "{\"grant_type\":\"authorization_code\",\"client_id\":\"sandbox-client\",\"client_secret\":\"sandbox-client-secret\",\"code\":\"$code\",\"redirect_uri\":\"http://127.0.0.1:1/callback\"}" \
    | "$python" -c 'import json,sys; print(json.load(sys.stdin)["refresh_token"])')"

replica_ports=()
replica_pids=()
for i in 1 2 3; do
    port="$(free_port)"
    # Jira Data Center with a PAT; Jira Cloud with OAuth 2.0 whose access token is stale, from a credentials
    # file of its own per replica, as each pod would mount the same Secret.
    printf '{"jira": {"method": "oauth2", "client_id": "sandbox-client", "client_secret": "sandbox-client-secret", "access_token": "stale-access-token", "refresh_token": "%s"}}' \
        "$refresh_token" >"$work/credentials$i.json"
    chmod 600 "$work/credentials$i.json"
    env -u JIRA_BASE_URL JIRA_URL="$site" JIRA_PERSONAL_TOKEN=sandbox-pat \
        JIRA_OAUTH_TOKEN_URL="$site/oauth/token" JIRA_OAUTH_GATEWAY_URL="$site" \
        JIRA_CLOUD_ID=5c7ed5a9-3b1e-4c8f-9d2a-6f0e1b2c3d4e SWITCHYARD_HOME="$root" XDG_CONFIG_HOME="$work/config$i" \
        "$binary" serve --http "127.0.0.1:$port" --stateless --connectors jira,jira-datacenter --credentials "$work/credentials$i.json" \
        ${state_args[@]+"${state_args[@]}"} >"$work/replica$i.log" 2>&1 &
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

status=0
if [ -n "$pg_url" ]; then
    curl -s -X DELETE "$site/__sandbox/requests" >/dev/null
    cloud='{"jsonrpc":"2.0","id":0,"method":"tools/call","params":{"name":"jira_issues_get","arguments":{"issue":"DEMO-1"}}}'
    echo "scaleout: part 1: 900 OAuth 2.0 calls at 64 in flight, every replica starting from the same stale access token"
    "$python" "$here/load.py" "http://127.0.0.1:$front/mcp" --requests 900 --concurrency 64 --body "$cloud" --expect '\"key\":\"DEMO-1\"' || status=1
    refreshes="$(curl -s "$site/__sandbox/requests" | "$python" -c '
import json, sys
log = json.load(sys.stdin)
print(sum(1 for e in log if e.get("uri", "").startswith("/oauth/token") and "refresh_token" in e.get("body", "")))')"
    if [ "$refreshes" = 1 ]; then
        echo "scaleout: part 1 PASSED — exactly 1 refresh across the three replicas"
    else
        echo "scaleout: part 1 FAILED — $refreshes refreshes across the three replicas (want 1)" >&2
        status=1
    fi
fi

body='{"jsonrpc":"2.0","id":0,"method":"tools/call","params":{"name":"jira-datacenter_issues_get","arguments":{"issue":"DEMO-1"}}}'
echo "scaleout: part 2: $requests tools/call at $concurrency in flight through HAProxy :$front to 3 replicas; SIGKILL replica 2 after $((requests / 4))"
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
