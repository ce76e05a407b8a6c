#!/usr/bin/env bash
# Offline validation of deploy/ (CI and developers). Idempotent; exits non-zero on any error.
#   1. generated files are in sync (KeycloakRealmImports from deploy/keycloak/ent-realm.json + production-overrides.json;
#      base/services/*/kubernetes.yml from quarkus-kubernetes output, when target/ exists: warning only);
#   2. every overlay renders with `kubectl kustomize`;
#   3. every rendered object validates against the Kubernetes / prometheus-operator schemas
#      (npm kubernetes-models, @kubernetes-models/prometheus-operator) or the hand-written CRD schemas
#      (Strimzi, CloudNativePG, Keycloak), plus the suite's rules (no Secret, probes, resources, network
#      policies, ServiceMonitors; production: >= 2 replicas, PDB, HPA, topology spread, RF 3);
#   4. `promtool check rules` and `promtool test rules` on the PrometheusRule;
#   5. the metric names of dashboards and alerts (dashboard-metrics.txt, scraped-metric-names.txt);
#   6. negative control: a copy of deploy/ with `replicas: "two"` must FAIL step 3;
#   7. exposure and production realm (issue #14, validation/check-exposure.mjs) on each rendered overlay: no
#      ingress path under /q, Keycloak only on /realms/ent and /resources (never /admin), probes/scrape on the
#      management port 9000 open to the monitoring namespace only; production realm: no password grant, brute
#      force detection, password policy, OTP required for operator and finance; then its negative controls
#      (each of these regressions, injected, must be rejected).
#   8. the services' JVM options (JDK_JAVA_OPTIONS of their ConfigMaps) = scripts/service-jvm-options, and the
#      heap (-Xmx) + 128 MiB fits each memory limit (validation/check-jvm.mjs, with its negative controls).
# Tools: kubectl (with its built-in kustomize), promtool (Debian package prometheus), Node.js >= 18 + npm;
# missing ones are installed with apt-get; npm packages go to deploy/validation/node_modules (npm ci).
set -euo pipefail

DEPLOY="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$DEPLOY")"
STATE="$REPO/.state/deploy-tools"
OUT="$STATE/rendered"
mkdir -p "$STATE" "$OUT"
OVERLAYS=(local production)
declare -a RESULTS=()
FAILED=0
step() { echo; echo "== $*"; }
record() { # name status
  RESULTS+=("$(printf '%-58s %s' "$1" "$2")")
  if [[ "$2" != PASS* && "$2" != WARN* ]]; then FAILED=1; fi
}

# ---------------------------------------------------------------- tools
step "tools"
APT_UPDATED=0
apt_install() {
  if ! command -v apt-get >/dev/null; then echo "cannot install $*: no apt-get" >&2; return 1; fi
  local sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  if [[ $APT_UPDATED -eq 0 ]]; then $sudo apt-get update -qq >"$STATE/apt.log" 2>&1 || true; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >>"$STATE/apt.log" 2>&1
}
if ! kubectl kustomize --help >/dev/null 2>&1; then
  echo "kubectl not found: trying apt-get install kubectl (needs an apt source that ships it;"
  echo "Debian's kubernetes-client 1.20 is too old for kustomize v5)"
  apt_install kubectl || { echo "ERROR: kubectl with 'kubectl kustomize' is required" >&2; exit 2; }
fi
if ! command -v promtool >/dev/null; then echo "promtool not found: apt-get install prometheus"; apt_install prometheus; fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then echo "node/npm not found: apt-get install nodejs npm"; apt_install nodejs npm; fi
if [[ ! -f "$DEPLOY/validation/node_modules/.package-lock.json" || "$DEPLOY/validation/package-lock.json" -nt "$DEPLOY/validation/node_modules/.package-lock.json" ]]; then
  echo "npm ci in deploy/validation"
  (cd "$DEPLOY/validation" && npm ci --no-audit --no-fund --loglevel=error --cache "$STATE/npm-cache")
