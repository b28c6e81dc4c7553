#!/usr/bin/env bash
# Makes sure PostgreSQL answers on its local port and that our own credentialed Redis and NATS
# (with JetStream) run: starts them when installed, installs them from Debian's packages when we
# are root with apt-get, and otherwise prints exactly what to run. Credentials are generated
# once into .run/secrets/ (see credentials.mjs). With --with-browser, also makes sure Chromium
# is there.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh

with_browser=false
[ "${1:-}" = "--with-browser" ] && with_browser=true

PG_PORT=${PG_PORT:-5432}
CE_REDIS_PORT=${CE_REDIS_PORT:-16379}
CE_NATS_PORT=${CE_NATS_PORT:-14222}
missing=()
apt_updated=false

can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_install() {
  if ! $apt_updated; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_updated=true
  fi
  say "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- PostgreSQL -------------------------------------------------------------------------------
pg_start() {
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  [ -n "$version" ] || return 1
  say "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || pg_ctlcluster "$version" main start
}

pg_trust_local() {
  # A freshly installed cluster asks for a password on 127.0.0.1; the local dev stack uses trust.
  local hba
  hba=$(ls /etc/postgresql/*/main/pg_hba.conf 2>/dev/null | sort -V | tail -n 1)
  [ -n "$hba" ] || return 0
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    say "allowing passwordless connections from 127.0.0.1 in $hba (local development only)"
    sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
    pg_ctlcluster --skip-systemctl-redirect "$(basename "$(dirname "$(dirname "$hba")")")" main reload 2>/dev/null || true
  fi
}

if ! port_open "$PG_PORT"; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && pg_start; then :
  elif can_install; then apt_install postgresql && pg_trust_local && pg_start
  else missing+=("PostgreSQL on 127.0.0.1:$PG_PORT  →  sudo apt-get install -y postgresql && sudo pg_ctlcluster \$(ls /etc/postgresql) main start  (and trust 127.0.0.1 in pg_hba.conf)"); fi
  wait_port "$PG_PORT" "PostgreSQL" 30 || true
fi

# --- Redis and NATS with credentials ---------------------------------------------------------
# Our own redis-server and nats-server (not the machine's: those are not ours to reconfigure),
# on their own ports, with users and passwords generated once into .run/secrets/ (mode 600)
# by credentials.mjs; data and pid files under .run/data/. docs/decisions/007.
if ! command -v redis-server >/dev/null 2>&1 && can_install; then apt_install redis-server; fi
if ! command -v nats-server >/dev/null 2>&1 && [ ! -x /usr/sbin/nats-server ] && can_install; then apt_install nats-server; fi
nats_bin=$(command -v nats-server || echo /usr/sbin/nats-server)
command -v redis-server >/dev/null 2>&1 || missing+=("redis-server  →  sudo apt-get install -y redis-server")
[ -x "$nats_bin" ] || missing+=("nats-server  →  sudo apt-get install -y nats-server")

if [ ${#missing[@]} -eq 0 ]; then
  node deploy/local/credentials.mjs .run/secrets .run/data "$CE_REDIS_PORT" "$CE_NATS_PORT"

  # A server started from an older config (users added since) is restarted; ours only, by pid.
  conf_changed() { ! cmp -s ".run/secrets/$1.conf" ".run/data/$1.conf.running"; }
  stop_own() { # name
    local pid
    pid=$(cat ".run/data/$1.pid" 2>/dev/null) || return 0
    if kill -0 "$pid" 2>/dev/null; then
      say "restarting our $1 server (its configuration changed)"
      kill -TERM "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    fi
    rm -f ".run/data/$1.pid"
  }
  running() { local pid; pid=$(cat ".run/data/$1.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null; }

  if running redis && conf_changed redis; then stop_own redis; fi
  if ! running redis; then
    port_open "$CE_REDIS_PORT" && { echo "port $CE_REDIS_PORT is taken by another process; set CE_REDIS_PORT" >&2; exit 1; }
    say "starting Redis with ACL users on :$CE_REDIS_PORT"
    redis-server .run/secrets/redis.conf
    cp .run/secrets/redis.conf .run/data/redis.conf.running
  fi
  wait_port "$CE_REDIS_PORT" "Redis" 15 || true

  if running nats && conf_changed nats; then stop_own nats; fi
  if ! running nats; then
    port_open "$CE_NATS_PORT" && { echo "port $CE_NATS_PORT is taken by another process; set CE_NATS_PORT" >&2; exit 1; }
    say "starting NATS/JetStream with users on :$CE_NATS_PORT"
    nohup "$nats_bin" -c .run/secrets/nats.conf >.run/data/nats.log 2>&1 &
    echo $! >.run/data/nats.pid
    cp .run/secrets/nats.conf .run/data/nats.conf.running
  fi
  wait_port "$CE_NATS_PORT" "NATS" 15 || true
fi

# --- Fonts for reporting's 学时证明 PDF ----------------------------------------------------------
# services/reporting/src/documents/hours-proof-pdf.ts embeds Noto Serif CJK from Debian's
# fonts-noto-cjk; without it 下载PDF fails with a message naming the package (everything else runs).
if [ ! -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ]; then
  if can_install; then apt_install fonts-noto-cjk || say "could not install fonts-noto-cjk; 学时证明 PDFs will be refused"
  else say "fonts-noto-cjk is missing (学时证明 PDFs need it)  →  sudo apt-get install -y fonts-noto-cjk"; fi
fi

# --- Chromium (browser tests only) ------------------------------------------------------------
if $with_browser && [ ! -x /usr/bin/chromium ]; then
  if can_install; then apt_install chromium
  else missing+=("Chromium for the browser tests  →  sudo apt-get install -y chromium"); fi
fi
# Without a CJK font Chromium draws every Chinese character as a box: tests pass, screenshots lie.
if $with_browser && can_install && ! dpkg -s fonts-wqy-microhei >/dev/null 2>&1 && ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  apt_install fonts-wqy-microhei || say "could not install a CJK font; screenshots will show boxes for Chinese text"
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo
  echo "These are needed and could not be started or installed here:"
  printf '  - %s\n' "${missing[@]}"
  exit 1
fi

# Both must answer as our "test" user, and JetStream must be on (a plain NATS server would
# accept connections and then fail every stream operation).
source .run/secrets/env
if [ -d node_modules/@nats-io/jetstream ]; then
  node --input-type=module -e "
    import { connect } from '@nats-io/transport-node';
    import { jetstreamManager } from '@nats-io/jetstream';
    const url = new URL(process.env.CE_NATS_URL_TEST);
    const nc = await connect({ servers: url.host, user: url.username, pass: url.password, timeout: 3000 });
    try { await (await jetstreamManager(nc)).getAccountInfo(); }
    catch (e) { console.error('NATS on port $CE_NATS_PORT answers but JetStream is off'); process.exit(1); }
    finally { await nc.close(); }
  " || exit 1
fi
say "PostgreSQL :$PG_PORT, Redis :$CE_REDIS_PORT and NATS/JetStream :$CE_NATS_PORT answer (credentials in .run/secrets/)"
