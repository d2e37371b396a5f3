#!/usr/bin/env bash
# `npm test`: every check, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf .test-reports

step() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }

step "Prisma client and API client types"
node scripts/prisma-generate.mjs
npx tsx scripts/api-types.ts
step "Typecheck and lint, side by side"
# Route types left by an earlier build describe old code: `next typegen` writes the current
# ones (the same files the build writes, in 2 s), so that tsc checks everything the build's own
# type check would, and the build below can leave its repeat out.
rm -rf .next/types .next/dev/types
npx next typegen >/dev/null
# Each is one thread (33 and 36 s on CI's two cores, one after the other); each prints when
# it ends, and either failing fails the run.
reports=$(mktemp -d)
npx tsc --noEmit >"$reports/typecheck" 2>&1 &
typecheck=$!
npx eslint --max-warnings=0 . >"$reports/lint" 2>&1 &
lint=$!
failed=0
report() { # name pid
  if wait "$2"; then echo "-- $1: passed"; else echo "-- $1: FAILED"; failed=1; fi
  cat "$reports/$1"
}
report typecheck "$typecheck"
report lint "$lint"
[ "$failed" = 0 ] || { rm -rf "$reports"; exit 1; }
step "Unit and integration tests (Vitest, real PostgreSQL), with the production build beside them"
# Vitest leaves about a third of the two cores idle (tests that wait on timers, servers
# starting and stopping): the build (36 s and 60 CPU-seconds from clean) runs in that idle
# time, at a lower priority so that it takes no CPU the tests want. Its output follows
# Vitest's. It leaves out the Prisma client, generated above, whose files the tests import.
nice -n 10 npx tsx scripts/build.ts --no-typecheck --no-generate >"$reports/build" 2>&1 &
build=$!
npx vitest run --reporter=default --reporter=json --outputFile.json=.test-reports/vitest.json || failed=1
report build "$build"
rm -rf "$reports"
[ "$failed" = 0 ]
step "End-to-end tests (Playwright, Chromium)"
npx playwright test

node scripts/test-summary.mjs .test-reports/vitest.json .test-reports/e2e.json
