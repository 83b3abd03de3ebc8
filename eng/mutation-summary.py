#!/usr/bin/env python3
"""Summarises Stryker.NET JSON reports (artifacts/mutation/*/reports/mutation-report.json).

  python3 eng/mutation-summary.py REPORT.json...           # a score row per folder of src/IL2Schedule
  python3 eng/mutation-summary.py --survivors REPORT.json  # every survived and no-coverage mutant, per file
  python3 eng/mutation-summary.py --survivor-lines REPORT.json  # Stryker mutate patterns, one per file,
      # with the character spans ({start..end}) of every place in today's sources whose lines read
      # as those mutants' lines did (so a few more mutants than the survivors are tested), for bash:
      # bash eng/mutation.sh $(python3 eng/mutation-summary.py --survivor-lines REPORT.json)
      # Stryker tests only the mutants wholly inside a span; check the new report for every survivor.

Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker computes it;
compile errors and ignored mutants are not in it. Used to write the tables of docs/testing.md and
eng/mutation-gaps/; see docs/testing.md.
"""
import collections
import json
import sys

COUNTED = ("Killed", "Survived", "Timeout", "NoCoverage")


def relative(path):
    marker = "src/IL2Schedule/"
    return path[path.index(marker) + len(marker):] if marker in path else path


def folder_of(path):
    parts = relative(path).split("/")
    return parts[0] + "/" if len(parts) > 1 else "(root files)"


def mutants(reports):
    for report in reports:
        with open(report, encoding="utf-8") as f:
            data = json.load(f)
        for path, file in data["files"].items():
            lines = file["source"].split("\n")
            for m in file["mutants"]:
                if m["status"] in COUNTED:
                    yield path, lines, m


def scores(reports):
    counts = collections.defaultdict(collections.Counter)
    for path, _, m in mutants(reports):
        counts[folder_of(path)][m["status"]] += 1
        counts["All measured"][m["status"]] += 1
    print("| Folder | Killed | Survived | Timeout | No coverage | Score |")
    print("|---|---|---|---|---|---|")
    for name in sorted(counts, key=lambda n: (n == "All measured", n)):
        c = counts[name]
        total = sum(c[s] for s in COUNTED)
        score = 100.0 * (c["Killed"] + c["Timeout"]) / total if total else 0.0
        print(f"| {name} | {c['Killed']} | {c['Survived']} | {c['Timeout']} | {c['NoCoverage']} | {score:.1f} % |")


def survivors(reports):
    by_file = collections.defaultdict(list)
    for path, lines, m in mutants(reports):
        if m["status"] in ("Survived", "NoCoverage"):
            line = m["location"]["start"]["line"]
            code = lines[line - 1].strip() if line <= len(lines) else ""
            by_file[relative(path)].append((line, m["status"], m["mutatorName"], m.get("replacement", ""), code))
    for path in sorted(by_file):
        print(f"\n### `{path}` ({len(by_file[path])})\n")
        print("| Line | Status | Mutation | Replacement | Code |")
        print("|---|---|---|---|---|")
        for line, status, mutator, replacement, code in sorted(by_file[path]):
            cell = lambda text: " ".join(text.split()).replace("|", "\\|")[:90]
            print(f"| {line} | {'no coverage' if status == 'NoCoverage' else 'survived'} | {mutator} | `{cell(replacement)}` | `{cell(code)}` |")


def survivor_lines(reports):
    root = __file__.rsplit("/eng/", 1)[0] + "/src/IL2Schedule/"
    by_file = collections.defaultdict(list)
    for path, lines, m in mutants(reports):
        if m["status"] in ("Survived", "NoCoverage"):
            first, last = m["location"]["start"]["line"], m["location"]["end"]["line"]
            by_file[relative(path)].append(lines[first - 1:last])
    for path in sorted(by_file):
        try:
            with open(root + path, encoding="utf-8-sig") as f:
                current = f.read().split("\n")
        except FileNotFoundError:
            print(f"warning: {path} is gone; its survivors are not re-tested", file=sys.stderr)
            continue
        starts = [0]
        for line in current:
            starts.append(starts[-1] + len(line) + 1)
        spans = set()
        for block in by_file[path]:
            # Every place where the mutant's lines (all of them, for a mutant over several lines) stand today.
            found = [i for i in range(len(current) - len(block) + 1) if current[i:i + len(block)] == block]
            spans.update((starts[i], starts[i + len(block) - 1] + len(current[i + len(block) - 1])) for i in found)
            if not found:
                print(f"warning: {path}: a survivor's lines are not in today's file; it is not re-tested", file=sys.stderr)
        if spans:
            print("**/" + path + "".join("{%d..%d}" % span for span in sorted(spans)))


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or args in (["--survivors"], ["--survivor-lines"]):
        print(__doc__.strip(), file=sys.stderr)
        sys.exit(2)
    if args[0] == "--survivors":
        survivors(args[1:])
    elif args[0] == "--survivor-lines":
        survivor_lines(args[1:])
    else:
        scores(args)
