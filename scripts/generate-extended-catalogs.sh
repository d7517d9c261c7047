#!/usr/bin/env bash
# Regenerates the companion catalogues in manifests/extended/ from Atlassian's published OpenAPI
# descriptions: every operation of Jira Cloud (platform v3 + Jira Software agile) and Confluence Cloud
# (v2, plus v1 where v2 has no equivalent), for `--catalog extended`. Each file names the curated connector
# it extends; at load, an operation a curated action already calls is dropped (see docs/import.md). Files
# load in name order and an entity name already taken gets `_api`, so the newer API of each product
# (Jira platform, Confluence v2) is named first: jira.json, jira.software.json, confluence.json, confluence.v1.json.
#
# Usage: scripts/generate-extended-catalogs.sh [SPECS_DIR]   (default: ../shared/specs)
#        SWITCHYARD=path/to/switchyard to use a built binary (default: .build/release/switchyard, else debug)
#
# Left out, with the reason:
# - Jira Software's developer-tool APIs (/builds, /deployments, /devinfo, /featureflags, /remotelinks,
#   /operations, /security): Atlassian Connect apps only, never a user's token;
# - Confluence v1 content and space properties: v2 has every one of those operations;
# - Confluence v1 dynamic modules and experimental operations: Connect apps only, or unstable.
set -euo pipefail
cd "$(dirname "$0")/.."
specs="${1:-../shared/specs}"
bin="${SWITCHYARD:-}"
if [[ -z "$bin" ]]; then
    if [[ -x .build/release/switchyard ]]; then bin=.build/release/switchyard; else swift build --product switchyard >&2; bin=.build/debug/switchyard; fi
fi
out=manifests/extended
reports=.build/extended-reports
mkdir -p "$out" "$reports"
site='https://{subdomain}.atlassian.net'

"$bin" import openapi "$specs/jira-platform-v3.json" --name jira --base-url "$site" \
    -o "$out/jira.json" --report "$reports/jira.txt"
"$bin" import openapi "$specs/jira-software-agile.json" --name jira --base-url "$site" --include '/rest/agile/*' \
    -o "$out/jira.software.json" --report "$reports/jira.software.txt"
"$bin" import openapi "$specs/confluence-v2.json" --name confluence --base-url "$site" --path-prefix /wiki/api/v2 \
    -o "$out/confluence.json" --report "$reports/confluence.txt"
"$bin" import openapi "$specs/confluence-v1.json" --name confluence --base-url "$site" \
    --exclude 'Content properties' --exclude 'Space properties' --exclude 'Dynamic modules' --exclude 'Experimental' \
    --exclude '/atlassian-connect/*' \
    -o "$out/confluence.v1.json" --report "$reports/confluence.v1.txt"
for report in "$reports"/*.txt; do echo "$(basename "$report"): $(head -n 1 "$report")"; done
