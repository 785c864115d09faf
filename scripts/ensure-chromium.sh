#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (run by `npm pretest`).
# The tests drive it with playwright-core; no browser is ever downloaded by Playwright itself.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

echo "ensure-chromium: /usr/bin/chromium missing, installing Debian's chromium package"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-chromium: not root and no sudo; install chromium yourself (apt-get install chromium)" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-chromium: chromium installed but /usr/bin/chromium is not there" >&2
  exit 1
fi
echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo chromium installed)"
