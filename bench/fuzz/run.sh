#!/usr/bin/env bash
# bench/fuzz/run.sh [SECONDS] [TARGET...]  (issue 16 §2)
# Builds the libFuzzer targets of tests/fuzz with clang, AddressSanitizer and UBSan into
# build-fuzz/, seeds each corpus from tests/fuzz/seeds, ../shared/data and a real checkpoint,
# runs every target (or those named) for SECONDS (default 60), and prints executions and
# crashes. Exits 1 when a target crashed: copy the input it names into
# tests/fuzz/regressions/<target>/, where the unit test tst_fuzz_<target> replays it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_EACH=${1:-60}
shift || true
SHARED=$ROOT/../shared/data
BUILD=${ENCORE_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
WORK=${ENCORE_FUZZ_WORK:-$BUILD/fuzz-work}
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}

"$ROOT/scripts/setup-deps" clang libclang-rt-14-dev
if [[ ! -f $BUILD/build.ninja ]]; then
  CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_CXX_FLAGS="-O1 -g" -DENCORE_FUZZ=ON -DENCORE_SANITIZE=address,undefined \
    -DENCORE_BUILD_BENCH=OFF >/dev/null
fi
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  for f in "$ROOT"/tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$f" .cpp | sed 's/^fuzz_//')"); done
fi
cmake --build "$BUILD" --parallel "$(nproc)" --target "${targets[@]/#/fuzz_}" encore_torch_backend

# Seeds: the committed ones, then real files (at most 16 KB of each, so the fuzzer stays quick).
# Targets whose first byte picks a format get the real files behind a byte that picks theirs.
seed() {  # seed TARGET PREFIX_BYTE FILE...
  local target=$1 prefix=$2
  shift 2
  for f in "$@"; do
    [[ -f $f ]] || continue
    local out=$WORK/corpus/$target/real-$(echo "$f" | md5sum | cut -c1-12)
    { [[ -n $prefix ]] && printf "$prefix"; head -c 16384 "$f"; } >"$out"
  done
}
rm -rf "$WORK/corpus" "$WORK/crashes"
for t in "${targets[@]}"; do
  mkdir -p "$WORK/corpus/$t" "$WORK/crashes/$t"
  cp "$ROOT/tests/fuzz/seeds/$t/"* "$WORK/corpus/$t/" 2>/dev/null || true
  cp "$ROOT/tests/fuzz/regressions/$t/"* "$WORK/corpus/$t/" 2>/dev/null || true
done
if [[ -d $SHARED ]]; then
  for t in "${targets[@]}"; do
    case $t in
      history_json) seed "$t" '\x00' "$SHARED"/listens/formats/*.json "$SHARED"/listens/formats/*.jsonl \
                      "$SHARED"/listens/spotify/*/StreamingHistory0.json ;;
      history_csv) seed "$t" '' "$SHARED"/listens/formats/*.csv "$SHARED"/listens/lastfm-csv/*.csv ;;
      scrobbler_log) seed "$t" '' "$SHARED"/listens/formats/.scrobbler.log ;;
      seed_csv) seed "$t" '\x00' "$SHARED"/seed/ratings.csv
                seed "$t" '\x01' "$SHARED"/seed/songs.csv ;;
      tag_text) seed "$t" '\x00' "$SHARED"/listens/artist-tags.tsv ;;
    esac
  done
else
  echo "../shared/data is not here: the corpora start from tests/fuzz/seeds only" >&2
fi
# A real checkpoint, trained by the project's own encore-cli on a real public export.
if [[ " ${targets[*]} " == *" checkpoint "* ]]; then
  CLI=$ROOT/build/app/encore-cli
  if [[ -x $CLI && -f $SHARED/listens/lastfm-csv/lastfm_data.csv ]]; then
    rm -rf "$WORK/checkpoint-db" && mkdir -p "$WORK/checkpoint-db"
    # (recommend lists nothing for a library of history only, and says so with exit code 2)
    "$CLI" import "$SHARED/listens/lastfm-csv/lastfm_data.csv" --db "$WORK/checkpoint-db/encore.sqlite" >/dev/null 2>&1 &&
      { "$CLI" recommend --retrain --db "$WORK/checkpoint-db/encore.sqlite" >/dev/null 2>&1 || true; }
    cp "$WORK/checkpoint-db/recommender.ckpt" "$WORK/corpus/checkpoint/real.ckpt" 2>/dev/null ||
      echo "could not train a seed checkpoint; the corpus starts without one" >&2
  else
    echo "no build/app/encore-cli (./scripts/build makes it): the checkpoint corpus has no real checkpoint" >&2
  fi
fi

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1"
export LSAN_OPTIONS="suppressions=$ROOT/scripts/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$ROOT/scripts/sanitizers/ubsan.supp"
printf '%-16s %12s %10s %8s %s\n' target executions exec/s crashes corpus
failed=0
for t in "${targets[@]}"; do
  log=$WORK/$t.log
  max_len=16384
  [[ $t == checkpoint ]] && max_len=$((8 << 20))  # a real checkpoint seed is ~4 MB
  set +e
  "$BUILD/tests/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -max_len=$max_len -timeout=10 \
    -rss_limit_mb=3072 -print_final_stats=1 -artifact_prefix="$WORK/crashes/$t/" \
    "$WORK/corpus/$t" >"$log" 2>&1
  set -e
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | awk '{print $2}' | tail -1)
  rate=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | awk '{print $2}' | tail -1)
  crashes=$(find "$WORK/crashes/$t" -type f | wc -l)
  printf '%-16s %12s %10s %8s %s\n' "$t" "${execs:-?}" "${rate:-?}" "$crashes" \
    "$(find "$WORK/corpus/$t" -type f | wc -l) inputs"
  if [[ $crashes -gt 0 || -z $execs ]]; then
    failed=1
    find "$WORK/crashes/$t" -type f | sed 's/^/  crash input: /'
    grep -m3 -E 'ERROR|SUMMARY|runtime error|deadly signal' "$log" | sed 's/^/  /' || true
    echo "  log: $log"
  fi
done
exit $failed
