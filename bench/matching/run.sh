#!/usr/bin/env bash
# Matching benchmark (issue 5, QUALITY "Matching"): generated instances of 2,000 x 100, 20,000 x 800 and
# 100,000 x 4,000 mentees x mentors; for each, the time to score and build the top-K candidates, the exact
# min-cost-flow solve (OR-Tools), the total score and mentees unassigned, and the same for the greedy
# baseline on the same candidates in the same process; heap peak under -Xmx1g; then the p50/p99 latency
# of a mentee's top 10 over 4,000 mentors. Writes bench/results/matching.txt.
# Usage: bench/matching/run.sh                 (all sizes)
# Options in BENCH_OPTS, e.g. -Dbench.k=20 -Dbench.sizes=20000x800:5 -Dbench.queries=20000
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -ntp test-compile -Djacoco.skip=true
CP="target/test-classes:target/classes:$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
OUT=bench/results/matching.txt
{
  echo "# matching benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)"
  echo "# command: bench/matching/run.sh  (java -Xmx1g ${BENCH_OPTS:-}); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT"
java -Xmx1g -XX:+UseParallelGC ${BENCH_OPTS:-} -Dbench.out="$PWD/$OUT" -cp "$CP" org.mentorhub.mentorship.matching.MatchingBenchmark >/dev/null
cat "$OUT"
