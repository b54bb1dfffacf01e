#!/usr/bin/env bash
# npm start: install what is missing, then run the whole stack (infra/dev/stack.ts).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/scripts/ensure.sh deps tools console
export TS_NODE_PROJECT=tsconfig.base.json
exec node node_modules/ts-node/dist/bin.js --transpile-only -r tsconfig-paths/register infra/dev/stack.ts
