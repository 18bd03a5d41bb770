#!/usr/bin/env bash
# Makes Postgres (>=15, with pgvector) and Redis (>=7) reachable on loopback, idempotently.
# Order of preference: services already answering at DATABASE_URL/REDIS_URL → a Docker engine
# (docker compose) → Debian packages started without systemd. Then creates the owner role,
# the application role (no superuser, no BYPASSRLS, owns nothing) and the databases.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/lib.sh

if [ -f .env ]; then set -a; . ./.env; set +a; fi

# Take roles, host and database from the connection URLs when they are set.
parse_pg_url() { # url → "user password host port database"
  [[ "$1" =~ ^postgres(ql)?://([^:@/]+)(:([^@/]*))?@([^:/]+)(:([0-9]+))?/([^?]+) ]] || return 1
  printf '%s %s %s %s %s' "${BASH_REMATCH[2]}" "${BASH_REMATCH[4]}" "${BASH_REMATCH[5]}" "${BASH_REMATCH[7]:-5432}" "${BASH_REMATCH[8]}"
}
if [ -n "${DATABASE_URL:-}" ] && parsed=$(parse_pg_url "$DATABASE_URL"); then
  read -r PG_APP_USER PG_APP_PASSWORD PG_HOST PG_PORT PG_DATABASE <<<"$parsed"
fi
if [ -n "${DATABASE_OWNER_URL:-}" ] && parsed=$(parse_pg_url "$DATABASE_OWNER_URL"); then
  read -r PG_OWNER_USER PG_OWNER_PASSWORD _ _ _ <<<"$parsed"
fi
if [ -n "${REDIS_URL:-}" ] && [[ "$REDIS_URL" =~ :([0-9]+)/?[0-9]*$ ]]; then REDIS_PORT="${BASH_REMATCH[1]}"; fi
: "${PG_HOST:=127.0.0.1}"
: "${PG_PORT:=5432}"
: "${PG_OWNER_USER:=vouch_owner}"
: "${PG_OWNER_PASSWORD:=vouch_owner_local}"
: "${PG_APP_USER:=vouch_app}"
: "${PG_APP_PASSWORD:=vouch_app_local}"
: "${PG_DATABASE:=vouch}"
: "${PG_TEST_DATABASE:=vouch_test}"
: "${REDIS_PORT:=6379}"
PG_MAJOR=15

pg_answers() { pg_isready -h "$PG_HOST" -p "$PG_PORT" -q 2>/dev/null; }
redis_answers() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }
docker_answers() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }
as_postgres() { su postgres -c "$*"; }
psql_super() { su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -qAt $*"; }

ensure_local_postgres() {
  # Packages (and the pgvector build, which may pull a newer server minor) come before start-up,
  # so a running server never sees its libraries replaced underneath it.
  apt_install postgresql postgresql-contrib
  ensure_pgvector
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$PG_MAJOR main$"; then
    say "creating Postgres $PG_MAJOR cluster"
    pg_createcluster "$PG_MAJOR" main --port "$PG_PORT" >/dev/null
  fi
  if pg_lsclusters -h | awk -v v="$PG_MAJOR" '$1==v && $2=="main" {print $4}' | grep -q online; then
    if [ "$APT_CHANGED" = 1 ]; then
      say "restarting Postgres $PG_MAJOR (packages changed under it)"; pg_ctlcluster "$PG_MAJOR" main restart
    else
      say "Postgres $PG_MAJOR already running"
    fi
  else
    say "starting Postgres $PG_MAJOR (pg_ctlcluster)"
    pg_ctlcluster "$PG_MAJOR" main start
  fi
  for _ in $(seq 1 30); do pg_answers && break; sleep 1; done
}

ensure_pgvector() {
  if [ -f "/usr/share/postgresql/$PG_MAJOR/extension/vector.control" ]; then
    say "pgvector already installed"; return 0
  fi
  # Bookworm ships no binary pgvector for PG 15; Debian's source package (trixie) builds cleanly.
  say "building pgvector from Debian's source package"
  if [ ! -f /etc/apt/sources.list.d/vouch-trixie-src.sources ]; then
    cat > /etc/apt/sources.list.d/vouch-trixie-src.sources <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    APT_UPDATED=0
  fi
  apt_install "postgresql-server-dev-$PG_MAJOR" build-essential dpkg-dev
  if [ "$APT_UPDATED" = 0 ]; then apt-get update -qq; APT_UPDATED=1; fi
  local build_dir=/var/cache/vouch/pgvector
  mkdir -p "$build_dir"
  ( cd "$build_dir"
    ls -d pgvector-*/ >/dev/null 2>&1 || apt-get source --download-only pgvector >/dev/null 2>&1
    if ! ls -d pgvector-*/ >/dev/null 2>&1; then
      dpkg-source -x --no-check ./*.dsc >/dev/null
    fi
    cd "$(ls -d pgvector-*/ | head -n1)"
    make -s PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" >/dev/null
    make -s install PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" >/dev/null )
  say "pgvector installed"
}

ensure_local_redis() {
  apt_install redis-server
  if redis_answers; then say "Redis already running"; return 0; fi
  say "starting Redis (daemonized, 127.0.0.1:$REDIS_PORT)"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --dir /tmp >/dev/null
  for _ in $(seq 1 30); do redis_answers && break; sleep 0.5; done
}

ensure_roles_and_databases() {
  psql_super -d postgres <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$PG_OWNER_USER') THEN
    CREATE ROLE $PG_OWNER_USER LOGIN PASSWORD '$PG_OWNER_PASSWORD' NOSUPERUSER CREATEDB NOCREATEROLE BYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$PG_APP_USER') THEN
    CREATE ROLE $PG_APP_USER LOGIN PASSWORD '$PG_APP_PASSWORD' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END \$\$;
ALTER ROLE $PG_APP_USER NOSUPERUSER NOBYPASSRLS;
-- The owner runs migrations, seeding and explicit system jobs: the one bypass client.
ALTER ROLE $PG_OWNER_USER BYPASSRLS;
SQL
  for db in "$PG_DATABASE" "$PG_TEST_DATABASE"; do
    if [ "$(psql_super -d postgres -c "\"SELECT 1 FROM pg_database WHERE datname='$db'\"")" != "1" ]; then
      say "creating database $db (owner $PG_OWNER_USER)"
      psql_super -d postgres -c "\"CREATE DATABASE $db OWNER $PG_OWNER_USER\""
    fi
    # The extension needs superuser to create; the owner role cannot.
    psql_super -d "$db" -c "\"CREATE EXTENSION IF NOT EXISTS vector\""
    psql_super -d "$db" -c "\"CREATE EXTENSION IF NOT EXISTS pgcrypto\""
    psql_super -d "$db" -c "\"GRANT CONNECT ON DATABASE $db TO $PG_APP_USER\""
  done
  say "roles ready: $PG_OWNER_USER (owner, migrations), $PG_APP_USER (app: no superuser, no BYPASSRLS)"
}

main() {
  local pg_ok=0 redis_ok=0
  if command -v pg_isready >/dev/null 2>&1 && pg_answers && \
     command -v psql >/dev/null 2>&1 && \
     PGPASSWORD="$PG_APP_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_APP_USER" -d "$PG_DATABASE" \
       -qAtc "select 1 from pg_extension where extname='vector'" 2>/dev/null | grep -q 1 && \
     PGPASSWORD="$PG_APP_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_APP_USER" -d "$PG_TEST_DATABASE" \
       -qAtc "select 1 from pg_extension where extname='vector'" 2>/dev/null | grep -q 1; then
    say "Postgres already answers at $PG_HOST:$PG_PORT (databases $PG_DATABASE, $PG_TEST_DATABASE; pgvector; role $PG_APP_USER)"; pg_ok=1
  fi
  if command -v redis-cli >/dev/null 2>&1 && redis_answers; then
    say "Redis already answers at 127.0.0.1:$REDIS_PORT"; redis_ok=1
  fi
  if [ $pg_ok = 1 ] && [ $redis_ok = 1 ]; then return 0; fi

  if docker_answers; then
    say "Docker engine found: docker compose up -d"
    docker compose up -d --wait
    return 0
  fi

  if [ $pg_ok = 0 ]; then
    case "$PG_HOST" in 127.0.0.1|localhost|::1) ;; *) die "Postgres at $PG_HOST:$PG_PORT does not answer as $PG_APP_USER with pgvector; fix DATABASE_URL or point it at loopback to let this script install one." ;; esac
    ensure_local_postgres
    ensure_roles_and_databases
  fi
  [ $redis_ok = 1 ] || ensure_local_redis
  say "Postgres: postgresql://$PG_APP_USER@$PG_HOST:$PG_PORT/$PG_DATABASE  Redis: redis://127.0.0.1:$REDIS_PORT"
}

main "$@"
