#!/usr/bin/env bash
# Installs the Node-based emulators the cloud tests use into tests/emulators/node_modules (idempotent):
# firebase-tools (the Firebase Auth emulator) and @firestore-emulator/server (Firestore fallback for machines
# without Google's emulator jar). Exact versions from package-lock.json; reinstalled only when it changes.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null; then
  echo "npm not found: cloud tests that need the Auth emulator will be skipped with a reason." >&2
  exit 0
fi
[ -f package.json ] || exit 0
want=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
if [ "$(cat node_modules/.installed 2>/dev/null)" != "$want" ]; then
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    npm install --no-audit --no-fund --loglevel=error
  fi
  echo "$want" > node_modules/.installed
fi
