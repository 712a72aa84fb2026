#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# ./entitybase export: the store as a Wikidata JSON dump (issue 14, docs/DECISIONS.md "Export") from
# GET /export, into FILE: gzip'd as the service sends it when FILE ends in .gz, plain otherwise.
#   export.sh [--api URL] [--type item|property|lexeme] [--since 2026-01-31T12:00:00Z] FILE[.gz]
# A busy service (503: its concurrent exports at their limit) is asked again after its Retry-After. The dump is
# written to FILE.part and renamed when complete, so FILE is never a cut-off dump.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=deploy/local/common.sh
source "$REPO_ROOT/deploy/local/common.sh"

api=${EXPORT_API:-http://127.0.0.1:8080/v1/entitybase}
query=()
file=
while (($#)); do
  case $1 in
    --api) api=$2; shift ;;
    --type) query+=("type=$2"); shift ;;
    --since) query+=("since=$2"); shift ;;
    -h | --help) sed -n '3,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) file=$1 ;;
  esac
  shift
done
[[ -n $file ]] || die "usage: ./entitybase export [--api URL] [--type T] [--since TIME] FILE[.gz]"

url="$api/export"
if ((${#query[@]})); then url="$url?$(IFS='&'; echo "${query[*]}")"; fi
encoding=identity
[[ $file == *.gz ]] && encoding=gzip

start=$(date +%s.%N)
for attempt in $(seq 1 60); do
  code=$(curl -s -o "$file.part" -D "$file.headers" -w '%{http_code}' -H "Accept-Encoding: $encoding" "$url") ||
    code=000
  [[ $code == 200 ]] && break
  if [[ $code == 4* ]]; then
    msg=$(cat "$file.part")
    rm -f "$file.part" "$file.headers"
    die "export: HTTP $code $msg"
  fi
  retry=$(grep -i '^retry-after:' "$file.headers" | tr -dc '0-9' || true)
  if ((attempt == 60)); then die "export: HTTP $code after $attempt attempts"; fi
  sleep "${retry:-2}"
done
rm -f "$file.headers"
# a dump that does not end in "]" was cut (the service failed mid-stream): keep nothing
if [[ $encoding == gzip ]]; then last=$(gzip -dc "$file.part" | tail -c 2); else last=$(tail -c 2 "$file.part"); fi
[[ $last == "]" ]] || { rm -f "$file.part"; die "export: the dump was cut off; run it again"; }
mv "$file.part" "$file"
end=$(date +%s.%N)
if [[ $encoding == gzip ]]; then entities=$(gzip -dc "$file" | wc -l); else entities=$(wc -l <"$file"); fi
entities=$((entities - 2 > 0 ? entities - 2 : 0))
awk -v n="$entities" -v s="$start" -v e="$end" -v f="$file" -v b="$(wc -c <"$file")" \
  'BEGIN { t = e - s; printf "exported %d entities to %s (%d bytes) in %.1f s: %.0f entities/s\n", n, f, b, t, n / (t > 0 ? t : 1) }'
