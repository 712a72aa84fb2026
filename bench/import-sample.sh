#!/usr/bin/env bash
# Issue 14: the sample dump (../shared/data/wikidata/entities.ndjson.gz) through the gateway, before (one
# POST /import per entity, as ./entitybase up did) and after (./entitybase import: the import job API), each into
# empty databases, in one run. Starts its own gateway, id-allocator and entity-service on ports 18480-18482 against
# the stack of $STACK_DIR/stack.env (run `./entitybase stack up` and build the three modules first).
#   bench/import-sample.sh [DUMP]
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=deploy/local/common.sh
source "$REPO_ROOT/deploy/local/common.sh"
set -a
# shellcheck source=/dev/null
source "$STACK_DIR/stack.env"
set +a
DUMP=${1:-${ENTITYBASE_SHARED:-$(cd "$REPO_ROOT/.." && pwd)/shared}/data/wikidata/entities.ndjson.gz}
API=http://127.0.0.1:18480/v1/entitybase
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

budget() { sed -n "s/^$1\.$2=\([0-9]*\)$/\1/p" "$REPO_ROOT/deploy/memory-budget.properties"; }

start() { # name port [env…]
  local name=$1 port=$2
  shift 2
  env "$@" "$(java_bin)" -Xmx"$(budget "$name" heap)"m -Dentitybase.memory.caches="$(budget "$name" caches)"M \
    -Dentitybase.memory.admission="$(budget "$name" admission)"M -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.http.port="$port" -jar "$REPO_ROOT/$name/target/quarkus-app/quarkus-run.jar" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  local deadline=$((SECONDS + 120))
  until curl -fs -m 2 -o /dev/null "http://127.0.0.1:$port/q/health/live"; do
    ((SECONDS < deadline)) || die "$name did not start: $(tail -5 "$WORK/$name.log")"
    sleep 1
  done
}

fresh_suite() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  PIDS=()
  mariadb --no-defaults -h127.0.0.1 -P"$VITESS_PORT" -uroot -e "
    DROP DATABASE IF EXISTS entitybase_bench_ids; CREATE DATABASE entitybase_bench_ids CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    DROP DATABASE IF EXISTS entitybase_bench_entity; CREATE DATABASE entitybase_bench_entity CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
  start id-allocator 18481 VITESS_DATABASE=entitybase_bench_ids
  start entity-service 18482 VITESS_DATABASE=entitybase_bench_entity ID_ALLOCATOR_URL=http://127.0.0.1:18481
  start gateway 18480 GATEWAY_PORT=18480 ENTITY_SERVICE_URL=http://127.0.0.1:18482 \
    ID_ALLOCATOR_URL=http://127.0.0.1:18481
}

count=$(gzip -dc "$DUMP" | grep -c '^{' || true)
say "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

fresh_suite
started=$EPOCHREALTIME
ok=0
while IFS= read -r line; do
  line=${line%,}
  [[ $line == '{'* ]] || continue
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$API/import" -H 'Content-Type: application/json' \
    -H 'X-User-ID: 0' --data-binary @- <<<"$line")
  [[ $code == 200 || $code == 201 ]] && ok=$((ok + 1))
done < <(gzip -dc "$DUMP")
before=$(elapsed_since "$started")
say "before (one POST /import per entity): $ok/$count entities in ${before}s:" \
  "$(awk -v n="$ok" -v s="$before" 'BEGIN { printf "%.1f", n / s }') entities/s"
say "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

fresh_suite
started=$EPOCHREALTIME
"$REPO_ROOT/deploy/local/import.sh" --api "$API" "$DUMP" | tail -2
after=$(elapsed_since "$started")
say "after (./entitybase import, the job API): $count entities in ${after}s:" \
  "$(awk -v n="$count" -v s="$after" 'BEGIN { printf "%.1f", n / s }') entities/s (counting the CLI's line count pass)"
say "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
