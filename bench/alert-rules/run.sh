#!/usr/bin/env bash
# Alert rule sweep benchmark: a fresh university with BENCH_STUDENTS students (default 20,000; a third below
# the GPA rule, a fifth at risk HIGH), every kind of rule on; times the first sweep (raises the alerts) and a
# second one (nothing changed: the batch reads only) and counts their statements.
# Writes bench/results/alert-rules-sweep[-db].txt.
# Usage: bench/alert-rules/run.sh             H2 (in memory)
#        bench/alert-rules/run.sh postgresql  MENTORHUB_TEST_POSTGRESQL_URL (e.g. jdbc:postgresql://127.0.0.1:5432/mh_bench_rules)
#        bench/alert-rules/run.sh mariadb     MENTORHUB_TEST_MARIADB_URL
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:-h2}
OUT=bench/results/alert-rules-sweep.txt
if [ "$DB" != "h2" ]; then
  OUT=bench/results/alert-rules-sweep-$DB.txt
fi
./mvnw -q -B -ntp test -Dmentorhub.test.db="$DB" -Dtest=AlertRuleSweepBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true -Dbench.students="${BENCH_STUDENTS:-20000}" -Dbench.out="$PWD/$OUT" ${BENCH_OPTS:-}
cat "$OUT"
