#!/usr/bin/env bash
# Session list benchmark: fills a database with 1,000,000 sessions (10,000 mentorships of 12,000 people,
# 100 sessions each; written by the bench generator org.mentorhub.bench.UniversityData, shared with
# bench/dataset/run.sh: COPY on PostgreSQL, multi-row INSERTs on H2 and MariaDB; kept between runs. A database
# filled before the generator was shared holds the old set under another name: delete it first), then measures "my sessions" as HTML (GET /sessions,
# a signed-in browser session) and JSON (GET /api/v1/sessions, a personal access token) with 32 concurrent
# clients next to a baseline (GET /api/v1/me), and counts the SQL statements per request with a counting
# proxy around the data source (in the benchmark only). Writes bench/results/sessions.txt.
# Usage: bench/sessions/run.sh             H2 file database in /tmp/mh-bench-sessions (default)
#        bench/sessions/run.sh postgresql  MENTORHUB_TEST_POSTGRESQL_URL (e.g. jdbc:postgresql://127.0.0.1:5432/mh_bench_sessions)
#        bench/sessions/run.sh mariadb     MENTORHUB_TEST_MARIADB_URL
# Options as system properties in BENCH_OPTS: -Dbench.iterations=1000 -Dbench.concurrency=32
#   -Dbench.mentorships=10000 -Dbench.sessionsPerMentorship=100 (mentors: a fifth of the mentorships)
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:-h2}
EXTRA=()
OUT=bench/results/sessions.txt
if [ "$DB" = "h2" ]; then
  mkdir -p /tmp/mh-bench-sessions
  EXTRA+=("-Dspring.datasource.url=jdbc:h2:file:/tmp/mh-bench-sessions/db")
else
  OUT=bench/results/sessions-$DB.txt
fi
./mvnw -q -B -ntp verify -Dmentorhub.test.db="$DB" -Dtest=SessionListBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true -Dbench.out="$PWD/$OUT" ${BENCH_OPTS:-} "${EXTRA[@]}"
cat "$OUT"
