#!/usr/bin/env bash
# CPU seconds per process of the stack while a benchmark runs: samples /proc every 2 s until it gets SIGINT/SIGTERM
# (or for $1 seconds), then prints each process's CPU time over the sampled window and its share of one core.
# Processes: MariaDB, Kafka, s3proxy, each Quarkus service (by module), the DrainBenchmark/LoadDriver JVM.
#   bench/scripts/cpu-by-process.sh 120 &   # then start the benchmark
set -euo pipefail
seconds=${1:-0}
declare -A first last tags
start=$(date +%s)
sample() {
  for p in /proc/[0-9]*; do
    local pid=${p#/proc/} cmd tag f
    cmd=$(tr '\0' ' ' <"$p/cmdline" 2>/dev/null | cut -c1-400) || continue
    case "$cmd" in
      *mariadbd*|*mysqld*) tag=mariadb ;;
      *s3proxy*) tag=s3proxy ;;
      *kafka.Kafka*|*KafkaRaftServer*) tag=kafka ;;
      *quarkus-run.jar*) tag=$(grep -o '[a-z-]*/target/quarkus-app' <<<"$cmd" | head -1 | cut -d/ -f1) ;;
      *org.entitybase.bench*) tag=benchmark ;;
      *) continue ;;
    esac
    read -r -a f <"$p/stat" 2>/dev/null || continue
    [[ -n ${first[$pid]:-} ]] || first[$pid]=$((f[13] + f[14]))
    last[$pid]=$((f[13] + f[14]))
    tags[$pid]=$tag
  done
}
report() {
  local elapsed=$(($(date +%s) - start))
  ((elapsed > 0)) || elapsed=1
  for pid in "${!tags[@]}"; do
    echo "${tags[$pid]} $((last[$pid] - first[$pid]))"
  done | awk -v s="$elapsed" -v hz="$(getconf CLK_TCK)" \
    '{t[$1]+=$2} END {printf "over %d s:\n", s; for (k in t) printf "  %-20s %7.1f cpu-s %5.0f %%\n", k, t[k]/hz, 100*t[k]/hz/s}' |
    sort -k2 -rn
  exit 0
}
trap report INT TERM
while true; do
  sample
  if ((seconds > 0 && $(date +%s) - start >= seconds)); then report; fi
  sleep 2
done
