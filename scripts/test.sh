#!/usr/bin/env bash
# Installs what is missing and runs every test Concord has, then prints one summary line per suite
# and a final line. Exits non-zero if anything failed.
#
#   bash scripts/test.sh                 # everything, in this order:
#       typecheck lint unit api api-postgres build e2e
#   bash scripts/test.sh unit api        # only the named stages (same names as above)
#
# Installs when absent: Debian's postgresql (for api-postgres), nginx (for api and api-postgres)
# and chromium-headless-shell (for e2e) with apt-get,
# and the npm dependencies with `npm ci` when node_modules is missing or older than
# package-lock.json. A failing stage does not stop the later ones (except that the journeys need
# the web build), so one run shows everything that is wrong.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DEBIAN_FRONTEND=noninteractive

all_stages=(typecheck lint unit api api-postgres build e2e)
if [[ $# -gt 0 ]]; then stages=("$@"); else stages=("${all_stages[@]}"); fi
for stage in "${stages[@]}"; do
  if [[ " ${all_stages[*]} " != *" $stage "* ]]; then
    echo "unknown stage '$stage'; choose from: ${all_stages[*]}" >&2
    exit 2
  fi
done
wants() { [[ " ${stages[*]} " == *" $1 "* ]]; }

bold=''; red=''; green=''; plain=''
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  bold=$'\e[1m'; red=$'\e[31m'; green=$'\e[32m'; plain=$'\e[0m'
fi
banner() { printf '\n%s==> %s%s\n' "$bold" "$*" "$plain"; }

results_dir="$(mktemp -d "${TMPDIR:-/tmp}/concord-test.XXXXXX")"
trap 'rm -rf "$results_dir"' EXIT

# --- What is missing --------------------------------------------------------------------------

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "need root to run: $*" >&2; return 1
  fi
}

postgres_installed() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    local version
    version="$(basename "$(dirname "$dir")")"
    if [[ -x "$dir/initdb" && -f "/usr/share/postgresql/$version/extension/pg_trgm.control" ]]; then
      return 0
    fi
  done
  return 1
}

