#!/usr/bin/env bash
# bench/scan/run.sh [N ...]            (default: 10000 100000)
#
# Encore's scanner on generated libraries (bench/make-library): first-scan files/s with a
# warm page cache, seconds for a rescan of the unchanged library, peak RSS, and how long a
# Ctrl+C takes to stop a scan. When ../shared/tools/peer-bench exists, beets, Quod Libet and
# Strawberry are timed on the same files (PEER_SIZES, default 10000), so one run prints all four.
# Env: BUILD=build  WORK=/tmp/encore-bench  PEER_SIZES="10000"  SEED=1
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build}
WORK=${WORK:-/tmp/encore-bench}
SEED=${SEED:-1}
PEER_SIZES=${PEER_SIZES:-10000}
SIZES=("$@"); [[ ${#SIZES[@]} -gt 0 ]] || SIZES=(10000 100000)
CLI=$BUILD/app/encore-cli
MAKE=$BUILD/bench/make-library/make-library
PEERS=$ROOT/../shared/tools/peer-bench
[[ -x $CLI && -x $MAKE ]] || { echo "build first: cmake --build $BUILD" >&2; exit 2; }
mkdir -p "$WORK"
echo "# $(date -Is) $(uname -r) cores=$(nproc) seed=$SEED"

ensure_library() {  # ensure_library N DIR: reuse a library made with the same N and seed
  local n=$1 dir=$2
  if ! grep -q "\"files\": $n," "$dir/.encore-library.json" 2>/dev/null ||
     ! grep -q "\"seed\": $SEED" "$dir/.encore-library.json" 2>/dev/null; then
    "$MAKE" "$n" "$dir" --seed "$SEED" >&2
  fi
}

warm() { find "$1" -type f -print0 | xargs -0 cat >/dev/null; }

for n in "${SIZES[@]}"; do
  lib=$WORK/lib-$n
  ensure_library "$n" "$lib"
  warm "$lib"
  db=$WORK/encore-$n.sqlite
  rm -f "$db" "$db-wal" "$db-shm"
  # first scan into a fresh database, warm cache; GNU time adds the peak RSS (KB)
  first=$(/usr/bin/time -f "rss_kb=%M" "$CLI" scan "$lib" --db "$db" 2>&1 || true)
  line=$(grep -E '^[0-9]+ files in' <<<"$first")
  rss=$(grep -oE 'rss_kb=[0-9]+' <<<"$first" | cut -d= -f2)
  files=$(awk '{print $1}' <<<"$line"); secs=$(awk '{print $4}' <<<"$line"); rate=$(awk '{print $6}' <<<"$line")
  printf 'encore files=%s seconds=%s files_per_s=%s peak_rss_mb=%.0f\n' "$files" "$secs" "$rate" "$(bc -l <<<"$rss/1024")"
  # rescan of the unchanged library (the first database above holds it)
  re=$(/usr/bin/time -f "rss_kb=%M wall_s=%e" "$CLI" scan "$lib" --db "$db" 2>&1 || true)
  reline=$(grep -E '^[0-9]+ files in' <<<"$re")
  rewall=$(grep -oE 'wall_s=[0-9.]+' <<<"$re" | cut -d= -f2)
  printf 'encore-rescan files=%s seconds=%s process_seconds=%s unchanged=%s\n' "$(awk '{print $1}' <<<"$reline")" \
    "$(awk '{print $4}' <<<"$reline")" "$rewall" "$(grep -oE 'unchanged [0-9]+' <<<"$re" | awk '{print $2}')"
  # Ctrl+C during a first scan: time from the signal to the process exit
  rm -f "$db.cancel"*
  "$CLI" scan "$lib" --db "$db.cancel" >/dev/null 2>&1 &
  pid=$!
  sleep 0.5
  t0=$(date +%s%N)
  if kill -INT "$pid" 2>/dev/null; then
    wait "$pid" || true; t1=$(date +%s%N)
    printf 'encore-cancel files=%s stop_ms=%d\n' "$n" $(( (t1 - t0) / 1000000 ))
  else
    wait "$pid" || true; echo "encore-cancel files=$n (the scan ended within 0.5 s, before the signal)"
  fi
  rm -f "$db.cancel"*
  if [[ -d $PEERS ]] && [[ " $PEER_SIZES " == *" $n "* ]]; then
    best=0
    for s in "$PEERS"/scan-*.sh; do
      res=$("$s" "$lib" 2>/dev/null | grep -E 'files_per_s=' || true)
      echo "$res"
      r=$(grep -oE '^[a-z]+ files=[0-9]+ seconds=[0-9.]+ files_per_s=[0-9.]+' <<<"$res" | head -1 | grep -oE 'files_per_s=[0-9.]+' | cut -d= -f2 || true)
      [[ -n "$r" ]] && best=$(bc -l <<<"if ($r > $best) $r else $best")
    done
    [[ "$best" != 0 ]] && printf 'encore-vs-fastest-peer files=%s ratio=%.2f\n' "$n" "$(bc -l <<<"$rate/$best")"
  fi
done
