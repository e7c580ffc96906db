#!/usr/bin/env bash
# Issue 21's benchmark of the dashboards and the exports, on generated university-scale data:
#  1. Dashboards: bench/web/run.sh on the database $BENCH_DB_NAME (default mh_bench_reports) for the
#     administrator's and the coordinator's program dashboards (page and JSON, the default 90 days and a whole
#     year, the no-show list behind a figure) and home dashboards, beside the ceiling app's one-row read (/db)
#     and 12-row page (/page) measured in the same run: req/s, p50, p95, p99, statements per request.
#     Writes bench/results/reports-<db>.txt; then the counting phase alone again with nothing kept
#     (mentorhub.platform.caches.ttl.program-dashboards=0s): bench/results/reports-<db>-computed.txt, the
#     statements and the time of one request that computes the dashboard.
#  2. Exports: MentorHub alone with -Xmx$BENCH_EXPORT_XMX (default 512m) on $BENCH_EXPORT_DB_NAME (default
#     mh_bench_export), signed in as admin-0; downloads the sessions export of the whole institution over a
#     366-day period as XLSX and as CSV through the API, and a one-day export as a control, while jstat samples
#     the heap every 100 ms. Writes the rows (counted in the file), bytes, time to the first byte and in all,
#     and the heap's peak (young + old occupancy, garbage included) and the old generation's peak to
#     bench/results/reports-export-<db>.txt.
# Data sets (once; each is dropped and created again):
#   BENCH_DB_NAME=mh_bench_reports BENCH_DATA_OUT=bench/results/data-reports-<db>.txt \
#     BENCH_OPTS=-Dbench.institutions=1 bench/dataset/run.sh <db>
#     (the university scale in one institution, so its administrator's dashboard covers all 1,000,000 sessions)
#   BENCH_DB_NAME=mh_bench_export BENCH_DATA_OUT=bench/results/data-export-<db>.txt \
#     BENCH_OPTS="-Dbench.institutions=1 -Dbench.sessionDays=360 -Dbench.notifications=50000 -Dbench.auditRows=50000" \
#     bench/dataset/run.sh <db>
#     (the 1,000,000 sessions within 360 days, so that one export, at most 366 days, has all of them)
# Usage: bench/reports/run.sh [postgresql|mariadb|h2]
# Environment: everything bench/web/run.sh takes (BENCH_DURATION, BENCH_SKIP_BUILD, ...); BENCH_PART=dashboards
#   or exports runs one part only; BENCH_EXPORT_XMX; BENCH_EXPORT_DB_NAME.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:-postgresql}
PART=${BENCH_PART:-all}
export BENCH_DB_NAME=${BENCH_DB_NAME:-mh_bench_reports}
TODAY=$(date -u +%F)
YEAR_AGO=$(date -u -d '-364 days' +%F)

if [ "$PART" = all ] || [ "$PART" = dashboards ]; then
  year="from=$YEAR_AGO&to=$TODAY"
  urls="/reports/program?$year /api/v1/reports/program?$year /reports/program/sessions?attendance=ABSENT&$year"
  extra="" only="admin:/api/v1/me"
  for role in admin coordinator; do
    for u in $urls; do extra="$extra $role:$u"; done
    for u in / /reports/program /api/v1/reports/program /reports/program/sessions?attendance=ABSENT $urls; do only="$only $role:$u"; done
  done
  BENCH_EXTRA="$extra" BENCH_ONLY="$only" BENCH_OUT=${BENCH_OUT:-bench/results/reports-$DB.txt} bench/web/run.sh "$DB"
  # The same URLs with nothing kept (every request computes the dashboard): statements and the time of one
  # request alone, what the first viewer of a scope and period waits.
  BENCH_SKIP_BUILD=1 BENCH_LOAD=0 BENCH_EXTRA="$extra" BENCH_ONLY="$only" BENCH_OUT=bench/results/reports-$DB-computed.txt \
    BENCH_APP_ARGS="${BENCH_APP_ARGS:-} --mentorhub.platform.caches.ttl.program-dashboards=0s" bench/web/run.sh "$DB"
fi
[ "$PART" = all ] || [ "$PART" = exports ] || exit 0

