#!/usr/bin/env bash
# Builds ThemeMap's libFuzzer targets (Fuzz/Package.swift, -sanitize=fuzzer,address) and runs each for
# a given number of seconds from a corpus of the real documents. Fails on any crash, hang (a single
# input over 10 s), leak or out-of-memory; prints executions per second and total runs per target.
#
#   Fuzz/fuzz.sh 600                  # every target for 10 minutes
#   Fuzz/fuzz.sh 20 FuzzDates         # one target for 20 seconds
#   FUZZ_JOBS=2 Fuzz/fuzz.sh 600      # two targets at a time
#
# A new target: a folder Fuzz/Sources/FuzzX with an LLVMFuzzerTestOneInput, and one line in SEEDS.
set -euo pipefail
cd "$(dirname "$0")"
fuzz=$(pwd)
root=$(cd .. && pwd)
seconds=${1:-60}
shift || true

# target  seed files (globs, relative to the package root; missing ones are ignored)
SEEDS=(
  "FuzzModernGovText  Datasets/documents/*.txt ../shared/corpus/*.txt ../shared/seeds/*.txt"
  "FuzzTaxonomy       Datasets/themes.yaml"
  "FuzzManifest       Datasets/manifest.yaml"
  "FuzzDates          Datasets/documents/*.txt ../shared/corpus/*.txt"
)

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for line in "${SEEDS[@]}"; do targets+=("${line%% *}"); done
fi

echo "== building fuzz targets (release, -sanitize=fuzzer,address)"
# --sanitize alone instruments only the fuzz targets' own module, and -Xswiftc alone breaks SwiftPM's
# link of an executable without main(): both together instrument the ThemeMap modules for coverage and
# AddressSanitizer and link libFuzzer's main.
flags=(-c release --package-path "$fuzz" --sanitize fuzzer --sanitize address
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
swift build "${flags[@]}" 2>&1 \
  | grep -vE '^\[[0-9]+/[0-9]+\]' || true
bin=$(swift build "${flags[@]}" --show-bin-path)

work=${FUZZ_WORK:-$fuzz/.work}
mkdir -p "$work"
status=0
run_one() {
  local target=$1 globs=$2
  local corpus="$work/$target/corpus" log="$work/$target/log"
  mkdir -p "$corpus" "$work/$target/crashes"
  (cd "$root" && for file in $globs; do [ -f "$file" ] && cp "$file" "$corpus/"; done) || true
  # Seeds are whole documents (up to a few hundred KB): allow inputs that large, and split nothing.
  rm -f "$work/$target/status"
  local rc=0
  "$bin/$target" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
    -max_len=1048576 -print_final_stats=1 -artifact_prefix="$work/$target/crashes/" >"$log" 2>&1 || rc=$?
  echo $rc >"$work/$target/status"
}

jobs=${FUZZ_JOBS:-1}
for target in "${targets[@]}"; do
  globs=""
  for line in "${SEEDS[@]}"; do
    [ "${line%% *}" = "$target" ] && globs=$(echo "${line#* }" | sed 's/^ *//')
  done
  [ -x "$bin/$target" ] || { echo "$target: not built"; status=1; continue; }
  echo "== $target for ${seconds}s (log: $work/$target/log)"
  run_one "$target" "$globs" &
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
done
wait

printf '\n%-20s %8s %12s %10s %8s\n' target result runs "exec/s" "cov"
for target in "${targets[@]}"; do
  [ -f "$work/$target/status" ] || continue
  if [ "$(cat "$work/$target/status")" = 0 ]; then result=ok; else result=FAILED; status=1; fi
  log="$work/$target/log"
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  speed=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo '?')
  printf '%-20s %8s %12s %10s %8s\n' "$target" "$result" "$runs" "$speed" "$cov"
  if [ "$result" = FAILED ]; then grep -E 'ERROR|SUMMARY|Fatal|panic|artifact' "$log" | head -20; fi
done
exit $status
