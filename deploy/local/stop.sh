#!/usr/bin/env bash
# Stops the processes `npm start` launched (it leaves PostgreSQL, Redis and NATS running).
set -uo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh
quiet=false
[ "${1:-}" = "--quiet" ] && quiet=true

for name in portal reporting hours identity; do
  pidfile=".run/$name.pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    $quiet || say "stopped $name"
  fi
  rm -f "$pidfile"
done
