#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# ./entitybase import: streams a dump to entity-service's import job API (issue 14, docs/DECISIONS.md "Bulk import
# jobs") in parts of whole lines, one after another, and prints the job's progress after each part.
#   import.sh [--api URL] [--part-size BYTES] [--job ID] [--summary TEXT] FILE
# FILE: NDJSON or Wikidata's JSON dump format ("[", one entity a line with a trailing comma, "]"); plain, .gz or .bz2.
# --job ID resumes job ID (after a kill of this client): it goes on after the job's committed_line. A part the
# service did not answer (a restart, 503 from admission control) is sent again; lines it committed already are
# skipped there, lines imported but not yet committed in the job come back as null edits.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=deploy/local/common.sh
source "$REPO_ROOT/deploy/local/common.sh"

# The number under a top-level key of the job's JSON: its first occurrence (the part's and errors' come after).
json_number() { grep -o "\"$1\":[0-9.]*" | head -1 | cut -d: -f2; }

progress_line() {
  local answer=$1 eta
  eta=$(json_number eta_seconds <<<"$answer")
  printf 'line %s/%s: %s entities (%s new, %s changed, %s unchanged), %s bad lines, %s/s%s' \
    "$(json_number committed_line <<<"$answer")" "$(json_number total_lines <<<"$answer")" \
    "$(json_number entities_done <<<"$answer")" "$(json_number created <<<"$answer")" \
    "$(json_number updated <<<"$answer")" "$(json_number unchanged <<<"$answer")" \
    "$(json_number failed <<<"$answer")" "$(json_number per_second <<<"$answer")" "${eta:+, ETA ${eta}s}"
}

# Who imports: with ENTITYBASE_TOKEN (a bearer JWT with the importer or admin role; the gateway's authentication is on)
# its user, else the X-User-ID given (authentication off).
acting_user() {
  if [[ -n ${ENTITYBASE_TOKEN:-} ]]; then
    printf 'Authorization: Bearer %s\n' "$ENTITYBASE_TOKEN"
  else
    printf 'X-User-ID: %s\n' "$1"
  fi
}

# awk (below) runs this script once per part: the part on stdin, its state in IMPORT_STATE
if [[ ${1:-} == --part ]]; then
  part=$(mktemp)
  trap 'rm -f "$part"' EXIT
  cat >"$part"
  read -r from <"$IMPORT_STATE/next"
  lines=$(wc -l <"$part")
  for attempt in $(seq 1 120); do
    code=$(curl -s -o "$IMPORT_STATE/answer" -w '%{http_code}' -X POST \
      "$IMPORT_API/import/jobs/$IMPORT_JOB/parts?from=$from" \
      -H 'Content-Type: application/x-ndjson' -H "$(acting_user "$IMPORT_USER")" --data-binary @"$part") || code=000
    [[ $code == 200 ]] && break
    # again after a while: 503 (admission control, a restart), 5xx, no answer (000), another client moved the job
    if [[ $code == 4* ]] && ! grep -q '"code":"import-job-moved"' "$IMPORT_STATE/answer"; then
      die "part from line $from: HTTP $code $(cat "$IMPORT_STATE/answer")"
    fi
    if ((attempt == 120)); then die "part from line $from: HTTP $code after $attempt attempts"; fi
    sleep 1
  done
  echo $((from + lines)) >"$IMPORT_STATE/next"
  printf '%s\n' "$(progress_line "$(cat "$IMPORT_STATE/answer")")"
  exit 0
fi

api=${IMPORT_API:-http://127.0.0.1:8080/v1/entitybase}
part_size=$((1024 * 1024))
job=
summary="bulk import"
user=${IMPORT_USER:-0}
while (($#)); do
  case $1 in
    --api) api=$2; shift ;;
    --part-size) part_size=$2; shift ;;
    --job) job=$2; shift ;;
    --summary) summary=$2; shift ;;
    -*) die "unknown option $1" ;;
    *) break ;;
  esac
  shift
done
(($# == 1)) || die "usage: ./entitybase import [--api URL] [--part-size BYTES] [--job ID] [--summary TEXT] FILE"
file=$1
[[ -r $file ]] || die "cannot read $file"

case $file in
  *.gz) unpack=(gzip -dc "$file") ;;
  *.bz2) command -v bzip2 >/dev/null || die "bzip2 is not installed (needed for $file)"; unpack=(bzip2 -dc "$file") ;;
  *) unpack=(cat "$file") ;;
esac

# One pass to count the lines first: the job's ETA (cheap next to the import itself).
total=$("${unpack[@]}" | wc -l)

started=$EPOCHREALTIME
if [[ -z $job ]]; then
  answer=$(curl -fsS -X POST "$api/import/jobs?total_lines=$total" -H "$(acting_user "$user")" \
    -H "X-Edit-Summary: $summary") || die "could not start an import job at $api"
  job=$(json_number id <<<"$answer")
  from=1
else
  answer=$(curl -fsS "$api/import/jobs/$job") || die "no import job $job at $api"
  if [[ $answer == *'"state":"done"'* ]]; then
    say "import job $job is done already: $(progress_line "$answer")"
    exit 0
  fi
  from=$(($(json_number committed_line <<<"$answer") + 1))
fi
say "import job $job: $file, $total lines, from line $from, parts of up to $part_size bytes"

state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
echo "$from" >"$state/next"
export IMPORT_STATE=$state IMPORT_API=$api IMPORT_JOB=$job IMPORT_USER=$user
# Whole lines only (split -C would cut a line longer than a part): awk pipes up to part_size bytes of lines (a longer
# line alone) to one sender, waits for it (close), then starts the next; LC_ALL=C: length() counts bytes.
"${unpack[@]}" | tail -n +"$from" | LC_ALL=C awk -v max="$part_size" -v cmd="bash '${BASH_SOURCE[0]}' --part" '
  {
    if (size > 0 && size + length($0) + 1 > max) {
      if (close(cmd) != 0) exit 1
      size = 0
    }
    print | cmd
    size += length($0) + 1
  }
  END { if (size > 0 && close(cmd) != 0) exit 1 }'


# the end: an empty last part marks the job done
read -r next <"$state/next"
answer=$(curl -fsS -X POST "$api/import/jobs/$job/parts?from=$next&last=true" -H "$(acting_user "$user")" \
  --data-binary '') || die "could not finish import job $job"
say "$(progress_line "$answer")"
failed=$(json_number failed <<<"$answer")
say "import job $job done in $(elapsed_since "$started")s: $(json_number entities_done <<<"$answer") entities," \
  "$failed bad lines (GET $api/import/jobs/$job lists them)"
