#!/bin/sh
# Maven (generate-resources) runs this: npm ci when node_modules does not match package-lock.json,
# then build.mjs into $1. Without Node.js/npm the console still works, with plain-HTML fallbacks
# for the diagram and the forms (README "Staff console"); the build then only warns.
set -eu
out="$1"
cd "$(dirname "$0")"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[WARNING] Console widgets NOT built: Node.js 18+ with npm is not on the PATH."
  echo "[WARNING] The console shows plain-HTML forms and no BPMN diagrams (Debian: apt-get install nodejs npm)."
  exit 0
fi
# A dependency (@ibm/telemetry-js, via Carbon) starts a background process that collects and sends
# usage data when it sees a CI environment; opt out.
export IBM_TELEMETRY_DISABLED=true
stamp="$(cat package-lock.json | sha256sum | cut -d' ' -f1)-$(uname -sm | tr ' ' '-')"
if [ "$(cat node_modules/.redress-install-stamp 2>/dev/null || true)" != "$stamp" ]; then
  echo "Console widgets: npm ci (the packages pinned in package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=warn
  echo "$stamp" > node_modules/.redress-install-stamp
fi
node build.mjs "$out"
