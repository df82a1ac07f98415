"""Reads every graph file with networkx and checks its node and edge counts against the CSV files."""
import itertools
import json
import sys
from pathlib import Path

import networkx as nx
import pandas as pd

out = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
graphs = out / "graphs"
read = lambda name: pd.read_csv(out / name, keep_default_na=False) if (out / name).exists() else None

mentions = read("mentions.csv")
meetings = read("meetings.csv")
carry = read("carry_over.csv")
transitions = read("theme_transitions.csv")

themes = set(mentions["theme"])
pairs = set()
for _, group in mentions.groupby("item_id"):
    pairs.update(itertools.combinations(sorted(set(group["theme"])), 2))
meeting_theme = set(zip(mentions["meeting_id"], mentions["theme"]))

expected = {
    "theme-cooccurrence": (len(themes), len(pairs)),
    "meetings-themes": (len(meetings) + len(themes), len(meeting_theme)),
}
if carry is not None and len(carry):
    sources = {f"recommendation:{r}" for r in carry["recommendation_id"]}
    targets = {f"{k}:{t}" for k, t in zip(carry["target_kind"], carry["target_id"])}
    expected["carry-over"] = (len(sources | targets), len(carry))
else:
    expected["carry-over"] = (0, 0)
bodies = set(meetings["body"])
if transitions is not None and len(transitions):
    routes = set(zip(transitions["from_body"], transitions["to_body"]))
    bodies |= set(transitions["from_body"]) | set(transitions["to_body"])
    expected["body-flow"] = (len(bodies), len(routes))
else:
    expected["body-flow"] = (len(bodies), 0)

failures = []
for name, (nodes, edges) in expected.items():
    loaded = {
        "graphml": nx.read_graphml(graphs / f"{name}.graphml"),
        "gexf": nx.read_gexf(graphs / f"{name}.gexf"),
        "json": nx.node_link_graph(json.loads((graphs / f"{name}.json").read_text()), edges="edges"),
    }
    for fmt, graph in loaded.items():
        found = (graph.number_of_nodes(), graph.number_of_edges())
        status = "ok" if found == (nodes, edges) else "MISMATCH"
        print(f"{name}.{fmt}: {found[0]} nodes, {found[1]} edges (CSV says {nodes}, {edges}) {status}")
        if found != (nodes, edges):
            failures.append(f"{name}.{fmt}")
if failures:
    sys.exit("graph counts differ from the CSV files: " + ", ".join(failures))
print("graph checks: every graph read by networkx in 3 formats, counts agree with the CSV files")
