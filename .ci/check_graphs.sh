#!/usr/bin/env bash
# Validates every graph file `thememap run` wrote: GraphML and GEXF against the official schemas
# (offline, from ../shared/schemas), DOT through Graphviz, and all of them through networkx with the
# node and edge counts the CSV files imply (.ci/check_graphs.py).
set -euo pipefail
out=${1:-out}
schemas=${THEMEMAP_SCHEMAS:-../shared/schemas}
if [ ! -d "$schemas" ]; then echo "no $schemas: schema validation skipped"; else
  for f in "$out"/graphs/*.graphml; do
    xmllint --noout --nonet --schema "$schemas/graphml/graphml.xsd" "$f"
  done
  for f in "$out"/graphs/*.gexf; do
    # ThemeMap writes no viz elements and no xsi attributes, so both the XSD and the RELAX NG apply.
    xmllint --noout --nonet --schema "$schemas/gexf-1.3/gexf.xsd" "$f"
    xmllint --noout --nonet --relaxng "$schemas/gexf-1.3/gexf.rng" "$f"
  done
fi
svg=$(mktemp -d)
for f in "$out"/graphs/*.dot; do
  dot -Tsvg "$f" -o "$svg/$(basename "$f" .dot).svg"
  echo "$f: rendered by Graphviz"
done
python "$(dirname "$0")/check_graphs.py" "$out"

# `thememap export --graph` writes the graph it is asked for with the same bytes as the whole export.
only=$(mktemp -d)
swift run -q thememap export --store "$out/thememap.sqlite" --out "$only" --graph carry-over --format gexf \
  --format dot >/dev/null
for f in carry-over.gexf carry-over.dot; do
  cmp "$only/graphs/$f" "$out/graphs/$f"
  echo "$f: the same bytes from export --graph"
done
rm -rf "$only" "$svg"
