#!/usr/bin/env bash
# Notification benchmark: the unread count and the first page of a heavy user's notifications on 5,000,000
# notification rows (PostgreSQL), beside the one-row API baseline GET /api/v1/me measured in the same run.
#  1. Data (skipped with BENCH_SKIP_DATA=1): the university data set of bench/dataset/run.sh with
#     -Dbench.notifications=5000000 (100 per person) in its own database $BENCH_DB_NAME (default
#     mh_bench_notifications, so that other benchmarks' databases are left alone), plus a heavy user:
#     mentor-0 gets BENCH_HEAVY_ROWS (100,000) more notifications, BENCH_HEAVY_UNREAD (1,000) of them unread.
#     The data set's summary goes to bench/results/notifications-data-postgresql.txt.
#  2. Counting phase: MentorHub (demo off) with bench/web's counting JDBC driver; signs in as the person with
#     the most notifications, creates a personal access token, and counts the SQL statements of one request to
#     each URL (least of three) and the median time of one request alone (of five).
#  3. Load phase: MentorHub without the counter; every URL warmed twice (BENCH_WARMUP each), then wrk -t2 -c32
#     against each URL right after the baseline GET /api/v1/me; each ratio is to the baseline measured just before.
# URLs: GET /api/v1/me (baseline), /api/v1/notifications/unread-count, /api/v1/notifications (first page),
#   /notifications (the page, browser session).
# Writes bench/results/notifications-postgresql.txt.
# Usage: nice -n 19 bench/notifications/run.sh [postgresql|h2|mariadb]
# Environment: as bench/web/run.sh (BENCH_DURATION 10s, BENCH_WARMUP 5s, BENCH_CONNECTIONS 32, BENCH_THREADS 2,
#   BENCH_TIMEOUT 10s, BENCH_JAVA_OPTS, BENCH_SKIP_BUILD=1), BENCH_APP_PORT (18280), BENCH_COUNTER_PORT (18289),
#   BENCH_SKIP_DATA=1 (use the database filled before), BENCH_HEAVY_ROWS, BENCH_HEAVY_UNREAD.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:-postgresql}
export BENCH_DB_NAME=${BENCH_DB_NAME:-mh_bench_notifications}
source bench/dataset/db.sh
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-5s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
TIMEOUT=${BENCH_TIMEOUT:-10s}
JAVA_OPTS=(${BENCH_JAVA_OPTS:-})
PASSWORD=${BENCH_PASSWORD:-mentorhub-bench}
HEAVY_ROWS=${BENCH_HEAVY_ROWS:-100000}
HEAVY_UNREAD=${BENCH_HEAVY_UNREAD:-1000}
OUT=${BENCH_OUT:-bench/results/notifications-$DB.txt}
APP_PORT=${BENCH_APP_PORT:-18280}
COUNTER_PORT=${BENCH_COUNTER_PORT:-18289}
BASE=http://127.0.0.1:$APP_PORT
WORK=$(mktemp -d /tmp/mh-bench-notifications.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "Installing wrk..."; apt-get install -y wrk >/dev/null || sudo apt-get install -y wrk >/dev/null; }

if [ -z "${BENCH_SKIP_DATA:-}" ]; then
  echo "Generating the data set with 5,000,000 notifications in $BENCH_DB_NAME..."
  data_start=$(date +%s)
  BENCH_OPTS="-Dbench.notifications=5000000 ${BENCH_OPTS:-}" bench/dataset/run.sh "$DB" > "$WORK/data.log" 2>&1 \
    || { tail -40 "$WORK/data.log" >&2; exit 1; }
  # bench/dataset/run.sh writes the shared summary of its own data set: keep ours apart, leave that one alone.
  cp "bench/results/data-$DB.txt" "bench/results/notifications-data-$DB.txt"
  git checkout -q -- "bench/results/data-$DB.txt" 2>/dev/null || true
  if [ "$DB" = postgresql ]; then
    echo "Adding $HEAVY_ROWS notifications ($HEAVY_UNREAD unread) for mentor-0@bench.example..."
    bench_psql -d "$BENCH_DB_NAME" <<SQL
INSERT INTO notifications (user_id, type, title, body, payload, link_url, read_at, created_at)
SELECT u.id, 'SESSION_CONFIRMED', 'Session confirmed', 'Your next session is confirmed.', '{"bench":true}', '/sessions',
       CASE WHEN g > $HEAVY_UNREAD THEN now() - (g * interval '10 minutes') + interval '1 hour' END,
       now() - (g * interval '10 minutes')
