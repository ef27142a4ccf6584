#!/usr/bin/env bash
# Runs the whole test suite, the same way on a laptop and in CI.
# The cluster-mode tests start their own private PostgreSQL server on 127.0.0.1 (in a temp
# folder, stopped when the test process ends); this script only makes sure its binaries exist.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing the PostgreSQL server binaries with apt-get..."
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

export TMPDIR="${TMPDIR:-/tmp}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

status=0
dotnet test GovernanceCloud.sln --nologo 2>&1 | tee "$log" || status=$?

# One line that sums every test assembly's result: "tests: N passed, N failed".
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
