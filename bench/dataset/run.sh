#!/usr/bin/env bash
# University-scale data set: drops and recreates the bench database, lets Flyway create the schema (the
# demo is off) and fills it with the database's bulk path (PostgreSQL COPY, multi-row INSERTs on H2 and
# MariaDB) through org.mentorhub.bench.UniversityData: 50,000 users in 2 institutions and 12 departments,
# 2,000 mentors, 20,000 mentorships, 1,000,000 sessions with notes, action items and feedback, 2,500,000
# notifications and 2,500,000 audit rows, goals, alerts, connections and messages. Every generated person
# signs in with the password mentorhub-bench: mentor-0@bench.example, mentee-0@..., coordinator-0@...,
# admin-0@..., platform-0@bench.example. Writes bench/results/data-<db>.txt (rows per table, time).
# Usage: bench/dataset/run.sh [h2|postgresql|mariadb]
#   h2:         file database in $BENCH_H2_DIR (default /tmp/mh-bench-university), deleted first
#   postgresql: database $BENCH_DB_NAME (default mh_bench_university) on $BENCH_PG_HOST:$BENCH_PG_PORT
#               (127.0.0.1:5432) as $BENCH_PG_USER (postgres), dropped and created with psql
#   mariadb:    database $BENCH_DB_NAME on $BENCH_MARIADB_HOST:3306 as root, dropped and created with mariadb
# Elsewhere: BENCH_DATA_OUT=<file> writes the summary there instead.
# Smaller: BENCH_OPTS=-Dbench.scale=100 (1/100 of every size), or single sizes: -Dbench.users=... -Dbench.mentors=...
#   -Dbench.mentorships=... -Dbench.sessions=... -Dbench.notifications=... -Dbench.auditRows=...
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:-h2}
source bench/dataset/db.sh
bench_db_recreate "$DB"
OUT=${BENCH_DATA_OUT:-bench/results/data-$DB.txt}
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac
start=$(date +%s)
./mvnw -q -B -ntp -o test -Dmentorhub.test.db="$DB" -Dtest=UniversityDataGenerator -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true -Dmentorhub.demo.enabled=false -Dspring.datasource.url="$(bench_db_url "$DB")" \
  -Dbench.out="$OUT" ${BENCH_OPTS:-}
end=$(date +%s)
echo "wall time of bench/dataset/run.sh $DB (build, start-up, migration, generation): $((end - start)) s" >> "$OUT"
cat "$OUT"
