#!/usr/bin/env bash
# The whole ENT suite on this machine, without Docker:
#   PostgreSQL (system service) + Kafka (KRaft) + Keycloak (realm `ent`) + the four services + the web console.
#
# Usage: scripts/local.sh start [--build] [--no-demo]|stop|restart [--build]|status
#
#   start    1. scripts/postgres.sh ensure   (role ent/ent and the service databases)
#            2. scripts/kafka.sh start       (127.0.0.1:9092)
#            3. scripts/keycloak.sh start    (http://localhost:8090, realm ent)
#            4. builds the services and the console (./mvnw -B -q -DskipTests package) if a runnable
#               jar is missing or --build is given
#            5. starts each <module>/target/quarkus-app/quarkus-run.jar (the four services, then the
#               console on port 8080) in the background with
#               the JVM flags of scripts/service-jvm-options (the same as deploy/) and waits
#               until its /q/health/ready is UP (timeout 180 s)
#            6. prints the URLs, how to get a token and how to stop.
#            Idempotent: what already runs is left as is.
#   stop     stops the console, the four services, Keycloak and Kafka (only what these scripts started,
#            by PID file). PostgreSQL is a system service and keeps running.
#   status   one line per component; exit 0 if everything is up, 3 otherwise.
#
# Environment: KAFKA_PORT, KEYCLOAK_PORT (see kafka.sh / keycloak.sh), SERVICE_JVM_OPTIONS (default:
# the line of scripts/service-jvm-options), SERVICE_HEAP (appended after them, e.g. -Xmx384m to
# override the heap; default empty), SERVICE_START_TIMEOUT (default 180), JSON_LOGS (default false).
# State: .state/services/<service>.{log,pid}, .state/services/build.log
set -euo pipefail

LOG_PREFIX="local"
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8090}"
# One line of JVM flags shared by local runs, the benchmark and deploy/ (JDK_JAVA_OPTIONS in common.env).
SERVICE_JVM_OPTIONS="${SERVICE_JVM_OPTIONS:-$(head -n 1 "$SCRIPTS_DIR/service-jvm-options")}"
SERVICE_HEAP="${SERVICE_HEAP:-}"
SERVICE_START_TIMEOUT="${SERVICE_START_TIMEOUT:-180}"
SERVICES_DIR="$STATE_DIR/services"
KC_URL="http://localhost:$KEYCLOAK_PORT"
ISSUER="$KC_URL/realms/ent"

# service-module:http-port (the console last: it calls the four services with the user's token)
SERVICES=(
  membership-service:8081
  project-validation-service:8082
  provisioning-service:8083
  billing-service:8084
  console:8080
)
CONSOLE_PORT=8080