# --- exports ---
source bench/dataset/db.sh
BENCH_DB_NAME=${BENCH_EXPORT_DB_NAME:-mh_bench_export}
if [ "$DB" = h2 ]; then BENCH_H2_DIR=${BENCH_EXPORT_H2_DIR:-/tmp/mh-bench-export}; fi
URL=$(bench_db_url "$DB")
DB_USER=$(bench_db_user "$DB")
XMX=${BENCH_EXPORT_XMX:-512m}
PASSWORD=${BENCH_PASSWORD:-mentorhub-bench}
APP_PORT=${BENCH_APP_PORT:-18080}
BASE=http://127.0.0.1:$APP_PORT
OUT=bench/results/reports-export-$DB.txt
WORK=$(mktemp -d /tmp/mh-bench-export.XXXXXX)
APP_PID=""
trap '[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
source bench/web/lib.sh
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -q -B -ntp -o package -DskipTests -Djacoco.skip=true
APP=${BENCH_APP_JAR:-$(ls target/mentorhub-*.jar | grep -v plain | head -1)}
java -Xmx"$XMX" -jar "$APP" --server.port=$APP_PORT --spring.datasource.url="$URL" --spring.datasource.username="$DB_USER" \
  --spring.datasource.password= --mentorhub.demo.enabled=false --mentorhub.platform.secure-cookies=false \
  --mentorhub.platform.base-url=$BASE --mentorhub.files.root="$WORK/files" --mentorhub.crypto.key-directory="$WORK/keys" \
  --logging.level.root=WARN ${BENCH_APP_ARGS:-} > "$WORK/app.log" 2>&1 &
APP_PID=$!
wait_for "$BASE/actuator/health/readiness" "$WORK/app.log" "$APP_PID"
cookie=$(signin admin-0@bench.example)
bearer=$(token admin-0@bench.example "$cookie")

# heap_peaks FILE: the peak of young + old occupancy and of the old generation, in MB, from jstat -gc samples.
heap_peaks() {
  awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
       $1 ~ /^[0-9.]+$/ { used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; if (used > u) u = used;
                          if ($col["OU"] > o) o = $col["OU"] }
       END { printf "%.0f %.0f", u / 1024, o / 1024 }' "$1"
}
# rows FILE FORMAT: the data rows in an export (the header row not counted).
rows() {
  if [ "$2" = xlsx ]; then unzip -p "$1" 'xl/worksheets/sheet*.xml' | grep -o '<row[ >]' | wc -l | awk '{ print $1 - 1 }'
  else awk 'END { print NR - 1 }' "$1"; fi
}

from=$(date -u -d '-245 days' +%F); to=$(date -u -d '+120 days' +%F); day=$(date -u -d '-1 days' +%F)
FORMAT="%-6s %-24s %10s %14s %12s %10s %13s %12s\n"
{
  echo "# MentorHub exports, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), -Xmx$XMX"
  echo "# database: $DB ($URL); command: bench/reports/run.sh $DB (exports); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# GET /api/v1/reports/program/sessions/export as admin-0 (the whole institution); rows counted in the file;"
  echo "# heap: jstat -gc every 100 ms during the download; peak_heap_mb = young + old occupancy (garbage included),"
  echo "# peak_old_mb = the old generation (what survives collections); idle = the same before any export"
  printf "$FORMAT" format period rows bytes first_byte_s total_s peak_heap_mb peak_old_mb
} > "$OUT"
jstat -gc "$APP_PID" 100 > "$WORK/idle.jstat" & sampler=$!; sleep 3; kill $sampler
read -r u o <<<"$(heap_peaks "$WORK/idle.jstat")"
printf "$FORMAT" - idle - - - - "$u" "$o" | tee -a "$OUT"
for run in "xlsx $day $day" "xlsx $from $to" "csv $from $to"; do
  read -r format f t <<<"$run"
  jstat -gc "$APP_PID" 100 > "$WORK/export.jstat" & sampler=$!
  timing=$(curl -sS -o "$WORK/export.$format" -w '%{http_code} %{size_download} %{time_starttransfer} %{time_total}' \
    -H "Authorization: Bearer $bearer" "$BASE/api/v1/reports/program/sessions/export?format=$format&from=$f&to=$t")
  sleep 0.3; kill $sampler; wait $sampler 2>/dev/null || true
  read -r status bytes first total <<<"$timing"
  [ "$status" = 200 ] || { echo "export $run answered $status: $(head -c 300 "$WORK/export.$format")" >&2; exit 1; }
  read -r u o <<<"$(heap_peaks "$WORK/export.jstat")"
  printf "$FORMAT" "$format" "$f..$t" "$(rows "$WORK/export.$format" "$format")" "$bytes" "$first" "$total" "$u" "$o" | tee -a "$OUT"
done
echo "# MentorHub errors in its log: $(grep -c ' ERROR ' "$WORK/app.log" || true)" >> "$OUT"
echo "Wrote $OUT"
