#!/usr/bin/env bash
# Runs the whole product on this machine: services, dependencies, schema, demo data, build,
# then the console, the customer chat and the worker. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

bootstrap
say "seeding the demo tenants"
seed_json=$(pnpm --silent vouch seed) || die "seed failed: $seed_json"
say "building the console and the chat"
pnpm --silent build >/tmp/vouch-build.log 2>&1 || { tail -n 40 /tmp/vouch-build.log; die "build failed (log: /tmp/vouch-build.log)"; }

pids=()
# Each app runs in its own process group, so stopping it stops pnpm, tsx and node alike.
cleanup() { for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

setsid pnpm --filter @vouch/console start & pids+=($!)
setsid pnpm --filter @vouch/chat start & pids+=($!)
setsid pnpm --filter @vouch/worker start & pids+=($!)

wait_for() {
  for _ in $(seq 1 60); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  die "$2 did not become healthy at $1"
}
wait_for "http://localhost:${CONSOLE_PORT:-3000}/api/health" console
wait_for "http://localhost:${CHAT_PORT:-3001}/api/health" chat

printf '\n'
say "Vouch is running."
say "  Console:  http://localhost:${CONSOLE_PORT:-3000}"
say "  Chat:     http://localhost:${CHAT_PORT:-3001}  (demo site with the widget)"
node -e '
const seed = JSON.parse(process.argv[1]);
for (const l of seed.logins) console.log(`\x1b[1m[vouch]\x1b[0m   Sign in:  ${l.email} / ${l.password}   (tenant ${l.tenant})`);
' "$seed_json"
say "Ctrl-C stops everything."
wait -n
