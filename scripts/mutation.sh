#!/usr/bin/env bash
# Mutation testing of the domain with the unit tier (Stryker.NET, tests/Negotiations.Tests/stryker-config.json).
# Slow (about 15 minutes on two cores), so not part of .ci/run. Arguments go to Stryker, e.g. one file at a time:
#   scripts/mutation.sh --mutate "**/Deals/DealTimeline.cs"
# The report: tests/Negotiations.Tests/StrykerOutput/<run>/reports/mutation-report.html (and .json).
set -euo pipefail
cd "$(dirname "$0")/.."

# The tool version is pinned in dotnet-tools.json (a local tool: nothing is installed globally).
dotnet tool restore >/dev/null

# The unit tier needs no database: the assembly fixture starts no PostgreSQL or host when this is set.
export NEGOTIATIONS_TEST_UNIT_TIER=1

cd tests/Negotiations.Tests
exec dotnet tool run dotnet-stryker --config-file stryker-config.json --skip-version-check "$@"
