#!/bin/bash
# Start-up of one service jar on the private stack (issue 9): starts it, polls /q/health/ready every 100 ms, prints
# the wall time to ready, the process's CPU at ready (user+sys from /proc) and Quarkus' "started in", then stops it.
# Usage (in a worktree with `./entitybase stack up` done and the module packaged):
#   bench/startup-time.sh [module] [extra java args...]
#   bench/startup-time.sh entity-service -XX:+CITime                      # + C1/C2 compile times in the log at exit
#   bench/startup-time.sh entity-service -XX:AOTCacheOutput=/tmp/es.aot   # trains an AOT cache (written at exit)
#   bench/startup-time.sh entity-service -XX:AOTCache=/tmp/es.aot
# The log is left in /tmp/startup-<module>.log. PORT (default 18187) must be free.
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:-entity-service}
shift || true
port=${PORT:-18187}
log=/tmp/startup-$module.log
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
set -a
. .stack/stack.env
set +a
budget() { sed -n "s/^$module\.$1=//p" deploy/memory-budget.properties; }
start=$(date +%s.%N)
"$java" -Xmx"$(budget heap)"m -XX:+ExitOnOutOfMemoryError \
  -Dentitybase.memory.caches="$(budget caches)"M -Dentitybase.memory.admission="$(budget admission)"M \
  -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" "$@" \
  -jar "$module/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
  kill -0 "$pid" 2>/dev/null || { echo "$module exited; see $log" >&2; exit 1; }
  sleep 0.1
done
ready=$(date +%s.%N)
read -r utime stime < <(awk '{print $14, $15}' "/proc/$pid/stat")
ticks=$(getconf CLK_TCK)
started=$(grep -o 'started in [0-9.]*s' "$log" | head -1 || true)
printf '%s: ready after %.2f s, CPU %.2f s at ready, %s (load %s)\n' "$module" "$(echo "$ready - $start" | bc)" \
  "$(echo "scale=2; ($utime + $stime) / $ticks" | bc)" "$started" "$(cut -d' ' -f1 /proc/loadavg)"
kill -TERM "$pid"
wait "$pid" || true
trap - EXIT
