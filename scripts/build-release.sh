#!/usr/bin/env bash
# Builds the release binaries the way they are measured and shipped:
#   --static-swift-stdlib   the Swift runtime and Foundation inside the binary: no dynamic-linker
#                           indirection on every runtime call, and 4 MiB less resident memory;
#   --no-export-dynamic     no table of the binary's own symbols for the dynamic linker to search
#                           (1.4 MiB resident; nothing looks them up);
#   --strip-all             no symbol table or debug info in the shipped file (set KEEP_SYMBOLS=1 to keep
#                           them, e.g. for perf);
#   -disable-concrete-type-metadata-mangled-name-accessors (a frontend flag, for every module)
#                           code asks for a generic type such as Set<Element> through its metadata accessor,
#                           passing the conformances it already has, instead of by mangled name, which makes
#                           the runtime look each conformance up by scanning all 12,000 of them in the binary:
#                           a quarter of start-up's CPU (numbers in the README);

#   lld, when the toolchain has it, with
#     the functions `serve` runs placed side by side (scripts/symbol-order.txt, made by
#     scripts/update-symbol-order.sh), so they share pages: 6 MiB less resident memory;
#     packed relative relocations (glibc 2.36 and later, e.g. Debian 12, Ubuntu 24.04): the relocation
#     table shrinks from 2.9 MB to 25 KB, another 6 MiB of resident memory;
#     a fixed load address (non-PIE, as Go links its binaries): the dynamic linker has no pointers to
#     patch at start, where PIE has it copy and patch the 1.9 MiB of .data.rel.ro and .data on every
#     spawn: 2 ms less from spawn to `initialize`. Shared libraries, stack and heap stay randomized.
#     Set PIE=1 to link a position-independent executable instead.
# Usage: scripts/build-release.sh [swift build options…]
set -euo pipefail
cd "$(dirname "$0")/.."

flags=(-c release --static-swift-stdlib -Xlinker --no-export-dynamic
       -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors)
if [[ -z "${KEEP_SYMBOLS:-}" ]]; then flags+=(-Xlinker --strip-all); fi
lld="$(dirname "$(command -v swiftc)")/ld.lld"
if [[ -x "$lld" ]]; then
    flags+=(-Xswiftc -use-ld=lld)
    if [[ -z "${PIE:-}" ]]; then flags+=(-Xlinker --no-pie); fi
    if [[ -f scripts/symbol-order.txt ]]; then
        flags+=(-Xlinker "--symbol-ordering-file=$PWD/scripts/symbol-order.txt" -Xlinker --no-warn-symbol-ordering)
    fi
    glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
    if [[ -n "$glibc" ]] && printf '2.36\n%s\n' "$glibc" | sort -V -C; then
        flags+=(-Xlinker -z -Xlinker pack-relative-relocs)
    fi
fi
swift build "${flags[@]}" "$@"
