#!/usr/bin/env bash
# The outage and crash drills (issue 23, part 8; drills/README.md):
#   drills/run.sh [postgresql|mariadb] [short|full]
# Two instances of the jar behind haproxy, a load that records every acknowledged write, then
#   outage: the database stops for 15 s (full: 60 s) and starts again;
#   crash:  kill -9 of one instance, a replacement starts, SIGTERM to the other while the load goes on;
# and at the end the database is compared with what the client was told. PHASES="outage crash" (default)
# chooses the drills. DRILLS_SAVE=1 also writes the report to drills/results/. Exit 0 when the drill passed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB=${1:-postgresql}
MODE=${2:-short}
PHASES=${PHASES:-outage crash}
[[ $DB == postgresql || $DB == mariadb ]] || die "database: postgresql or mariadb"
[[ $MODE == short || $MODE == full ]] || die "mode: short or full"
if [[ $MODE == short ]]; then WARMUP=5 OUTAGE=15 AFTER=3 CRASH=0 WRITERS=3; else WARMUP=30 OUTAGE=60 AFTER=20 CRASH=30 WRITERS=4; fi

RUN_ID=$(date -u +%Y%m%dT%H%M%S)
RUN_DIR=${DRILLS_RUN_DIR:-/tmp/mentorhub-drills}/$DB-$MODE-$RUN_ID
mkdir -p "$RUN_DIR/files"
: >"$RUN_DIR/phases.log"
STARTED=$(date +%s)
log "drill $DB $MODE ($PHASES), run directory $RUN_DIR"

cleanup() {
	[[ -n "${READINESS_PID:-}" ]] && kill "$READINESS_PID" 2>/dev/null
	[[ -n "${CLIENT_PID:-}" ]] && kill "$CLIENT_PID" 2>/dev/null
	haproxy_stop
	app_stop_all
	# The drill's own database server is stopped (it holds nothing else); the next run starts it again.
	[[ "${DRILLS_KEEP_DB:-0}" == 1 ]] || db_stop
}
trap cleanup EXIT

ensure_tools
JAR=$(app_jar)
DRILLS_KEY=$(head -c 32 /dev/urandom | base64)
db_setup
db_start
db_fresh
APP1=${DRILLS_APP_PORTS[0]} APP2=${DRILLS_APP_PORTS[1]}

# The first instance migrates the empty database and loads the demo data; the second then starts on it,
# while the load client signs in through haproxy (which sends nothing to an instance before it is ready).
app_start app1 "$APP1"
wait_ready app1 "$APP1" 300
app_start app2 "$APP2"
haproxy_start
mark start
java "$DRILLS_DIR/LoadClient.java" load "http://127.0.0.1:$DRILLS_LB_PORT" "$RUN_DIR" "$RUN_ID" "$WRITERS" \
	>"$RUN_DIR/client.log" 2>&1 &
CLIENT_PID=$!
wait_ready app2 "$APP2" 300
for _ in $(seq 1 150); do [[ -e "$RUN_DIR/client-ready" ]] && break; kill -0 $CLIENT_PID 2>/dev/null || break; sleep 0.2; done
[[ -e "$RUN_DIR/client-ready" ]] || { cat "$RUN_DIR/client.log" >&2; die "the load client did not start"; }
haproxy_wait_up app1 60
haproxy_wait_up app2 60

# Each instance's readiness, every second: "<epoch ms> <phase> <port> <status>".
(
	while true; do
		phase=$(tail -1 "$RUN_DIR/phases.log" | cut -d' ' -f2)
		for port in "$APP1" "$APP2"; do
			echo "$(now_ms) $phase $port $(curl -s -o /dev/null -m 6 -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness")" &
		done >>"$RUN_DIR/readiness.log"
		sleep 1
	done
) &
READINESS_PID=$!

mark warmup
sleep "$WARMUP"

if [[ " $PHASES " == *" outage "* ]]; then
	mark outage
	db_stop
	sleep "$OUTAGE"
	mark db-back
	db_start
	# Back in the balancer: both instances ready again (the report measures the first acknowledged write).
	back=$(date +%s)
	until [[ $(readiness "$APP1") == 200 && $(readiness "$APP2") == 200 ]]; do
		(($(date +%s) - back > 60)) && { log "instances not ready 60 s after the database returned"; break; }
		sleep 0.5
	done
	log "both instances ready $(($(date +%s) - back)) s after the database returned"
	echo "$(($(date +%s) - back))" >"$RUN_DIR/instances-ready-after.txt"
	# The crash drill starts only once a write has been acknowledged again (the report measures when).
	back_ms=$(awk '$2=="db-back" {print $1}' "$RUN_DIR/phases.log")
	until awk -v b="$back_ms" '$1=="write" && $6==201 && $2>=b {found=1; exit} END {exit !found}' "$RUN_DIR/events.log"; do
		(($(date +%s) - back > 60)) && { log "no write acknowledged 60 s after the database returned"; break; }
		sleep 0.5
	done
	mark steady
	sleep "$AFTER"
fi

if [[ " $PHASES " == *" crash "* ]]; then
	mark kill-9
	kill -KILL "$(app_pid app1)"
	log "kill -9 app1; the load goes on through app2"
	sleep 3
	# The cookie of the sign-in made before the kill, sent straight to the survivor.
	curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $(cat "$RUN_DIR/session-cookie")" \
		"http://127.0.0.1:$APP2/api/v1/me" >"$RUN_DIR/session-survivor.txt"
	log "session cookie on the survivor: $(cat "$RUN_DIR/session-survivor.txt")"
	sleep "$CRASH"
	# The survivor serves alone until the replacement (the same port) is ready and haproxy takes it in.
	app_start app1 "$APP1"
	wait_ready app1 "$APP1" 300
	# The replacement must be in haproxy's rotation before the other one stops.
	haproxy_wait_up app1 60
	sleep 1
	mark sigterm
	kill -TERM "$(app_pid app2)"
	log "SIGTERM to app2"
	for _ in $(seq 1 90); do kill -0 "$(app_pid app2)" 2>/dev/null || break; sleep 0.5; done
	kill -0 "$(app_pid app2)" 2>/dev/null && log "app2 still running 45 s after SIGTERM"
	log "app2 exited"
	sleep "$AFTER"
fi

mark stop
touch "$RUN_DIR/stop"
wait "$CLIENT_PID"
CLIENT_PID=
mark end
db_query "SELECT id, title FROM goals WHERE title LIKE 'drill $RUN_ID-%'" >"$RUN_DIR/db-goals.txt"

{
	echo "MentorHub drill: $DB $MODE ($PHASES)"
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ), command: PHASES=\"$PHASES\" drills/run.sh $DB $MODE, commit: $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null)"
	echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), haproxy $(haproxy -v | head -1 | awk '{print $3}')"
	echo "duration: $(($(date +%s) - STARTED)) s in all"
	echo
	java "$DRILLS_DIR/LoadClient.java" report "$RUN_DIR"
} | tee "$RUN_DIR/report.txt"
result=${PIPESTATUS[0]}
grep -q "DRILL PASSED" "$RUN_DIR/report.txt" && result=0 || result=1
if [[ "${DRILLS_SAVE:-0}" == 1 ]]; then
	cp "$RUN_DIR/report.txt" "$DRILLS_DIR/results/$(date -u +%Y-%m-%d)-$DB-$MODE.txt"
	log "saved drills/results/$(date -u +%Y-%m-%d)-$DB-$MODE.txt"
fi
exit $result
