"""Checks what `thememap run` wrote the way an analyst's tools read it.

Every CSV must parse with Python's csv module as RFC 4180 and load in pandas with the documented
columns; counts must agree across files.
"""
import csv
import sys
from pathlib import Path

import pandas as pd

out = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


expected = {
    "meetings.csv": ["meeting_id", "body", "date", "date_source"],
    "items.csv": ["item_id", "meeting_id", "title", "is_truncated", "themes"],
    "mentions.csv": ["mention_id", "theme", "item_id", "matched_text", "span_start", "span_end"],
    "recommendations.csv": ["recommendation_id", "kind", "addressee", "text"],
    "theme_trends.csv": ["theme", "parent_theme", "body", "period", "meetings", "items", "mentions"],
    "carry_over.csv": ["link_id", "recommendation_id", "from_date", "to_date", "score", "shared_themes"],
    "theme_timeline.csv": ["theme", "sequence", "meeting_id", "date", "body", "days_since_previous"],
    "theme_transitions.csv": ["theme", "from_body", "to_body", "count", "first_date"],
    "work_programme.csv": ["rank", "title", "reason", "explanation", "score", "sources"],
}
frames = {}
for name, columns in expected.items():
    path = out / name
    check(path.exists(), f"{name} missing")
    if not path.exists():
        continue
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, strict=True))
    check(len(rows) > 1, f"{name}: no data rows")
    widths = {len(row) for row in rows}
    check(len(widths) == 1, f"{name}: rows of different widths {sorted(widths)}")
    frame = pd.read_csv(path, keep_default_na=False)
    for column in columns:
        check(column in frame.columns, f"{name}: column {column} missing")
    frames[name] = frame

if "mentions.csv" in frames and "theme_trends.csv" in frames:
    check(
        frames["mentions.csv"].shape[0] == frames["theme_trends.csv"]["mentions"].sum(),
        "theme_trends.csv mentions do not add up to mentions.csv rows",
    )
if "items.csv" in frames and "meetings.csv" in frames:
    check(
        frames["items.csv"].shape[0] == frames["meetings.csv"]["items"].sum(),
        "items.csv rows do not add up to meetings.csv item counts",
    )

if "carry_over.csv" in frames and "recommendations.csv" in frames:
    links = frames["carry_over.csv"]
    check((links["to_date"] > links["from_date"]).all(), "carry_over.csv links a meeting to an earlier one")
    check(
        frames["recommendations.csv"]["times_carried"].sum() == links.shape[0],
        "recommendations.csv times_carried do not add up to carry_over.csv rows",
    )
if "work_programme.csv" in frames:
    ranks = frames["work_programme.csv"]["rank"].tolist()
    check(ranks == list(range(1, len(ranks) + 1)), "work_programme.csv ranks are not 1, 2, 3, ...")

if failures:
    print("output checks FAILED:")
    for failure in failures:
        print(" -", failure)
    sys.exit(1)
print(f"output checks: {len(expected)} CSV files read by csv and pandas, counts agree")
