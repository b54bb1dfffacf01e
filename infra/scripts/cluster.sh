#!/usr/bin/env bash
# npm run cluster / npm run test:cluster: QualityFlow on a real Temporal cluster on this machine (infra/cluster).
#   cluster.sh        start it and keep it running (Ctrl-C stops everything)
#   cluster.sh test   the scale-out test with failures injected (test/cluster/scale-out.ts)
# Installs what is missing: npm packages, Debian's haproxy, the compiled build, the pinned Temporal server
# (built once with Go into .tools/temporal-server/<version>; about 25 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash infra/scripts/ensure.sh deps
if ! command -v haproxy >/dev/null && [ ! -x /usr/sbin/haproxy ]; then
  echo "[cluster] installing Debian haproxy (the load balancer in front of the api processes)…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq haproxy >/dev/null
fi
bash infra/scripts/build.sh
bash infra/scripts/cluster-build-server.sh
export TS_NODE_PROJECT=tsconfig.base.json
if [ "${1:-}" = test ]; then
  exec node node_modules/ts-node/dist/bin.js --transpile-only -r tsconfig-paths/register test/cluster/scale-out.ts
fi
exec node node_modules/ts-node/dist/bin.js --transpile-only -r tsconfig-paths/register infra/cluster/main.ts
