#!/usr/bin/env bash
# Notebooks: committed without outputs, and every cell runs on what `thememap run` wrote into out/.
# Uses the virtual environment .ci/run created (.venv, with .ci/requirements.txt installed).
set -euo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
THEMEMAP_OUT="$(pwd)/out" python - <<'PY'
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

notebooks = sorted(Path("Notebooks").glob("*.ipynb"))
if not notebooks:
    sys.exit("no notebooks in Notebooks/")
failures = []
for path in notebooks:
    notebook = nbformat.read(path, as_version=4)
    stale = [i for i, cell in enumerate(notebook.cells)
             if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)]
    if stale:
        failures.append(f"{path}: committed with outputs or execution counts in cells {stale} (clear them)")
    client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
        print(f"{path}: {len(notebook.cells)} cells ran")
    except CellExecutionError as error:
        failures.append(f"{path}: a cell failed:\n{error}")
if failures:
    print("notebook checks FAILED:")
    for failure in failures:
        print(" -", failure)
    sys.exit(1)
print(f"notebook checks: {len(notebooks)} notebooks ran without errors, none committed with outputs")
PY
