#!/usr/bin/env bash
# npm run build: the production build.
#   dist/apps/api/main.js, dist/apps/worker/main.js  api and worker as JavaScript (tsc, so Nest's decorator
#                                                     metadata is emitted; then esbuild joins each app with the
#                                                     workspace libraries; npm packages stay external)
#   dist/apps/worker/workflow-bundle.js              the workflow bundle (bundleWorkflowCode, once)
#   dist/console                                     the console (vite), served by the api
# Run with `node --enable-source-maps dist/apps/api/main.js` (see npm run start:prod); no ts-node at run time.
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$(date +%s)
what="${1:-all}"
bash infra/scripts/ensure.sh deps
echo "build: tsc (api, worker, activities, libs)"
node node_modules/typescript/bin/tsc -p infra/cluster/tsconfig.build.json
# the workspace aliases of tsconfig.base.json, pointed at the compiled folders (a sub-path import resolves inside them)
mapfile -t aliases < <(node -e '
  const paths = require("./tsconfig.base.json").compilerOptions.paths;
  for (const [k, [v]] of Object.entries(paths)) console.log(`--alias:${k}=./dist/tsc/${require("path").dirname(v)}`);')
for app in api worker; do
  node_modules/.bin/esbuild "dist/tsc/apps/$app/src/main.js" --bundle --platform=node --target=node20 \
    --format=cjs --packages=external --sourcemap --log-level=warning "${aliases[@]}" --outfile="dist/apps/$app/main.js"
  echo "build: dist/apps/$app/main.js"
done
TS_NODE_PROJECT=tsconfig.base.json node node_modules/ts-node/dist/bin.js --transpile-only -r tsconfig-paths/register \
  infra/cluster/bundle-workflows.ts
if [[ "$what" != "server" ]]; then
  bash infra/scripts/ensure.sh console # rebuilt only when its sources changed
  echo "build: dist/console"
fi
echo "build: done in $(( $(date +%s) - t0 )) s"
