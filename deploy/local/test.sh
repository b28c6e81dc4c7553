#!/usr/bin/env bash
# `npm test`: every test of every workspace — unit, integration against the real PostgreSQL,
# NATS and Redis, and the browser tests — then one closing line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh

ensure_deps || exit 1
bash deploy/local/infra.sh --with-browser || exit 1

export NO_COLOR=1 FORCE_COLOR=0 CI=${CI:-}
rm -rf .test-results

say "type-checking every workspace"
npx turbo run typecheck --log-prefix=none --output-logs=errors-only
typecheck=$?

say "running the tests"
npx turbo run test --concurrency=1 --continue --log-prefix=none
tests=$?

node deploy/local/test-summary.mjs
summary=$?

[ $typecheck -eq 0 ] || echo "typecheck failed (see the errors above)"
[ $typecheck -eq 0 ] && [ $tests -eq 0 ] && [ $summary -eq 0 ]
