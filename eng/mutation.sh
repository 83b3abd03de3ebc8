#!/usr/bin/env bash
# Mutation testing of src/IL2Schedule against tests/IL2Schedule.Tests with Stryker.NET 5.1.0 (the
# local tool in .config/dotnet-tools.json), one folder of the core at a time: a whole run exceeds
# an hour on two cores. Settings are in eng/stryker-config.json; see docs/testing.md.
#   bash eng/mutation.sh Planning              # mutates src/IL2Schedule/Planning/**/*.cs
#   bash eng/mutation.sh Schedules Rules Batch # several folders in one run (one build, one initial test run)
#   bash eng/mutation.sh all                   # the whole core (over an hour here)
#   bash eng/mutation.sh all '!Records'        # the whole core but Records (a '!' folder is left out)
#   bash eng/mutation.sh '**/Records/Replanner.cs{3354..3476}'  # a Stryker pattern as it is: here
#                                              # only the mutants in characters 3354-3476 of one file
# Reports go to artifacts/mutation/FOLDER[+FOLDER...]/reports/ (html, json and a markdown summary
# with a row per file). Not run by CI.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -eq 0 ]; then
  echo "usage: eng/mutation.sh FOLDER|all|'!FOLDER'|'**/FILE.cs{START..END}'... (folders: Planning, Schedules, Rules, Records, Batch, Protocols, Serialization, ...)" >&2
  exit 2
fi
globs=()
names=()
for folder in "$@"; do
  if [ "$folder" = all ]; then
    globs+=(--mutate "**/*.cs")
    names+=(all)
  elif [ "${folder:0:1}" = "!" ] && [ -d "$root/src/IL2Schedule/${folder:1}" ]; then
    globs+=(--mutate "!**/${folder:1}/**/*.cs")
    names+=("not-${folder:1}")
  elif [ "${folder:0:3}" = "**/" ]; then
    globs+=(--mutate "$folder")
    [[ " ${names[*]} " == *" spans "* ]] || names+=(spans)
  elif [ -d "$root/src/IL2Schedule/$folder" ]; then
    globs+=(--mutate "**/$folder/**/*.cs")
    names+=("$folder")
  else
    echo "error: src/IL2Schedule/$folder is not a folder of the core" >&2
    exit 2
  fi
done
output="$root/artifacts/mutation/$(IFS=+; echo "${names[*]}")"
if [ -e "$output" ]; then
  mv "$output" "$output.$(date -u +%Y%m%dT%H%M%SZ)"   # keep the previous run's reports
fi
cd "$root/tests/IL2Schedule.Tests"
# The planner's property tests take 10 % of their samples (tests/IL2Schedule.Tests/PropertySamples.cs).
export IL2SCHEDULE_PROPERTY_SAMPLES_PERCENT="${IL2SCHEDULE_PROPERTY_SAMPLES_PERCENT:-10}"
dotnet tool restore >/dev/null
dotnet dotnet-stryker --config-file "$root/eng/stryker-config.json" "${globs[@]}" --output "$output"
