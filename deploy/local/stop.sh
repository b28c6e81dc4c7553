#!/usr/bin/env bash
# Stops the processes `npm start` launched. It leaves PostgreSQL and our credentialed Redis and
# NATS running (npm test uses them too); `npm run stop -- --infra` stops those two as well.
set -uo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh
quiet=false
infra=false
for arg in "$@"; do
  [ "$arg" = "--quiet" ] && quiet=true
  [ "$arg" = "--infra" ] && infra=true
done

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

if $infra; then
  for name in nats redis; do
    pidfile=".run/data/$name.pid"
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      $quiet || say "stopped our $name server"
    fi
    rm -f "$pidfile"
  done
fi
