#!/usr/bin/env bash
# Local PostgreSQL for the ENT services: make sure a server answers on 127.0.0.1:5432 and that
# the role `ent` (password `ent`, CREATEDB: tests create their own databases) and the service databases (plus their *_test twins) exist.
#
# Usage: scripts/postgres.sh ensure|status
#
#   ensure  1. if PostgreSQL answers on 127.0.0.1:$POSTGRES_PORT, use it;
#           2. else if a Debian cluster exists (pg_lsclusters), start it with pg_ctlcluster;
#           3. else install the Debian `postgresql` package (needs root) and start its cluster.
#           Then (idempotently) create/refresh role `ent` LOGIN PASSWORD 'ent' and the databases
#           below, all owned by `ent`, and check that `ent` can log in over TCP.
#   status  exit 0 if the server answers and `ent` can connect to every database, 3 otherwise.
#
# PostgreSQL is a system service: this script never stops it (scripts/local.sh stop leaves it up).
#
# Admin connection: as root via `runuser -u postgres -- psql` (Unix socket, peer auth), else
# `sudo -n -u postgres psql`, else `psql -h 127.0.0.1 -U postgres` (works with trust auth or
# PGPASSWORD / ~/.pgpass).
#
# Environment: POSTGRES_PORT (default 5432).
set -euo pipefail

LOG_PREFIX="postgres"
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_HOST="127.0.0.1"
PG_PORT="${POSTGRES_PORT:-5432}"
ENT_ROLE="ent"
ENT_PASSWORD="ent"
DATABASES=(
  membership project_validation provisioning billing
  membership_test project_validation_test provisioning_test billing_test
)

# ---------------------------------------------------------------------------------------------

server_answers() {
  if command -v pg_isready >/dev/null; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3
  else
    port_open "$PG_HOST" "$PG_PORT"
  fi
}

# Print "<version> <cluster>" of the Debian cluster to use (the one on $PG_PORT, else the first).
find_cluster() {
  command -v pg_lsclusters >/dev/null || return 1
  local ver name port rest first=""
  while read -r ver name port rest; do
    [[ -n "$ver" ]] || continue
    [[ -z "$first" ]] && first="$ver $name"
    if [[ "$port" == "$PG_PORT" ]]; then
      printf '%s %s' "$ver" "$name"
      return 0
    fi
  done < <(pg_lsclusters -h 2>/dev/null)
  [[ -n "$first" ]] || return 1
  printf '%s' "$first"
}

start_cluster() {
  local ver="$1" name="$2"
  info "starting PostgreSQL cluster $ver/$name"
  if [[ "$(id -u)" -eq 0 ]]; then
    pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
  elif [[ "$(id -un)" == "postgres" ]]; then
    pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo -n pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
  else
    die "PostgreSQL cluster $ver/$name is stopped and starting it needs root; run as root:" \
      "pg_ctlcluster --skip-systemctl-redirect $ver $name start"
  fi
}

install_postgres() {
  if [[ "$(id -u)" -ne 0 ]]; then
    die "PostgreSQL is not installed and installing it needs root. Run as root:" \
      "apt-get update && apt-get install -y postgresql   (then re-run $0 ensure)"
  fi
  info "PostgreSQL not found: installing the Debian 'postgresql' package (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql
}

wait_for_server() {
  local i
  for ((i = 0; i < 30; i++)); do
    server_answers && return 0
    sleep 1
  done
  local c
  c="$(find_cluster || true)"
  if [[ -n "$c" ]]; then
    show_log_tail "/var/log/postgresql/postgresql-${c// /-}.log" 30
  fi
  die "PostgreSQL does not answer on $PG_HOST:$PG_PORT after 30s"
}

# Make sure a server answers on 127.0.0.1:$PG_PORT (start or install it if needed).
ensure_server() {
  if server_answers; then
    info "PostgreSQL answers on $PG_HOST:$PG_PORT"
    return 0
  fi
  local cluster
  if ! cluster="$(find_cluster)"; then
    install_postgres
    cluster="$(find_cluster)" || die "no PostgreSQL cluster after installing the package" \
      "(create one: pg_createcluster <version> main --start)"
  fi
  # shellcheck disable=SC2086 # "<version> <name>" -> two arguments
  server_answers || start_cluster $cluster
  wait_for_server
  info "PostgreSQL answers on $PG_HOST:$PG_PORT"
}

