#!/usr/bin/env bash
# npm run start:prod: the compiled api and worker (npm run build) against the Postgres and Temporal of the env
# (DATABASE_URL, TEMPORAL_ADDRESS, …; NODE_ENV=production needs JWT_SECRET). No ts-node at run time.
# One api and one worker here; scale out with more processes of each (see npm run cluster).
set -euo pipefail
cd "$(dirname "$0")/../.."
for f in dist/apps/api/main.js dist/apps/worker/main.js dist/apps/worker/workflow-bundle.js; do
  [ -f "$f" ] || { echo "start:prod: $f is missing — run npm run build" >&2; exit 1; }
done
node --enable-source-maps dist/apps/worker/main.js &
worker=$!
node --enable-source-maps dist/apps/api/main.js &
api=$!
trap 'kill -TERM $api $worker 2>/dev/null' INT TERM HUP
status=0
wait -n $api $worker || status=$?
kill -TERM $api $worker 2>/dev/null || true
wait $api $worker 2>/dev/null || true
exit $status
