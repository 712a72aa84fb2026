#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# The local stack the services and integration tests run against, without containers:
#   MariaDB  (stands in for Vitess: one database per keyspace)  127.0.0.1:$MARIADB_PORT
#   Kafka    (single node, KRaft)                               127.0.0.1:$KAFKA_PORT
#   S3       (s3proxy, filesystem backend)                      127.0.0.1:$S3_PORT
# Usage: stack.sh up|down|status|logs [-f] [name]|reset|test-databases
# All state lives under $STACK_DIR (default <repo>/.stack). A server already answering
# on a port is used as it is and never stopped: `down` stops only what `up` started.
# `up` writes the endpoints to $STACK_DIR/stack.env (KEY=VALUE) for services and tests.
# The facts behind the choices are in the design notes (LOCAL-STACK.md).
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=common.sh
source "$REPO_ROOT/deploy/local/common.sh"

MARIADB_PORT=${MARIADB_PORT:-3306}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_PARTITIONS=${KAFKA_PARTITIONS:-4}
S3_PORT=${S3_PORT:-9000}
S3_ACCESS_KEY=${S3_ACCESS_KEY:-entitybase}
S3_SECRET_KEY=${S3_SECRET_KEY:-entitybase-secret}
STACK_TIMEOUT=${STACK_TIMEOUT:-90}

TOOLS_DIR=$REPO_ROOT/deploy/local/tools
LIB_DIR=$STACK_DIR/lib
DATA_DIR=$STACK_DIR/data
CONF_DIR=$STACK_DIR/conf
KAFKA_VERSION=4.4.0
S3PROXY_JAR=$LIB_DIR/s3proxy/s3proxy-4.1.0-jar-with-dependencies.jar

DATABASES=(entitybase_ids entitybase_entity entitybase_statement entitybase_user entitybase_stats entitybase_rdf)
# the suite's buckets, and the tests' own: a test never writes where `./entitybase up` keeps its data
BUCKETS=(entitybase-content entitybase-revisions entitybase-test-content entitybase-test-revisions)
TOPICS=(entitybase.entity_change entitybase.entity_diff entitybase.entity_change.dlq entitybase.entity_diff.dlq)

# ---------------------------------------------------------------- tools

# Kafka and s3proxy come from Maven Central through deploy/local/tools/pom.xml.
fetch_tools() {
  if [[ -f $LIB_DIR/kafka/kafka_2.13-$KAFKA_VERSION.jar && -f $S3PROXY_JAR ]]; then
    return
  fi
  say "fetching Kafka $KAFKA_VERSION and s3proxy from Maven Central into $LIB_DIR"
  mvn -B -f "$TOOLS_DIR/pom.xml" -Dstack.lib="$LIB_DIR" \
    dependency:copy-dependencies@kafka dependency:copy-dependencies@s3proxy >"$(log_file tools-fetch)" 2>&1 ||
    fail_with_log tools-fetch "could not fetch Kafka and s3proxy from Maven Central"
}

# ---------------------------------------------------------------- MariaDB

mariadb_answers() {
  if command -v mariadb-admin >/dev/null; then
    mariadb-admin --no-defaults --connect-timeout=2 -h127.0.0.1 -P"$MARIADB_PORT" -uroot ping >/dev/null 2>&1
  else
    port_open "$MARIADB_PORT"
  fi
}

install_mariadb() {
  say "mariadbd not found: installing mariadb-server from Debian (does not start a service)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q mariadb-server >/dev/null ||
    { apt-get update -q >/dev/null && apt-get install -y -q mariadb-server >/dev/null; } ||
    die "apt-get install mariadb-server failed"
}

