#!/usr/bin/env bash
# The data package `thememap run` wrote: Frictionless validates the descriptor, every listed CSV
# against its Table Schema (types, primary keys, foreign keys), and the package lists every CSV in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
frictionless validate out/datapackage.json
python - <<'PY'
import json
from pathlib import Path

package = json.loads(Path("out/datapackage.json").read_text())
listed = {resource["path"] for resource in package["resources"]}
present = {path.name for path in Path("out").glob("*.csv")}
missing = present - listed
if missing:
    raise SystemExit(f"datapackage.json does not describe {sorted(missing)}")
keys = sum(len(resource["schema"].get("foreignKeys", [])) for resource in package["resources"])
print(f"data package: {len(listed)} CSV files described, {keys} foreign keys, all valid")
PY