FROM users u CROSS JOIN generate_series(1, $HEAVY_ROWS) g WHERE u.email = 'mentor-0@bench.example';
ANALYZE notifications;
SQL
  fi
  echo "data set and heavy user: $(( $(date +%s) - data_start )) s" >> "bench/results/notifications-data-$DB.txt"
fi

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "Building MentorHub and the statement counter..."
  ./mvnw -q -B -ntp -o package -DskipTests -Djacoco.skip=true
  mkdir -p bench/web/target/classes
  javac -d bench/web/target/classes bench/web/counting/bench/CountingDriver.java
  jar cf bench/web/target/counting-driver.jar -C bench/web/target/classes .
fi
# A copy, so that a build during the run does not change the jar under the running app.
cp "$(ls target/mentorhub-*.jar | grep -v plain | head -1)" "$WORK/app.jar"
cp bench/web/target/counting-driver.jar "$WORK/counting-driver.jar"
APP=$WORK/app.jar

URL=$(bench_db_url "$DB")
DB_USER=$(bench_db_user "$DB")
sql() {
  case "$DB" in
    postgresql) bench_psql -d "$BENCH_DB_NAME" -c "$1" ;;
    mariadb) mariadb -h "$BENCH_MARIADB_HOST" -u root -N -B "$BENCH_DB_NAME" -e "$1" ;;
    *) echo "" ;;
  esac
}
ROWS=$(sql "SELECT COUNT(*) FROM notifications")
HEAVY=$(sql "SELECT u.email || ' ' || n.c || ' ' || n.unread FROM (SELECT user_id, COUNT(*) AS c,
  COUNT(*) - COUNT(read_at) AS unread FROM notifications GROUP BY user_id ORDER BY 2 DESC LIMIT 1) n
  JOIN users u ON u.id = n.user_id")
read -r EMAIL HEAVY_COUNT HEAVY_UNREAD_NOW <<<"${HEAVY:-mentor-0@bench.example ? ?}"
echo "Heavy user: $EMAIL with $HEAVY_COUNT notifications ($HEAVY_UNREAD_NOW unread) of $ROWS"

APP_ARGS=(--server.port=$APP_PORT --spring.datasource.username="$DB_USER" --spring.datasource.password=
  --mentorhub.demo.enabled=false --mentorhub.platform.secure-cookies=false --mentorhub.platform.base-url=$BASE
  --mentorhub.files.root="$WORK/files" --mentorhub.crypto.key-directory="$WORK/keys" --logging.level.root=WARN)

# wait_for, signin and token: as bench/web/run.sh.
source bench/web/lib.sh

start_app() { # [counting]
  if [ "${1:-}" = counting ]; then
    java "${JAVA_OPTS[@]}" -Dloader.path="$WORK/counting-driver.jar" -Dbench.counter.port=$COUNTER_PORT \
      -cp "$APP" org.springframework.boot.loader.launch.PropertiesLauncher "${APP_ARGS[@]}" \
      --spring.datasource.url="jdbc:counting:${URL#jdbc:}" --spring.datasource.driver-class-name=bench.CountingDriver \
      > "$WORK/app.log" 2>&1 &
  else
    java "${JAVA_OPTS[@]}" -jar "$APP" "${APP_ARGS[@]}" --spring.datasource.url="$URL" > "$WORK/app.log" 2>&1 &
  fi
  APP_PID=$!
  PIDS+=("$APP_PID")
  wait_for "$BASE/actuator/health/readiness" "$WORK/app.log"
}
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }

statements() { curl -fsS "http://127.0.0.1:$COUNTER_PORT/"; }
count() { # HEADER URL -> statements (least of three) TAB median ms of five alone
  local best=999999 before after times=()
  curl -s -o /dev/null -H "$1" "$2"
  for _ in 1 2 3; do
    before=$(statements); curl -s -o /dev/null -H "$1" "$2"; after=$(statements)
    [ $((after - before)) -lt "$best" ] && best=$((after - before))
  done
  for _ in 1 2 3 4 5; do times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "$1" "$2")"); done
  printf '%s\t%s\n' "$best" "$(printf '%s\n' "${times[@]}" | sort -n | awk 'NR == 3 { printf "%.1f", $1 * 1000 }')"
}

