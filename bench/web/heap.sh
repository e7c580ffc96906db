#!/usr/bin/env bash
# The bounded-heap check of issue 11: the web benchmark's URLs of every role, run with MentorHub and the
# ceiling at -Xmx512m and without a bound, one after the other (BENCH_HEAP_ROUNDS times each, alternating), on
# the same database. Writes bench/results/web-<db>-heap.txt: per URL the requests per second of each mode (the
# median of the rounds), bounded over unbounded, and the errors and non-2xx answers of the bounded runs.
# Usage: bench/web/heap.sh [postgresql|h2|mariadb]   (bench/dataset/run.sh <db> first)
# Environment: BENCH_HEAP (-Xmx512m), BENCH_HEAP_ROUNDS (1), BENCH_HEAP_URLS (role:path ..., below), BENCH_OUT,
#   and bench/web/run.sh's own (BENCH_DURATION, BENCH_WARMUP, BENCH_CEILING_WARMUP, BENCH_SKIP_BUILD, ...).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:-postgresql}
HEAP=${BENCH_HEAP:--Xmx512m}
ROUNDS=${BENCH_HEAP_ROUNDS:-1}
# Each role's dashboard, its heaviest lists and its main API reads.
URLS=${BENCH_HEAP_URLS:-"mentor:/ mentor:/sessions mentor:/directory mentor:/groups mentor:/api/v1/me mentor:/api/v1/sessions
  mentee:/ mentee:/mentorships/suggestions mentee:/api/v1/notifications
  coordinator:/ coordinator:/alerts coordinator:/sessions/attendance coordinator:/api/v1/users
  admin:/ admin:/admin/users admin:/admin/audit admin:/api/v1/audit-logs platform:/platform/institutions"}
OUT=${BENCH_OUT:-bench/results/web-$DB-heap.txt}
WORK=$(mktemp -d /tmp/mh-bench-heap.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
for round in $(seq 1 "$ROUNDS"); do
  for mode in unbounded bounded; do
    opts=""; [ "$mode" = bounded ] && opts=$HEAP
    echo "Round $round, $mode (${opts:-no -Xmx})..."
    BENCH_JAVA_OPTS="$opts" BENCH_ONLY="$(echo $URLS)" BENCH_OUT="$WORK/$mode-$round.txt" bash bench/web/run.sh "$DB" > "$WORK/$mode-$round.log" 2>&1 \
      || { tail -20 "$WORK/$mode-$round.log"; exit 1; }
    BENCH_SKIP_BUILD=1; export BENCH_SKIP_BUILD
  done
done
{
  echo "# MentorHub at $HEAP against no bound, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "# command: bench/web/heap.sh $DB; $ROUNDS round(s) of bench/web/run.sh per mode, alternating; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# req/s: median of the rounds; errors and non-2xx: the bounded runs' sums; MentorHub's ERROR log lines of the bounded runs: $(cat "$WORK"/bounded-*.txt | grep -o 'errors in its log during the run: [0-9]*' | awk '{ s += $NF } END { print s + 0 }')"
  python3 - "$WORK" "$ROUNDS" <<'EOF'
import glob, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
def rows(mode):
    out = {}
    for f in sorted(glob.glob(f"{work}/{mode}-*.txt")):
        for line in open(f):
            p = line.split()
            if line.startswith('#') or len(p) < 12 or p[0] == 'role':
                continue
            out.setdefault((p[0], p[1], p[2]), []).append((float(p[3]), int(p[7]), int(p[8])))
    return out
u, b = rows('unbounded'), rows('bounded')
fmt = "%-12s %-5s %-34s %10s %10s %8s %7s %6s"
print(fmt % ('role', 'kind', 'url', 'unbounded', 'bounded', 'ratio', 'non2xx', 'errors'))
ratios = []
for key in u:
    if key not in b:
        continue
    ru = statistics.median(x[0] for x in u[key]); rb = statistics.median(x[0] for x in b[key])
    ratio = 100 * rb / ru if ru else 0
    if key[0] != 'ceiling':
        ratios.append(ratio)
    print(fmt % (key[0], key[1], key[2], f"{ru:.1f}", f"{rb:.1f}", f"{ratio:.1f}%", sum(x[1] for x in b[key]), sum(x[2] for x in b[key])))
if ratios:
    print(f"# MentorHub's URLs: bounded over unbounded, median {statistics.median(ratios):.1f}%, least {min(ratios):.1f}%, most {max(ratios):.1f}%")
EOF
} > "$OUT"
cat "$OUT"
