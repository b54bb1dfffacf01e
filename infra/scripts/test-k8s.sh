#!/usr/bin/env bash
# npm run test:k8s (not part of npm test): the deployment manifests, validated offline.
#  1. the unit test of our manifests (infra/k8s/manifests.spec.ts, also in npm test)
#  2. helm (built once from the Go module proxy into .tools/helm/<version>, reused after) lints and renders the
#     Temporal chart with our values; every rendered object is validated against the Kubernetes schemas.
set -euo pipefail
cd "$(dirname "$0")/../.."
HELM_VERSION=v3.22.0
bash infra/scripts/ensure.sh deps
npx jest infra/k8s --selectProjects unit
helm=".tools/helm/$HELM_VERSION/helm"
if [[ ! -x "$helm" ]]; then
  echo "test:k8s: building helm $HELM_VERSION (go install, once; a few minutes)"
  GOTOOLCHAIN=local GOBIN="$PWD/.tools/helm/$HELM_VERSION" go install -p 1 -ldflags="-s -w" "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
fi
TS_NODE_PROJECT=tsconfig.base.json node node_modules/ts-node/dist/bin.js --transpile-only infra/k8s/render-check.ts "$helm"
