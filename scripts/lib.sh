# Shared by the scripts: logging, apt, pnpm and .env bootstrap. Source it, don't run it.
say() { printf '\033[1m[vouch]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[vouch] %s\033[0m\n' "$*" >&2; exit 1; }

APT_UPDATED=${APT_UPDATED:-0}
APT_CHANGED=${APT_CHANGED:-0}
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "need root to install Debian packages: ${missing[*]}"
  if [ "$APT_UPDATED" = 0 ]; then say "apt-get update"; apt-get update -qq; APT_UPDATED=1; fi
  say "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  APT_CHANGED=1
}

require_node() {
  command -v node >/dev/null 2>&1 || die "Node.js 20+ is required (node not found)."
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "Node.js 20+ is required (found $(node -v))."
}

PNPM_VERSION=10.34.9
ensure_pnpm() {
  # corepack cannot download here (signature check); npm can.
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" != "10" ]; then
    say "installing pnpm $PNPM_VERSION with npm"
    npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || die "npm install -g pnpm failed"
  fi
}

ensure_env_file() {
  if [ ! -f .env ]; then
    say "creating .env from .env.example with fresh secrets"
    cp .env.example .env
  fi
  # Variables added to .env.example since this .env was made are appended with their defaults.
  local name
  while IFS= read -r line; do
    name=${line%%=*}
    grep -qE "^${name}=" .env || { say "adding $name to .env"; printf '%s\n' "$line" >> .env; }
  done < <(grep -E '^[A-Z_][A-Z0-9_]*=' .env.example)
  for name in NEXTAUTH_SECRET VOUCH_ENCRYPTION_KEY; do
    if grep -qE "^${name}=\s*$" .env; then
      local secret; secret=$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))')
      sed -i "s|^${name}=.*|${name}=${secret}|" .env
    fi
  done
  set -a; . ./.env; set +a
}

ensure_chromium() {
  if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then return 0; fi
  apt_install chromium fonts-liberation
}

# Everything both commands need: pnpm, .env, Postgres + pgvector + Redis, dependencies,
# the generated Prisma client and the schema.
bootstrap() {
  export TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1 PRISMA_HIDE_UPDATE_MESSAGE=1
  require_node
  ensure_pnpm
  ensure_env_file
  bash scripts/services.sh
  say "installing dependencies (pnpm install --frozen-lockfile)"
  pnpm install --frozen-lockfile --reporter=silent || die "pnpm install failed"
  pnpm --silent db:generate >/dev/null || die "prisma generate failed"
  say "applying migrations"
  pnpm --silent vouch migrate >/dev/null || die "migrations failed (run: pnpm vouch migrate)"
}
