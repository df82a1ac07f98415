"""ThemeMap's benchmark driver (run by Benchmarks/run.sh, which builds and makes the venv).

Times each stage as a separate process so that peak RSS (wait4's ru_maxrss) and CPU time are that
stage's own, and prints one table per corpus size plus the ratio of the doubled size to the first.
Wall time is noisy on a shared machine; CPU time (user + system) is printed beside it, tagging and
the peers take the best of --repeat passes, and the pipeline stages the best of --rounds rounds, the
sizes taking turns within each round so that a slow spell of the host falls on both.
"""

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


def parse_size(text):
    text = text.upper()
    for suffix, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)):
        if text.endswith(suffix):
            return int(float(text[: -len(suffix)]) * factor)
    return int(text)


def measure(command, stdout=subprocess.DEVNULL, check=True):
    """Runs a command; returns wall seconds, CPU seconds, peak RSS in MB and the exit status."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if check and code not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({code}):\n{stderr[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "user": usage.ru_utime,
            "rss": usage.ru_maxrss / 1024, "code": code, "stderr": stderr}


def generate(args, size, folder):
    stamp = folder / ".generated"
    wanted = f"seed={args.seed} size={size}\n"
    if stamp.exists() and stamp.read_text() == wanted:
        return
    print(f"== generating {size / 2**20:.0f} MB into {folder}", file=sys.stderr)
    subprocess.run([f"{args.bin}/thememap-bench", "generate", "--out", str(folder), "--size", str(size),
                    "--seed", str(args.seed), "--taxonomy", "Datasets/themes.yaml"], check=True,
                   stdout=sys.stderr)
    stamp.write_text(wanted)


def corpus_bytes(folder):
    return sum(p.stat().st_size for p in (folder / "documents").rglob("*.txt"))


def counts(store):
    with sqlite3.connect(store) as db:
        return {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("documents", "items", "mentions", "recommendations")}


def has_subcommand(args, name):
    result = subprocess.run([f"{args.bin}/thememap", "help"], capture_output=True, text=True)
    return any(line.strip().startswith(name + " ") for line in (result.stdout + result.stderr).splitlines())


STAGES = ("tag", "ingest", "tag-store", "link", "export", "run")


def stages(args, corpus, label, tagging=True):
    """The chosen stages on one corpus; returns rows of the table and the matcher's per-theme counts.
    tagging=False leaves out the matcher alone (it takes its own best of --repeat passes)."""
    work = Path(args.work) / f"stages-{label}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    size = corpus_bytes(corpus)
    wanted = set(args.stages.split(","))
    rows = []
    theme_counts = {}
    if "tag" in wanted and tagging:
        row, theme_counts = tagging_alone(args, corpus, work)
        rows.append(row)
    if wanted & {"ingest", "tag-store", "link", "export"}:
        rows.extend(separate_stages(args, corpus, work, size, wanted))
    if "run" in wanted:
        rows.extend(whole_run(args, corpus, label, size))
    return rows, theme_counts


def tagging_alone(args, corpus, work):
    """The matcher alone on one core: best of --repeat passes in thread CPU time."""
    tag = measure([f"{args.bin}/thememap-bench", "tag", "--datasets", str(corpus), "--repeat", str(args.repeat)],
                  stdout=open(work / "tag.txt", "w"))
    lines = (work / "tag.txt").read_text().splitlines()
    fields = dict(part.split("=") for part in lines[0].split()[1:])
    theme_counts = {line.split()[1]: int(line.split()[2]) for line in lines[1:]}
    row = {"stage": "tagging alone, 1 core (best of %d)" % args.repeat, "bytes": int(fields["bytes"]),
           "documents": int(fields["documents"]), "items": None, "wall": float(fields["wall"]),
           "cpu": float(fields["user"]), "user": float(fields["user"]), "rss": tag["rss"],
           "matches": int(fields["matches"])}
    return row, theme_counts


def separate_stages(args, corpus, work, size, wanted):
    """ingest, tag, link and export as separate processes on one store; each needs the ones before it, so
    all run and the wanted ones are kept."""
    thememap = f"{args.bin}/thememap"
    store = str(work / "thememap.sqlite")
    rows = []
    ingest = measure([thememap, "ingest", str(corpus / "documents"), "--manifest", str(corpus / "manifest.yaml"),
                      "--store", store])
    found = counts(store)
    rows.append({"key": "ingest", "stage": "ingest", "bytes": size, **found, **ingest})
    tagged = measure([thememap, "tag", "--taxonomy", str(corpus / "themes.yaml"), "--store", store])
    found = counts(store)
    rows.append({"key": "tag-store", "stage": "tag (store)", "bytes": size, **found, **tagged})
    if has_subcommand(args, "link"):
        link = measure([thememap, "link", "--store", store], check=False)
        if link["code"] == 0:
            rows.append({"key": "link", "stage": "carry-over linking", "bytes": size, **found, **link})
        else:
            rows.append({"key": "link", "stage": "carry-over linking",
                         "note": "failed: " + link["stderr"].strip()[-200:]})
    else:
        rows.append({"key": "link", "stage": "carry-over linking", "note": "not available in this build"})
    if "export" in wanted:
        export = measure([thememap, "export", "--out", str(work / "out"), "--store", store])
        rows.append({"key": "export", "stage": "export", "bytes": size, **found, **export})
    return [row for row in rows if row["key"] in wanted]


def whole_run(args, corpus, label, size):
    """`thememap run` into a fresh folder, then again on the unchanged corpus."""
    thememap = f"{args.bin}/thememap"
    out = Path(args.work) / f"run-{label}"
    shutil.rmtree(out, ignore_errors=True)
    whole = measure([thememap, "run", "--datasets", str(corpus), "--out", str(out)])
    found = counts(out / "thememap.sqlite")
    again = measure([thememap, "run", "--datasets", str(corpus), "--out", str(out)])
    return [{"stage": "whole run", "bytes": size, **found, **whole},
            {"stage": "run again, unchanged", "bytes": size, **found, **again,
             "share": again["wall"] / whole["wall"]}]


def best_of(rounds):
    """Each stage's row with the least wall time over the rounds, and the least CPU time: the host's
    slow spells only ever add time. Peak RSS is the largest seen, and the rerun's share of the first
    run the smallest of the rounds' own shares."""
    best = []
    for versions in zip(*rounds):
        if any("note" in row for row in versions):
            best.append(next(row for row in versions if "note" in row))
            continue
        row = dict(min(versions, key=lambda row: row["wall"]))
        row["cpu"] = min(version["cpu"] for version in versions)
        row["user"] = min(version["user"] for version in versions)
        row["system"] = min(version["cpu"] - version["user"] for version in versions)
        row["rss"] = max(version["rss"] for version in versions)
        if "share" in row:
            row["extra"] = f"{100 * min(version['share'] for version in versions):.1f}% of first run"
        best.append(row)
    return best


