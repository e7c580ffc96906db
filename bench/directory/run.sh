#!/usr/bin/env bash
# Directory benchmark: fills a database with one institution of 50,000 users and 2,000 mentors (JDBC
# batches; kept between runs), then measures a mix of directory searches as a service call (one thread)
# and over HTTP (32 concurrent signed-in clients against the running app), next to a baseline
# (a user read by primary key; GET /api/v1/me over HTTP). Writes bench/results/directory.txt.
# Usage: bench/directory/run.sh            H2 file database in /tmp/mh-bench-directory (default)
#        bench/directory/run.sh postgresql  MENTORHUB_TEST_POSTGRESQL_URL (e.g. jdbc:postgresql://127.0.0.1:5432/mh_bench)
# Options as system properties in BENCH_OPTS: -Dbench.iterations=2000 -Dbench.concurrency=32
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:-h2}
EXTRA=()
OUT=bench/results/directory.txt
if [ "$DB" = "h2" ]; then
  mkdir -p /tmp/mh-bench-directory
  EXTRA+=("-Dspring.datasource.url=jdbc:h2:file:/tmp/mh-bench-directory/db")
else
  OUT=bench/results/directory-$DB.txt
fi
./mvnw -q -B -ntp verify -Dmentorhub.test.db="$DB" -Dtest=DirectoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true -Dbench.out="$PWD/$OUT" ${BENCH_OPTS:-} "${EXTRA[@]}"
cat "$OUT"
