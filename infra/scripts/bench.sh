#!/usr/bin/env bash
# npm run bench: benchmarks that print a ratio against a baseline measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/scripts/ensure.sh deps tools
export TS_NODE_PROJECT=tsconfig.base.json
exec node node_modules/ts-node/dist/bin.js --transpile-only -r tsconfig-paths/register "bench/${1:-engine}.bench.ts"