apt_packages=()
if wants api-postgres && ! postgres_installed; then apt_packages+=(postgresql); fi
if wants e2e && [[ ! -x /usr/lib/chromium/chromium-headless-shell ]]; then apt_packages+=(chromium-headless-shell fonts-liberation); fi
# The proxy in front of several instances (src/server/platform/http/cluster.test.ts).
if { wants api || wants api-postgres; } && [[ ! -x /usr/sbin/nginx ]]; then apt_packages+=(nginx); fi
if [[ ${#apt_packages[@]} -gt 0 ]]; then
  banner "Installing with apt-get: ${apt_packages[*]}"
  as_root apt-get update -qq
  as_root apt-get install -y -qq "${apt_packages[@]}"
fi

# shellcheck source=scripts/npm-deps.sh
source scripts/npm-deps.sh
ensure_npm_deps

# --- Stages -----------------------------------------------------------------------------------

summary=()
failed_stages=()
total_passed=0
total_failed=0
total_skipped=0

# record STAGE OK DETAIL SECONDS
record() {
  local status
  if [[ "$2" -eq 1 ]]; then status="${green}passed${plain}"; else status="${red}FAILED${plain}"; failed_stages+=("$1"); fi
  summary+=("$(printf '%-22s %s%s (%ss)' "$1" "$status" "${3:+: $3}" "$4")")
}

# Counts from a Vitest or Playwright JSON report: "passed failed skipped note".
counts() {
  # shellcheck disable=SC2016  # JavaScript, not shell
  node -e '
    const fs = require("node:fs");
    const [kind, file] = process.argv.slice(1);
    if (!fs.existsSync(file)) { console.log("0 0 0 no results were written"); process.exit(0); }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    if (kind === "vitest") {
      // A file that fails outside its tests (an import or a hook) counts as one failure.
      const broken = (r.testResults ?? []).filter((f) => f.status === "failed" &&
        !(f.assertionResults ?? []).some((a) => a.status === "failed")).length;
      const note = broken ? `${broken} file(s) failed outside their tests` : "";
      console.log(r.numPassedTests, r.numFailedTests + broken, r.numPendingTests + r.numTodoTests, note);
    } else {
      const s = r.stats ?? {};
      const errors = (r.errors ?? []).length;
      const note = errors ? `${errors} error(s) outside tests` : "";
      console.log(s.expected ?? 0, (s.unexpected ?? 0) + (s.flaky ?? 0) + errors, s.skipped ?? 0, note);
    }' "$1" "$2"
}

# The failed tests of a Vitest or Playwright JSON report, a line each with the first line of the
# error, so that the summary at the end of a long log says which tests failed and why.
failures() {
  # shellcheck disable=SC2016  # JavaScript, not shell
  node -e '
    const fs = require("node:fs");
    const [kind, stage, file] = process.argv.slice(1);
    if (!fs.existsSync(file)) process.exit(0);
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    const first = (text) => String(text ?? "").replace(/\u001b\[[0-9;]*m/g, "").split("\n").find((l) => l.trim()) ?? "";
    const lines = [];
    if (kind === "vitest") {
      for (const f of r.testResults ?? []) {
        const name = f.name.replace(process.cwd() + "/", "");
        const failed = (f.assertionResults ?? []).filter((a) => a.status === "failed");
        if (f.status === "failed" && failed.length === 0) lines.push(`${name}: ${first(f.message)}`);
        for (const a of failed) lines.push(`${name} › ${a.fullName}: ${first(a.failureMessages?.[0])}`);
      }
    } else {
      const walk = (suite, file) => {
        for (const spec of suite.specs ?? []) for (const t of spec.tests ?? []) {
          if (t.status === "expected" || t.status === "skipped") continue;
          const error = t.results?.find((x) => x.error)?.error;
          lines.push(`${spec.file ?? file} › ${spec.title} (${t.status}): ${first(error?.message)}`);
        }
        for (const s of suite.suites ?? []) walk(s, suite.file ?? file);
      };
      for (const s of r.suites ?? []) walk(s, s.file);
      for (const e of r.errors ?? []) lines.push(`outside tests: ${first(e.message)}`);
    }
    for (const l of lines.slice(0, 20)) console.log(`${stage}: ${l.slice(0, 300)}`);
    if (lines.length > 20) console.log(`${stage}: … and ${lines.length - 20} more`);
  ' "$1" "$2" "$3"
}
failed_tests=()

# run_stage NAME KIND(check|vitest|playwright) TITLE COMMAND...
run_stage() {
  local name=$1 kind=$2 title=$3
  shift 3
  banner "[$name] $title: $*"
  local start=$SECONDS ok=1 detail=''
  if ! "$@"; then ok=0; fi
  if [[ "$kind" != check ]]; then
    local passed failed skipped note
    read -r passed failed skipped note < <(counts "$kind" "$results_dir/$name.json") || true
    passed=${passed:-0} failed=${failed:-0} skipped=${skipped:-0}
    detail="$passed passed, $failed failed"
    [[ "$skipped" -eq 0 ]] || detail+=", $skipped skipped"
    [[ -z "$note" ]] || detail+=" ($note)"
    if [[ "$ok" -eq 1 && "$failed" -gt 0 ]]; then ok=0; fi
    if [[ "$failed" -gt 0 ]]; then
      mapfile -t -O "${#failed_tests[@]}" failed_tests < <(failures "$kind" "$name" "$results_dir/$name.json") || true
    fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
  fi
  record "$name" "$ok" "$detail" $((SECONDS - start))
}

if wants typecheck; then
  run_stage typecheck check "Type check" npx tsc --noEmit -p tsconfig.json
fi
if wants lint; then
  run_stage lint check "Lint" npx eslint .
fi
if wants unit; then
  run_stage unit vitest "Unit tests" \
    npx vitest run --project unit --reporter=default --reporter=json "--outputFile.json=$results_dir/unit.json"
fi
if wants api; then
  run_stage api vitest "API tests on the embedded database (PGlite)" \
    env -u TEST_DATABASE_URL npx vitest run --project api \
    --reporter=default --reporter=json "--outputFile.json=$results_dir/api.json"
fi
if wants api-postgres; then
  run_stage api-postgres vitest "API tests on PostgreSQL" \
    bash scripts/with-postgres.sh npx vitest run --project api \
    --reporter=default --reporter=json "--outputFile.json=$results_dir/api-postgres.json"
fi
built=1
if wants build; then
  run_stage build check "Web app build" npx vite build
  [[ " ${failed_stages[*]} " != *" build "* ]] || built=0
fi
if wants e2e; then
  if [[ "$built" -eq 1 ]]; then
    run_stage e2e playwright "Browser journeys in Chromium with axe checks" \
      env PLAYWRIGHT_JSON_OUTPUT_FILE="$results_dir/e2e.json" npx playwright test --reporter=list,json
  else
    banner "[e2e] not run: the web build failed"
    record e2e 0 "not run because the web build failed" 0
  fi
fi

# --- Summary ----------------------------------------------------------------------------------

printf '\n%s==> Summary%s\n' "$bold" "$plain"
printf '  %s\n' "${summary[@]}"
if [[ ${#failed_tests[@]} -gt 0 ]]; then
  printf '%sFailed tests:%s\n' "$bold" "$plain"
  printf '  %s\n' "${failed_tests[@]}"
fi
tests="$total_passed passed, $total_failed failed"
[[ "$total_skipped" -eq 0 ]] || tests+=", $total_skipped skipped"
if [[ ${#failed_stages[@]} -eq 0 ]]; then
  printf '%sALL PASSED: %s; %d of %d stages passed%s\n' "$green" "$tests" "${#summary[@]}" "${#summary[@]}" "$plain"
  exit 0
fi
printf '%sFAILED: %s; %d of %d stages failed (%s)%s\n' "$red" "$tests" "${#failed_stages[@]}" "${#summary[@]}" "${failed_stages[*]}" "$plain"
exit 1
