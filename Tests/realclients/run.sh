#!/usr/bin/env bash
# Runs Tests/realclients/realclient_check.py: real Atlassian client libraries (pycontribs `jira` and
# `atlassian-python-api`, installed from PyPI) against `switchyard sandbox`, as Jira/Confluence Cloud and
# Data Center.
#
#   Tests/realclients/run.sh [VENV_DIR] [SWITCHYARD_BINARY]
#
# VENV_DIR defaults to .build/realclient-venv and SWITCHYARD_BINARY to .build/debug/switchyard, both
# relative to the repository root. Relative arguments are taken from the caller's directory. The venv is
# created once and reused while it holds the pinned versions. When PyPI cannot be reached the suite is
# skipped: it prints a SKIP line and exits 0.
# Environment:
#   PYTHON   the interpreter that creates the venv (default python3)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

abs() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }
venv="$(abs "${1:-$root/.build/realclient-venv}")"
binary="$(abs "${2:-$root/.build/debug/switchyard}")"
python="${PYTHON:-python3}"
requirements=(jira==3.10.5 atlassian-python-api==4.0.7)

if [ ! -x "$binary" ]; then
    echo "real clients: no switchyard binary at $binary (build it first: swift build)" >&2
    exit 1
fi

has_pins() {
    [ -x "$venv/bin/python" ] && "$venv/bin/python" - <<'PY' 2>/dev/null
import importlib.metadata as m, sys
sys.exit(0 if m.version("jira") == "3.10.5" and m.version("atlassian-python-api") == "4.0.7" else 1)
PY
}

if ! has_pins; then
    echo "real clients: creating $venv with ${requirements[*]}" >&2
    rm -rf "$venv"
    mkdir -p "$(dirname "$venv")"
    "$python" -m venv "$venv"
    if ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --timeout 30 "${requirements[@]}" >&2; then
        echo "SKIP real clients: could not install ${requirements[*]} from PyPI (offline?)"
        rm -rf "$venv"
        exit 0
    fi
fi

echo "== real clients: pycontribs jira 3.10.5 and atlassian-python-api 4.0.7 against switchyard sandbox"
exec "$venv/bin/python" "$here/realclient_check.py" "$binary"
