#!/usr/bin/env bash
# Fetches two real OpenAPI descriptions that other vendors publish on PyPI, for the import tests
# (Tests/SwitchyardTests/Import/VendorSpecImportTests.swift), into DIR (default .build/vendor-specs):
#   airflow-v1.yaml     Apache Airflow's stable REST API, OpenAPI 3.0 (apache-airflow 2.10.5 wheel,
#                       airflow/api_connexion/openapi/v1.yaml)
#   jupyterhub.yaml     JupyterHub's REST API, OpenAPI 3.1 (jupyterhub 5.2.1 sdist, docs/source/_static/rest-api.yml)
# They are downloaded, never committed. Without network access to PyPI it prints a SKIP line and exits 0;
# the tests then skip with a message.
#
#   Tests/vendorspecs/fetch.sh [DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${1:-$root/.build/vendor-specs}"
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
python="${PYTHON:-python3}"
mkdir -p "$dir"
if [[ -s "$dir/airflow-v1.yaml" && -s "$dir/jupyterhub.yaml" ]]; then
    echo "vendor specs: already in $dir"
    exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! "$python" -m pip download --quiet --no-deps --only-binary=:all: apache-airflow==2.10.5 -d "$work" \
    || ! "$python" -m pip download --quiet --no-deps --no-binary=:all: jupyterhub==5.2.1 -d "$work"; then
    echo "SKIP vendor specs: cannot download apache-airflow 2.10.5 / jupyterhub 5.2.1 from PyPI"
    exit 0
fi
"$python" - "$work" "$dir" <<'PY'
import sys, tarfile, zipfile, pathlib
work, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
wheel = next(work.glob("apache_airflow-2.10.5-*.whl"))
with zipfile.ZipFile(wheel) as archive:
    (out / "airflow-v1.yaml").write_bytes(archive.read("airflow/api_connexion/openapi/v1.yaml"))
sdist = next(work.glob("jupyterhub-5.2.1.tar.gz"))
with tarfile.open(sdist) as archive:
    (out / "jupyterhub.yaml").write_bytes(archive.extractfile("jupyterhub-5.2.1/docs/source/_static/rest-api.yml").read())
PY
echo "vendor specs: airflow-v1.yaml and jupyterhub.yaml in $dir"
