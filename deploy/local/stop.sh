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

# stop_pidfile FILE WHAT KILL — TERM the process FILE names, wait up to 10 s, then KILL it when
# KILL is "yes"; says "stopped WHAT" unless --quiet. The pid file goes either way.
stop_pidfile() {
  local pidfile=$1 what=$2 force=$3 pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    [ "$force" = yes ] && { kill -KILL "$pid" 2>/dev/null || true; }
    $quiet || say "stopped $what"
  fi
  rm -f "$pidfile"
}

for name in portal reporting hours identity; do stop_pidfile ".run/$name.pid" "$name" yes; done

if $infra; then
  for name in nats redis; do stop_pidfile ".run/data/$name.pid" "our $name server" no; done
fi
