#!/usr/bin/env bash
# The HTML report as a browser shows it: headless Chromium (Debian's package) loads out/report.html,
# saves desktop and phone screenshots beside it, and the rendered DOM must hold every recommendation
# of recommendations.csv, the charts and every section, with no script and no console error.
set -euo pipefail
cd "$(dirname "$0")/.."
report="$(pwd)/out/report.html"
test -s "$report" || { echo "out/report.html missing: run thememap run first"; exit 1; }
if ! command -v chromium >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

browser() {
  # No sandbox: CI runs as root in a container. Logging to stderr carries the page's console.
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --enable-logging=stderr --v=0 "$@" "file://$report"
}
browser --virtual-time-budget=2000 --dump-dom >out/report-dom.html 2>out/report-console.log
browser --window-size=1280,2400 --screenshot=out/report-desktop.png 2>>out/report-console.log
browser --window-size=390,2400 --screenshot=out/report-phone.png 2>>out/report-console.log

python3 - <<'PY'
import csv
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

class Census(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.charts, self.scripts, self.ids, self.external = 0, 0, 0, set(), []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "tr" and "recommendation" in classes:
            self.rows += 1
        if tag == "svg" and attributes.get("role") == "img":
            self.charts += 1
        if tag == "script":
            self.scripts += 1
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in ("src", "href"):
            value = attributes.get(name) or ""
            if tag in ("link", "img", "script", "iframe") and re.match(r"https?:", value):
                self.external.append(value)

census = Census()
census.feed(Path("out/report-dom.html").read_text(encoding="utf-8"))
with open("out/recommendations.csv", newline="", encoding="utf-8") as handle:
    expected = sum(1 for _ in csv.DictReader(handle))
console = [line for line in Path("out/report-console.log").read_text(errors="replace").splitlines()
           if re.search(r"CONSOLE|Uncaught|net::ERR_|Refused to", line)]
failures = []
if census.rows != expected:
    failures.append(f"{census.rows} recommendation rows in the page, {expected} in recommendations.csv")
if census.charts < 2:
    failures.append(f"only {census.charts} charts (svg role=img)")
if census.scripts:
    failures.append(f"{census.scripts} script elements")
if census.external:
    failures.append(f"loads from the network: {census.external}")
for section in ("headline", "trends", "timeline", "recommendations", "work-programme", "method"):
    if section not in census.ids:
        failures.append(f"section #{section} missing")
failures += [f"console: {line}" for line in console]
for shot in ("out/report-desktop.png", "out/report-phone.png"):
    if not Path(shot).exists() or Path(shot).stat().st_size < 10_000:
        failures.append(f"{shot} missing or blank")
if failures:
    print("report checks FAILED:")
    for failure in failures:
        print(" -", failure)
    sys.exit(1)
size = Path("out/report.html").stat().st_size
print(f"report checks: {census.rows} recommendation rows, {census.charts} charts, 6 sections, "
      f"no console errors; {size // 1024} KiB; screenshots out/report-desktop.png, out/report-phone.png")
PY
