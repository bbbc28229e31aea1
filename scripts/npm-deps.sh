# shellcheck shell=bash
# Sourced by start.sh and test.sh: runs `npm ci` when node_modules is missing or was installed
# from another package-lock.json. Expects the repository root as the working directory.

lock_stamp=node_modules/.concord-package-lock.sha256

node_modules_stale() {
  [[ -d node_modules ]] || return 0
  if [[ -f "$lock_stamp" ]]; then
    [[ "$(sha256sum package-lock.json | cut -d' ' -f1)" != "$(cat "$lock_stamp")" ]]
    return
  fi
  # Installed by hand: trust npm's own record of the install unless the lock file is newer.
  [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]
}

ensure_npm_deps() {
  if node_modules_stale; then
    echo "Installing npm dependencies (npm ci)"
    npm ci --no-audit --no-fund
    sha256sum package-lock.json | cut -d' ' -f1 >"$lock_stamp"
  fi
}
