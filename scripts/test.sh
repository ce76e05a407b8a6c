#!/usr/bin/env bash
# Runs every test of the suite: unit tests, and @QuarkusTests against the real PostgreSQL,
# an in-process Apache Kafka broker (KRaft) and signed OIDC tokens.
# Prerequisites: a JDK 17+ (on Debian, PostgreSQL is installed/started by scripts/postgres.sh if missing).
# Extra arguments go to Maven, e.g. scripts/test.sh -pl membership-service -am
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

"$ROOT/scripts/postgres.sh" ensure

exec "$ROOT/mvnw" -B -ntp -Dstyle.color=never verify "$@"
