#!/usr/bin/env bash
# Issue 14: a dump (default the sample, ../shared/data/wikidata/entities.ndjson.gz) through the gateway with
# ./entitybase import, before (one MariaDB transaction per entity, 6 entities of a part at a time: the import as it
# was) and after group commit (CommitStage.commitGrouped, 32 at a time), each into empty databases, in one run; then
# ./entitybase export of what the second import stored (gzip'd). Starts its own gateway, id-allocator and
# entity-service on ports BENCH_PORT..BENCH_PORT+2 (default 18480) against the stack of $STACK_DIR/stack.env (run
# `./entitybase stack up` and build the three modules first).
#   bench/import-sample.sh [--after-only] [DUMP]
# --after-only: only the group-commit import and the export (a large generated dump: bench/DumpGenerator).
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=deploy/local/common.sh
source "$REPO_ROOT/deploy/local/common.sh"
set -a
# shellcheck source=/dev/null
source "$STACK_DIR/stack.env"
set +a
after_only=false
if [[ ${1:-} == --after-only ]]; then after_only=true; shift; fi
DUMP=${1:-${ENTITYBASE_SHARED:-$(cd "$REPO_ROOT/.." && pwd)/shared}/data/wikidata/entities.ndjson.gz}
PORT=${BENCH_PORT:-18480}
API=http://127.0.0.1:$PORT/v1/entitybase
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck source=bench/service-jars.sh
source "$REPO_ROOT/bench/service-jars.sh"

start() { # name port [env…]
  start_jar "$1" "$REPO_ROOT/$1/target/quarkus-app/quarkus-run.jar" "${@:2}"
}

fresh_suite() { # [env for entity-service…]
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  PIDS=()
  mariadb --no-defaults -h127.0.0.1 -P"$VITESS_PORT" -uroot -e "
    DROP DATABASE IF EXISTS entitybase_bench_ids; CREATE DATABASE entitybase_bench_ids CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    DROP DATABASE IF EXISTS entitybase_bench_entity; CREATE DATABASE entitybase_bench_entity CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
  start id-allocator $((PORT + 1)) VITESS_DATABASE=entitybase_bench_ids
  start entity-service $((PORT + 2)) VITESS_DATABASE=entitybase_bench_entity ID_ALLOCATOR_URL=http://127.0.0.1:$((PORT + 1)) "$@"
  start gateway "$PORT" GATEWAY_PORT="$PORT" ENTITY_SERVICE_URL=http://127.0.0.1:$((PORT + 2)) \
    ID_ALLOCATOR_URL=http://127.0.0.1:$((PORT + 1))
}

count=$(gzip -dc "$DUMP" | grep -c '^{' || true)

import_run() { # label
  local started after
  started=$EPOCHREALTIME
  "$REPO_ROOT/deploy/local/import.sh" --api "$API" "$DUMP" | tail -1
  after=$(elapsed_since "$started")
  say "$1: $count entities in ${after}s:" \
    "$(awk -v n="$count" -v s="$after" 'BEGIN { printf "%.1f", n / s }') entities/s (counting the CLI's line count pass)"
  say "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

say "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if ! $after_only; then
  fresh_suite ENTITYBASE_ENTITY_IMPORTS_GROUP_COMMIT=false ENTITYBASE_ENTITY_IMPORTS_CONCURRENCY=6
  import_run "before (a transaction per entity, 6 at a time)"
fi
fresh_suite
import_run "after (group commit, 32 at a time)"
"$REPO_ROOT/deploy/local/export.sh" --api "$API" "$WORK/export.json.gz"
say "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# memory: four clients at once against entity-service's -Xmx (two stream, two wait for a 503's Retry-After)
started=$EPOCHREALTIME
exports=()
for i in 1 2 3 4; do
  "$REPO_ROOT/deploy/local/export.sh" --api "$API" "$WORK/parallel-$i.json.gz" >/dev/null &
  exports+=($!)
done
wait_ok=true
for pid in "${exports[@]}"; do wait "$pid" || wait_ok=false; done
$wait_ok || die "a parallel export failed"
for i in 1 2 3 4; do
  cmp -s <(gzip -dc "$WORK/export.json.gz") <(gzip -dc "$WORK/parallel-$i.json.gz") || die "parallel export $i differs"
done
say "4 parallel exports, all equal to the first, in $(elapsed_since "$started")s; entity-service" \
  "$(grep -c OutOfMemoryError "$WORK/entity-service.log" || true) OutOfMemoryError, heap $(budget entity-service heap) MiB;" \
  "RSS $(ps -o rss= -p "${PIDS[1]}" | awk '{ printf "%d MiB", $1 / 1024 }')"
say "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
