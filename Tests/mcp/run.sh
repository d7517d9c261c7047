#!/usr/bin/env bash
# Runs Tests/mcp/mcp_client_check.py against `switchyard serve --sandbox` with the official MCP
# Python SDK, with mcp 2.x (server/discover, falling back to initialize) and with mcp 1.x
# (initialize handshake), in every tool mode: actions, toolsets, compact and search; then over
# Streamable HTTP (`serve --http`) in both eras.
#
#   Tests/mcp/run.sh [VENV_DIR] [SWITCHYARD_BINARY]
#
# VENV_DIR defaults to .build/mcp-venvs and SWITCHYARD_BINARY to .build/debug/switchyard, both
# relative to the repository root. Relative arguments are taken from the caller's directory.
# The venvs are created once and reused while they hold the right mcp major version.
# Environment:
#   MCP_V2_EXPECT_VERSION  fail the 2.x run unless it negotiates this version (e.g. 2026-07-28,
#                          to prove the discover path works rather than silently falling back)
#   MCP_V2_ALSO_LEGACY=1   also run the 2.x client with --mode legacy (initialize only)
#   PYTHON                 the interpreter that creates the venvs (default python3)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

abs() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }
venvs="$(abs "${1:-$root/.build/mcp-venvs}")"
binary="$(abs "${2:-$root/.build/debug/switchyard}")"
python="${PYTHON:-python3}"

if [ ! -x "$binary" ]; then
    echo "mcp tests: no switchyard binary at $binary (build it first: swift build)" >&2
    exit 1
fi

# ensure_venv NAME REQUIREMENT MAJOR: a venv under $venvs/NAME with `mcp` of that major version.
ensure_venv() {
    local dir="$venvs/$1" requirement="$2" major="$3"
    if [ -x "$dir/bin/python" ] && "$dir/bin/python" - "$major" <<'EOF' 2>/dev/null
import importlib.metadata, sys
sys.exit(0 if importlib.metadata.version("mcp").split(".")[0] == sys.argv[1] else 1)
EOF
    then
        return 0
    fi
    echo "mcp tests: creating $dir with '$requirement'" >&2
    rm -rf "$dir"
    mkdir -p "$venvs"
    "$python" -m venv "$dir"
    "$dir/bin/python" -m pip install --quiet --disable-pip-version-check "$requirement" >&2
}

ensure_venv mcp2 'mcp>=2,<3' 2
ensure_venv mcp1 'mcp>=1.20,<2' 1

status=0
run() {
    local label="$1"; shift
    echo "== mcp client check: $label"
    if ! "$@"; then
        echo "mcp tests: $label FAILED" >&2
        status=1
    fi
}

v2_args=()
if [ -n "${MCP_V2_EXPECT_VERSION:-}" ]; then v2_args+=(--expect-version "$MCP_V2_EXPECT_VERSION"); fi
# Every tool mode: one tool per action (default toolsets), chosen toolsets, compact and search.
for tool_mode in actions toolsets compact search; do
    run "mcp 2.x (auto: discover, else initialize), tools $tool_mode" \
        "$venvs/mcp2/bin/python" "$here/mcp_client_check.py" "$binary" --mode auto --tool-mode "$tool_mode" ${v2_args[@]+"${v2_args[@]}"}
    if [ "${MCP_V2_ALSO_LEGACY:-0}" = 1 ]; then
        run "mcp 2.x (legacy: initialize), tools $tool_mode" \
            "$venvs/mcp2/bin/python" "$here/mcp_client_check.py" "$binary" --mode legacy --tool-mode "$tool_mode"
    fi
    run "mcp 1.x (initialize), tools $tool_mode" \
        "$venvs/mcp1/bin/python" "$here/mcp_client_check.py" "$binary" --tool-mode "$tool_mode"
done

# Streamable HTTP (serve --http): the same checks over the SDKs' HTTP transports, in both eras.
for tool_mode in actions search; do
    run "HTTP: mcp 2.x (auto: discover, else initialize), tools $tool_mode" \
        "$venvs/mcp2/bin/python" "$here/mcp_client_check.py" "$binary" --http --mode auto --tool-mode "$tool_mode" ${v2_args[@]+"${v2_args[@]}"}
    run "HTTP: mcp 2.x (legacy: initialize, Mcp-Session-Id), tools $tool_mode" \
        "$venvs/mcp2/bin/python" "$here/mcp_client_check.py" "$binary" --http --mode legacy --tool-mode "$tool_mode"
    run "HTTP: mcp 1.x (initialize, Mcp-Session-Id), tools $tool_mode" \
        "$venvs/mcp1/bin/python" "$here/mcp_client_check.py" "$binary" --http --tool-mode "$tool_mode"
done

exit $status