echo "Counting phase: MentorHub with the statement counter on $URL"
start_app counting
COOKIE=$(signin "$EMAIL")
BEARER=$(token "$EMAIL" "$COOKIE")
: > "$WORK/plan"
for entry in "api /api/v1/me" "api /api/v1/notifications/unread-count" "api /api/v1/notifications" "page /notifications"; do
  read -r kind path <<<"$entry"
  if [ "$kind" = api ]; then header="Authorization: Bearer $BEARER"; else header="Cookie: SESSION=$COOKIE"; fi
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$BASE$path")
  [ "$status" = 200 ] || { echo "$path answered $status; log:" >&2; grep -A12 ' ERROR ' "$WORK/app.log" | head -40 >&2; exit 1; }
  printf '%s\t%s\t%s\t%s\n' "$kind" "$path" "$header" "$(count "$header" "$BASE$path")" >> "$WORK/plan"
done
stop "$APP_PID"

echo "Load phase: MentorHub on $URL"
start_app
measure() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" -s bench/web/report.lua -H "$1" "$2" \
    | awk '/^RESULT/ { print $2, $3, $4, $5, $6, $7, $8 }'
}
for _ in 1 2; do
  while IFS=$'\t' read -r kind path header queries alone; do
    wrk -t2 -c8 -d"$WARMUP" -H "$header" "$BASE$path" > /dev/null
  done < "$WORK/plan"
done

FORMAT="%-5s %-36s %9s %8s %8s %8s %7s %6s %8s %8s %8s %8s %8s %8s\n"
{
  echo "# MentorHub notification benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)"
  echo "# database: $DB ($URL), $ROWS notification rows; heavy user $EMAIL: $HEAVY_COUNT notifications, $HEAVY_UNREAD_NOW unread"
  echo "# command: nice -n 19 bench/notifications/run.sh $DB; wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT on loopback, same machine"
  echo "# JVM options: ${JAVA_OPTS[*]:-(none)}; load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine: compare the ratios)"
  echo "# queries: SQL statements per request, one request at a time (bench/web/counting), incl. the security chain's"
  echo "# alone_ms: median of five requests one at a time (curl)"
  echo "# baseline GET /api/v1/me (same token) is measured just before each URL; rps%: req/s over that baseline's,"
  echo "# p50x, p95x: latency over that baseline's"
  printf "$FORMAT" kind url req/s p50_ms p95_ms p99_ms non2xx errors requests queries alone_ms rps% p50x p95x
} > "$OUT"
# The baseline is the plan's first line.
IFS=$'\t' read -r b_kind b_path b_header b_queries b_alone < <(head -1 "$WORK/plan")
row() { # KIND PATH HEADER QUERIES ALONE BASELINE-RESULT...
  local kind=$1 path=$2 header=$3 queries=$4 alone=$5 res
  shift 5
  res=($(measure "$header" "$BASE$path"))
  read -r rps p50 p95 <<<"$(awk -v r="${res[0]}" -v a="${res[1]}" -v b="${res[2]}" -v R="$1" -v A="$2" -v B="$3" \
    'BEGIN { printf "%.1f%% %.2f %.2f", (R > 0 ? 100 * r / R : 0), (A > 0 ? a / A : 0), (B > 0 ? b / B : 0) }')"
  printf "$FORMAT" "$kind" "$path" "${res[0]}" "${res[1]}" "${res[2]}" "${res[3]}" "${res[4]}" "${res[5]}" "${res[6]}" \
    "$queries" "$alone" "$rps" "$p50" "$p95" | tee -a "$OUT"
}
tail -n +2 "$WORK/plan" > "$WORK/measured"
while IFS=$'\t' read -r kind path header queries alone; do
  base=($(measure "$b_header" "$BASE$b_path"))
  printf "$FORMAT" "$b_kind" "$b_path" "${base[0]}" "${base[1]}" "${base[2]}" "${base[3]}" "${base[4]}" "${base[5]}" \
    "${base[6]}" "$b_queries" "$b_alone" - - - | tee -a "$OUT"
  row "$kind" "$path" "$header" "$queries" "$alone" "${base[0]}" "${base[1]}" "${base[2]}"
done < "$WORK/measured"
echo "# MentorHub errors in its log during the run: $(grep -c ' ERROR ' "$WORK/app.log" || true)" >> "$OUT"
echo "Wrote $OUT"
cat "$OUT"