svc_name() { printf '%s' "${1%%:*}"; }
svc_port() { printf '%s' "${1##*:}"; }
svc_jar() { printf '%s' "$REPO_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
# Health, metrics, OpenAPI and Swagger UI are on each service's management interface: HTTP port + 1000 (8081 → 9081).
svc_mgmt_port() { printf '%s' "$(($1 + 1000))"; }
svc_ready_url() { printf 'http://localhost:%s/q/health/ready' "$(svc_mgmt_port "$1")"; }

# ---------------------------------------------------------------------------------------------

build_if_needed() {
  local force="$1" s missing=()
  for s in "${SERVICES[@]}"; do
    [[ -f "$(svc_jar "$(svc_name "$s")")" ]] || missing+=("$(svc_name "$s")")
  done
  if [[ "$force" != "true" && ${#missing[@]} -eq 0 ]]; then
    info "service jars present (use --build to rebuild)"
    return 0
  fi
  if ((${#missing[@]} > 0)); then
    info "missing jars for: ${missing[*]}"
  fi
  mkdir -p "$SERVICES_DIR"
  info "building: ./mvnw -B -q -DskipTests package (log: $SERVICES_DIR/build.log; takes a few minutes)"
  if ! mvnw -B -q -DskipTests package >"$SERVICES_DIR/build.log" 2>&1; then
    show_log_tail "$SERVICES_DIR/build.log" 60
    die "build failed (see $SERVICES_DIR/build.log)"
  fi
  for s in "${SERVICES[@]}"; do
    [[ -f "$(svc_jar "$(svc_name "$s")")" ]] || die "build finished but $(svc_jar "$(svc_name "$s")") is missing"
  done
  info "build done"
}

# Launch one service in the background (no wait). Prints nothing if it already runs.
launch_service() {
  local name="$1" port="$2" jar pid
  jar="$(svc_jar "$name")"
  if pid="$(running_pid "$SERVICES_DIR/$name.pid" "$jar")"; then
    info "$name already running (PID $pid)"
    return 0
  fi
  if port_open 127.0.0.1 "$port"; then
    die "$name: port $port is already used by a process not started by this script; stop it first"
  fi
  if port_open 127.0.0.1 "$(svc_mgmt_port "$port")"; then
    die "$name: management port $(svc_mgmt_port "$port") is already used by a process not started by this script; stop it first"
  fi
  : >"$SERVICES_DIR/$name.log"
  # A local key for provisioning's activation codes, made once and kept with the local state (never committed).
  local hmac_file="$STATE_DIR/activation-hmac.key"
  if [[ ! -s "$hmac_file" ]]; then
    (umask 077 && head -c 32 /dev/urandom | base64 >"$hmac_file")
  fi
  # Run from a neutral directory so no stray .env / config/ in the cwd is picked up.
  # shellcheck disable=SC2086 # the options hold several JVM flags
  (cd "$SERVICES_DIR" && start_background "$SERVICES_DIR/$name.pid" "$SERVICES_DIR/$name.log" \
    env KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    HTTP_PORT="$port" MANAGEMENT_PORT="$(svc_mgmt_port "$port")" \
    OIDC_AUTH_SERVER_URL="$ISSUER" \
    JSON_LOGS="${JSON_LOGS:-false}" \
    ENT_ACTIVATION_HMAC_KEY="$(cat "$hmac_file")" \
    java $SERVICE_JVM_OPTIONS $SERVICE_HEAP -jar "$jar")
  info "$name starting (PID $(read_pid "$SERVICES_DIR/$name.pid"), log $SERVICES_DIR/$name.log)"
}

service_ready() {
  http_ok "$(svc_ready_url "$1")"
}

wait_service() {
  local name="$1" port="$2" pid
  pid="$(read_pid "$SERVICES_DIR/$name.pid")"
  wait_until "$SERVICE_START_TIMEOUT" "$name" "$SERVICES_DIR/$name.log" "$pid" service_ready "$port"
  info "$name ready: $(svc_ready_url "$port")"
}

print_summary() {
  local s name port
  cat <<EOF

================================================================================
 ENT services running locally
================================================================================
 Console (in a browser)      http://localhost:$CONSOLE_PORT/
                             log in as a demo user (password = user name): agent-amiens,
                             ien-amiens-1, teacher-ecole, finance, operator, dsden-agent
 Console health              http://localhost:$(svc_mgmt_port "$CONSOLE_PORT")/q/health/ready

EOF
  for s in "${SERVICES[@]}"; do
    name="$(svc_name "$s")"
    port="$(svc_port "$s")"
    [[ "$name" == "console" ]] && continue
    printf ' %-27s API        http://localhost:%s/\n' "$name" "$port"
    printf ' %-27s Swagger UI http://localhost:%s/q/swagger-ui\n' "" "$(svc_mgmt_port "$port")"
    printf ' %-27s health     http://localhost:%s/q/health/ready\n' "" "$(svc_mgmt_port "$port")"
    printf ' %-27s metrics    http://localhost:%s/q/metrics\n' "" "$(svc_mgmt_port "$port")"
  done
  cat <<EOF

 Keycloak admin console  $KC_URL/admin/   (admin / admin)
 OIDC issuer             $ISSUER
 Kafka bootstrap         127.0.0.1:$KAFKA_PORT
 PostgreSQL              127.0.0.1:5432, user ent / password ent
 Logs                    $SERVICES_DIR/<service>.log, .state/kafka/logs, .state/keycloak/keycloak.log

 Get a user token (password grant, public client ent-cli; demo users' password = username:
 operator, finance, agent-amiens, agent-corbie, agent-departement, ien-amiens-1, ien-amiens-2,
 teacher-ecole, teacher-corbie, dsden-agent):

   TOKEN=\$(curl -s -d grant_type=password -d client_id=ent-cli -d username=operator -d password=operator \\
     $ISSUER/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

 Get a partner token (client credentials; clients dsden-si, ent-platform, resource-provider,
 finance-software, ops-automation; secret = <clientId>-secret):

   TOKEN=\$(curl -s -d grant_type=client_credentials -d client_id=dsden-si -d client_secret=dsden-si-secret \\
     $ISSUER/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

   curl -H "Authorization: Bearer \$TOKEN" http://localhost:8081/...
   (or: TOKEN=\$(scripts/keycloak.sh token operator); scripts/keycloak.sh claims "\$TOKEN")

 Walk the demo journey (README, "Try it"):
   T=\$(scripts/keycloak.sh token agent-amiens);  curl -s -H "Authorization: Bearer \$T" http://localhost:8081/members/218000198/adhesions
   T=\$(scripts/keycloak.sh token ien-amiens-1);  curl -s -H "Authorization: Bearer \$T" 'http://localhost:8082/projects?state=SUBMITTED'
   T=\$(scripts/keycloak.sh token operator);      curl -s -H "Authorization: Bearer \$T" http://localhost:8083/classes

 Stop everything:  scripts/local.sh stop     (PostgreSQL, a system service, keeps running)
================================================================================
EOF
}

# ---------------------------------------------------------------------------------------------

cmd_start() {
  local build="false" demo="true" arg
  for arg in "$@"; do
    case "$arg" in
      --build) build="true" ;;
      --no-demo) demo="false" ;;
      *) die "unknown option: $arg (usage: $0 start [--build] [--no-demo])" ;;
    esac
  done
  "$SCRIPTS_DIR/postgres.sh" ensure
  "$SCRIPTS_DIR/kafka.sh" start
  "$SCRIPTS_DIR/keycloak.sh" start
  build_if_needed "$build"
  mkdir -p "$SERVICES_DIR"
  local s
  # Start all (the four services and the console), then wait for each (they boot in parallel).
  for s in "${SERVICES[@]}"; do
    launch_service "$(svc_name "$s")" "$(svc_port "$s")"
  done
  local failed=()
  for s in "${SERVICES[@]}"; do
    # In a subshell: a failing service (its log tail is shown) does not stop the other checks.
    (wait_service "$(svc_name "$s")" "$(svc_port "$s")") || failed+=("$(svc_name "$s")")
  done
  if ((${#failed[@]} > 0)); then
    die "not ready: ${failed[*]} (logs in $SERVICES_DIR/). The rest is still running;" \
      "fix and re-run '$0 start', or stop everything with '$0 stop'"
  fi
  if [[ "$demo" == "true" ]]; then
    "$SCRIPTS_DIR/demo.sh"
  fi
  print_summary
}

cmd_stop() {
  local i s name
  # Services first (reverse order), then Keycloak and Kafka.
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    s="${SERVICES[$i]}"
    name="$(svc_name "$s")"
    stop_pidfile "$name" "$SERVICES_DIR/$name.pid" "$(svc_jar "$name")" 40
  done
  "$SCRIPTS_DIR/keycloak.sh" stop
  "$SCRIPTS_DIR/kafka.sh" stop
  info "PostgreSQL is a system service and was left running (stop it yourself if you want:" \
    "pg_ctlcluster --skip-systemctl-redirect <version> main stop)"
}

cmd_status() {
  local rc=0 s name port pid
  "$SCRIPTS_DIR/postgres.sh" status || rc=3
  "$SCRIPTS_DIR/kafka.sh" status || rc=3
  "$SCRIPTS_DIR/keycloak.sh" status || rc=3
  for s in "${SERVICES[@]}"; do
    name="$(svc_name "$s")"
    port="$(svc_port "$s")"
    if pid="$(running_pid "$SERVICES_DIR/$name.pid" "$(svc_jar "$name")")"; then
      if service_ready "$port"; then
        LOG_PREFIX="$name" info "running (PID $pid), ready: $(svc_ready_url "$port")"
      else
        LOG_PREFIX="$name" info "running (PID $pid) but NOT ready: $(svc_ready_url "$port")"
        rc=3
      fi
    elif service_ready "$port"; then
      LOG_PREFIX="$name" info "not started by this script, but something answers ready on port $port"
    else
      LOG_PREFIX="$name" info "not running"
      rc=3
    fi
  done
  return "$rc"
}

case "${1:-}" in
  start)
    shift
    cmd_start "$@"
    ;;
  stop) cmd_stop ;;
  restart)
    shift
    cmd_stop
    cmd_start "$@"
    ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start [--build] [--no-demo]|stop|restart [--build]|status" >&2
    exit 2
    ;;
esac
