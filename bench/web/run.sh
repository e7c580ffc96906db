#!/usr/bin/env bash
# Web benchmark: MentorHub next to the framework's own ceiling, on the bench database of bench/dataset/run.sh.
#  1. Builds MentorHub and the ceiling app (bench/startup/baseline: GET / constant, GET /db one JDBC row,
#     GET /page twelve rows in a Thymeleaf page) and the statement counter (bench/web/counting).
#  2. Counting phase: starts MentorHub (demo off) with the counting JDBC driver on its class path, signs in
#     through the login form with curl as a mentor, a mentee, a coordinator, an admin and the platform
#     administrator, creates a personal access token for each (or reuses one an earlier run made, bench/web/lib.sh), keeps every candidate page and API read that
#     answers the role 200, and counts the SQL statements of one request to each (the least of up to eight tries,
#     so that background jobs do not add to it). Stops it.
#  3. Load phase: starts MentorHub without the counter (the browser sessions and tokens are in the database)
#     and the ceiling app on the same database (H2: on a copy of the file, so that both are embedded), and
#     runs wrk -t2 -c32 against every kept URL, role by role, with the ceiling's three endpoints measured
#     before every role's group and at the end; each figure's ratio is to the ceiling measured just before
#     it (pages to /page, API reads to /db).
# Writes bench/results/web-<db>.txt: req/s, p50, p95, p99 (ms), non-2xx responses, socket errors,
# statements per request and the ratio to the ceiling, one line per URL.
# Usage: bench/web/run.sh [h2|postgresql|mariadb]   (bench/dataset/run.sh <db> first)
# Environment: BENCH_DURATION (10s), BENCH_WARMUP (3s per URL), BENCH_CEILING_WARMUP (30s per ceiling endpoint,
#   at full concurrency, after MentorHub's warm-up), BENCH_CONNECTIONS (32), BENCH_THREADS (2),
#   BENCH_TIMEOUT (wrk's per-request timeout, 10s), BENCH_SLOW_MS (3000: a URL slower than this alone is counted
#   and timed once in the counting phase),
#   BENCH_JAVA_OPTS (JVM options of MentorHub and the ceiling, e.g. -Xmx512m), BENCH_OUT (results file),
#   BENCH_APP_PORT (18080), BENCH_CEILING_PORT (18081), BENCH_COUNTER_PORT (18089); the database: bench/dataset/db.sh;
#   BENCH_SKIP_BUILD=1 uses the jars built before (e.g. while another run uses them);
#   BENCH_APP_JAR (MentorHub's jar, default target/mentorhub-*.jar: e.g. the jar of an earlier commit for a
#   before/after comparison);
#   BENCH_APP_ARGS: more arguments of MentorHub only, e.g. --spring.thymeleaf.enable-spring-el-compiler=true;
#   BENCH_ONLY: measure only these roles and URLs, e.g. "mentee:/mentorships/suggestions admin:/ coordinator"
#   (a role alone: all its URLs), for a short targeted run of the URLs a change affects;
#   BENCH_EXTRA: more URLs to measure, "role:path ..." (a path under /api/ is an API read; BENCH_ONLY must name
#   them too when it is set), e.g. "admin:/reports/program?from=2026-01-01&to=2026-12-31";
#   BENCH_LOAD=0 stops after the counting phase: statements and the time of one request alone per URL
#   (a quick look at the costs at scale, robust to a busy machine), written to BENCH_OUT (default
#   bench/results/web-<db>-alone.txt).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:-h2}
source bench/dataset/db.sh
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-3s}
CEILING_WARMUP=${BENCH_CEILING_WARMUP:-30s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
# wrk's own default (2s) would drop slower answers from the percentiles and count them as socket errors.
TIMEOUT=${BENCH_TIMEOUT:-10s}
SLOW_MS=${BENCH_SLOW_MS:-3000}
JAVA_OPTS=(${BENCH_JAVA_OPTS:-})
PASSWORD=${BENCH_PASSWORD:-mentorhub-bench}
LOAD=${BENCH_LOAD:-1}
if [ "$LOAD" = 0 ]; then OUT=${BENCH_OUT:-bench/results/web-$DB-alone.txt}; else OUT=${BENCH_OUT:-bench/results/web-$DB.txt}; fi
APP_PORT=${BENCH_APP_PORT:-18080}
CEILING_PORT=${BENCH_CEILING_PORT:-18081}
COUNTER_PORT=${BENCH_COUNTER_PORT:-18089}
BASE=http://127.0.0.1:$APP_PORT
CEILING=http://127.0.0.1:$CEILING_PORT
WORK=$(mktemp -d /tmp/mh-bench-web.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "Installing wrk..."; apt-get install -y wrk >/dev/null || sudo apt-get install -y wrk >/dev/null; }

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "Building MentorHub, the ceiling app and the statement counter..."
  ./mvnw -q -B -ntp -o package -DskipTests -Djacoco.skip=true
  ./mvnw -q -B -ntp -o -f bench/startup/baseline/pom.xml package
fi
# The statement counter is one class: built whenever it is missing, BENCH_SKIP_BUILD or not.
if [ -z "${BENCH_SKIP_BUILD:-}" ] || [ ! -f bench/web/target/counting-driver.jar ]; then
  mkdir -p bench/web/target/classes
  javac -d bench/web/target/classes bench/web/counting/bench/CountingDriver.java
  jar cf bench/web/target/counting-driver.jar -C bench/web/target/classes .
fi
APP=${BENCH_APP_JAR:-$(ls target/mentorhub-*.jar | grep -v plain | head -1)}
ONLY=${BENCH_ONLY:-}
# wanted ROLE [PATH]: whether BENCH_ONLY (empty: everything) names the role (with any URL) or this URL of it.
wanted() {
  [ -z "$ONLY" ] && return 0
  local w
  for w in $ONLY; do
    if [ "$w" = "$1" ] || { [ -z "${2:-}" ] && [ "${w%%:*}" = "$1" ]; } || [ "$w" = "$1:${2:-}" ]; then return 0; fi
  done
  return 1
}
CEILING_JAR=bench/startup/baseline/target/bare-endpoint-1.jar

URL=$(bench_db_url "$DB")
DB_USER=$(bench_db_user "$DB")
CEILING_URL=$URL
if [ "$DB" = h2 ]; then
  [ -f "$BENCH_H2_DIR/db.mv.db" ] || { echo "No bench data in $BENCH_H2_DIR: run bench/dataset/run.sh h2 first" >&2; exit 1; }
  cp "$BENCH_H2_DIR/db.mv.db" "$WORK/ceiling.mv.db"
  CEILING_URL="jdbc:h2:file:$WORK/ceiling;TRACE_LEVEL_FILE=0"
fi
source bench/web/lib.sh
APP_ARGS=(--server.port=$APP_PORT --spring.datasource.username="$DB_USER" --spring.datasource.password=
  --mentorhub.demo.enabled=false --mentorhub.platform.secure-cookies=false --mentorhub.platform.base-url=$BASE
  --mentorhub.files.root="$WORK/files" --mentorhub.crypto.key-directory="$WORK/keys" --logging.level.root=WARN ${BENCH_APP_ARGS:-})

start_app() { # [counting]
  if [ "${1:-}" = counting ]; then
    java "${JAVA_OPTS[@]}" -Dloader.path=bench/web/target/counting-driver.jar -Dbench.counter.port=$COUNTER_PORT \
      -cp "$APP" org.springframework.boot.loader.launch.PropertiesLauncher "${APP_ARGS[@]}" \
      --spring.datasource.url="jdbc:counting:${URL#jdbc:}" --spring.datasource.driver-class-name=bench.CountingDriver \
      > "$WORK/app.log" 2>&1 &
  else
    java "${JAVA_OPTS[@]}" -jar "$APP" "${APP_ARGS[@]}" --spring.datasource.url="$URL" > "$WORK/app.log" 2>&1 &
  fi
  APP_PID=$!
  PIDS+=("$APP_PID")
  wait_for "$BASE/actuator/health/readiness" "$WORK/app.log" "$APP_PID"
}

stop() { kill "$1"; wait "$1" 2>/dev/null || true; }

ROLES=(mentor mentee coordinator admin platform)
# Each role's list and dashboard pages and main API reads (a URL that does not answer the role 200 is left
# out and listed at the end of the results file).
declare -A PAGES APIS
# The support chat's pages (/support-chat /support-chat/mood; API /api/v1/support-chat /api/v1/support-chat/mood)
# belong to a new mother, a role the bench data set does not generate yet (docs/support-chat.md).
PAGES[mentor]="/ /sessions /sessions/week /action-items /mentorships /directory /profile /account/sessions /notifications /account/notifications /goals /learning /learning/mine /learning/mentees /alerts/mine /messages /network /support /support/new /resources /resources?sort=discussed /milestones /groups /coverage /account/integrations /account/privacy /account/privacy/erasure"
PAGES[mentee]="/ /sessions /sessions/week /action-items /mentorships /mentorships/suggestions /directory /profile /notifications /goals /learning /learning/mine /messages /network /support /support/new /resources /resources?q=guide /groups /account/privacy"
PAGES[coordinator]="/ /sessions/attendance /mentorships/manage /mentorships/bulk /directory /admin/users /admin/onboarding /admin/academic-imports /goals /learning /alerts /alerts/mine /alerts/rules /resources /groups /reports/program /reports/program/sessions?attendance=ABSENT /reports/program/health?health=STALLED"
PAGES[admin]="/ /mentorships/manage /directory /admin/users /admin/departments /admin/audit /admin/onboarding /admin/matching /admin/academic-imports /learning /alerts /support/queue /support/queue?status=all /alerts/rules /resources /groups /reports/program /reports/program/sessions?attendance=ABSENT /reports/program/health?health=STALLED /admin/sso /coverage /admin/privacy/erasure-requests /admin/privacy/retention"
PAGES[platform]="/ /platform/institutions /platform/outbox /admin/audit /admin/privacy/retention"
APIS[mentor]="/api/v1/me /api/v1/reports/my-mentees /api/v1/sessions /api/v1/sessions/week /api/v1/action-items/mine /api/v1/mentorships /api/v1/directory/mentors /api/v1/profiles/me /api/v1/notifications /api/v1/notifications/unread-count /api/v1/goals /api/v1/learning/paths /api/v1/learning/mine /api/v1/learning/mentees /api/v1/alerts/mine /api/v1/conversations /api/v1/connections /api/v1/connections/suggestions /api/v1/support/issues /api/v1/resources /api/v1/milestones/shared /api/v1/groups /api/v1/integrations/microsoft /api/v1/coverage /api/v1/privacy/exports /api/v1/privacy/consents /api/v1/privacy/disclosures /api/v1/privacy/erasure-requests"
APIS[mentee]="/api/v1/me /api/v1/reports/my-mentoring /api/v1/sessions /api/v1/sessions/week /api/v1/action-items/mine /api/v1/mentorships /api/v1/mentorships/suggestions /api/v1/directory/mentors /api/v1/profiles/me /api/v1/notifications /api/v1/goals /api/v1/learning/paths /api/v1/learning/mine /api/v1/conversations /api/v1/connections /api/v1/support/issues /api/v1/resources /api/v1/milestones /api/v1/groups /api/v1/privacy/exports /api/v1/privacy/disclosures"
APIS[coordinator]="/api/v1/me /api/v1/reports/department /api/v1/mentorships/managed /api/v1/users /api/v1/admin/onboarding /api/v1/alerts /api/v1/alerts/mine /api/v1/relationship-health /api/v1/relationship-health?health=STALLED /api/v1/alert-rules /api/v1/groups /api/v1/reports/program /api/v1/reports/program/health?health=STALLED /api/v1/reports/subscriptions"
APIS[admin]="/api/v1/me /api/v1/reports/institution /api/v1/mentorships/managed /api/v1/users /api/v1/departments /api/v1/audit-logs /api/v1/learning/paths?status=DRAFT /api/v1/alerts /api/v1/relationship-health /api/v1/support/issues/queue?status=all /api/v1/alert-rules /api/v1/groups /api/v1/reports/program /api/v1/reports/program/health?health=STALLED /api/v1/reports/subscriptions /api/v1/single-sign-on /api/v1/coverage /api/v1/privacy/erasure-requests?scope=institution /api/v1/privacy/legal-hold /api/v1/privacy/retention"
APIS[platform]="/api/v1/me /api/v1/reports/platform /api/v1/institutions /api/v1/audit-logs /api/v1/privacy/retention"
# BENCH_EXTRA: more URLs, "role:path ..." (a path under /api/ is an API read), e.g. a dashboard with other filters.
for extra in ${BENCH_EXTRA:-}; do
  role=${extra%%:*} path=${extra#*:}
  if [[ $path == /api/* ]]; then APIS[$role]="${APIS[$role]} $path"; else PAGES[$role]="${PAGES[$role]} $path"; fi
done

statements() { curl -fsS "http://127.0.0.1:$COUNTER_PORT/"; }
# count HEADER URL: the SQL statements of one request and the median time of one request alone (of five, in
# ms, over loopback with curl), tab-separated. The counter sees every thread's statements, so a background job
# (the relationship-health job takes seconds at full scale) adds to a try: the count is
# the least of the tries, which go on, a second apart, until two in a row agree (at most eight).
# A URL whose first request takes longer than BENCH_SLOW_MS (3000) is counted and timed once: the run would
# otherwise spend minutes on it (an H2 plan that reads a million rows), and its figure is clear at once.
# Its one count is not guarded against a background job's statements (as the repeated tries are): a count far
# above the same URL's on another database is such a job, not the request.
count() {
  local best=999999 last=-1 n before after times=() first tries=8 timed=5
  first=$(curl -s -o /dev/null -w '%{time_total}' -H "$1" "$2")
  if awk -v t="$first" -v slow="$SLOW_MS" 'BEGIN { exit !(t * 1000 > slow) }'; then tries=1 timed=1; fi
  for try in $(seq 1 "$tries"); do
    before=$(statements); curl -s -o /dev/null -H "$1" "$2"; after=$(statements)
    n=$((after - before))
    [ "$n" -lt "$best" ] && best=$n
    [ "$n" = "$last" ] && break
    [ "$try" -gt 1 ] && sleep 1
    last=$n
  done
  for _ in $(seq 1 "$timed"); do times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "$1" "$2")"); done
  printf '%s\t%s\n' "$best" "$(printf '%s\n' "${times[@]}" | sort -n | awk -v mid=$(((timed + 1) / 2)) 'NR == mid { printf "%.1f", $1 * 1000 }')"
}

echo "Counting phase: MentorHub with the statement counter on $URL"
start_app counting
: > "$WORK/plan"
: > "$WORK/skipped"
for role in "${ROLES[@]}"; do
  wanted "$role" || continue
  email="$role-0@bench.example"
  cookie=$(signin "$email")
  bearer=$(token "$email" "$cookie")
  # The role's first goal, its page and its files (the attachment list page and API); ids differ per data
  # set, so the goal is looked up through the API. None for roles that see no goal.
  goal=$(curl -sS -H "Authorization: Bearer $bearer" "$BASE/api/v1/goals?size=1" | grep -o '"items":\[{"id":[0-9]*' | grep -o '[0-9]*$' || true)
  goal_pages="" goal_apis=""
  if [ -n "$goal" ]; then goal_pages="/goals/$goal /attachments/goal/$goal"; goal_apis="/api/v1/attachments/goal/$goal"; fi
  # The role's most recent conversation (a page of its messages), looked up through the API like the goal.
  conversation=$(curl -sS -H "Authorization: Bearer $bearer" "$BASE/api/v1/conversations" | grep -o '"conversationId":"[0-9]*-[0-9]*"' | head -1 | grep -o '[0-9]*-[0-9]*' || true)
  if [ -n "$conversation" ]; then goal_pages="$goal_pages /messages/$conversation"; goal_apis="$goal_apis /api/v1/conversations/$conversation/messages"; fi
  # The first issue of the role's support queue (administrators) and its page; none for other roles.
  issue=$(curl -sS -H "Authorization: Bearer $bearer" "$BASE/api/v1/support/issues/queue?status=all&size=1" | grep -o '"items":\[{"id":[0-9]*' | grep -o '[0-9]*$' || true)
  if [ -n "$issue" ]; then goal_pages="$goal_pages /support/$issue"; goal_apis="$goal_apis /api/v1/support/issues/$issue"; fi
  # The role's newest library resource and its page (with its comments), looked up the same way.
  resource=$(curl -sS -H "Authorization: Bearer $bearer" "$BASE/api/v1/resources?size=1" | grep -o '"items":\[{"id":[0-9]*' | grep -o '[0-9]*$' || true)
  if [ -n "$resource" ]; then goal_pages="$goal_pages /resources/$resource"; goal_apis="$goal_apis /api/v1/resources/$resource"; fi
  # The institution's first support group (its page with the discussion and members), looked up likewise.
  group=$(curl -sS -H "Authorization: Bearer $bearer" "$BASE/api/v1/groups" | grep -o '^\[{"id":[0-9]*' | grep -o '[0-9]*$' || true)
  if [ -n "$group" ]; then goal_pages="$goal_pages /groups/$group"; goal_apis="$goal_apis /api/v1/groups/$group"; fi
  for path in ${PAGES[$role]} $goal_pages; do
    wanted "$role" "$path" || continue
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$cookie" "$BASE$path")
    if [ "$status" = 200 ]; then
      printf '%s\tpage\t%s\tCookie: SESSION=%s\t%s\n' "$role" "$path" "$cookie" "$(count "Cookie: SESSION=$cookie" "$BASE$path")" >> "$WORK/plan"
    else
      echo "$role $path $status" >> "$WORK/skipped"
    fi
  done
  for path in ${APIS[$role]} $goal_apis; do
    wanted "$role" "$path" || continue
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $bearer" "$BASE$path")
    if [ "$status" = 200 ]; then
      printf '%s\tapi\t%s\tAuthorization: Bearer %s\t%s\n' "$role" "$path" "$bearer" "$(count "Authorization: Bearer $bearer" "$BASE$path")" >> "$WORK/plan"
    else
      echo "$role $path $status" >> "$WORK/skipped"
    fi
  done
  echo "  $role: $(grep -c "^$role	" "$WORK/plan") URLs answer 200"
done
stop "$APP_PID"

if [ "$LOAD" = 0 ]; then
  {
    echo "# MentorHub, one request at a time, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
    echo "# database: $DB ($URL); command: BENCH_LOAD=0 bench/web/run.sh $DB; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# queries: SQL statements per request (least of up to eight tries); alone_ms: median of five requests, one at a time, curl"
    printf "%-12s %-5s %-34s %8s %9s\n" role kind url queries alone_ms
    while IFS=$'\t' read -r role kind path header queries alone; do
      printf "%-12s %-5s %-34s %8s %9s\n" "$role" "$kind" "$path" "$queries" "$alone"
    done < "$WORK/plan"
    echo "# not measured (the role's status code for the URL): $(tr '\n' ';' < "$WORK/skipped")"
  } > "$OUT"
  cat "$OUT"
  exit 0
fi

echo "Load phase: MentorHub and the ceiling on $URL"
start_app
java "${JAVA_OPTS[@]}" -jar "$CEILING_JAR" --server.port=$CEILING_PORT --spring.datasource.url="$CEILING_URL" \
  --spring.datasource.username="$DB_USER" --spring.datasource.password= > "$WORK/ceiling.log" 2>&1 &
PIDS+=("$!")
wait_for "$CEILING/page" "$WORK/ceiling.log"

# measure HEADER URL -> "req/s p50 p95 p99 non2xx errors requests"
measure() {
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" -s bench/web/report.lua)
  [ -n "$1" ] && args+=(-H "$1")
  wrk "${args[@]}" "$2" | awk '/^RESULT/ { print $2, $3, $4, $5, $6, $7, $8 }'
}
warm() { wrk -t1 -c4 -d"$WARMUP" ${1:+-H "$1"} "$2" > /dev/null; }

echo "Warming up every URL for $WARMUP..."
while IFS=$'\t' read -r role kind path header queries alone; do warm "$header" "$BASE$path"; done < "$WORK/plan"
# MentorHub's URLs share most of their code, so its warm-up runs that code for minutes; the ceiling's three
# endpoints get as long at full concurrency, or the first ceiling is measured before the JIT compiler is done
# with it (a quiet run measured /page at 564 req/s before the first role and 3,060 two roles later).
echo "Warming up the ceiling for $CEILING_WARMUP per endpoint..."
for path in / /db /page; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$CEILING_WARMUP" "$CEILING$path" > /dev/null
done

FORMAT="%-12s %-5s %-34s %9s %8s %8s %8s %7s %6s %8s %8s %7s\n"
{
  echo "# MentorHub web benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)"
  echo "# database: $DB ($URL); command: bench/web/run.sh $DB; wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT on loopback, same machine"
  echo "# JVM options: ${JAVA_OPTS[*]:-(none)}; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# queries: SQL statements prepared per request, one request at a time (bench/web/counting), incl. the security chain's"
  echo "# alone_ms: median time of one request with nothing else running on the app (5 tries, curl, counting phase)"
  echo "# ratio: req/s over the ceiling's req/s measured just before (pages: /page, API reads: /db)"
  printf "$FORMAT" role kind url req/s p50_ms p95_ms p99_ms non2xx errors queries alone_ms ratio
} > "$OUT"
row() { printf "$FORMAT" "$@" | tee -a "$OUT"; }

CEIL_DB=0; CEIL_PAGE=0
ceiling() {
  local r
  for path in / /db /page; do
    r=($(measure "" "$CEILING$path"))
    row ceiling bare "$path" "${r[0]}" "${r[1]}" "${r[2]}" "${r[3]}" "${r[4]}" "${r[5]}" - - -
    [ "$path" = /db ] && CEIL_DB=${r[0]}
    [ "$path" = /page ] && CEIL_PAGE=${r[0]}
  done
  return 0
}

for role in "${ROLES[@]}"; do
  grep -q "^$role	" "$WORK/plan" || continue
  ceiling
  while IFS=$'\t' read -r r kind path header queries alone; do
    [ "$r" = "$role" ] || continue
    res=($(measure "$header" "$BASE$path"))
    ceil=$CEIL_PAGE; [ "$kind" = api ] && ceil=$CEIL_DB
    ratio=$(awk -v a="${res[0]}" -v b="$ceil" 'BEGIN { printf "%.1f%%", (b > 0 ? 100 * a / b : 0) }')
    row "$role" "$kind" "$path" "${res[0]}" "${res[1]}" "${res[2]}" "${res[3]}" "${res[4]}" "${res[5]}" "$queries" "$alone" "$ratio"
  done < "$WORK/plan"
done
ceiling
{
  echo "# not measured (the role's status code for the URL): $(tr '\n' ';' < "$WORK/skipped")"
  echo "# MentorHub errors in its log during the run: $(grep -c ' ERROR ' "$WORK/app.log" || true)"
} >> "$OUT"
echo "Wrote $OUT"
