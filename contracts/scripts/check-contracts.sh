#!/usr/bin/env bash
# The contracts' checks that need npm tools (run by Maven in the contracts module's test phase, so by scripts/test.sh):
#  1. Spectral lints the four services' OpenAPI documents (openapi/*.yaml, not the baselines) with the house
#     ruleset .spectral.yaml: any error fails;
#     and checks the ruleset itself on spectral-fixtures/ (a conforming document passes, a violating one breaks
#     every house rule);
#  2. the AsyncAPI CLI validates asyncapi.yaml (AsyncAPI 3.0, payloads $ref'ing schemas/*.json): invalid fails.
# The JUnit tests of the module check the rest (breaking changes against openapi/baseline/, docs/errors.md).
set -euo pipefail
CONTRACTS="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$CONTRACTS"
bash scripts/npm-tools.sh "$CONTRACTS"
bin="$CONTRACTS/node_modules/.bin"
# No telemetry, no update check: the test command talks to no one (the AsyncAPI CLI reads its analytics switch
# from ASYNCAPI_METRICS_CONFIG_PATH, else from ~/.asyncapi-analytics).
printf '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"ent-contracts"}' > node_modules/.asyncapi-analytics
export ASYNCAPI_METRICS_CONFIG_PATH="$CONTRACTS/node_modules/.asyncapi-analytics" SUPPRESS_NO_CONFIG_WARNING=1 \
  NO_UPDATE_NOTIFIER=1 NODE_NO_WARNINGS=1

status=0
shopt -s nullglob
docs=(openapi/*.yaml)
if ((${#docs[@]} == 0)); then
  echo "contracts: no OpenAPI document in contracts/openapi/" >&2
  status=1
else
  echo "contracts: Spectral (.spectral.yaml) on ${docs[*]}"
  "$bin/spectral" lint --ruleset .spectral.yaml --fail-severity error --format stylish "${docs[@]}" || status=1
fi

echo "contracts: the ruleset's own check (spectral-fixtures/)"
report="$(mktemp)"
"$bin/spectral" lint --ruleset .spectral.yaml --fail-severity error -f json -o "$report" spectral-fixtures/*.yaml >/dev/null || true
node scripts/spectral-selftest.cjs "$report" || status=1
rm -f "$report"

echo "contracts: asyncapi validate asyncapi.yaml"
"$bin/asyncapi" validate asyncapi.yaml --fail-severity error || status=1

if ((status != 0)); then
  echo "contracts: FAILED (see above; docs: contracts/README.md)" >&2
fi
exit $status
