#!/usr/bin/env bash
# Starts a private PostgreSQL cluster on loopback for the tests that need one, and prints the line that
# points them at it:
#
#   eval "$(Tests/postgres/start.sh DIR)"     # exports SWITCHYARD_TEST_POSTGRES=postgres://switchyard@127.0.0.1:PORT/switchyard
#   Tests/postgres/start.sh DIR --stop        # stops it
#
# PostgreSQL comes from Debian's packages: installed when missing and this runs as root. Where it cannot be
# installed or started, it prints why on stderr and exports nothing, so those tests skip with a message.
set -uo pipefail
dir="${1:?usage: start.sh DIR [--stop]}"
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${2:-}" = --stop ]; then
    bin="$(pgbin)"
    [ -n "$bin" ] && [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
    exit 0
fi

if [ -z "$(pgbin)" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "postgres: installing postgresql from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q postgresql >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q postgresql >/dev/null 2>&1; }
fi
bin="$(pgbin)"
if [ -z "$bin" ]; then
    echo "postgres: PostgreSQL is not installed and could not be (needs root and apt-get); the tests that need it will skip" >&2
    exit 0
fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
rm -rf "$dir" && mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
if ! as_owner "$bin/initdb" -D "$dir/data" -A trust -U switchyard >"$dir/initdb.log" 2>&1 \
    || ! as_owner "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" -l "$dir/server.log" -w start >/dev/null 2>&1 \
    || ! "$bin/createdb" -h 127.0.0.1 -p "$port" -U switchyard switchyard >/dev/null 2>&1; then
    echo "postgres: the cluster in $dir did not start (see $dir/*.log); the tests that need it will skip" >&2
    exit 0
fi
echo "postgres: listening on 127.0.0.1:$port ($dir)" >&2
echo "export SWITCHYARD_TEST_POSTGRES=postgres://switchyard@127.0.0.1:$port/switchyard"
