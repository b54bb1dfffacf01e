#!/usr/bin/env bash
# Builds (once) the pinned Temporal server and its SQL tool into a project-local tools folder.
# Never rebuilds when both binaries are present. Uses the local Go toolchain and the Go module proxy.
set -euo pipefail
TEMPORAL_VERSION="${TEMPORAL_VERSION:-1.32.1}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN_DIR="${TEMPORAL_TOOLS_DIR:-$ROOT/.tools/temporal-server/$TEMPORAL_VERSION}"
mkdir -p "$BIN_DIR"
if [[ -x "$BIN_DIR/server" && -x "$BIN_DIR/sql" ]]; then
  echo "temporal server $TEMPORAL_VERSION already built in $BIN_DIR"
  exit 0
fi
command -v go >/dev/null || { echo "go is required to build the Temporal server" >&2; exit 1; }
export GOTOOLCHAIN=local GOBIN="$BIN_DIR" CGO_ENABLED=0
for pkg in server tools/sql; do
  name="$(basename "$pkg")"
  [[ -x "$BIN_DIR/$name" ]] && continue
  echo "building go.temporal.io/server/cmd/$pkg@v$TEMPORAL_VERSION into $BIN_DIR (takes ~25 min on 2 cores)"
  nice -n "${BUILD_NICE:-10}" go install -p "${GO_BUILD_PARALLEL:-1}" -ldflags="-s -w" \
    "go.temporal.io/server/cmd/$pkg@v$TEMPORAL_VERSION"
done
ls -la "$BIN_DIR"