fi
echo "kubectl $(kubectl version --client 2>/dev/null | tr '\n' ' ')"
echo "$(promtool --version 2>&1 | head -1)"
echo "node $(node --version)"

# ---------------------------------------------------------------- 1. generated files
step "1. generated files in sync"
if node "$DEPLOY/validation/sync-realm.mjs" --check; then record "KeycloakRealmImports = deploy/keycloak/*.json" PASS
else record "KeycloakRealmImports = deploy/keycloak/*.json" "FAIL (run node deploy/validation/sync-realm.mjs)"; fi
if ls "$REPO"/*-service/target/kubernetes/kubernetes.yml >/dev/null 2>&1; then
  if node "$DEPLOY/validation/refresh-base.mjs" --check; then record "base/services = quarkus-kubernetes output (target/)" PASS
  else record "base/services = quarkus-kubernetes output (target/)" "WARN (target/ differs: refresh-base.mjs if intended)"; fi
else record "base/services = quarkus-kubernetes output (target/)" "WARN (no target/kubernetes: not compared)"; fi

# ---------------------------------------------------------------- 2+3. render and validate
validate_tree() { # deploy-dir overlay out-file  -> renders and validates, returns non-zero on error
  local dir="$1" overlay="$2" out="$3" extra=()
  [[ "$overlay" == production ]] && extra=(--production)
  kubectl kustomize "$dir/overlays/$overlay" >"$out" || return 10
  node "$DEPLOY/validation/validate-manifests.mjs" "$out" "$overlay" "${extra[@]}" || return 11
}
for o in "${OVERLAYS[@]}"; do
  step "2-3. overlay $o: kubectl kustomize + schemas + rules of the suite"
  rc=0; validate_tree "$DEPLOY" "$o" "$OUT/$o.yaml" || rc=$?
  case $rc in
    0) record "overlay $o renders" PASS; record "overlay $o validates" PASS ;;
    10) record "overlay $o renders" FAIL ;;
    *) record "overlay $o renders" PASS; record "overlay $o validates" FAIL ;;
  esac
done

# ---------------------------------------------------------------- 4. promtool
step "4. promtool check rules / test rules"
PT="$STATE/promtool"; rm -rf "$PT"; mkdir -p "$PT"
node --input-type=module -e "
  import fs from 'node:fs'; import YAML from '$DEPLOY/validation/node_modules/yaml/dist/index.js';
  const r = YAML.parse(fs.readFileSync('$DEPLOY/observability/prometheus-rules.yaml', 'utf8'));
  fs.writeFileSync('$PT/ent-somme-alerts.rules.yaml', YAML.stringify({ groups: r.spec.groups }));
  const alerts = r.spec.groups.flatMap(g => g.rules).filter(x => x.alert).map(x => x.alert);
  const tests = fs.readFileSync('$DEPLOY/observability/tests/alerts-test.yaml', 'utf8');
  const untested = alerts.filter(a => !new RegExp('alertname:\\\\s*' + a + '\\\\b').test(tests));
  if (untested.length) { console.log('alerts without a promtool test: ' + untested.join(', ')); process.exit(1); }
  console.log(alerts.length + ' alerts, each with a promtool test');
" && record "every alert has a promtool unit test" PASS || record "every alert has a promtool unit test" FAIL
cp "$DEPLOY/observability/tests/alerts-test.yaml" "$PT/"
if (cd "$PT" && promtool check rules ent-somme-alerts.rules.yaml); then record "promtool check rules" PASS; else record "promtool check rules" FAIL; fi
if (cd "$PT" && promtool test rules alerts-test.yaml); then record "promtool test rules" PASS; else record "promtool test rules" FAIL; fi

# ---------------------------------------------------------------- 5. metric names
step "5. metric names of dashboards and alerts"
if node "$DEPLOY/validation/check-metrics.mjs"; then record "dashboard/alert metrics listed and exported" PASS
else record "dashboard/alert metrics listed and exported" FAIL; fi

# ---------------------------------------------------------------- 6. negative control
step "6. negative control: a broken manifest must fail"
NEG="$STATE/negative"; rm -rf "$NEG"; mkdir -p "$NEG"
cp -r "$DEPLOY/base" "$DEPLOY/overlays" "$DEPLOY/observability" "$DEPLOY/keycloak" "$NEG/"
# wrong field type: replicas as a string in the production overlay
sed -i '0,/        value: 2$/s//        value: "two"/' "$NEG/overlays/production/kustomization.yaml"
grep -q 'value: "two"' "$NEG/overlays/production/kustomization.yaml" || { echo "negative control: injection failed"; exit 3; }
rc=0; validate_tree "$NEG" production "$NEG/production.yaml" >"$NEG/output.txt" 2>&1 || rc=$?
if [[ $rc -ne 0 ]] && grep -q 'replicas must be integer' "$NEG/output.txt"; then
  grep -E 'ERROR|replicas' "$NEG/output.txt" | head -6
  record "broken manifest (replicas: \"two\") is rejected" PASS
else
  cat "$NEG/output.txt"; record "broken manifest (replicas: \"two\") is rejected" "FAIL (validation did not catch it)"
fi

# ---------------------------------------------------------------- 7. exposure and production realm
step "7. exposure (ingress, management port) and production realm (issue #14)"
for o in "${OVERLAYS[@]}"; do
  extra=(); [[ "$o" == production ]] && extra=(--production)
  if [[ -s "$OUT/$o.yaml" ]] && node "$DEPLOY/validation/check-exposure.mjs" "$OUT/$o.yaml" "$o" "${extra[@]}"; then
    record "overlay $o: exposure${extra:+ + production realm}" PASS
  else record "overlay $o: exposure${extra:+ + production realm}" FAIL; fi
done
if [[ -s "$OUT/production.yaml" ]] && node "$DEPLOY/validation/check-exposure.mjs" --self-test "$OUT/production.yaml"; then
  record "exposure/realm regressions (injected) are rejected" PASS
else record "exposure/realm regressions (injected) are rejected" FAIL; fi

# ---------------------------------------------------------------- 8. JVM options of the services
step "8. JVM options of the services = scripts/service-jvm-options (issue #15)"
for o in "${OVERLAYS[@]}"; do
  if [[ -s "$OUT/$o.yaml" ]] && node "$DEPLOY/validation/check-jvm.mjs" "$OUT/$o.yaml" "$o"; then
    record "overlay $o: JVM options, heap fits memory limit" PASS
  else record "overlay $o: JVM options, heap fits memory limit" FAIL; fi
done
if [[ -s "$OUT/production.yaml" ]] && node "$DEPLOY/validation/check-jvm.mjs" --self-test "$OUT/production.yaml"; then
  record "JVM option regressions (injected) are rejected" PASS
else record "JVM option regressions (injected) are rejected" FAIL; fi

# ---------------------------------------------------------------- summary
echo
echo "==================== deploy/validate.sh summary ===================="
for r in "${RESULTS[@]}"; do echo "  $r"; done
echo "  rendered overlays: ${OUT#$REPO/}/{$(IFS=,; echo "${OVERLAYS[*]}")}.yaml"
NPASS=0; NFAIL=0
for r in "${RESULTS[@]}"; do if [[ "$r" =~ (PASS|WARN) ]]; then NPASS=$((NPASS + 1)); else NFAIL=$((NFAIL + 1)); fi; done
if [[ $FAILED -ne 0 ]]; then echo "  RESULT: FAILED"; echo "deploy: $NPASS passed, $NFAIL failed"; exit 1; fi
echo "  RESULT: OK"
echo "deploy: $NPASS passed, $NFAIL failed"
