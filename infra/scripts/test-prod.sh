#!/usr/bin/env bash
# npm run test:prod (not part of npm test): npm run build, then the production build run as production
# (infra/cluster/prod-smoke.ts: start:prod on a fresh Postgres + Temporal dev server, health, no demo logins,
# console caching and compression, the production env rules).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/scripts/build.sh
TS_NODE_PROJECT=tsconfig.base.json exec node node_modules/ts-node/dist/bin.js --transpile-only -r tsconfig-paths/register \
  infra/cluster/prod-smoke.ts
