#!/usr/bin/env bash
# Runs the batch benchmark suites (BatchBenchmarks, IcalNetBenchmarks): one launch, 3 warm-up and
# 10 measured iterations per case (BenchmarkDotNet picks the invocations per iteration), then draws
# the chart and prints the per-course table from BenchmarkDotNet's JSON reports.
# Usage, from anywhere: benchmarks/run-batch-suite.sh
# A quick wiring check instead (one invocation per case, in process):
#   BATCH_JOB="--job dry --inProcess" benchmarks/run-batch-suite.sh
# Writes BenchmarkDotNet.Artifacts/ (git-ignored), benchmarks/batch-time-per-course.png and
# benchmarks/batch-results.md (the table for README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf BenchmarkDotNet.Artifacts/results
dotnet run -c Release --project benchmarks/IL2Schedule.Benchmarks -- \
  --filter '*BatchBenchmarks*' '*BatchPeerBenchmarks*' '*IcalNetBenchmarks*' \
  ${BATCH_JOB:---launchCount 1 --warmupCount 3 --iterationCount 10}
dotnet run -c Release --project benchmarks/IL2Schedule.Benchmarks.Chart -- \
  BenchmarkDotNet.Artifacts/results benchmarks/batch-time-per-course.png > benchmarks/batch-results.md
cat benchmarks/batch-results.md
