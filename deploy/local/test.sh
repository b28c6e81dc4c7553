#!/usr/bin/env bash
# `npm test`: lint and format check (biome), then every test of every workspace — unit, integration
# against the real PostgreSQL, NATS and Redis, and the browser tests — then one closing line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/lib.sh

ensure_deps || exit 1
bash deploy/local/infra.sh --with-browser || exit 1
# Every test talks to the credentialed Redis and NATS as the broad "test" user; service users
# and the refusals are tested by packages/service-kit/test/credentials.test.ts.
source .run/secrets/env
export REDIS_URL=$CE_REDIS_URL_TEST NATS_URL=$CE_NATS_URL_TEST

export NO_COLOR=1 FORCE_COLOR=0 CI=${CI:-}
rm -rf .test-results

say "linting and checking the format (biome)"
npm run --silent lint -- --colors=off
lint=$?

say "type-checking every workspace"
npx turbo run typecheck --log-prefix=none --output-logs=errors-only
typecheck=$?

say "running the tests"
npx turbo run test --concurrency=1 --continue --log-prefix=none
tests=$?

# The failures of the checks come before the one summary line, which stays the last line of the run.
[ $lint -eq 0 ] || echo "lint failed (see the findings above): fix them, or run \`npx biome check --write .\` for the format and the import order"
[ $typecheck -eq 0 ] || echo "typecheck failed (see the errors above)"
node deploy/local/test-summary.mjs
summary=$?

[ $lint -eq 0 ] && [ $typecheck -eq 0 ] && [ $tests -eq 0 ] && [ $summary -eq 0 ]
