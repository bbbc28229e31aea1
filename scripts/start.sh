#!/usr/bin/env bash
# Installs what is missing and starts Concord in the foreground (Ctrl-C stops it).
#
#   bash scripts/start.sh
#
# - `npm ci` when node_modules is missing or older than package-lock.json;
# - builds the web app (vite build, into dist/web) when it is missing or older than its sources;
# - then `npm start`: on the embedded database under ./data unless DATABASE_URL is set, seeding the
#   demo partnership on the first start and printing the URL and the demo sign-ins.
# PORT, HOST, CONCORD_DATA_DIR, DATABASE_URL, CONCORD_DEMO and the rest of Concord's settings are
# read from the environment as usual.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '[concord] %s\n' "$*"; }

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  say "Concord needs Node.js 20 or later with npm; install them first." >&2
  exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$node_major" -lt 20 ]]; then
  say "Concord needs Node.js 20 or later; this is $(node --version)." >&2
  exit 1
fi

# shellcheck source=scripts/npm-deps.sh
source scripts/npm-deps.sh
ensure_npm_deps

web_stale() {
  [[ -f dist/web/index.html ]] || return 0
  local newer
  newer="$(find src/web src/public src/shared vite.config.ts package-lock.json -newer dist/web/index.html -type f -print -quit 2>/dev/null)"
  [[ -n "$newer" ]]
}
if web_stale; then
  say "building the web app (vite build)"
  npx vite build
fi

exec npm start
