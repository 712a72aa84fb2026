#!/usr/bin/env bash
# Keeps one service process running, as Kubernetes restarts a container that exits.
#   supervise.sh NAME PID_FILE RESTARTS_FILE LOG_FILE COMMAND...
# Runs COMMAND with its output appended to LOG_FILE and its pid in PID_FILE. When it exits for any reason other
# than our own SIGTERM, logs why and starts it again after a delay that doubles from 1 s up to 30 s while it keeps
# failing within a minute of starting (Kubernetes' CrashLoopBackOff, shortened for one machine). RESTARTS_FILE
# holds the number of restarts so far. SIGTERM stops the service (forwarded, waited for) and then the supervisor.
# With AOT_CACHE set (a file path; COMMAND must start with a JDK 25+ `java`), each start uses that AOT cache when it
# exists and otherwise records it, so that it is written when the service next stops (docs/DECISIONS.md, start-up).
# A restart does not run the database migrations (FLYWAY_MIGRATE_AT_START=false): the first start ran them, as the
# migration Job does on Kubernetes, and the restart is the same jar. With READY_URL set, each start runs with a
# CPU boost (niceness BOOST_NICE, default -15, where the user may lower it) until READY_URL answers 200 or
# BOOST_SECONDS (60) pass; then every thread of the service goes back to niceness 0 (docs/DECISIONS.md "Start-up
# CPU boost").
set -uo pipefail

name=$1 pid_file=$2 restarts_file=$3 log=$4
shift 4

readonly MIN_DELAY=1 MAX_DELAY=30 STABLE_AFTER=60
readonly BOOST_NICE=${BOOST_NICE:--15} BOOST_SECONDS=${BOOST_SECONDS:-60}
stopping=0 child=0 restarts=0 delay=$MIN_DELAY

note() { printf '%s [supervisor] %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >>"$log"; }

# Whether starts get the CPU boost: a readiness URL to end it, and the right to lower niceness (root, CAP_SYS_NICE).
boost=0
if [[ -n ${READY_URL:-} ]] && nice -n "$BOOST_NICE" true 2>/dev/null; then boost=1; fi

# Ends the boost of process $1 once READY_URL answers 200, it exits, or BOOST_SECONDS pass.
end_boost() {
  local pid=$1 until=$((SECONDS + BOOST_SECONDS)) task
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < until)); do
    if curl -fs -o /dev/null --max-time 1 "$READY_URL"; then break; fi
    sleep 0.2
  done
  # niceness is per thread on Linux: every thread the JVM started inherited the boost
  for task in /proc/"$pid"/task/*; do renice -n 0 -p "${task##*/}" >/dev/null 2>&1; done
}

on_term() {
  stopping=1
  if ((child > 0)); then kill -TERM "$child" 2>/dev/null; fi
}
trap on_term TERM INT

printf '0\n' >"$restarts_file"
while true; do
  started=$SECONDS
  launch=("$@")
  if [[ -n ${AOT_CACHE:-} ]]; then
    if [[ -s $AOT_CACHE ]]; then aot=-XX:AOTCache=$AOT_CACHE; else aot=-XX:AOTCacheOutput=$AOT_CACHE; fi
    launch=("$1" "$aot" "${@:2}")
  fi
  if ((restarts > 0)); then launch=(env FLYWAY_MIGRATE_AT_START=false "${launch[@]}"); fi
  if ((boost)); then launch=(nice -n "$BOOST_NICE" "${launch[@]}"); fi
  # env and nice exec the command: $! is the service's own pid
  "${launch[@]}" </dev/null >>"$log" 2>&1 &
  child=$!
  printf '%s\n' "$child" >"$pid_file"
  if ((boost)); then end_boost "$child" & fi
  # `wait` returns early when a trapped signal arrives: wait again until the child is really gone.
  wait "$child"
  code=$?
  while kill -0 "$child" 2>/dev/null; do
    wait "$child"
    code=$?
  done
  child=0
  if ((stopping)); then
    note "$name stopped (exit code $code)"
    exit 0
  fi
  uptime=$((SECONDS - started))
  if ((uptime >= STABLE_AFTER)); then delay=$MIN_DELAY; fi
  restarts=$((restarts + 1))
  printf '%s\n' "$restarts" >"$restarts_file"
  note "$name exited with code $code after ${uptime}s; restart #$restarts in ${delay}s"
  sleep "$delay" &
  wait $! || true
  if ((stopping)); then
    note "$name not restarted: supervisor stopped"
    exit 0
  fi
  delay=$((delay * 2 > MAX_DELAY ? MAX_DELAY : delay * 2))
done
