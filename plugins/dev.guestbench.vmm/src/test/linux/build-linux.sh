#!/usr/bin/env bash
# Builds the test Linux kernel from Debian's linux-source package: a small RV64 config
# (guestbench.config) with a built-in initramfs whose /init (init.c) prints a line and powers off.
#
#   build-linux.sh [--cache DIR]
#
# Prints the directory that holds the results on stdout (Image, vmlinux, System.map, init, .config,
# build.log). The directory is named <kernel version>-<hash of the inputs> under the cache root
# (default $GUESTBENCH_LINUX_CACHE, else ~/.cache/guestbench/linux) and is reused while the inputs
# (config, init.c, initramfs.list, this script, the source tarball) stay the same.
# Installs nothing: it says which Debian package is missing.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE_ROOT=${GUESTBENCH_LINUX_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/guestbench/linux}
CROSS=riscv64-linux-gnu-
JOBS=${GUESTBENCH_LINUX_JOBS:-$(nproc 2>/dev/null || echo 2)}

say() { printf 'build-linux: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --cache) [[ $# -ge 2 ]] || die "--cache needs a directory"; CACHE_ROOT=$2; shift 2 ;;
        -h|--help) sed -n '2,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) die "unknown argument '$1' (usage: build-linux.sh [--cache DIR])" ;;
    esac
done

# Each tool with the Debian package that brings it.
need_tools() {
    local missing=() pair tool pkg
    for pair in make:make gcc:gcc "${CROSS}gcc:gcc-riscv64-linux-gnu" "${CROSS}ld:binutils-riscv64-linux-gnu" \
            flex:flex bison:bison bc:bc cpio:cpio xz:xz-utils perl:perl; do
        tool=${pair%%:*}; pkg=${pair#*:}
        command -v "$tool" >/dev/null || missing+=("$pkg")
    done
    # Host programs (kconfig, dtc, gen_init_cpio) are built too; this config needs no libssl or libelf.
    [[ -f /usr/include/stdio.h ]] || missing+=(libc6-dev)
    [[ ${#missing[@]} -eq 0 ]] || die "missing Debian packages: ${missing[*]} (apt-get install ${missing[*]})"
}

find_tarball() {
    local t
    t=$(ls /usr/src/linux-source-*.tar.xz 2>/dev/null | sort -V | tail -n 1)
    [[ -n "$t" ]] || die "no /usr/src/linux-source-*.tar.xz: install Debian's linux-source package (apt-get install linux-source)"
    echo "$t"
}

need_tools
TARBALL=$(find_tarball)
# The Debian version names the build (6.1.176-1); the tarball's name is the fallback.
PKG=$(dpkg -S "$TARBALL" 2>/dev/null | cut -d: -f1 | head -n 1 || true)
VERSION=""
[[ -n "$PKG" ]] && VERSION=$(dpkg-query -W -f='${Version}' "$PKG" 2>/dev/null || true)
[[ -n "$VERSION" ]] || VERSION=$(basename "$TARBALL" .tar.xz | sed 's/^linux-source-//')
HASH=$( { cat "$HERE/guestbench.config" "$HERE/init.c" "$HERE/initramfs.list" "$HERE/build-linux.sh"
          stat -c '%n %s %Y' "$TARBALL"; "${CROSS}gcc" --version | head -n 1; } | sha256sum | cut -c1-12)
OUT="$CACHE_ROOT/$VERSION-$HASH"

if [[ -f "$OUT/Image" ]]; then
    echo "$OUT"
    exit 0
fi

mkdir -p "$CACHE_ROOT"
# One build at a time per cache: a second caller waits for the first and then reuses its result.
exec 9>"$CACHE_ROOT/.lock"
flock 9
if [[ -f "$OUT/Image" ]]; then
    echo "$OUT"
    exit 0
fi

WORK="$OUT.tmp"
rm -rf "$CACHE_ROOT"/*.tmp  # left by builds that failed or were killed; none runs now
mkdir -p "$WORK"
LOG="$WORK/build.log"
trap 'say "failed; the log is in $LOG"; tail -n 30 "$LOG" >&2 2>/dev/null || true' ERR

step() {  # step DESCRIPTION COMMAND...: runs the command with its output in the log
    say "$1"
    printf '\n=== %s\n' "$1" >>"$LOG"
    shift
    "$@" >>"$LOG" 2>&1
}

START=$(date +%s)
say "building Linux $VERSION into $OUT (log: $OUT/build.log); this takes a few minutes"
step "unpacking $TARBALL" tar -xf "$TARBALL" -C "$WORK"
SRC=$(ls -d "$WORK"/linux-source-* | head -n 1)
[[ -d "$SRC" ]] || die "the tarball $TARBALL holds no linux-source-* directory"

# /init: freestanding, RV64IMAC only (the kernel has no FPU support), static, no C library.
step "compiling /init" "${CROSS}gcc" -march=rv64imac -mabi=lp64 -static -nostdlib -ffreestanding -fno-pic -no-pie \
    -O2 -Wall -Werror -o "$WORK/init" "$HERE/init.c"
sed "s|@INIT@|$WORK/init|" "$HERE/initramfs.list" >"$WORK/initramfs.list"
{ cat "$HERE/guestbench.config"; echo "CONFIG_INITRAMFS_SOURCE=\"$WORK/initramfs.list\""; } >"$WORK/allno.config"

MAKE=(make -C "$SRC" ARCH=riscv CROSS_COMPILE="$CROSS" -j"$JOBS" KBUILD_BUILD_USER=guestbench
    KBUILD_BUILD_HOST=guestbench KBUILD_BUILD_TIMESTAMP="$(date -u -d @"$(stat -c %Y "$TARBALL")")")
step "configuring (allnoconfig + guestbench.config)" "${MAKE[@]}" allnoconfig KCONFIG_ALLCONFIG="$WORK/allno.config"
# Every option the fragment sets or unsets must be so in the result: Kconfig drops what a dependency forbids.
lost=()
while IFS= read -r line; do
    if [[ $line =~ ^(CONFIG_[A-Z0-9_]+)= ]]; then
        grep -qxF "$line" "$SRC/.config" || lost+=("$line")
    elif [[ $line =~ ^#\ (CONFIG_[A-Z0-9_]+)\ is\ not\ set$ ]]; then
        ! grep -q "^${BASH_REMATCH[1]}=" "$SRC/.config" || lost+=("${BASH_REMATCH[1]} unset")
    fi
done <"$HERE/guestbench.config"
[[ ${#lost[@]} -eq 0 ]] || die "Kconfig did not give what guestbench.config asks for: ${lost[*]} (see $SRC/.config)"

step "compiling the kernel (make Image, -j$JOBS)" "${MAKE[@]}" Image
cp "$SRC/arch/riscv/boot/Image" "$SRC/vmlinux" "$SRC/System.map" "$SRC/.config" "$WORK/"
rm -rf "$SRC"
sed -i "s|$WORK|$OUT|g" "$WORK/initramfs.list"
mv "$WORK" "$OUT"
say "built $OUT/Image in $(( $(date +%s) - START )) s"
echo "$OUT"
