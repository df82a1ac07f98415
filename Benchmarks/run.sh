#!/usr/bin/env bash
# ThemeMap's benchmark, in one command: builds release binaries, generates the corpus at --size and
# twice --size, times every stage and the whole `run` at both sizes, then the Python peers (flashtext,
# pyahocorasick, installed into Benchmarks/work/venv) on the same text and keyword list.
#
#   Benchmarks/run.sh                      # 100MB and 200MB, seed 1, best of 3 for tagging and stages
#   Benchmarks/run.sh --size 1GB --single --repeat 1 --rounds 1 --no-peers --stages tag,run
#   Benchmarks/run.sh --size 10MB --no-peers
#
# --single times --size only (not twice it); --stages picks from tag,ingest,tag-store,link,export,run;
# --repeat is the matcher's and the peers' passes, --rounds the pipeline's (sizes take turns).
#
# Everything it writes goes under Benchmarks/work/ (git-ignored). See README.md, "Performance".
set -euo pipefail
cd "$(dirname "$0")/.."

work=Benchmarks/work
args=()
peers=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-peers) peers=0; args+=("$1"); shift ;;
    --single) args+=("$1"); shift ;;
    --work) work="$2"; args+=("$1" "$2"); shift 2 ;;
    --size|--seed|--repeat|--rounds|--stages) args+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"

echo "== building release binaries" >&2
swift build -c release --product thememap >&2
swift build -c release --product thememap-bench >&2
bin="$(swift build -c release --show-bin-path)"

python=python3
if [[ $peers == 1 ]]; then
  if [[ ! -x "$work/venv/bin/python" ]]; then
    echo "== creating $work/venv with flashtext and pyahocorasick" >&2
    python3 -m venv "$work/venv"
    "$work/venv/bin/python" -m pip install --quiet --upgrade pip >&2
    "$work/venv/bin/python" -m pip install --quiet flashtext pyahocorasick >&2
  fi
  python="$work/venv/bin/python"
fi
exec "$python" Benchmarks/bench.py --bin "$bin" --work "$work" "${args[@]}"
