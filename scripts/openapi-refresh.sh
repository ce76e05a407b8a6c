#!/usr/bin/env bash
# Refreshes the committed OpenAPI contracts (README, Conventions): rebuilds the four services, each of which stores
# its OpenAPI document at build (quarkus.smallrye-openapi.store-schema-directory: <service>/target/openapi/<service>.yaml,
# with the conventions of ent-commons openapi.OpenApiConventions), and copies them to contracts/openapi/.
# Run it after a change of a REST resource, a DTO or an OpenAPI annotation, review `git diff contracts/openapi`, commit.
# Each service's ServiceFoundationTest fails while its served document differs from the committed one.
#
# Usage: scripts/openapi-refresh.sh [extra Maven arguments, e.g. -o]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SERVICES=(membership-service project-validation-service provisioning-service billing-service)

./mvnw -B -ntp -q -DskipTests -Dspotbugs.skip=true -DskipPitest "$@" package \
  -pl "$(IFS=,; echo "${SERVICES[*]}")" -am
mkdir -p contracts/openapi
for s in "${SERVICES[@]}"; do
  built="$s/target/openapi/$s.yaml"
  [[ -s "$built" ]] || { echo "missing $built: did the build of $s store its OpenAPI document?" >&2; exit 1; }
  cp "$built" "contracts/openapi/$s.yaml"
done
echo "contracts/openapi/ refreshed from the build:"
git status --short -- contracts/openapi || true
