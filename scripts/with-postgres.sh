#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster, runs a command with TEST_DATABASE_URL pointing at it, then
# stops the cluster and deletes it, whatever the command's outcome. Exits with the command's status.
#
#   bash scripts/with-postgres.sh npx vitest run --project api
#   bash scripts/with-postgres.sh              # no command: start, print the URL, wait for Ctrl-C
#
# Uses Debian's server binaries (/usr/lib/postgresql/<newest version>/bin). The cluster lives in a
# new temporary directory, listens on a unix socket there and on 127.0.0.1:<a free port>, and trusts
# every local connection (it holds nothing but test data and is deleted at the end). PostgreSQL
# refuses to run as root, so as root the server runs as the `postgres` system user (created by
# Debian's package) or, failing that, a `concord-pg` system user created here.
# TEST_DATABASE_URL is a superuser URL to the maintenance database `postgres`; the test harness
# creates a fresh database per test file from it.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"  # runuser and useradd

log() { printf '[with-postgres] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

pg_bin=""
mapfile -t candidates < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r)
for dir in "${candidates[@]}"; do
  if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then pg_bin="$dir"; break; fi
done
[[ -n "$pg_bin" ]] || die "no PostgreSQL server under /usr/lib/postgresql/*/bin; install it with: apt-get install postgresql"
pg_version="$(basename "$(dirname "$pg_bin")")"

run_as_pg=()
pg_user="$(id -un)"
if [[ "$(id -u)" -eq 0 ]]; then
  if id -u postgres >/dev/null 2>&1; then
    pg_user=postgres
  else
    pg_user=concord-pg
    id -u "$pg_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_user"
  fi
  run_as_pg=(runuser -u "$pg_user" --)
fi

free_port() {
  node -e 'const s = require("node:net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

pg_tmp="$(mktemp -d "${TMPDIR:-/tmp}/concord-pg.XXXXXX")"
chmod 0755 "$pg_tmp"
mkdir -p "$pg_tmp/data" "$pg_tmp/socket"
if [[ "$(id -u)" -eq 0 ]]; then chown -R "$pg_user" "$pg_tmp"; fi
chmod 0700 "$pg_tmp/data"

# Runs a server binary as the cluster's owner, from a directory that user can enter.
as_owner() { (cd "$pg_tmp" && "${run_as_pg[@]}" "$@"); }

started=0
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ "$started" -eq 1 ]]; then
    log "stopping PostgreSQL $pg_version"
    as_owner "$pg_bin/pg_ctl" -D "$pg_tmp/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
      || as_owner "$pg_bin/pg_ctl" -D "$pg_tmp/data" -m immediate -w stop >/dev/null 2>&1 \
      || log "warning: could not stop the server; its data directory was $pg_tmp/data"
  fi
  rm -rf "$pg_tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "initialising a PostgreSQL $pg_version cluster in $pg_tmp/data (owner $pg_user)"
if ! as_owner "$pg_bin/initdb" -D "$pg_tmp/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-sync >"$pg_tmp/initdb.log" 2>&1; then
  cat "$pg_tmp/initdb.log" >&2
  die "initdb failed"
fi

port=""
for _attempt in 1 2 3 4 5; do
  port="$(free_port)"
  if as_owner "$pg_bin/pg_ctl" -D "$pg_tmp/data" -l "$pg_tmp/server.log" -w -t 60 \
      -o "-p $port -k $pg_tmp/socket -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
    started=1
    break
  fi
  log "server did not start on port $port; retrying"
  tail -n 20 "$pg_tmp/server.log" >&2 || true
done
[[ "$started" -eq 1 ]] || die "PostgreSQL would not start (log: $pg_tmp/server.log)"

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
log "PostgreSQL $pg_version is up: TEST_DATABASE_URL=$TEST_DATABASE_URL"

if [[ $# -eq 0 ]]; then
  log "no command given; press Ctrl-C to stop the server and delete the cluster"
  set -- sleep infinity
fi

# The command runs in the background so that a signal to this script is acted on at once: it is
# passed on to the command as SIGTERM, and the cluster is stopped when the command has ended.
interrupted=0
set +e
"$@" <&0 &
child=$!
trap 'interrupted=130; kill -TERM "$child" 2>/dev/null' INT
trap 'interrupted=143; kill -TERM "$child" 2>/dev/null' TERM
while :; do
  wait "$child"
  status=$?
  kill -0 "$child" 2>/dev/null || break
done
set -e
if [[ "$interrupted" -ne 0 ]]; then exit "$interrupted"; fi
exit "$status"
