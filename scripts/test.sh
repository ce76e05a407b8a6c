#!/usr/bin/env bash
# Runs every test of the suite: the offline validation of deploy/ (Kubernetes, alerts, dashboards),
# unit tests, @QuarkusTests against the real PostgreSQL, an in-process Apache Kafka broker (KRaft) and
# signed OIDC tokens, then the system tests against the four packaged services; then the smoke size of
# the benchmark (scripts/bench.sh --size smoke, docs/performance.md): it checks the benchmark's answers
# and keeps the command working, and never fails on a speed target.
# Prerequisites: a JDK 17+ (on Debian, PostgreSQL is installed/started by scripts/postgres.sh if missing).
# Extra arguments go to Maven, e.g. scripts/test.sh -pl membership-service -am (a partial run: the benchmark's
# smoke run is then skipped; BENCH_SMOKE=0 skips it too).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

"$ROOT/scripts/postgres.sh" ensure

# Kubernetes manifests, alerts and dashboards, offline (renders and validates both overlays).
bash "$ROOT/deploy/validate.sh"

"$ROOT/mvnw" -B -ntp -Dstyle.color=never verify "$@"

if (($# == 0)) && [[ "${BENCH_SMOKE:-1}" != 0 ]]; then
  "$ROOT/scripts/bench.sh" --size smoke
fi
