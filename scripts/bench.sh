#!/usr/bin/env bash
# The benchmark of docs/performance.md (issue #15): starts the four packaged services (their
# target/quarkus-app/quarkus-run.jar, as a pod runs them) on fresh *_bench databases with the in-process
# Kafka broker and a test OIDC issuer, runs every row (roll-out, decision → deployed, REST reads,
# billing ingestion and simulation, start-up and RSS, scaling out), checks every answer (counts, sums to
# the cent), and prints the table with the limit measured in the same run and the ratio.
# Results: target/bench/bench-<size>.json; services' logs: target/bench/logs/.
#
# Usage: scripts/bench.sh [--size smoke|full] [--rows a,b,...] [--strict] [extra Maven arguments, e.g. -o]
#   --size smoke  (default) tiny sizes, a few seconds per row: what scripts/test.sh runs in CI
#   --size full   the figures of docs/performance.md (2,900 classes, 35,000 members, ...): about 20-40 minutes
#   --rows        only these rows (default: all): a roll-out, b decision, c REST reads, d billing ingestion,
#                 e simulation, f start-up and RSS, g two provisioning instances
#   --strict      also exit non-zero when a speed target is missed (by default only a wrong answer or an
#                 error does; missed targets are printed as "TARGET MISSED")
# Prerequisites: the services packaged (./mvnw -DskipTests package, or scripts/test.sh); a JDK 17+.
# JVM flags of the services: scripts/service-jvm-options when it exists, else -Xmx384m (as scripts/local.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SIZE=smoke
STRICT=false
ROWS=all
MAVEN_ARGS=()
while (($#)); do
  case "$1" in
    --size) SIZE="${2:?--size needs smoke or full}"; shift 2 ;;
    --size=*) SIZE="${1#--size=}"; shift ;;
    --strict) STRICT=true; shift ;;
    --rows) ROWS="${2:?--rows needs a list such as a,b,f}"; shift 2 ;;
    --rows=*) ROWS="${1#--rows=}"; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) MAVEN_ARGS+=("$1"); shift ;;
  esac
done
case "$SIZE" in smoke|full) ;; *) echo "bench.sh: --size is smoke or full, not '$SIZE'" >&2; exit 2 ;; esac

for s in membership-service project-validation-service provisioning-service billing-service; do
  if [[ ! -f "$ROOT/$s/target/quarkus-app/quarkus-run.jar" ]]; then
    echo "bench.sh: $s/target/quarkus-app/quarkus-run.jar is missing: package the services first (./mvnw -DskipTests package)" >&2
    exit 2
  fi
done

"$ROOT/scripts/postgres.sh" ensure >/dev/null

# bench/minimal-app is packaged (the limit of the start-up row), then bench/runner's BenchRun runs. The runner uses
# ent-test-support (broker, tokens): -am builds it with its upstream modules in this reactor (without running their
# tests: -Dtest selects BenchRun only), so the benchmark never runs against a stale copy in the local Maven repository.
ALSO_MAKE=(-am)
exec "$ROOT/mvnw" -B -ntp -Dstyle.color=never package -pl bench/minimal-app,bench/runner "${ALSO_MAKE[@]+"${ALSO_MAKE[@]}"}" \
  -Dtest=BenchRun -Dsurefire.failIfNoSpecifiedTests=false -Dbench.skip=false \
  -Dbench.size="$SIZE" -Dbench.strict="$STRICT" -Dbench.rows="$ROWS" "${MAVEN_ARGS[@]+"${MAVEN_ARGS[@]}"}"