def peers(args, corpus, keywords_file, themap_matches, theme_counts):
    """flashtext and pyahocorasick over the same files and keyword list, matching time only."""
    try:
        from flashtext import KeywordProcessor
        import ahocorasick
    except ImportError:
        return ["peers: flashtext/pyahocorasick not installed (run via Benchmarks/run.sh)"]
    entries = [line.split("\t") for line in Path(keywords_file).read_text().splitlines() if line]
    processor = KeywordProcessor(case_sensitive=False)
    automaton = ahocorasick.Automaton()
    for words, theme, kind in entries:
        value = None if kind == "exclusion" else theme
        processor.add_keyword(words, value or "-")
        automaton.add_word(words.lower(), (len(words), value))
    automaton.make_automaton()
    files = sorted((corpus / "documents").rglob("*.txt"))

    def flash(text):
        return [m for m in processor.extract_keywords(text) if m != "-"]

    def aho(text):
        # Case-insensitive like ThemeMap's aliases; whole words by checking the characters around each
        # leftmost-longest hit, which is what a user of pyahocorasick writes.
        lowered = text.lower()
        found = []
        for end, (length, theme) in automaton.iter_long(lowered):
            start = end - length + 1
            if start > 0 and lowered[start - 1].isalnum():
                continue
            if end + 1 < len(lowered) and lowered[end + 1].isalnum():
                continue
            if theme is not None:
                found.append(theme)
        return found

    results = {}
    for name, function in (("flashtext", flash), ("pyahocorasick", aho)):
        best = None
        for _ in range(args.repeat):
            seconds = 0.0
            matches = 0
            per_theme = {}
            for path in files:
                text = path.read_text(encoding="utf-8")
                started = time.process_time()
                found = function(text)
                seconds += time.process_time() - started
                matches += len(found)
                for theme in found:
                    per_theme[theme] = per_theme.get(theme, 0) + 1
            best = seconds if best is None else min(best, seconds)
        results[name] = (best, matches, per_theme)
    return results


