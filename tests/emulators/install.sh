#!/usr/bin/env bash
# Installs the Node-based emulators the cloud tests use into tests/emulators/node_modules (idempotent).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null; then
  echo "npm not found: cloud tests that need the Auth emulator will be skipped with a reason." >&2
  exit 0
fi
if [ -f package.json ] && [ ! -f node_modules/.installed ]; then
  npm install --no-audit --no-fund --loglevel=error
  touch node_modules/.installed
fi