# Run psql as a superuser, reading SQL from stdin. Chooses the first admin access that works.
PSQL_ADMIN=()
choose_admin_access() {
  ((${#PSQL_ADMIN[@]} == 0)) || return 0
  local -a candidates=()
  if [[ "$(id -u)" -eq 0 ]] && command -v runuser >/dev/null; then
    candidates+=("runuser -u postgres -- psql -p $PG_PORT")
  fi
  if [[ "$(id -un)" == "postgres" ]]; then
    candidates+=("psql -p $PG_PORT")
  fi
  if [[ "$(id -u)" -ne 0 ]] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    candidates+=("sudo -n -u postgres psql -p $PG_PORT")
  fi
  candidates+=("psql -h $PG_HOST -p $PG_PORT -U postgres -w")
  local c
  for c in "${candidates[@]}"; do
    # shellcheck disable=SC2086 # split the candidate command line into words
    if (cd / && $c -X -q -tA -d postgres -c 'select 1') >/dev/null 2>&1; then
      read -r -a PSQL_ADMIN <<<"$c"
      return 0
    fi
  done
  die "cannot connect to PostgreSQL as the 'postgres' superuser (tried: ${candidates[*]})." \
    "Run as root, or set PGPASSWORD for user postgres."
}

psql_admin() {
  choose_admin_access
  # cd / so that runuser'ed psql does not complain about an unreadable cwd.
  (cd / && "${PSQL_ADMIN[@]}" -X -q -v ON_ERROR_STOP=1 -d postgres "$@")
}

ensure_role_and_databases() {
  info "ensuring role '$ENT_ROLE' and databases: ${DATABASES[*]}"
  {
    cat <<EOF
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ENT_ROLE') THEN
    CREATE ROLE $ENT_ROLE LOGIN CREATEDB PASSWORD '$ENT_PASSWORD';
  ELSE
    ALTER ROLE $ENT_ROLE LOGIN CREATEDB PASSWORD '$ENT_PASSWORD';
  END IF;
END
\$\$;
EOF
    local db
    for db in "${DATABASES[@]}"; do
      # CREATE DATABASE cannot run inside DO/transactions: generate it and \gexec it.
      cat <<EOF
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', '$db', '$ENT_ROLE', 'UTF8')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$db') \gexec
ALTER DATABASE $db OWNER TO $ENT_ROLE;
EOF
    done
  } | psql_admin -f - >/dev/null
}

# True if `ent` can log in over TCP to database $1 with its password.
ent_can_connect() {
  PGPASSWORD="$ENT_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -q -tA -w -h "$PG_HOST" -p "$PG_PORT" \
    -U "$ENT_ROLE" -d "$1" -c 'select 1' >/dev/null 2>&1
}

check_databases() {
  local db bad=()
  for db in "${DATABASES[@]}"; do
    ent_can_connect "$db" || bad+=("$db")
  done
  if ((${#bad[@]} > 0)); then
    info "role '$ENT_ROLE' cannot connect over TCP to: ${bad[*]}"
    return 1
  fi
  return 0
}

# ---------------------------------------------------------------------------------------------

cmd_ensure() {
  ensure_server
  ensure_role_and_databases
  if ! check_databases; then
    # Print the real error for the first database.
    PGPASSWORD="$ENT_PASSWORD" psql -X -w -h "$PG_HOST" -p "$PG_PORT" -U "$ENT_ROLE" \
      -d "${DATABASES[0]}" -c 'select 1' >&2 || true
    die "the role '$ENT_ROLE' cannot log in over TCP ($PG_HOST:$PG_PORT) with password '$ENT_PASSWORD'." \
      "Check pg_hba.conf: 'host all all 127.0.0.1/32 scram-sha-256' (or md5/trust) is needed."
  fi
  info "ready: jdbc:postgresql://$PG_HOST:$PG_PORT/<db> user=$ENT_ROLE password=$ENT_PASSWORD" \
    "(dbs: ${DATABASES[*]})"
}

cmd_status() {
  if ! server_answers; then
    info "PostgreSQL not answering on $PG_HOST:$PG_PORT"
    return 3
  fi
  if check_databases; then
    info "running on $PG_HOST:$PG_PORT; role '$ENT_ROLE' can connect to all ${#DATABASES[@]} databases"
    return 0
  fi
  info "running on $PG_HOST:$PG_PORT but not fully set up; run: $0 ensure"
  return 3
}

case "${1:-}" in
  ensure | start) cmd_ensure ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 ensure|status" >&2
    exit 2
    ;;
esac
