#!/usr/bin/env bash
# Local Keycloak (dev mode) with the `ent` realm (deploy/keycloak/ent-realm.json), run from the
# Keycloak distribution zip published on Maven Central (no Docker).
#
# Usage: scripts/keycloak.sh start|stop|restart|status|reset|verify|token USER [PASSWORD]|client-token CLIENT_ID
#
#   start         download + unpack Keycloak (first time), copy the realm file to data/import,
#                 start `kc.sh start-dev --import-realm` in the background and wait until the
#                 realm's OpenID configuration answers. Idempotent. If the realm file changed
#                 since the last import, the dev database is wiped so the realm is re-imported.
#   stop          stop the Keycloak started by this script (PID file); never touches another one.
#   status        exit 0 if Keycloak runs and the `ent` realm answers, 3 otherwise.
#   reset         stop, then delete the dev database (realm re-imported on next start).
#   verify        get tokens (password grant, client credentials) and check roles/claims.
#   token         print an access token for USER (password grant via the public client ent-cli;
#                 the demo users' password is their username).
#   client-token  print an access token for a confidential client (secret = <clientId>-secret).
#
# Environment:
#   KEYCLOAK_VERSION          distribution version on Maven Central (default 26.5.6)
#   KEYCLOAK_PORT             HTTP port (default 8090), bound to 127.0.0.1
#   KEYCLOAK_MANAGEMENT_PORT  management port (/health, default 9000), bound to 127.0.0.1
#   KEYCLOAK_JAVA_HOME        JDK 21+ used for Keycloak only (default: Temurin 25)
#   KEYCLOAK_HEAP_OPTS        JVM heap (default "-Xms64m -Xmx768m")
#   KEYCLOAK_START_TIMEOUT    seconds to wait for readiness (default 240)
#
# State: .state/keycloak/{dist/*.zip,keycloak-<ver>/,keycloak.log,keycloak.pid,realm.sha256}
set -euo pipefail

LOG_PREFIX="keycloak"
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.5.6}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8090}"
KEYCLOAK_MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-9000}"
KEYCLOAK_HEAP_OPTS="${KEYCLOAK_HEAP_OPTS:--Xms64m -Xmx768m}"
KEYCLOAK_START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-240}"
KC_BIND="127.0.0.1"
REALM="ent"
# Public URL: fixed with --hostname so the token issuer is always the same, whichever host
# name (localhost / 127.0.0.1) the client used. The services must use exactly this issuer.
KC_URL="http://localhost:${KEYCLOAK_PORT}"
ISSUER="$KC_URL/realms/$REALM"
ADMIN_USER="admin"
ADMIN_PASSWORD="admin"

KC_STATE="$STATE_DIR/keycloak"
KC_HOME="$KC_STATE/keycloak-$KEYCLOAK_VERSION"
DIST_DIR="$KC_STATE/dist"
PID_FILE="$KC_STATE/keycloak.pid"
LOG_FILE="$KC_STATE/keycloak.log"
REALM_FILE="$REPO_ROOT/deploy/keycloak/ent-realm.json"
REALM_STAMP="$KC_STATE/realm.sha256"
POM="$SCRIPTS_DIR/keycloak/pom.xml"
# Marker that must appear in /proc/PID/cmdline (kc.sh path, or -Dkc.home.dir=... once exec'd).
MARKER="$KC_STATE/keycloak-"

# ---------------------------------------------------------------------------------------------

