#!/usr/bin/env bash
# Fuzzes one reader with AFL++ (Debian's afl++ package) and SharpFuzz 2.3.0 for a given time.
#   bash fuzz/run.sh TARGET SECONDS     # TARGET: record, plan, ics, fhir, csv
# Builds fuzz/IL2Schedule.Fuzz, copies it to artifacts/fuzz/bin-TARGET, instruments the assemblies under test with
# the sharpfuzz tool (.config/dotnet-tools.json), and runs afl-fuzz on the seeds in
# fuzz/corpus/TARGET. Findings land in artifacts/fuzz/TARGET/default/{crashes,hangs}; reproduce
# one with: dotnet artifacts/fuzz/bin-TARGET/IL2Schedule.Fuzz.dll TARGET FILE. See docs/testing.md.
# A hang is an input that takes over 1 s (-t 1000); memory past a 512 MiB GC heap
# (DOTNET_GCHeapHardLimit) is an OutOfMemoryException, so a crash. Not run by CI.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:?usage: fuzz/run.sh TARGET SECONDS (TARGET: record, plan, ics, fhir, csv)}"
seconds="${2:?usage: fuzz/run.sh TARGET SECONDS}"
case "$target" in
  record|plan) assemblies=(IL2Schedule.dll) ;;
  ics) assemblies=(IL2Schedule.dll IL2Schedule.ICalendar.dll Ical.Net.dll) ;;
  fhir) assemblies=(IL2Schedule.dll IL2Schedule.Fhir.dll) ;;
  csv) assemblies=(IL2Schedule.dll IL2Schedule.Cli.dll CsvHelper.dll) ;;
  *) echo "error: unknown target '$target' (record, plan, ics, fhir, csv)" >&2; exit 2 ;;
esac
if ! command -v afl-fuzz >/dev/null; then
  echo "error: afl-fuzz is not on PATH; install Debian's afl++ package (apt-get install -y afl++)" >&2
  exit 1
fi
cd "$root"
bin="artifacts/fuzz/bin-$target"
dotnet tool restore >/dev/null
dotnet build fuzz/IL2Schedule.Fuzz -c Release -o artifacts/fuzz/build
rm -rf "$bin"
cp -r artifacts/fuzz/build "$bin"
for assembly in "${assemblies[@]}"; do
  dotnet sharpfuzz "$bin/$assembly"
done
findings="artifacts/fuzz/$target"
mkdir -p "$findings"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export DOTNET_GCHeapHardLimit=0x20000000 DOTNET_TieredPGO=0
afl-fuzz -i "fuzz/corpus/$target" -o "$findings" -t 1000 -m none -V "$seconds" -- dotnet "$bin/IL2Schedule.Fuzz.dll" "$target" --warm-up "fuzz/corpus/$target"
grep -E "execs_done|execs_per_sec|corpus_count|bitmap_cvg|edges_found|total_edges|saved_crashes|saved_hangs" "$findings/default/fuzzer_stats"
