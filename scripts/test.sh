#!/usr/bin/env bash
# Runs every test of the suite: the offline validation of deploy/ (Kubernetes, alerts, dashboards),
# unit tests, @QuarkusTests against the real PostgreSQL, an in-process Apache Kafka broker (KRaft) and
# signed OIDC tokens, then the system tests against the four packaged services.
# Prerequisites: a JDK 17+ (on Debian, PostgreSQL is installed/started by scripts/postgres.sh if missing).
# Extra arguments go to Maven, e.g. scripts/test.sh -pl membership-service -am
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

"$ROOT/scripts/postgres.sh" ensure

# Kubernetes manifests, alerts and dashboards, offline (renders and validates both overlays).
bash "$ROOT/deploy/validate.sh"

exec "$ROOT/mvnw" -B -ntp -Dstyle.color=never verify "$@"
