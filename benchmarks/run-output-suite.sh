#!/usr/bin/env bash
# The batch output suite: `il2schedule batch --count 1000000 --seed 1 --parallel` to CSV, NDJSON and
# Parquet, and dd writing as many bytes as the CSV, each timed as a whole process by /usr/bin/time -v
# (wall seconds and peak RSS), RUNS rounds (default 3) taken in turn (csv, ndjson, parquet, dd, then
# again), so a drift in the machine's speed touches every command alike. Prints the medians, the
# ratios of the targets and the file sizes as a Markdown table.
# Usage, from anywhere: benchmarks/run-output-suite.sh   (RUNS=5 COUNT=100000 WORK=/some/dir to change;
# FORMATS="csv parquet" for fewer formats: a target whose commands did not run is left out)
# dd: dd if=/dev/zero of=WORK/dd.bin bs=1M count=N conv=fsync, N = the CSV's size in MiB rounded up;
# conv=fsync makes dd wait for the disk, which the CLI does not, so dd is the stricter floor.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
formats=${FORMATS:-csv ndjson parquet}
count=${COUNT:-1000000}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
dotnet build samples/IL2Schedule.Cli -c Release >/dev/null
cli="dotnet samples/IL2Schedule.Cli/bin/Release/net10.0/IL2Schedule.Cli.dll"
results="$work/results.tsv"
: > "$results"

# measure NAME FILE COMMAND...: runs the command under /usr/bin/time -v; appends name, wall s, peak KB, bytes.
measure() {
  local name=$1 file=$2; shift 2
  /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  local wall rss bytes
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
  bytes=$(stat -c %s "$file")
  printf '%s\t%s\t%s\t%s\n' "$name" "$wall" "$rss" "$bytes" >> "$results"
  echo "$name: ${wall} s, peak RSS ${rss} KB, ${bytes} bytes" >&2
}

for round in $(seq 1 "$runs"); do
  echo "round $round of $runs" >&2
  measure csv "$work/out.csv" $cli batch --count "$count" --seed 1 --parallel --format csv --output "$work/out.csv"
  csv_bytes=$(stat -c %s "$work/out.csv")
  for format in $formats; do
    if [ "$format" != csv ]; then
      measure "$format" "$work/out.$format" $cli batch --count "$count" --seed 1 --parallel --format "$format" --output "$work/out.$format"
      rm -f "$work/out.$format"
    fi
  done
  mib=$(( (csv_bytes + 1048575) / 1048576 ))
  measure dd "$work/dd.bin" dd if=/dev/zero of="$work/dd.bin" bs=1M count="$mib" conv=fsync
  rm -f "$work/dd.bin" "$work/out.csv"
done

python3 - "$results" "$count" <<'PY'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]).read().split("\n") if line]
med = {}
for name in ("csv", "ndjson", "parquet", "dd"):
    mine = [r for r in rows if r[0] == name]
    if not mine:
        continue
    med[name] = (statistics.median(float(r[1]) for r in mine), statistics.median(int(r[2]) for r in mine) / 1024,
                 statistics.median(int(r[3]) for r in mine), [float(r[1]) for r in mine])
print(f"{int(sys.argv[2]):,} courses, {len(rows) // len(med)} runs of each (medians; every run's wall time in brackets)\n")
print("| command | wall s | peak RSS MB | bytes | runs (s) |")
print("|---|---|---|---|---|")
for name, (wall, rss, size, walls) in med.items():
    print(f"| {name} | {wall:.1f} | {rss:.0f} | {size:,} | {', '.join(f'{w:.1f}' for w in walls)} |")
ratio = lambda a, b: med[a][0] / med[b][0]
print()
print("| target | measured | met |")
print("|---|---|---|")
checks = [("CSV time / dd time <= 1.5", ratio("csv", "dd"), ratio("csv", "dd") <= 1.5)]
if "ndjson" in med:
    checks.append(("NDJSON time / CSV time <= 2", ratio("ndjson", "csv"), ratio("ndjson", "csv") <= 2))
if "parquet" in med:
    checks.append(("Parquet time / CSV time <= 1", ratio("parquet", "csv"), ratio("parquet", "csv") <= 1))
    checks.append(("Parquet size / CSV size <= 0.2", med["parquet"][2] / med["csv"][2], med["parquet"][2] / med["csv"][2] <= 0.2))
checks += [(f"{n} peak RSS < 200 MB", med[n][1], med[n][1] < 200) for n in ("csv", "ndjson", "parquet") if n in med]
for label, value, met in checks:
    print(f"| {label} | {value:.2f} | {'yes' if met else 'no'} |")
PY
