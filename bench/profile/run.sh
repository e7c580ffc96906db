#!/usr/bin/env bash
# CPU profile of page views: where MentorHub spends its time per request, robust to a busy machine.
# Starts MentorHub (the jar in target/, built first unless BENCH_SKIP_BUILD=1) on a fresh embedded H2
# database with the demo data, signs in as the demo mentor, requests the pages in BENCH_PAGES one at a
# time (BENCH_WARMUP rounds, then BENCH_ROUNDS rounds under Java Flight Recorder, settings=profile), and
# sums the execution samples of the request threads per method, inclusive (a method counts once per
# sample when it is anywhere on the stack) and self (top frame).
# Writes bench/results/profile.txt (BENCH_OUT): samples per request, the top methods by inclusive and by
# self share, and a few named areas (Thymeleaf, SpEL, Hibernate, JDBC, security, session).
# Usage: bench/profile/run.sh   Environment: BENCH_PAGES ("/ /sessions /mentorships /directory"),
#   BENCH_ROUNDS (150), BENCH_WARMUP (300), BENCH_USER (mentor@northbridge.demo), BENCH_JAVA_OPTS,
#   BENCH_APP_ARGS (extra application arguments, e.g. --spring.thymeleaf.enable-spring-el-compiler=true), BENCH_OUT,
#   BENCH_JFR_OPTS (options of JFR.start, e.g. method-profiling=max: a sample every millisecond, not every 10 or 20),
#   BENCH_SAMPLES (a file to keep the printed samples in, for a closer look).
set -euo pipefail
cd "$(dirname "$0")/../.."
PAGES=(${BENCH_PAGES:-/ /sessions /mentorships /directory})
ROUNDS=${BENCH_ROUNDS:-150}
WARMUP=${BENCH_WARMUP:-300}
USER_EMAIL=${BENCH_USER:-mentor@northbridge.demo}
OUT=${BENCH_OUT:-bench/results/profile.txt}
PORT=${BENCH_APP_PORT:-18085}
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/mh-profile.XXXXXX)
APP_PID=
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -q -B -ntp -o package -DskipTests -Djacoco.skip=true
APP=$(ls target/mentorhub-*.jar | grep -v plain | head -1)
java -XX:FlightRecorderOptions=stackdepth=1024 ${BENCH_JAVA_OPTS:-} -jar "$APP" --server.port=$PORT --spring.datasource.url="jdbc:h2:file:$WORK/db;TRACE_LEVEL_FILE=0;QUERY_CACHE_SIZE=64" \
  --mentorhub.files.root="$WORK/files" --mentorhub.crypto.key-directory="$WORK/keys" --logging.level.root=WARN ${BENCH_APP_ARGS:-} > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 3000); do curl -fsS -o /dev/null "$BASE/actuator/health/readiness" 2>/dev/null && break; sleep 0.1; done

JAR="$WORK/cookies"
csrf=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/login" | grep -o '<input[^>]*name="_csrf"[^>]*>' | head -1 | sed 's/.*value="\([^"]*\)".*/\1/')
curl -sS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "username=$USER_EMAIL" --data-urlencode "password=mentorhub-demo" \
  --data-urlencode "_csrf=$csrf" "$BASE/login"
round() { for page in "${PAGES[@]}"; do curl -fsS -o /dev/null -b "$JAR" "$BASE$page"; done; }
for _ in $(seq 1 "$WARMUP"); do round; done
jcmd "$APP_PID" JFR.start name=profile settings=profile ${BENCH_JFR_OPTS:-} filename="$WORK/profile.jfr" > /dev/null
start=$(date +%s%3N)
for _ in $(seq 1 "$ROUNDS"); do round; done
end=$(date +%s%3N)
jcmd "$APP_PID" JFR.stop name=profile > /dev/null
# jfr prints five frames of each stack unless told otherwise: too few to see the filter chain below a sample.
jfr print --stack-depth 1024 --events jdk.ExecutionSample "$WORK/profile.jfr" > "$WORK/samples.txt"
[ -z "${BENCH_SAMPLES:-}" ] || cp "$WORK/samples.txt" "$BENCH_SAMPLES"
REQUESTS=$((ROUNDS * ${#PAGES[@]}))
{
  echo "# MentorHub CPU profile, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# command: bench/profile/run.sh; pages: ${PAGES[*]} as $USER_EMAIL on H2 with the demo data; $ROUNDS rounds after $WARMUP"
  echo "# wall time of the recorded rounds: $((end - start)) ms for $REQUESTS requests, one at a time"
  python3 bench/profile/summarise.py "$WORK/samples.txt" "$REQUESTS"
} > "$OUT"
cat "$OUT"
