# shellcheck shell=bash
# Helpers shared by deploy/local/stack.sh and ./entitybase (sourced, not run).
# Every process is started detached, with its pid in $PID_DIR/<name>.pid and its
# output in $LOG_DIR/<name>.log; a pid only counts as ours while its command line
# still names $STACK_DIR (so a recycled pid is never signalled).

: "${REPO_ROOT:?REPO_ROOT must be set before sourcing common.sh}"
# A checkout's own settings (optional, gitignored): a second checkout on the machine, such as a git worktree, runs
# its own stack beside the first with KEY=VALUE lines in .stack-ports, e.g. MARIADB_PORT=3336 KAFKA_PORT=9392
# KAFKA_CONTROLLER_PORT=9393 S3_PORT=9300 STACK_DIR=/path/to/its/.stack (they win over the environment).
if [[ -f $REPO_ROOT/.stack-ports ]]; then
  set -a
  # shellcheck source=/dev/null
  source "$REPO_ROOT/.stack-ports"
  set +a
fi
STACK_DIR=${STACK_DIR:-$REPO_ROOT/.stack}
PID_DIR=$STACK_DIR/pids
LOG_DIR=$STACK_DIR/logs

say() { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Seconds since $1 (an $EPOCHREALTIME value), one decimal.
elapsed_since() {
  awk -v start="$1" -v now="$EPOCHREALTIME" 'BEGIN { printf "%.1f", now - start }'
}

# The JDK for our JVMs: JAVA_HOME if set, else Temurin 25 (faster, leaner), else PATH.
java_bin() {
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    printf '%s\n' "$JAVA_HOME/bin/java"
  elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    printf '%s\n' /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
  else
    command -v java || die "no java found (set JAVA_HOME)"
  fi
}

pid_file() { printf '%s/%s.pid\n' "$PID_DIR" "$1"; }
log_file() { printf '%s/%s.log\n' "$LOG_DIR" "$1"; }

# Prints the pid of our process NAME and succeeds if it is alive.
running_pid() {
  local file pid
  file=$(pid_file "$1")
  [[ -s $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$STACK_DIR" || return 1
  printf '%s\n' "$pid"
}

# spawn NAME COMMAND... : starts COMMAND detached (own session, survives this shell),
# appending its output to the NAME log. The child writes its own pid before exec,
# so the pid file names the real process whatever wrappers are in between.
spawn() {
  local name=$1 pidf
  shift
  pidf=$(pid_file "$name")
  mkdir -p "$PID_DIR" "$LOG_DIR"
  rm -f "$pidf"
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidf" "$@" </dev/null >>"$(log_file "$name")" 2>&1 &
  local waited=0
  until [[ -s $pidf ]] || ((waited++ > 50)); do sleep 0.02; done
}

# stop_processes GRACE_SECONDS NAME... : SIGTERM to all of them at once, SIGKILL to
# those still alive after the grace period. Says which ones it stopped; fails if none ran.
stop_processes() {
  local grace=$1 name pid
  shift
  local -A pids=()
  for name in "$@"; do
    if pid=$(running_pid "$name"); then
      kill -TERM "$pid" 2>/dev/null || true
      pids[$name]=$pid
    fi
  done
  local deadline=$((SECONDS + grace))
  for name in "${!pids[@]}"; do
    pid=${pids[$name]}
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name (pid $pid) ignored SIGTERM for ${grace}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  for name in "$@"; do
    rm -f "$(pid_file "$name")"
    if [[ -n ${pids[$name]:-} ]]; then say "stopped $name"; fi
  done
  ((${#pids[@]} > 0))
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Resident memory of a pid in MiB (0 if gone).
rss_mib() {
  ps -o rss= -p "$1" 2>/dev/null | awk '{ printf "%d", $1 / 1024 } END { if (NR == 0) printf "0" }'
}

fail_with_log() {
  local name=$1 message=$2 log
  log=$(log_file "$name")
  printf 'error: %s %s\n' "$name" "$message" >&2
  if [[ -s $log ]]; then
    printf -- '--- last lines of %s ---\n' "$log" >&2
    tail -n 40 "$log" >&2
    printf -- '---\n' >&2
  fi
  exit 1
}

# await NAME TIMEOUT_SECONDS COMMAND... : polls COMMAND until it succeeds. Fails
# early, with the log tail, when our process NAME dies; fails at the timeout.
await() {
  local name=$1 timeout=$2
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if [[ -e $(pid_file "$name") ]] && ! running_pid "$name" >/dev/null; then
      fail_with_log "$name" "exited during startup"
    fi
    ((SECONDS < deadline)) || fail_with_log "$name" "not ready after ${timeout}s"
    sleep 0.25
  done
}