# A private server, only when nothing answers on the port (project machines run one).
start_mariadb() {
  if running_pid mariadb >/dev/null || mariadb_answers; then
    return
  fi
  [[ -x /usr/sbin/mariadbd ]] || command -v mariadbd >/dev/null || install_mariadb
  local datadir=$DATA_DIR/mariadb
  if [[ ! -d $datadir/mysql ]]; then
    mkdir -p "$datadir"
    # normal root auth: the default (unix_socket) refuses root over TCP with ERROR 1698
    mariadb-install-db --no-defaults --datadir="$datadir" --user="$(id -un)" \
      --auth-root-authentication-method=normal --skip-test-db >>"$(log_file mariadb)" 2>&1 ||
      fail_with_log mariadb "mariadb-install-db failed"
  fi
  say "starting a private MariaDB on 127.0.0.1:$MARIADB_PORT"
  spawn mariadb "$(PATH=$PATH:/usr/sbin command -v mariadbd)" --no-defaults \
    --datadir="$datadir" --port="$MARIADB_PORT" --bind-address=127.0.0.1 \
    --socket="$DATA_DIR/mariadb.sock" --pid-file="$DATA_DIR/mariadb.pid" \
    --user="$(id -un)" --skip-log-bin --log-error="$(log_file mariadb)" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_bin
}

create_databases() {
  local sql="" db
  for db in "${DATABASES[@]}"; do
    sql+="CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
  done
  mariadb --no-defaults -h127.0.0.1 -P"$MARIADB_PORT" -uroot -e "$sql" ||
    die "could not create the databases on 127.0.0.1:$MARIADB_PORT"
  say "  databases ${DATABASES[*]}"
}

# Tests get their own databases (entitybase_test_<keyspace>), new for every test run: each run
# migrates from an empty schema, and never touches the data of a suite started by `up`.
cmd_test_databases() {
  local sql="" db
  for db in "${DATABASES[@]}"; do
    db=entitybase_test_${db#entitybase_}
    sql+="DROP DATABASE IF EXISTS \`$db\`; CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
  done
  mariadb --no-defaults -h127.0.0.1 -P"$MARIADB_PORT" -uroot -e "$sql" ||
    die "could not create the test databases on 127.0.0.1:$MARIADB_PORT"
  say "fresh test databases: ${DATABASES[*]/entitybase_/entitybase_test_}"
}

# ---------------------------------------------------------------- Kafka

write_kafka_config() {
  mkdir -p "$CONF_DIR/kafka" "$DATA_DIR/kafka"
  cat >"$CONF_DIR/kafka/server.properties" <<EOF
# generated by deploy/local/stack.sh: single node, broker and controller in one JVM
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR/kafka
num.partitions=$KAFKA_PARTITIONS
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# two cores: keep the thread pools small
num.network.threads=2
num.io.threads=2
background.threads=2
EOF
  write_kafka_log_config
}

# Only the start/stop milestones at INFO; everything else from WARN up. Also used by the topic tool, which runs when
# Kafka is external too.
write_kafka_log_config() {
  mkdir -p "$CONF_DIR/kafka"
  cat >"$CONF_DIR/kafka/log4j2.properties" <<'EOF'
status = warn
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d{ISO8601}] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.out.ref = out
logger.raftserver.name = kafka.server.KafkaRaftServer
logger.raftserver.level = INFO
logger.runtime.name = kafka.Kafka$
logger.runtime.level = INFO
EOF
}

# The broker and its storage tool share one JVM command line.
kafka_jvm() {
  KAFKA_JVM=("$(java_bin)" -Xms64m -Xmx256m -XX:+ExitOnOutOfMemoryError
    -Dlog4j2.configurationFile="$CONF_DIR/kafka/log4j2.properties" -cp "$LIB_DIR/kafka/*")
}

