#!/usr/bin/env bash
# Start-up benchmark: time from `java -jar` to ready, for MentorHub on the embedded H2 database and
# for a bare Spring MVC endpoint app (the baseline), measured alternately in the same run.
#   MentorHub "fresh": empty data directory (migrations + demo load), ready = readiness UP.
#   MentorHub "warm":  second start on the same data (nothing to migrate or load).
#   Baseline:          ready = GET / answers.
# Writes bench/results/startup.txt with every sample, the medians and the ratios.
# Usage: bench/startup/run.sh [runs]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
PORT=18080
OUT=bench/results/startup.txt
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "Building MentorHub and the baseline..."
./mvnw -q -B -ntp package -DskipTests
./mvnw -q -B -ntp -f bench/startup/baseline/pom.xml package
APP=$(ls target/mentorhub-*.jar | head -1)
BASE=bench/startup/baseline/target/bare-endpoint-1.jar

now_ms() { date +%s%3N; }

# start_and_wait URL JAR ARGS... -> prints milliseconds until URL answers with "UP" or "ok"
start_and_wait() {
  local url=$1; shift
  local start; start=$(now_ms)
  java "$@" > "$WORK/app.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 1200); do
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

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

: > "$WORK/fresh"; : > "$WORK/warm"; : > "$WORK/base"
for i in $(seq 1 "$RUNS"); do
  data="$WORK/data-$i"
  args=(-jar "$APP" --server.port=$PORT "--spring.datasource.url=jdbc:h2:file:$data/mentorhub")
  start_and_wait "http://localhost:$PORT/actuator/health/readiness" "${args[@]}" >> "$WORK/fresh"
  start_and_wait "http://localhost:$PORT/actuator/health/readiness" "${args[@]}" >> "$WORK/warm"
  start_and_wait "http://localhost:$PORT/" -jar "$BASE" --server.port=$PORT >> "$WORK/base"
  echo "run $i: fresh $(tail -1 "$WORK/fresh") ms, warm $(tail -1 "$WORK/warm") ms, baseline $(tail -1 "$WORK/base") ms"
done

f=$(median < "$WORK/fresh"); w=$(median < "$WORK/warm"); b=$(median < "$WORK/base")
{
  echo "# MentorHub start-up to ready, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "# command: bench/startup/run.sh $RUNS"
  echo "samples_ms fresh:    $(tr '\n' ' ' < "$WORK/fresh")"
  echo "samples_ms warm:     $(tr '\n' ' ' < "$WORK/warm")"
  echo "samples_ms baseline: $(tr '\n' ' ' < "$WORK/base")"
  echo "median_ms fresh=$f warm=$w baseline=$b"
  awk -v f="$f" -v w="$w" -v b="$b" 'BEGIN { printf "ratio fresh/baseline=%.2f warm/baseline=%.2f (target: warm <= 2.00)\n", f/b, w/b }'
} | tee "$OUT"
