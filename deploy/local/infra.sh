#!/usr/bin/env bash
# Makes sure PostgreSQL, Redis and NATS (with JetStream) answer on their local ports: starts
# them when installed, installs them from Debian's packages when we are root with apt-get, and
# otherwise prints exactly what to run. With --with-browser, also makes sure Chromium is there.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh

with_browser=false
[ "${1:-}" = "--with-browser" ] && with_browser=true

PG_PORT=${PG_PORT:-5432}
REDIS_PORT=${REDIS_PORT:-6379}
NATS_PORT=${NATS_PORT:-4222}
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

# --- Redis ------------------------------------------------------------------------------------
if ! port_open "$REDIS_PORT"; then
  if ! command -v redis-server >/dev/null 2>&1 && can_install; then apt_install redis-server; fi
  if command -v redis-server >/dev/null 2>&1; then
    say "starting Redis"
    mkdir -p .run
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --logfile "$PWD/.run/redis.log"
  else missing+=("Redis on 127.0.0.1:$REDIS_PORT  →  sudo apt-get install -y redis-server && redis-server --daemonize yes --port $REDIS_PORT"); fi
  wait_port "$REDIS_PORT" "Redis" 15 || true
fi

# --- NATS with JetStream ------------------------------------------------------------------------
if ! port_open "$NATS_PORT"; then
  if ! command -v nats-server >/dev/null 2>&1 && [ ! -x /usr/sbin/nats-server ] && can_install; then apt_install nats-server; fi
  nats_bin=$(command -v nats-server || echo /usr/sbin/nats-server)
  if [ -x "$nats_bin" ]; then
    say "starting NATS with JetStream"
    mkdir -p .run/nats
    nohup "$nats_bin" -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$PWD/.run/nats" >"$PWD/.run/nats.log" 2>&1 &
  else missing+=("NATS with JetStream on 127.0.0.1:$NATS_PORT  →  sudo apt-get install -y nats-server && nats-server -a 127.0.0.1 -p $NATS_PORT -js -sd /var/lib/nats-server &"); fi
  wait_port "$NATS_PORT" "NATS" 15 || true
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

# JetStream must be enabled: a plain NATS server on the port would accept connections and then
# fail every stream operation.
if [ -d node_modules/@nats-io/jetstream ]; then
  node --input-type=module -e "
    import { connect } from '@nats-io/transport-node';
    import { jetstreamManager } from '@nats-io/jetstream';
    const nc = await connect({ servers: 'nats://127.0.0.1:$NATS_PORT', timeout: 3000 });
    try { await (await jetstreamManager(nc)).getAccountInfo(); }
    catch (e) { console.error('NATS on port $NATS_PORT answers but JetStream is off: restart it with -js'); process.exit(1); }
    finally { await nc.close(); }
  " || exit 1
fi
say "PostgreSQL :$PG_PORT, Redis :$REDIS_PORT and NATS/JetStream :$NATS_PORT answer"