# KRaft storage is formatted once, with a fresh cluster id (a URL-safe base64 UUID).
format_kafka_once() {
  [[ -f $DATA_DIR/kafka/meta.properties ]] && return
  local cluster_id
  cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
  # one id in 64 starts with '-', which the tool's parser reads as an option ("--cluster-id: expected one argument")
  cluster_id=${cluster_id/#-/A}
  "${KAFKA_JVM[@]}" kafka.tools.StorageTool format -t "$cluster_id" \
    -c "$CONF_DIR/kafka/server.properties" >>"$(log_file kafka)" 2>&1 ||
    fail_with_log kafka "storage format failed"
}

start_kafka() {
  if running_pid kafka >/dev/null; then
    return
  fi
  if port_open "$KAFKA_PORT"; then
    say "port $KAFKA_PORT already answers: using that Kafka as it is"
    return
  fi
  write_kafka_config
  kafka_jvm
  format_kafka_once
  say "starting Kafka on 127.0.0.1:$KAFKA_PORT"
  spawn kafka "${KAFKA_JVM[@]}" kafka.Kafka "$CONF_DIR/kafka/server.properties"
}

# KafkaTopics.java is compiled once into lib/ (a source-file launch recompiles every time)
# and runs on just the client jars with C1 only: the whole call then takes about a second.
admin_classpath() {
  local jars=("$LIB_DIR"/kafka/{kafka-clients,slf4j-api,log4j-api,log4j-core,log4j-slf4j-impl}-*.jar)
  local IFS=:
  printf '%s\n' "$LIB_DIR/tools:${jars[*]}"
}

compile_kafka_topics() {
  local source=$TOOLS_DIR/KafkaTopics.java class=$LIB_DIR/tools/KafkaTopics.class
  [[ -f $class && $class -nt $source ]] && return
  "$(dirname "$(java_bin)")/javac" --release 17 -nowarn -d "$LIB_DIR/tools" -cp "$(admin_classpath)" "$source" ||
    die "could not compile $source"
}

# Readiness is a real topic listing; the same JVM then creates the missing topics.
create_topics() {
  compile_kafka_topics
  [[ -f $CONF_DIR/kafka/log4j2.properties ]] || write_kafka_log_config
  "$(java_bin)" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m \
    -Dlog4j2.configurationFile="$CONF_DIR/kafka/log4j2.properties" -cp "$(admin_classpath)" KafkaTopics \
    "127.0.0.1:$KAFKA_PORT" "$STACK_TIMEOUT" "$KAFKA_PARTITIONS" "${TOPICS[@]}" 2>>"$(log_file kafka-admin)" ||
    fail_with_log kafka "did not answer the admin client (admin log: $(log_file kafka-admin))"
}

# ---------------------------------------------------------------- S3

write_s3proxy_config() {
  mkdir -p "$CONF_DIR" "$DATA_DIR/s3"
  cat >"$CONF_DIR/s3proxy.properties" <<EOF
# generated by deploy/local/stack.sh
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS_KEY
s3proxy.credential=$S3_SECRET_KEY
s3proxy.virtual-host=
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DATA_DIR/s3
EOF
}

start_s3proxy() {
  if running_pid s3proxy >/dev/null; then
    return
  fi
  if port_open "$S3_PORT"; then
    say "port $S3_PORT already answers: using that S3 as it is"
    return
  fi
  write_s3proxy_config
  say "starting s3proxy on 127.0.0.1:$S3_PORT"
  # LOG_LEVEL is read by s3proxy's logback config; per-request lines are DEBUG
  # (the NOP status listener keeps logback's own configuration chatter out of the log)
  LOG_LEVEL=${S3PROXY_LOG_LEVEL:-info} spawn s3proxy "$(java_bin)" -Xms32m -Xmx256m \
    -XX:+ExitOnOutOfMemoryError -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener -jar "$S3PROXY_JAR" --properties "$CONF_DIR/s3proxy.properties"
}

# Readiness is a SigV4-signed request (the services' own credentials); it also creates the buckets.
create_buckets() {
  python3 "$TOOLS_DIR/s3_buckets.py" "http://127.0.0.1:$S3_PORT" "$S3_ACCESS_KEY" "$S3_SECRET_KEY" \
    "$STACK_TIMEOUT" "${BUCKETS[@]}" || fail_with_log s3proxy "did not accept the signed bucket requests"
}

# ---------------------------------------------------------------- commands

# Endpoints for services and integration tests, named as the services' environment variables: KEY=VALUE, readable by bash and java.util.Properties.
write_stack_env() {
  cat >"$STACK_DIR/stack.env" <<EOF
# written by deploy/local/stack.sh up
# Names as the services read them (README "Configuration"). Not KAFKA_PARTITIONS: a service would read it as the
# Kafka connector's global \`partitions\` and run that many consumers per channel, merged into one stream.
VITESS_HOST=127.0.0.1
VITESS_PORT=$MARIADB_PORT
VITESS_USER=root
KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT
S3_ENDPOINT=http://127.0.0.1:$S3_PORT
S3_ACCESS_KEY=$S3_ACCESS_KEY
S3_SECRET_KEY=$S3_SECRET_KEY
S3_REGION=us-east-1
EOF
}

cmd_up() {
  local started=$EPOCHREALTIME
  mkdir -p "$LIB_DIR" "$DATA_DIR" "$CONF_DIR" "$LOG_DIR" "$PID_DIR"
  fetch_tools
  # Start everything first, then wait: the JVM warm-ups overlap on the two cores.
  start_mariadb
  start_s3proxy
  start_kafka

  await mariadb "$STACK_TIMEOUT" mariadb_answers
  create_databases
  await s3proxy "$STACK_TIMEOUT" port_open "$S3_PORT"
  create_buckets
  await kafka "$STACK_TIMEOUT" port_open "$KAFKA_PORT"
  create_topics

  write_stack_env
  say "stack up in $(elapsed_since "$started")s (endpoints: $STACK_DIR/stack.env)"
  cmd_status
}

cmd_down() {
  local ours_running=0
  running_pid mariadb >/dev/null && ours_running=1
  stop_processes 30 kafka s3proxy mariadb || true
  if ((!ours_running)) && mariadb_answers; then
    say "mariadb on port $MARIADB_PORT was not started here: left running"
  fi
}

component_status() {
  local name=$1 port=$2 pid state="stopped" rss="-"
  if pid=$(running_pid "$name"); then
    state="running"
    rss="$(rss_mib "$pid") MiB"
  elif port_open "$port"; then
    state="external" pid="-"
  else
    pid="-"
  fi
  printf '%-9s %-9s %-8s %-9s 127.0.0.1:%s\n' "$name" "$state" "$pid" "$rss" "$port"
  [[ $state != stopped ]]
}

cmd_status() {
  local all_up=0
  printf '%-9s %-9s %-8s %-9s %s\n' COMPONENT STATE PID RSS ENDPOINT
  component_status mariadb "$MARIADB_PORT" || all_up=1
  component_status kafka "$KAFKA_PORT" || all_up=1
  component_status s3proxy "$S3_PORT" || all_up=1
  return "$all_up"
}

cmd_logs() {
  local follow=0
  if [[ ${1:-} == -f ]]; then
    follow=1
    shift
  fi
  if [[ -z ${1:-} ]]; then
    say "logs in $LOG_DIR (show one with: logs [-f] NAME):"
    local file
    for file in "$LOG_DIR"/*.log; do
      [[ -e $file ]] && printf '  %-20s %s\n' "$(basename "$file" .log)" "$(du -h "$file" | cut -f1)"
    done
    return
  fi
  local log
  log=$(log_file "$1")
  [[ -f $log ]] || die "no log $log"
  if ((follow)); then exec tail -n "${LOG_LINES:-100}" -F "$log"; fi
  tail -n "${LOG_LINES:-100}" "$log"
}

cmd_reset() {
  cmd_down
  # lib/ is a download cache, not state: keep it
  rm -rf "$DATA_DIR" "$CONF_DIR" "$LOG_DIR" "$PID_DIR" "$STACK_DIR/stack.env"
  say "wiped $STACK_DIR (kept the downloaded tools in $LIB_DIR)"
}

usage() {
  sed -n '3,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

main() {
  local command=${1:-}
  shift || true
  case $command in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    reset) cmd_reset ;;
    test-databases) cmd_test_databases ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
