#!/usr/bin/env bash
# Runs every test of the suite: the offline validation of deploy/ (Kubernetes, alerts, dashboards), the contracts'
# lint and validation (Spectral, asyncapi validate; Node.js 20+ with npm),
# unit tests, @QuarkusTests against the real PostgreSQL, an in-process Apache Kafka broker (KRaft) and
# signed OIDC tokens, then the system tests against the four packaged services; then the browser tests
# (scripts/browser-tests.sh: the suite of scripts/local.sh in headless Chromium; BROWSER_TESTS=0 skips them); then the smoke size of
# the benchmark (scripts/bench.sh --size smoke, docs/performance.md): it checks the benchmark's answers
# and keeps the command working, and never fails on a speed target.
# Prerequisites: a JDK 17+ (on Debian, PostgreSQL is installed/started by scripts/postgres.sh if missing).
# Extra arguments go to Maven, e.g. scripts/test.sh -pl membership-service -am (a partial run: the benchmark's
# smoke run and the browser tests are then skipped; BENCH_SMOKE=0 skips it too).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

"$ROOT/scripts/postgres.sh" ensure

# Kubernetes manifests, alerts and dashboards, offline (renders and validates both overlays).
bash "$ROOT/deploy/validate.sh"

# The contracts (contracts/README.md): Spectral and the house ruleset on the OpenAPI documents, asyncapi validate on
# asyncapi.yaml, with pinned npm tools (npm ci the first time). CONTRACTS_CHECKS=0 skips them. The contracts module's
# JUnit tests (breaking changes against the baselines, the errors catalogue) run in the Maven verify below.
if [[ "${CONTRACTS_CHECKS:-1}" != 0 ]]; then
  bash "$ROOT/contracts/scripts/check-contracts.sh"
fi

"$ROOT/mvnw" -B -ntp -Dstyle.color=never verify "$@"

# The browser tests against what verify packaged: scripts/local.sh start, one journey per role in headless
# Chromium (installed from Debian when missing), axe-core on every page, scripts/local.sh stop (issue #17).
if (($# == 0)) && [[ "${BROWSER_TESTS:-1}" != 0 ]]; then
  "$ROOT/scripts/browser-tests.sh"
fi

if (($# == 0)) && [[ "${BENCH_SMOKE:-1}" != 0 ]]; then
  "$ROOT/scripts/bench.sh" --size smoke
fi
