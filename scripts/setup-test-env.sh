#!/usr/bin/env bash
# Installs what the tests need beyond npm dependencies: Debian's chromium for webview tests.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
