#!/usr/bin/env bash
# argon2id verify time (QUALITY S1) against bcrypt cost 10 in the same run.
# Writes bench/results/argon2.txt. Usage: bench/argon2/run.sh [runs]   (default 41)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -ntp compile
CP="target/classes:$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)"
OUT=bench/results/argon2.txt
{
  echo "# argon2id verify, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "# command: bench/argon2/run.sh ${1:-41}"
  java -cp "$CP" bench/argon2/Argon2Bench.java "${1:-41}"
} | tee "$OUT"
