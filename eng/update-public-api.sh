#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to PublicAPI.Unshipped.txt of a
# library (src/IL2Schedule unless another folder under src/ is named, e.g. src/IL2Schedule.Fhir).
# Review the diff: it is the public API change you are about to make.
set -euo pipefail
cd "$(dirname "$0")/../${1:-src/IL2Schedule}"
symbols=$(dotnet build --no-incremental 2>&1 | grep RS0016 | sed -E "s/.*Symbol '(.*)' is not part of the declared public API.*/\1/" | sort -u || true)
if [ -n "$symbols" ]; then
  { cat PublicAPI.Unshipped.txt; echo "$symbols"; } | awk 'NR==1 || !seen[$0]++' > PublicAPI.Unshipped.txt.new
  { head -n 1 PublicAPI.Unshipped.txt.new; tail -n +2 PublicAPI.Unshipped.txt.new | sort; } > PublicAPI.Unshipped.txt
  rm PublicAPI.Unshipped.txt.new
fi
echo "$(echo -n "$symbols" | grep -c . || true) symbol(s) added"
