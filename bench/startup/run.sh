#!/usr/bin/env bash
# Start-up benchmark: time from `java` to ready, for MentorHub on the embedded H2 database and for a bare
# Spring MVC + JDBC + Thymeleaf app (the baseline, bench/startup/baseline), measured alternately in the
# same run, each in two ways:
#   jar: `java -jar app.jar` (the executable jar, nested jars read through Boot's loader);
#   cds: the jar extracted (`java -Djarmode=tools -jar app.jar extract`) and started with a class-data
#        sharing archive made by a training run (`-XX:ArchiveClassesAtExit`, `-Dspring.context.exit=onRefresh`),
#        as docs/performance.md and docs/operations.md describe for production.
#   MentorHub "fresh": empty data directory (migrations + demo load), ready = readiness UP.
#   MentorHub "warm":  second start on the same data (nothing to migrate or load).
#   Baseline:          ready = GET / answers.
# Writes bench/results/startup.txt with every sample, the medians and the ratios.
# Usage: bench/startup/run.sh [runs]   (default 5); BENCH_SKIP_BUILD=1 uses the jars built before.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
PORT=${BENCH_APP_PORT:-18080}
OUT=${BENCH_OUT:-bench/results/startup.txt}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "Building MentorHub and the baseline..."
  ./mvnw -q -B -ntp -o package -DskipTests -Djacoco.skip=true
  ./mvnw -q -B -ntp -o -f bench/startup/baseline/pom.xml package
fi
APP=$(ls target/mentorhub-*.jar | grep -v plain | head -1)
BASE=bench/startup/baseline/target/bare-endpoint-1.jar

now_ms() { date +%s%3N; }

# start_and_wait URL JAVA_ARGS... -> prints milliseconds until URL answers with "UP" or "ok"
start_and_wait() {
  local url=$1; shift
  local start; start=$(now_ms)
  java "$@" > "$WORK/app.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 2400); do
    if curl -fsS "$url" 2>/dev/null | grep -qE '"status":"UP"|^ok$'; then
      local end; end=$(now_ms)
      kill "$pid"; wait "$pid" 2>/dev/null || true
      echo $((end - start)); return 0
    fi
    sleep 0.05
  done
  kill "$pid" || true
  echo "did not become ready; log:" >&2; tail -30 "$WORK/app.log" >&2; return 1
}

# CDS: extract each jar and train an archive (one start that exits once the context is refreshed).
echo "Extracting the jars and training the class-data sharing archives..."
java -Djarmode=tools -jar "$APP" extract --destination "$WORK/x-app" > /dev/null
java -Djarmode=tools -jar "$BASE" extract --destination "$WORK/x-base" > /dev/null
APP_X=$(ls "$WORK"/x-app/*.jar | head -1)
BASE_X=$(ls "$WORK"/x-base/*.jar | head -1)
java -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP_X" --server.port=$PORT \
  "--spring.datasource.url=jdbc:h2:file:$WORK/train/mentorhub" "--mentorhub.files.root=$WORK/train/files" > "$WORK/train-app.log" 2>&1 || true
java -XX:ArchiveClassesAtExit="$WORK/base.jsa" -Dspring.context.exit=onRefresh -jar "$BASE_X" --server.port=$PORT > "$WORK/train-base.log" 2>&1 || true
[ -f "$WORK/app.jsa" ] && [ -f "$WORK/base.jsa" ] || { echo "CDS training failed" >&2; tail -20 "$WORK/train-app.log" >&2; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

for f in fresh warm base fresh_cds warm_cds base_cds; do : > "$WORK/$f"; done
for i in $(seq 1 "$RUNS"); do
  data="$WORK/data-$i"; data_cds="$WORK/data-cds-$i"
  args=(--server.port=$PORT "--spring.datasource.url=jdbc:h2:file:$data/mentorhub" "--mentorhub.files.root=$data/files")
  args_cds=(--server.port=$PORT "--spring.datasource.url=jdbc:h2:file:$data_cds/mentorhub" "--mentorhub.files.root=$data_cds/files")
  ready="http://localhost:$PORT/actuator/health/readiness"
  start_and_wait "$ready" -jar "$APP" "${args[@]}" >> "$WORK/fresh"
  start_and_wait "$ready" -jar "$APP" "${args[@]}" >> "$WORK/warm"
  start_and_wait "http://localhost:$PORT/" -jar "$BASE" --server.port=$PORT >> "$WORK/base"
  start_and_wait "$ready" -XX:SharedArchiveFile="$WORK/app.jsa" -jar "$APP_X" "${args_cds[@]}" >> "$WORK/fresh_cds"
  start_and_wait "$ready" -XX:SharedArchiveFile="$WORK/app.jsa" -jar "$APP_X" "${args_cds[@]}" >> "$WORK/warm_cds"
  start_and_wait "http://localhost:$PORT/" -XX:SharedArchiveFile="$WORK/base.jsa" -jar "$BASE_X" --server.port=$PORT >> "$WORK/base_cds"
  echo "run $i: jar fresh $(tail -1 "$WORK/fresh") warm $(tail -1 "$WORK/warm") baseline $(tail -1 "$WORK/base");" \
    "cds fresh $(tail -1 "$WORK/fresh_cds") warm $(tail -1 "$WORK/warm_cds") baseline $(tail -1 "$WORK/base_cds") ms"
done

f=$(median < "$WORK/fresh"); w=$(median < "$WORK/warm"); b=$(median < "$WORK/base")
fc=$(median < "$WORK/fresh_cds"); wc=$(median < "$WORK/warm_cds"); bc=$(median < "$WORK/base_cds")
{
  echo "# MentorHub start-up to ready, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# command: bench/startup/run.sh $RUNS"
  for f_ in fresh warm base fresh_cds warm_cds base_cds; do printf 'samples_ms %-10s %s\n' "$f_:" "$(tr '\n' ' ' < "$WORK/$f_")"; done
  echo "median_ms jar: fresh=$f warm=$w baseline=$b"
  echo "median_ms cds: fresh=$fc warm=$wc baseline=$bc"
  awk -v f="$f" -v w="$w" -v b="$b" -v fc="$fc" -v wc="$wc" -v bc="$bc" 'BEGIN {
    printf "ratio jar: fresh/baseline=%.2f warm/baseline=%.2f\n", f/b, w/b
    printf "ratio cds: fresh/baseline=%.2f warm/baseline=%.2f (both with their own archive)\n", fc/bc, wc/bc
    printf "ratio MentorHub cds warm / baseline jar = %.2f (target: warm <= 2.00)\n", wc/b
    printf "CDS saves: MentorHub warm %.0f%%, baseline %.0f%%\n", 100*(1-wc/w), 100*(1-bc/b) }'
} | tee "$OUT"
