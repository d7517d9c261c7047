#!/usr/bin/env bash
# Builds Switchyard (scripts/build-release.sh: static, stripped) and installs it under a prefix:
#   PREFIX/bin/switchyard
#   PREFIX/share/switchyard/manifests/           the bundled connectors, and extended/ (found beside the binary)
#   PREFIX/share/bash-completion/completions/switchyard
#   PREFIX/share/zsh/site-functions/_switchyard
#   PREFIX/share/fish/vendor_completions.d/switchyard.fish
#
# Usage: scripts/install.sh [--prefix DIR] [--binary FILE]
#   --prefix DIR   where to install (default: $PREFIX, else /usr/local)
#   --binary FILE  install this already-built binary instead of building one
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${PREFIX:-/usr/local}"
binary=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
        --binary) binary="${2:?--binary needs a file}"; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option '$1' (use --prefix DIR, --binary FILE)" >&2; exit 2 ;;
    esac
done

if [[ -z "$binary" ]]; then
    export PATH="/opt/swift/usr/bin:/opt/swift/bin:$PATH"
    scripts/build-release.sh --product switchyard
    binary="$(swift build -c release --show-bin-path)/switchyard"
fi
[[ -x "$binary" ]] || { echo "install.sh: '$binary' is not an executable" >&2; exit 1; }

install -d "$prefix/bin" "$prefix/share/switchyard/manifests/extended" \
    "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 0755 "$binary" "$prefix/bin/switchyard"
install -m 0644 manifests/*.json "$prefix/share/switchyard/manifests/"
install -m 0644 manifests/extended/*.json "$prefix/share/switchyard/manifests/extended/"
"$prefix/bin/switchyard" --generate-completion-script bash > "$prefix/share/bash-completion/completions/switchyard"
"$prefix/bin/switchyard" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_switchyard"
"$prefix/bin/switchyard" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/switchyard.fish"
echo "installed switchyard $("$prefix/bin/switchyard" --version) into $prefix ($(du -h "$prefix/bin/switchyard" | cut -f1) binary)"
