#!/usr/bin/env bash
# The fault-injection campaign of docs/reliability.md (issue #14 point 8): starts the four packaged services (their
# target/quarkus-app/quarkus-run.jar) on fresh *_faults databases with an in-process Kafka broker of their own (one
# that keeps its log across a stop) and a test OIDC issuer, runs an undisturbed roll-out of 200 classes as the
# reference, then injects one fault per scenario and checks that the final state equals the undisturbed one:
#   1  the broker stopped 30 s in the middle of a roll-out of 200 classes, then started again
#   2  provisioning-service killed with SIGKILL in the middle of a roll-out, then started again
#   3  billing-service killed with SIGKILL during a period computation, started again, the computation sent again
#   4  PostgreSQL restarted (pg_ctlcluster) in the middle of a roll-out, under REST load (needs root and Debian's
#      postgresql-common; it restarts the machine's PostgreSQL: every other user of it sees those seconds)
# After each: same accounts, licences, access dates, contributions to the cent; every outbox drained, nothing parked,
# nothing in a DLQ, every consumer group caught up. Prints the table; exits non-zero when any check fails.
# Results: target/faults/faults.json and faults.md; services' logs: target/faults/logs/. About 6-10 minutes on 2 cores.
#
# Usage: scripts/faults.sh [--scenarios 1,2,3,4] [--update-doc] [extra Maven arguments, e.g. -o]
#   --scenarios   only these scenarios (default: all; the reference roll-out always runs)
#   --update-doc  also write the run's table and figures into docs/reliability.md (between its markers)
# Prerequisites: the services packaged (./mvnw -DskipTests package, or scripts/test.sh); a JDK 17+.
# JVM flags of the services: scripts/service-jvm-options when it exists, else -Xmx384m (as scripts/bench.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SCENARIOS=all
DOC=false
MAVEN_ARGS=()
while (($#)); do
  case "$1" in
    --scenarios) SCENARIOS="${2:?--scenarios needs a list such as 1,2,3}"; shift 2 ;;
    --scenarios=*) SCENARIOS="${1#--scenarios=}"; shift ;;
    --update-doc) DOC=true; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) MAVEN_ARGS+=("$1"); shift ;;
  esac
done
if [[ "$SCENARIOS" != all && ! "$SCENARIOS" =~ ^[1-4](,[1-4])*$ ]]; then
  echo "faults.sh: --scenarios is all or a list of 1 to 4 (e.g. 1,2,3), not '$SCENARIOS'" >&2
  exit 2
fi

for s in membership-service project-validation-service provisioning-service billing-service; do
  if [[ ! -f "$ROOT/$s/target/quarkus-app/quarkus-run.jar" ]]; then
    echo "faults.sh: $s/target/quarkus-app/quarkus-run.jar is missing: package the services first (./mvnw -DskipTests package)" >&2
    exit 2
  fi
done

"$ROOT/scripts/postgres.sh" ensure >/dev/null

# bench/runner's FaultCampaignRun runs in the Surefire execution "faults" (skipped unless -Dfaults.skip=false); the
# benchmark's execution stays skipped. -am builds ent-test-support with its upstream modules in this reactor (their
# tests not run: -Dtest selects FaultCampaignRun only), so the campaign never runs against a stale installed copy.
exec "$ROOT/mvnw" -B -ntp -Dstyle.color=never test -pl bench/runner -am \
  -Dtest=FaultCampaignRun -Dsurefire.failIfNoSpecifiedTests=false -Dfaults.skip=false \
  -Dfaults.scenarios="$SCENARIOS" -Dfaults.doc="$DOC" "${MAVEN_ARGS[@]+"${MAVEN_ARGS[@]}"}"
