#!/usr/bin/env bash
# Issue 14: client creates and edits (bench LoadDriver's create and edit scenarios, 1 and 8 clients) straight against
# entity-service, before and after group commit of client writes, alternating, each run on empty databases. Starts its
# own id-allocator and entity-service on ports BENCH_PORT+1, +2 (default 18590) against the stack of
# $STACK_DIR/stack.env (run `./entitybase stack up` and package id-allocator, entity-service and bench first).
#   bench/edit-group-commit.sh [ROUNDS] [BEFORE_DIR]
# BEFORE_DIR: a copy of another build's jars (<dir>/entity-service/quarkus-run.jar, <dir>/id-allocator/…, e.g. main's)
# for "before"; without it "before" is this build with ENTITYBASE_ENTITY_WRITE_GROUP_COMMIT=false.
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=deploy/local/common.sh
source "$REPO_ROOT/deploy/local/common.sh"
set -a
# shellcheck source=/dev/null
source "$STACK_DIR/stack.env"
set +a
ROUNDS=${1:-2}
BEFORE_DIR=${2:-}
PORT=${BENCH_PORT:-18590}
SECONDS_PER_RUN=${BENCH_SECONDS:-15}
WORK=$(mktemp -d)
PIDS=()
stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  PIDS=()
}
trap 'stop_all; rm -rf "$WORK"' EXIT

# shellcheck source=bench/service-jars.sh
source "$REPO_ROOT/bench/service-jars.sh"

run() { # label jar-dir [env for entity-service…]
  local label=$1 dir=$2
  shift 2
  stop_all
  mariadb --no-defaults -h127.0.0.1 -P"$VITESS_PORT" -uroot -e "
    DROP DATABASE IF EXISTS entitybase_bench_ids; CREATE DATABASE entitybase_bench_ids CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    DROP DATABASE IF EXISTS entitybase_bench_entity; CREATE DATABASE entitybase_bench_entity CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
  start_jar id-allocator "$dir/id-allocator/quarkus-run.jar" $((PORT + 1)) VITESS_DATABASE=entitybase_bench_ids
  start_jar entity-service "$dir/entity-service/quarkus-run.jar" $((PORT + 2)) VITESS_DATABASE=entitybase_bench_entity \
    ID_ALLOCATOR_URL=http://127.0.0.1:$((PORT + 1)) "$@"
  say "$label: load average before $(cut -d' ' -f1-3 /proc/loadavg)"
  "$(java_bin)" -cp "$REPO_ROOT/bench/target/benchmarks.jar" org.entitybase.bench.load.LoadDriver \
    --base "http://127.0.0.1:$((PORT + 2))/v1/entitybase" --clients 8 --seconds "$SECONDS_PER_RUN" --warmup 5 \
    --scenarios create,edit | sed "s/^/[$label] /"
  curl -fs "http://127.0.0.1:$((PORT + 2))/q/metrics" |
    grep -E '^entitybase_(write_group_size|entity_write_stage_seconds)_(sum|count)' | sed "s/^/[$label] /" || true
  say "$label: load average after $(cut -d' ' -f1-3 /proc/loadavg)"
}

after_dir=$WORK/after
mkdir -p "$after_dir"
ln -s "$REPO_ROOT/entity-service/target/quarkus-app" "$after_dir/entity-service"
ln -s "$REPO_ROOT/id-allocator/target/quarkus-app" "$after_dir/id-allocator"
for ((round = 1; round <= ROUNDS; round++)); do
  if [[ -n $BEFORE_DIR ]]; then
    run "before $round" "$BEFORE_DIR"
  else
    run "before $round" "$after_dir" ENTITYBASE_ENTITY_WRITE_GROUP_COMMIT=false
  fi
  run "after $round" "$after_dir"
done