# Find a JDK 21+ for Keycloak (the services themselves run on the default JDK 17).
find_java_home() {
  local candidates=() c v
  [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]] && candidates+=("$KEYCLOAK_JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64)
  for c in /usr/lib/jvm/*; do candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [[ -x "$c/bin/java" ]] || continue
    v="$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    if [[ "$v" =~ ^[0-9]+$ ]] && ((v >= 21)); then
      printf '%s' "$c"
      return 0
    fi
  done
  return 1
}

# Download (Maven Central) and unpack the distribution once.
ensure_dist() {
  if [[ -x "$KC_HOME/bin/kc.sh" ]]; then
    return 0
  fi
  mkdir -p "$DIST_DIR"
  local zip="$DIST_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  if [[ ! -s "$zip" ]]; then
    info "downloading org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip from Maven Central ..."
    if ! mvnw -B -q -f "$POM" -Dkeycloak.version="$KEYCLOAK_VERSION" dependency:copy-dependencies \
      -DoutputDirectory="$DIST_DIR" >"$KC_STATE/mvn-download.log" 2>&1; then
      show_log_tail "$KC_STATE/mvn-download.log" 40
      die "could not download the Keycloak distribution (see $KC_STATE/mvn-download.log)"
    fi
  fi
  info "unpacking $zip"
  local tmp="$KC_STATE/.unpack.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  unzip -q "$zip" -d "$tmp"
  [[ -x "$tmp/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ]] || die "unexpected zip layout in $zip"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
  rm -rf "$tmp"
}

# Copy the realm file into data/import; wipe the dev database if the realm file changed since
# the last import (start-dev --import-realm skips realms that already exist).
prepare_realm() {
  [[ -f "$REALM_FILE" ]] || die "realm file not found: $REALM_FILE"
  python3 -m json.tool "$REALM_FILE" >/dev/null 2>&1 || die "invalid JSON in $REALM_FILE"
  local want have=""
  want="$(sha256sum "$REALM_FILE" | cut -d' ' -f1)"
  [[ -f "$REALM_STAMP" ]] && have="$(cat "$REALM_STAMP")"
  if [[ "$want" != "$have" && -d "$KC_HOME/data/h2" ]]; then
    info "realm file changed since the last import: wiping the dev database to re-import it"
    rm -rf "$KC_HOME/data/h2"
  fi
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/ent-realm.json"
  printf '%s\n' "$want" >"$REALM_STAMP"
}

realm_answers() {
  http_ok "$ISSUER/.well-known/openid-configuration"
}

# ---------------------------------------------------------------------------------------------

cmd_start() {
  local pid
  if pid="$(running_pid "$PID_FILE" "$MARKER")"; then
    if realm_answers; then
      info "already running (PID $pid): $ISSUER"
      return 0
    fi
    info "process $pid is running but the realm does not answer yet; waiting"
    wait_until "$KEYCLOAK_START_TIMEOUT" "keycloak" "$LOG_FILE" "$pid" realm_answers
    info "ready: $ISSUER"
    return 0
  fi
  if port_open "$KC_BIND" "$KEYCLOAK_PORT"; then
    if realm_answers; then
      info "a Keycloak not started by this script already serves $ISSUER; using it (not starting another)"
      return 0
    fi
    die "port $KEYCLOAK_PORT is already used by another process (no '$REALM' realm there); set KEYCLOAK_PORT"
  fi
  if port_open "$KC_BIND" "$KEYCLOAK_MANAGEMENT_PORT"; then
    die "management port $KEYCLOAK_MANAGEMENT_PORT is already in use; set KEYCLOAK_MANAGEMENT_PORT"
  fi
  local java_home
  java_home="$(find_java_home)" || die "Keycloak needs Java 21+; none found (set KEYCLOAK_JAVA_HOME)"
  command -v unzip >/dev/null || die "unzip is required (apt-get install -y unzip)"

  mkdir -p "$KC_STATE"
  ensure_dist
  prepare_realm

  info "starting Keycloak $KEYCLOAK_VERSION (dev mode) on $KC_URL with $java_home"
  : >"$LOG_FILE"
  start_background "$PID_FILE" "$LOG_FILE" \
    env JAVA_HOME="$java_home" \
    JAVA_OPTS_KC_HEAP="$KEYCLOAK_HEAP_OPTS" \
    KC_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    "$KC_HOME/bin/kc.sh" start-dev \
    --http-host="$KC_BIND" \
    --http-port="$KEYCLOAK_PORT" \
    --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
    --hostname="$KC_URL" \
    --health-enabled=true \
    --import-realm
  pid="$(read_pid "$PID_FILE")"
  info "PID $pid; waiting up to ${KEYCLOAK_START_TIMEOUT}s for $ISSUER (first start is the slowest)"
  if ! (wait_until "$KEYCLOAK_START_TIMEOUT" "keycloak" "$LOG_FILE" "$pid" realm_answers); then
    if pid_matches "$pid" "$MARKER"; then
      stop_pidfile "keycloak" "$PID_FILE" "$MARKER" 30 || true
    fi
    die "Keycloak did not start"
  fi
  info "ready: $ISSUER (admin console $KC_URL/admin/ with $ADMIN_USER/$ADMIN_PASSWORD; log $LOG_FILE)"
}

cmd_stop() {
  stop_pidfile "keycloak" "$PID_FILE" "$MARKER" 60
  if port_open "$KC_BIND" "$KEYCLOAK_PORT"; then
    info "note: something not started by this script still listens on port $KEYCLOAK_PORT (left alone)"
  fi
}

cmd_status() {
  local pid
  if pid="$(running_pid "$PID_FILE" "$MARKER")"; then
    if realm_answers; then
      info "running (PID $pid): $ISSUER"
      return 0
    fi
    info "process running (PID $pid) but $ISSUER does not answer (yet)"
    return 3
  fi
  if realm_answers; then
    info "a Keycloak not started by this script serves $ISSUER"
    return 0
  fi
  info "not running"
  return 3
}

cmd_reset() {
  cmd_stop
  info "deleting the dev database (realm re-imported on next start)"
  rm -rf "$KC_HOME/data/h2" "$REALM_STAMP"
}

# token USER [PASSWORD] : access token via the password grant on the public client ent-cli.
get_user_token() {
  local user="$1" password="${2:-$1}" body
  body="$(curl -sS --max-time 20 -X POST "$ISSUER/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=ent-cli \
    --data-urlencode "username=$user" --data-urlencode "password=$password")" ||
    die "token request failed (is Keycloak running? $0 status)"
  extract_access_token "$body"
}

# client-token CLIENT_ID [SECRET] : access token via client_credentials.
get_client_token() {
  local client="$1" secret="${2:-$1-secret}" body
  body="$(curl -sS --max-time 20 -X POST "$ISSUER/protocol/openid-connect/token" \
    -d grant_type=client_credentials --data-urlencode "client_id=$client" \
    --data-urlencode "client_secret=$secret")" ||
    die "token request failed (is Keycloak running? $0 status)"
  extract_access_token "$body"
}

extract_access_token() {
  python3 -c '
import json, sys
d = json.loads(sys.argv[1])
if "access_token" not in d:
    sys.exit("token error: " + json.dumps(d))
print(d["access_token"])' "$1"
}

# Print the decoded payload (claims) of a JWT.
jwt_claims() {
  python3 -c '
import base64, json, sys
p = sys.argv[1].split(".")[1]
print(json.dumps(json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4))), indent=2, ensure_ascii=False))' "$1"
}

# check_claims TOKEN PYTHON_EXPR DESCRIPTION : evaluate a python expression on the claims `c`.
check_claims() {
  local token="$1" expr="$2" what="$3"
  if python3 -c '
import base64, json, sys
p = sys.argv[1].split(".")[1]
c = json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))
roles = c.get("realm_access", {}).get("roles", [])
sys.exit(0 if eval(sys.argv[2]) else 1)' "$token" "$expr"; then
    info "OK   $what"
    return 0
  fi
  info "FAIL $what; claims were:"
  jwt_claims "$token" >&2
  return 1
}

cmd_verify() {
  realm_answers || die "realm $REALM does not answer at $ISSUER; run: $0 start"
  local t fails=0
  t="$(get_user_token agent-amiens)"
  check_claims "$t" '"member-agent" in roles and c.get("member_id") == "218000198" and c["iss"] == "'"$ISSUER"'"' \
    "agent-amiens (password grant, ent-cli): role member-agent, member_id=218000198, iss=$ISSUER" || fails=$((fails + 1))
  t="$(get_user_token agent-departement)"
  check_claims "$t" '"member-agent" in roles and c.get("member_id") == "228000014"' \
    "agent-departement: role member-agent, member_id=228000014" || fails=$((fails + 1))
  t="$(get_user_token ien-amiens-1)"
  check_claims "$t" '"ien" in roles and c.get("circonscription") == "0801"' \
    "ien-amiens-1: role ien, circonscription=0801" || fails=$((fails + 1))
  t="$(get_user_token teacher-ecole)"
  check_claims "$t" '"teacher" in roles and c.get("school_uai") == "0800118U"' \
    "teacher-ecole: role teacher, school_uai=0800118U" || fails=$((fails + 1))
  local u
  for u in operator finance dsden-agent; do
    t="$(get_user_token "$u")"
    check_claims "$t" '"'"${u%-agent}"'" in roles and c["preferred_username"] == "'"$u"'"' \
      "$u: role ${u%-agent}" || fails=$((fails + 1))
  done
  local pair client role
  for pair in dsden-si:dsden ent-platform:partner resource-provider:partner \
    finance-software:partner ops-automation:operator; do
    client="${pair%%:*}"
    role="${pair#*:}"
    t="$(get_client_token "$client")"
    check_claims "$t" '"'"$role"'" in roles and c.get("azp") == "'"$client"'" and c["exp"] - c["iat"] == 900' \
      "$client (client_credentials): role $role, azp=$client, lifespan 900 s" || fails=$((fails + 1))
  done
  # only the ENT platform's client holds ent-platform (provisioning's SCIM and account activation)
  t="$(get_client_token ent-platform)"
  check_claims "$t" '"ent-platform" in roles' "ent-platform (client_credentials): role ent-platform" || fails=$((fails + 1))
  t="$(get_client_token resource-provider)"
  check_claims "$t" '"ent-platform" not in roles' "resource-provider: no role ent-platform" || fails=$((fails + 1))
  ((fails == 0)) || die "$fails check(s) failed"
  info "all token checks passed"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart)
    cmd_stop
    cmd_start
    ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  verify) cmd_verify ;;
  token)
    [[ -n "${2:-}" ]] || die "usage: $0 token USER [PASSWORD]"
    get_user_token "$2" "${3:-}"
    ;;
  client-token)
    [[ -n "${2:-}" ]] || die "usage: $0 client-token CLIENT_ID [SECRET]"
    get_client_token "$2" "${3:-}"
    ;;
  claims)
    [[ -n "${2:-}" ]] || die "usage: $0 claims JWT"
    jwt_claims "$2"
    ;;
  *)
    echo "usage: $0 start|stop|restart|status|reset|verify|token USER [PASSWORD]|client-token CLIENT_ID [SECRET]|claims JWT" >&2
    exit 2
    ;;
esac
