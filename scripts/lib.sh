# shellcheck shell=bash
# Shared helpers for the local-environment scripts (kafka.sh, postgres.sh, keycloak.sh, local.sh).
# Source it, do not execute it:   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Conventions
#   * REPO_ROOT is resolved from this file's location, so the scripts work from any cwd.
#   * Every piece of runtime state lives under $REPO_ROOT/.state/ (gitignored).
#   * A background process we start is launched in its own session (setsid) by a tiny bash
#     wrapper that writes its own PID to the PID file and then exec's the real command, so the
#     PID file always holds the PID of the real process, which is also its process-group id.
#   * We only ever stop a process whose PID file we wrote AND whose /proc/PID/cmdline still
#     contains an expected marker (a path under .state/ or the repo); otherwise we leave it alone.

# Guard against double sourcing.
if [[ -n "${ENT_LIB_SH_LOADED:-}" ]]; then return 0; fi
ENT_LIB_SH_LOADED=1

SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPTS_DIR/.." && pwd -P)"
STATE_DIR="$REPO_ROOT/.state"
export SCRIPTS_DIR REPO_ROOT STATE_DIR

# ---------------------------------------------------------------------------------------------
# Output helpers. LOG_PREFIX is set by each script (e.g. "kafka").
# ---------------------------------------------------------------------------------------------
LOG_PREFIX="${LOG_PREFIX:-local}"

info() { printf '[%s] %s\n' "$LOG_PREFIX" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "$LOG_PREFIX" "$*" >&2; }
die() {
  printf '[%s] ERROR: %s\n' "$LOG_PREFIX" "$*" >&2
  exit 1
}

# show_log_tail FILE [LINES] : print the last lines of a log file to stderr (for failures).
show_log_tail() {
  local file="$1" lines="${2:-40}"
  if [[ -s "$file" ]]; then
    printf '[%s] ----- last %s lines of %s -----\n' "$LOG_PREFIX" "$lines" "$file" >&2
    tail -n "$lines" "$file" >&2 || true
    printf '[%s] ----- end of %s -----\n' "$LOG_PREFIX" "$file" >&2
  else
    printf '[%s] (log file %s is empty or missing)\n' "$LOG_PREFIX" "$file" >&2
  fi
}

# ---------------------------------------------------------------------------------------------
# Network helpers
# ---------------------------------------------------------------------------------------------

# port_open HOST PORT : true if something accepts TCP connections on HOST:PORT (bash /dev/tcp).
port_open() {
  local host="$1" port="$2"
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# http_ok URL : true if URL answers with a 2xx status within 5 s.
http_ok() {
  curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null
}

# ---------------------------------------------------------------------------------------------
# Process helpers (PID files)
# ---------------------------------------------------------------------------------------------

# read_pid PIDFILE : print the PID stored in PIDFILE (nothing if missing/invalid).
read_pid() {
  local pidfile="$1" pid=""
  [[ -f "$pidfile" ]] || return 0
  read -r pid <"$pidfile" || true
  [[ "$pid" =~ ^[0-9]+$ ]] && printf '%s' "$pid"
  return 0
}

# pid_matches PID MARKER : true if process PID is alive and its command line contains MARKER.
pid_matches() {
  local pid="$1" marker="$2" cmdline
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ -n "$cmdline" && "$cmdline" == *"$marker"* ]]
}

# running_pid PIDFILE MARKER : print the PID if the PID file points to our live process.
# A stale PID file (dead process, or PID reused by something else) is removed.
running_pid() {
  local pidfile="$1" marker="$2" pid
  pid="$(read_pid "$pidfile")"
  if [[ -n "$pid" ]] && pid_matches "$pid" "$marker"; then
    printf '%s' "$pid"
    return 0
  fi
  if [[ -f "$pidfile" ]]; then
    rm -f "$pidfile"
  fi
  return 1
}

# start_background PIDFILE LOGFILE CMD [ARGS...]
# Start CMD detached (new session, immune to SIGHUP, stdin from /dev/null, stdout+stderr
# appended to LOGFILE). The wrapper writes its PID then exec's CMD, so PIDFILE holds CMD's PID.
# Extra environment for CMD can be passed with `env VAR=value ...` as CMD.
start_background() {
  local pidfile="$1" logfile="$2"
  shift 2
  mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
  rm -f "$pidfile"
  # shellcheck disable=SC2016 # $$ and "$@" must expand in the child bash, not here.
  setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 &
  # Wait (max 5 s) for the wrapper to write the PID file.
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s "$pidfile" ]] && return 0
    sleep 0.1
  done
  die "could not start '$1' (no PID file $pidfile after 5 s)"
}

# stop_pidfile NAME PIDFILE MARKER [TIMEOUT_SECONDS]
# Stop the process recorded in PIDFILE if, and only if, it is still our process (cmdline
# contains MARKER). SIGTERM to its process group (it is a session leader we created), wait up
# to TIMEOUT seconds, then SIGKILL. Returns 0 when nothing of ours is left running.
stop_pidfile() {
  local name="$1" pidfile="$2" marker="$3" timeout="${4:-30}" pid target i
  pid="$(read_pid "$pidfile")"
  if [[ -z "$pid" ]]; then
    info "$name: not running (no PID file)"
    rm -f "$pidfile"
    return 0
  fi
  if ! pid_matches "$pid" "$marker"; then
    info "$name: not running (stale PID file for PID $pid removed; that PID is not ours)"
    rm -f "$pidfile"
    return 0
  fi
  # Signal the whole process group only if the PID leads its own group (started via setsid),
  # so helper children (e.g. Keycloak's kc.sh -> java) are stopped too.
  target="$pid"
  if [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]]; then
    target="-$pid"
  fi
  info "$name: stopping PID $pid (SIGTERM, up to ${timeout}s)"
  kill -TERM -- "$target" 2>/dev/null || true
  for ((i = 0; i < timeout * 2; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      # Let the rest of the group go too (it got the same SIGTERM).
      rm -f "$pidfile"
      info "$name: stopped"
      return 0
    fi
    sleep 0.5
  done
  warn "$name: PID $pid still alive after ${timeout}s, sending SIGKILL"
  kill -KILL -- "$target" 2>/dev/null || true
  sleep 1
  if kill -0 "$pid" 2>/dev/null; then
    die "$name: could not kill PID $pid"
  fi
  rm -f "$pidfile"
  info "$name: killed"
}

# wait_until TIMEOUT_SECONDS DESCRIPTION LOGFILE PID CHECK_CMD [ARGS...]
# Poll CHECK_CMD every 2 s until it succeeds. Fails (with the log tail) on timeout or as soon
# as process PID dies (PID may be empty to skip that check).
wait_until() {
  local timeout="$1" what="$2" logfile="$3" pid="$4"
  shift 4
  local start now
  start="$(date +%s)"
  while true; do
    if "$@"; then
      return 0
    fi
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail "$logfile" 60
      die "$what: process $pid exited before becoming ready (see $logfile)"
    fi
    now="$(date +%s)"
    if ((now - start >= timeout)); then
      show_log_tail "$logfile" 60
      die "$what: not ready after ${timeout}s (see $logfile)"
    fi
    sleep 2
  done
}

# mvnw ARGS... : run the repository's Maven wrapper (from the repo root).
mvnw() {
  (cd "$REPO_ROOT" && ./mvnw "$@")
}
