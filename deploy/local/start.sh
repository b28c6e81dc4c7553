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

say "generating Prisma clients and applying migrations"
npx turbo run db:generate --output-logs=errors-only
npx turbo run db:migrate --concurrency=1 --output-logs=errors-only

say "building the portal"
npx turbo run build --output-logs=errors-only

bash deploy/local/stop.sh --quiet
mkdir -p .run/logs
export LOG_LEVEL=${LOG_LEVEL:-info}
PORTAL_PORT=${PORT:-3000}
unset PORT

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
PORT=4001 launch identity services/identity node --import tsx src/main.ts
ready identity http://127.0.0.1:4001/readyz
PORT=4002 launch hours services/hours node --import tsx src/main.ts
PORT=4003 launch reporting services/reporting node --import tsx src/main.ts
ready hours http://127.0.0.1:4002/readyz
ready reporting http://127.0.0.1:4003/readyz

say "loading demo data (once)"
(cd services/identity && npm run --silent seed:demo) | tee .run/demo-logins.txt

# The services run with the local development defaults (dev keys, log mailbox); the portal is the
# production build, which wants a secret of its own: one per machine, kept so sessions survive
# a restart. Production settings are listed in the README.
if [ -z "${SESSION_SECRET:-}" ]; then
  [ -s .run/session-secret ] || node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))" >.run/session-secret
  SESSION_SECRET=$(cat .run/session-secret)
fi
SESSION_SECRET=$SESSION_SECRET NODE_ENV=production PORT=$PORTAL_PORT launch portal apps/portal node --import tsx server.ts
ready portal "http://127.0.0.1:$PORTAL_PORT/login"

echo
say "ready in $((SECONDS - started)) s — open http://localhost:$PORTAL_PORT"
say "demo logins are listed above (also in .run/demo-logins.txt); logs in .run/logs/"

if $detach; then
  say "running in the background; stop with: npm run stop"
  exit 0
fi
trap 'echo; bash deploy/local/stop.sh; exit 0' INT TERM
say "press Ctrl-C to stop"
wait
