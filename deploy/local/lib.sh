# Shared helpers for the local scripts (sourced, not run).
say() { printf '\033[1m[ce]\033[0m %s\n' "$*"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_port PORT NAME SECONDS
wait_port() {
  local i
  for ((i = 0; i < $3 * 5; i++)); do
    port_open "$1" && return 0
    sleep 0.2
  done
  echo "$2 did not answer on port $1 within $3 s" >&2
  return 1
}

# True when the URL answers 2xx (node instead of curl: one tool fewer on a fresh machine).
http_ok() {
  node -e "fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "$1"
}

# Installs dependencies when node_modules is missing or older than the lockfile.
ensure_deps() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# load_secrets FILE — the generated credentials (credentials.mjs's env file, which exports them)
# as shell variables only: a process started afterwards inherits none of them and gets just what
# its command line hands it (start.sh's svc_env), so one service's environment
# (/proc/<pid>/environ, a crash report) holds no other service's password, the PII keys or the
# session secret.
load_secrets() {
  # shellcheck disable=SC1090
  source "$1"
  # shellcheck disable=SC2046
  export -n $(compgen -v CE_)
}

export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1 DO_NOT_TRACK=1 NEXT_TELEMETRY_DISABLED=1
