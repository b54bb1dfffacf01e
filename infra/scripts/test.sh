#!/usr/bin/env bash
# npm test: install what is missing, then every layer — unit, workflow, api end-to-end, browser.
# Services for the tests start on free ports in temporary folders (never .data/) and stop at the end.
# Extra arguments go to jest, e.g. `npm test -- --selectProjects unit` or `npm test -- test/e2e/cases`.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/scripts/ensure.sh deps tools console chromium
mkdir -p test-results
if [ $# -eq 0 ]; then
  echo "[test] lint: module boundaries and workflow determinism"
  npm run --silent lint
fi
exec npx jest --maxWorkers=2 "$@"
