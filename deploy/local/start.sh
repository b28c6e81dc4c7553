#!/usr/bin/env bash
# `npm start`: dependencies, infra, migrations, demo data, build, then the three services and the
# portal. Stays in the foreground (Ctrl-C stops everything); `npm start -- --detach` returns
# after start and `npm run stop` stops the detached processes. Logs go to .run/logs/.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh
started=$SECONDS

detach=false
[ "${1:-}" = "--detach" ] && detach=true

ensure_deps
bash deploy/local/infra.sh
# Generated once by infra.sh (credentials.mjs): Redis/NATS users, the portal's service
# key pair, the session secret and the PII keys. Nothing to type, nothing committed.
# Not exported: each process below gets only its own (svc_env, IDENTITY_ENV, the portal's line).
load_secrets .run/secrets/env

say "generating Prisma clients and applying migrations"
npx turbo run db:generate --output-logs=errors-only
npx turbo run db:migrate --concurrency=1 --output-logs=errors-only

say "building the portal"
npx turbo run build --output-logs=errors-only

bash deploy/local/stop.sh --quiet
mkdir -p .run/logs .run/mail
chmod 700 .run/mail
export LOG_LEVEL=${LOG_LEVEL:-info}
PORTAL_PORT=${PORT:-3000}
# The services' ports (a second copy on one machine sets its own; README "Configuration").
IDENTITY_PORT=${IDENTITY_PORT:-4001}
HOURS_PORT=${HOURS_PORT:-4002}
REPORTING_PORT=${REPORTING_PORT:-4003}
unset PORT

# One mode for every process: the portal is a production build, so everything runs as
# production — no development mailbox, no development keys. Mail is written to .run/mail/.
export NODE_ENV=production
svc_env() { # service → the environment of that service (its own users; the callers' PUBLIC keys)
  local u
  u=$(echo "$1" | tr '[:lower:]' '[:upper:]')
  local redis_var="CE_REDIS_URL_$u" nats_var="CE_NATS_URL_$u"
  echo "REDIS_URL=${!redis_var}" "NATS_URL=${!nats_var}" "SERVICE_AUTH_PUBLIC_KEYS=$CE_SERVICE_AUTH_PUBLIC_KEYS"
}
IDENTITY_ENV=(PII_ENCRYPTION_KEY="$CE_PII_ENCRYPTION_KEY" PII_INDEX_KEY="$CE_PII_INDEX_KEY" MAIL_TRANSPORT=file MAIL_DIR="$PWD/.run/mail" PORTAL_URL="http://localhost:$PORTAL_PORT")

launch() { # name dir command...
  local name=$1 dir=$2
  shift 2
  (cd "$dir" && exec "$@") >".run/logs/$name.log" 2>&1 &
  echo $! >".run/$name.pid"
}

# Wait for a readiness URL, or show the process's log and fail.
ready() { # name url
  local i
  for ((i = 0; i < 150; i++)); do
    http_ok "$2" && return 0
    if ! kill -0 "$(cat ".run/$1.pid")" 2>/dev/null; then
      echo "$1 stopped during start; its log:" >&2
      tail -n 30 ".run/logs/$1.log" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "$1 was not ready after 30 s; see .run/logs/$1.log" >&2
  return 1
}

say "starting the services"
# Identity first: it owns the CE_IDENTITY stream the others consume.
# Each service connects to Redis and NATS as its own user (svc_env).
launch identity services/identity env $(svc_env identity) "${IDENTITY_ENV[@]}" PORT=$IDENTITY_PORT node --import tsx src/main.ts
ready identity "http://127.0.0.1:$IDENTITY_PORT/readyz"
# 计入年度 four years back (hours' own rule, DECLARATION_YEARS_BACK): the demo records span five years.
launch hours services/hours env $(svc_env hours) DECLARATION_YEARS_BACK=4 PORT=$HOURS_PORT node --import tsx src/main.ts
# Reporting holds identity's blind-index key only (学习记录验证 finds a 证件号 by it), never the encryption key.
# PORTAL_URL: a 学时证明's QR code opens {PORTAL_URL}/verify/<code>.
launch reporting services/reporting env $(svc_env reporting) PII_INDEX_KEY="$CE_PII_INDEX_KEY" PORTAL_URL="http://localhost:$PORTAL_PORT" PORT=$REPORTING_PORT node --import tsx src/main.ts
ready hours "http://127.0.0.1:$HOURS_PORT/readyz"
ready reporting "http://127.0.0.1:$REPORTING_PORT/readyz"

say "loading demo data (once)"
(cd services/identity && env $(svc_env identity) "${IDENTITY_ENV[@]}" npm run --silent seed:demo) | tee .run/demo-logins.txt
# The demo hour records, made through the running services as caller `seed`: its private key reaches this step only.
SEED_URLS=(IDENTITY_URL="http://127.0.0.1:$IDENTITY_PORT/trpc" HOURS_URL="http://127.0.0.1:$HOURS_PORT/trpc")
(cd services/identity && env $(svc_env identity) "${IDENTITY_ENV[@]}" "${SEED_URLS[@]}" SEED_SERVICE_KEY=$CE_SERVICE_KEY_SEED npm run --silent seed:demo-hours)

# The portal's private service key reaches the portal only: no service can sign as the portal.
# Where the portal finds the services (their ports above).
PORTAL_ENV=(IDENTITY_URL="http://127.0.0.1:$IDENTITY_PORT/trpc" HOURS_URL="http://127.0.0.1:$HOURS_PORT/trpc" REPORTING_URL="http://127.0.0.1:$REPORTING_PORT/trpc")
SESSION_SECRET=${SESSION_SECRET:-$CE_SESSION_SECRET} SERVICE_AUTH_PRIVATE_KEY=$CE_SERVICE_KEY_PORTAL REDIS_URL=$CE_REDIS_URL_PORTAL PORT=$PORTAL_PORT launch portal apps/portal env "${PORTAL_ENV[@]}" node --import tsx server.ts
ready portal "http://127.0.0.1:$PORTAL_PORT/login"

echo
say "ready in $((SECONDS - started)) s — open http://localhost:$PORTAL_PORT"
say "demo logins are listed above (also in .run/demo-logins.txt); logs in .run/logs/"
say "mail (e.g. password-reset links) is not sent: each one is written to .run/mail/ (.eml and a readable .txt)"

if $detach; then
  say "running in the background; stop with: npm run stop"
  exit 0
fi
trap 'echo; bash deploy/local/stop.sh; exit 0' INT TERM
say "press Ctrl-C to stop"
wait
