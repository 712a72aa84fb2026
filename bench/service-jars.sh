# Sourced by the bench scripts: start a service's packaged jar on a port with its heap and cache budget
# (deploy/memory-budget.properties), logged to $WORK/<name>.log, its pid appended to PIDS; returns once it is ready.
# Needs REPO_ROOT, WORK, PIDS and deploy/local/common.sh.

budget() { sed -n "s/^$1\.$2=\([0-9]*\)$/\1/p" "$REPO_ROOT/deploy/memory-budget.properties"; }

start_jar() { # name jar port [env…]
  local name=$1 jar=$2 port=$3
  shift 3
  env "$@" "$(java_bin)" -Xmx"$(budget "$name" heap)"m -Dentitybase.memory.caches="$(budget "$name" caches)"M \
    -Dentitybase.memory.admission="$(budget "$name" admission)"M -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.http.port="$port" -jar "$jar" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  local deadline=$((SECONDS + 180))
  until curl -fs -m 2 -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    ((SECONDS < deadline)) || die "$name did not start: $(tail -5 "$WORK/$name.log")"
    sleep 1
  done
}