def table(rows, size_label):
    lines = [f"corpus {size_label}",
             f"{'stage':38} {'input MB':>9} {'docs':>7} {'items':>8} {'wall s':>8} {'cpu s':>8} "
             f"{'sys s':>7} {'MB/s':>7} {'items/s':>9} {'RSS MB':>7}"]
    for row in rows:
        if "note" in row:
            lines.append(f"{row['stage']:38} {row['note']}")
            continue
        mb = row["bytes"] / 2**20
        seconds = row["wall"]
        items = row.get("items")
        items_text = "" if items is None else f"{items:>8}"
        rate = "" if items is None else f"{items / seconds:>9.0f}"
        lines.append(
            f"{row['stage']:38} {mb:>9.1f} {row['documents']:>7} {items_text:>8} {seconds:>8.2f} "
            f"{row['cpu']:>8.2f} {row.get('system', row['cpu'] - row['user']):>7.2f} {mb / seconds:>7.1f} "
            f"{rate:>9} {row['rss']:>7.0f} {row.get('extra', '')}")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--work", default="Benchmarks/work")
    parser.add_argument("--size", default="100MB")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="passes of the matcher alone and of each peer")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of the pipeline stages, sizes alternating; each stage keeps its best")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--single", action="store_true", help="only --size, not twice it as well")
    parser.add_argument("--stages", default=",".join(STAGES), help="comma-separated subset of " + ",".join(STAGES))
    args = parser.parse_args()
    size = parse_size(args.size)
    unknown = set(args.stages.split(",")) - set(STAGES)
    if unknown:
        parser.error(f"unknown stage(s) {', '.join(sorted(unknown))}; choose from {', '.join(STAGES)}")
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    sizes = []
    for factor in ((1,) if args.single else (1, 2)):
        label = f"{size * factor / 2**20:.0f}MB"
        corpus = Path(args.work) / f"corpus-{label}"
        generate(args, size * factor, corpus)
        sizes.append((label, corpus))
    # Round after round, each size in turn: the first round also times the matcher alone.
    passes = {label: [] for label, _ in sizes}
    matchers = {label: [] for label, _ in sizes}
    counts_by_size = {}
    for round_number in range(1, args.rounds + 1):
        for label, corpus in sizes:
            print(f"== stages on {label}, round {round_number} of {args.rounds}", file=sys.stderr)
            rows, theme_counts = stages(args, corpus, label, tagging=round_number == 1)
            if round_number == 1:
                counts_by_size[label] = theme_counts
                matchers[label] = [row for row in rows if row["stage"].startswith("tagging alone")]
            passes[label].append([row for row in rows if row not in matchers[label]])
    results = []
    for label, corpus in sizes:
        rows = matchers[label] + best_of(passes[label])
        results.append((label, corpus, rows, counts_by_size[label]))
        rounds = "one round" if args.rounds == 1 else f"best of {args.rounds} rounds"
        print(table(rows, f"{label} (pipeline stages: {rounds})"), flush=True)
        print(flush=True)

    if len(results) == 2:
        print_ratios(results)
    if args.no_peers or "tag" not in args.stages.split(","):
        return
    peer_table(args, results)


def print_ratios(results):
    """How much each stage costs at twice the size."""
    (label1, _, rows1, _), (label2, _, rows2, _) = results
    # User time is ThemeMap's own work; system time is mostly the kernel copying files into the page
    # cache, which on a virtual machine whose balloon gives back file pages costs more per byte as the
    # volume grows.
    print(f"ratio {label2} / {label1} (target <= 2.2x in every stage)")
    print(f"{'stage':38} {'wall':>7} {'cpu':>7} {'user':>7} {'system':>7}")
    for first, second in zip(rows1, rows2):
        if "note" in first or "note" in second:
            print(f"{first['stage']:38} {first.get('note', second.get('note', ''))}")
            continue
        system = [row.get("system", row["cpu"] - row["user"]) for row in (first, second)]
        system_ratio = f"{system[1] / system[0]:>6.2f}x" if system[0] > 0.05 else f"{'-':>7}"
        print(f"{first['stage']:38} {second['wall'] / first['wall']:>6.2f}x {second['cpu'] / first['cpu']:>6.2f}x "
              f"{second['user'] / first['user']:>6.2f}x {system_ratio}")
    print()


def peer_table(args, results):
    """flashtext and pyahocorasick beside ThemeMap's matcher on the first corpus."""
    label, corpus, rows, theme_counts = results[0]
    keywords = Path(args.work) / "keywords.tsv"
    with open(keywords, "w") as handle:
        subprocess.run([f"{args.bin}/thememap", "themes", "--keywords", "--taxonomy", str(corpus / "themes.yaml")],
                       stdout=handle, check=True)
    tagging = rows[0]
    outcome = peers(args, corpus, keywords, tagging["matches"], theme_counts)
    if isinstance(outcome, list):
        print("\n".join(outcome))
        return
    mb = tagging["bytes"] / 2**20
    ours = tagging["cpu"]
    print(f"peers on corpus {label}, same files and keyword list (`thememap themes --keywords`), CPU seconds, best of {args.repeat}")
    print(f"{'matcher':24} {'cpu s':>8} {'MB/s':>8} {'matches':>9} {'ThemeMap is':>12}")
    print(f"{'ThemeMap':24} {ours:>8.2f} {mb / ours:>8.1f} {tagging['matches']:>9} {'':>12}")
    for name, (seconds, matches, per_theme) in outcome.items():
        print(f"{name:24} {seconds:>8.2f} {mb / seconds:>8.1f} {matches:>9} {seconds / ours:>11.1f}x")
    print()
    print("match count differences by theme (ThemeMap / flashtext / pyahocorasick), where they differ:")
    flash_counts, aho_counts = outcome["flashtext"][2], outcome["pyahocorasick"][2]
    for theme in sorted(set(theme_counts) | set(flash_counts) | set(aho_counts)):
        ours_n, flash_n, aho_n = theme_counts.get(theme, 0), flash_counts.get(theme, 0), aho_counts.get(theme, 0)
        if not ours_n == flash_n == aho_n:
            print(f"  {theme:36} {ours_n:>8} {flash_n:>8} {aho_n:>8}")


if __name__ == "__main__":
    main()
