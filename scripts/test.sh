#!/usr/bin/env bash
# Passes every test on this machine: the same bootstrap as start.sh, then lint, typecheck,
# unit, integration (real Postgres with RLS, real Redis) and Playwright end-to-end tests in
# Debian's Chromium. Integration and end-to-end tests use their own database (vouch_test).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

bootstrap
ensure_chromium

# Everything below runs against the test database and its own ports.
test_db() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/vouch_test"; process.stdout.write(u.toString())' "$1"; }
export DATABASE_URL; DATABASE_URL=$(test_db "$DATABASE_URL")
export DATABASE_OWNER_URL; DATABASE_OWNER_URL=$(test_db "$DATABASE_OWNER_URL")
# Redis database 1 keeps the tests' queues apart from a running product's (database 0).
export REDIS_URL; REDIS_URL=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/1"; process.stdout.write(u.toString())' "$REDIS_URL")
export CONSOLE_PORT=3100 CHAT_PORT=3101 WORKER_HEALTH_PORT=3102
export NEXTAUTH_URL="http://localhost:$CONSOLE_PORT" CHAT_PUBLIC_URL="http://localhost:$CHAT_PORT"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
# The end-to-end specs act as a local reverse proxy (X-Forwarded-For per test run), so the
# per-IP sign-in limit counts each run on its own instead of all of them from 127.0.0.1.
export VOUCH_TRUSTED_PROXIES=127.0.0.1/32,::1/128
mkdir -p .vouch/test-results

# Every run starts from an empty test database and Redis db: a machine that is reused (or a
# half-applied migration from a development branch) must not decide whether the suite passes.
case "$DATABASE_OWNER_URL" in */vouch_test|*/vouch_test\?*) ;; *) die "refusing to reset a database that is not vouch_test" ;; esac
say "resetting the test database and test Redis"
psql "$DATABASE_OWNER_URL" -v ON_ERROR_STOP=1 -qc 'DROP OWNED BY CURRENT_USER CASCADE' >/dev/null
redis-cli -u "$REDIS_URL" flushdb >/dev/null

say "migrating and seeding the test database"
out=$(pnpm --silent vouch migrate 2>&1) || { echo "$out"; die "migrating the test database failed"; }
out=$(pnpm --silent vouch seed 2>&1) || { echo "$out"; die "seeding the test database failed"; }

say "lint";       pnpm --silent lint
say "typecheck";  pnpm --silent typecheck
say "unit tests"
pnpm --silent exec vitest run --project unit --reporter=default --reporter=json --outputFile.json=.vouch/test-results/unit.json
say "integration tests"
pnpm --silent exec vitest run --project integration --reporter=default --reporter=json --outputFile.json=.vouch/test-results/integration.json
say "building the apps for end-to-end tests"
pnpm --silent build >/tmp/vouch-build.log 2>&1 || { tail -n 60 /tmp/vouch-build.log; die "build failed"; }
say "end-to-end tests (Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=.vouch/test-results/e2e.json pnpm --silent exec playwright test --reporter=list,json

node scripts/summarize-tests.mjs .vouch/test-results
