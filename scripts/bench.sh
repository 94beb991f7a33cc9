#!/usr/bin/env bash
# Measures gongshi at county and province scale: for each size, writes a
# synthetic source with `gongshi sample`, then times `gongshi check` and
# `gongshi build` and reports wall time, CPU time and peak memory.
#
# Usage: scripts/bench.sh [VILLAGES ...]      (default: 1000 10000)
#        BENCH_DIR=/dev/shm scripts/bench.sh 50000
# BENCH_DIR defaults to /dev/shm when it exists: on a virtual disk, creating a
# million small files costs far more than rendering them, and the point here
# is gongshi's own speed. Set BENCH_DIR to a disk folder to measure both.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
base=${BENCH_DIR:-$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")}
work=$(mktemp -d "$base/gongshi-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
bin="$work/gongshi"
(cd "$root" && go build -o "$bin" ./generator/cmd/gongshi)
timed() { # label, command...: prints wall s, user+sys s, max RSS MB
  local label=$1; shift
  local out; out=$( { /usr/bin/time -f '%e %U %S %M' "$@" >/dev/null 2>"$work/err"; } 2>&1 ) || { cat "$work/err"; exit 1; }
  out=$(tail -n 1 "$work/err")
  read -r wall user sys rss <<<"$out"
  printf '%-22s wall %7.2f s  cpu %7.2f s  peak %6d MiB\n' "$label" "$wall" "$(awk "BEGIN{print $user + $sys}")" "$((rss / 1024))"
}
echo "gongshi $("$bin" version | cut -d' ' -f2) · $(nproc) cores · $(go version | cut -d' ' -f3) · work dir $base"
for n in "${sizes[@]}"; do
  src="$work/src-$n"
  "$bin" sample --villages "$n" --seed 1 --out "$src" >/dev/null
  echo "== $n villages ($(du -sh "$src/data" | cut -f1) of data)"
  timed "check" "$bin" check --source "$src"
  timed "build (first)" "$bin" build --quiet --source "$src" --dest "$src/public"
  timed "build (replace)" "$bin" build --quiet --source "$src" --dest "$src/public"
  echo "   $(find "$src/public" -name '*.html' | wc -l) pages, $(du -sh "$src/public" | cut -f1) output"
  rm -rf "$src"
done
