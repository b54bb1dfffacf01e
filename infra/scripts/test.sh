#!/usr/bin/env bash
# npm test: install what is missing, then every layer — unit, workflow, api end-to-end, fuzz, browser.
# Services for the tests start on free ports in temporary folders (never .data/) and stop at the end.
# Extra arguments go to jest, e.g. `npm test -- --selectProjects unit` or `npm test -- test/e2e/cases`.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/scripts/ensure.sh deps tools console chromium
mkdir -p test-results
if [ $# -gt 0 ]; then exec npx jest --maxWorkers=2 "$@"; fi
echo "[test] lint: module boundaries and workflow determinism"
npm run --silent lint
# Layers run one after another (the machine has two cores): unit + workflow, api end-to-end, browser, and last
# the fault-injection test, which kills and restarts worker processes and must not compete with the others.
npx jest --maxWorkers=2 --selectProjects unit workflow
npx jest --maxWorkers=2 --selectProjects e2e --testPathIgnorePatterns 'test/e2e/fault' 'test/e2e/openapi' 'test/e2e/audit-coverage'
# the OpenAPI check and the audit coverage (issue 12) write one of everything (a meeting next week, a settlement, flow
# and policy versions) into the layer's shared database: they run alone after the others, so no spec sees their records
npx jest --maxWorkers=1 test/e2e/openapi test/e2e/audit-coverage --selectProjects e2e
echo "[test] fuzz: Schemathesis against the api's OpenAPI (employee and admin tokens, bounded)"
npx jest --maxWorkers=1 --selectProjects fuzz
npx jest --maxWorkers=1 --selectProjects browser
echo "[test] fault injection (worker SIGKILLed during 50 complaints in flight)"
exec npx jest test/e2e/fault
