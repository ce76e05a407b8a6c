#!/usr/bin/env bash
# The browser tests (issue #17): one journey per role in headless Chromium, driven by Selenium WebDriver, against
# the packaged console and the four packaged services as `scripts/local.sh start` runs them (real Kafka, the
# realm's Keycloak login page and tokens, the demo data of scripts/demo.sh); axe-core on every page visited.
#
# Usage: scripts/browser-tests.sh [--running] [maven args...]
#   1. installs Debian's chromium and chromium-driver when `chromium` or `chromedriver` is missing (apt-get, as root)
#   2. scripts/local.sh start (builds what is not packaged yet, loads the demo data once)
#   3. ./mvnw -pl browser-tests verify -Dbrowser-tests=true
#   4. scripts/local.sh stop, whatever happened (trap)
#   --running: use the suite already started by scripts/local.sh start and leave it running (no start, no stop).
#
# Artefacts: browser-tests/target/browser-tests/screenshots/<journey>-<step>-<page>.png (one per journey step),
# axe-summary.md and axe-summary.json (per page: the violations by impact), surefire reports.
set -euo pipefail

LOG_PREFIX="browser-tests"
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

manage_suite="true"
if [[ "${1:-}" == "--running" ]]; then
  manage_suite="false"
  shift
fi

ensure_chromium() {
  if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    return 0
  fi
  if [[ "$(id -u)" != 0 ]]; then
    die "chromium and chromium-driver are missing: install them (sudo apt-get install -y chromium chromium-driver)"
  fi
  info "installing Debian's chromium and chromium-driver (apt-get)"
  # Another apt-get may hold the dpkg lock for a while (unattended upgrades, a parallel install): wait for it.
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    chromium chromium-driver >/dev/null
  command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 ||
    die "chromium or chromedriver still missing after apt-get install"
}

started_at=$SECONDS
ensure_chromium
info "$(chromium --version 2>/dev/null || true); $(chromedriver --version 2>/dev/null | cut -d' ' -f1-2 || true)"

if [[ "$manage_suite" == "true" ]]; then
  # On a fresh clone Keycloak's first start (schema, realm import) is the slowest part: more room than by hand.
  export KEYCLOAK_START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-480}" SERVICE_START_TIMEOUT="${SERVICE_START_TIMEOUT:-300}"
  trap '"$SCRIPTS_DIR/local.sh" stop >/dev/null 2>&1 || warn "scripts/local.sh stop failed"' EXIT
  "$SCRIPTS_DIR/local.sh" start
  info "suite ready after $((SECONDS - started_at)) s"
fi

tests_at=$SECONDS
rc=0
"$REPO_ROOT/mvnw" -B -ntp -Dstyle.color=never -f "$REPO_ROOT/pom.xml" -pl browser-tests verify -Dbrowser-tests=true "$@" || rc=$?
info "browser tests: $((SECONDS - tests_at)) s (in all $((SECONDS - started_at)) s); screenshots and axe summary in" \
  "browser-tests/target/browser-tests/"
if [[ -f "$REPO_ROOT/browser-tests/target/browser-tests/axe-summary.md" ]]; then
  sed -n '/^| journey/,/^| \*\*console/p' "$REPO_ROOT/browser-tests/target/browser-tests/axe-summary.md"
fi
exit "$rc"
