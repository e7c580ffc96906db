#!/usr/bin/env bash
# Common functions of the drills (drills/README.md). Sourced by run.sh; every function is idempotent.
# Never touches the shared servers on 5432 and 3306: the drills run their own PostgreSQL cluster on
# DRILLS_PG_PORT and their own mariadbd on DRILLS_MARIADB_PORT, which they may stop and start at will.

DRILLS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$DRILLS_DIR/.." && pwd)
DRILLS_PG_PORT=${DRILLS_PG_PORT:-5433}
DRILLS_PG_CLUSTER=${DRILLS_PG_CLUSTER:-drills}
DRILLS_MARIADB_PORT=${DRILLS_MARIADB_PORT:-3307}
DRILLS_MARIADB_HOME=${DRILLS_MARIADB_HOME:-/tmp/mentorhub-drills-mariadb}
DRILLS_DB_NAME=${DRILLS_DB_NAME:-mentorhub_drill}
DRILLS_LB_PORT=${DRILLS_LB_PORT:-18480}
DRILLS_APP_PORTS=(${DRILLS_APP_PORTS:-18481 18482})

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
now_ms() { date +%s%3N; }

# A phase mark for the report: "<epoch ms> <name>" (the load client's records are split by these).
mark() { echo "$(now_ms) $1" >>"$RUN_DIR/phases.log"; log "phase: $1"; }

ensure_tools() {
	command -v haproxy >/dev/null || { log "installing haproxy"; apt-get install -y -q haproxy >/dev/null || die "apt-get install haproxy"; }
	command -v curl >/dev/null || die "curl is missing"
	command -v java >/dev/null || die "java is missing"
}

# The executable jar; built (offline, without tests) when missing or when DRILLS_BUILD=1.
app_jar() {
	local jar
	jar=$(ls "$REPO_DIR"/target/mentorhub-*.jar 2>/dev/null | grep -v -- '-plain\|sources' | head -1)
	if [[ -z "$jar" || "${DRILLS_BUILD:-0}" == 1 ]]; then
		log "building the jar (./mvnw -o -q package -DskipTests)"
		(cd "$REPO_DIR" && nice -n 19 ./mvnw -B -ntp -o -q package -DskipTests -Djacoco.skip=true >&2) || die "build"
		jar=$(ls "$REPO_DIR"/target/mentorhub-*.jar | grep -v -- '-plain\|sources' | head -1)
	fi
	echo "$jar"
}

# ---- PostgreSQL: a cluster of the drills' own ----------------------------------------------------

pg_version() { ls /usr/lib/postgresql | sort -n | tail -1; }

pg_setup() {
	local v; v=$(pg_version)
	[[ -n "$v" ]] || die "no PostgreSQL installed"
	if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$DRILLS_PG_CLUSTER"; then
		log "creating PostgreSQL $v cluster $DRILLS_PG_CLUSTER on port $DRILLS_PG_PORT"
		pg_createcluster "$v" "$DRILLS_PG_CLUSTER" --port "$DRILLS_PG_PORT" >/dev/null || die "pg_createcluster"
		local hba=/etc/postgresql/$v/$DRILLS_PG_CLUSTER/pg_hba.conf
		# Trust on loopback only: this cluster holds nothing but drill data.
		sed -i -E 's/^(host\s+all\s+all\s+127\.0\.0\.1\/32\s+)\S+/\1trust/; s/^(host\s+all\s+all\s+::1\/128\s+)\S+/\1trust/' "$hba"
		echo "listen_addresses = '127.0.0.1'" >>"/etc/postgresql/$v/$DRILLS_PG_CLUSTER/postgresql.conf"
		echo "shared_buffers = 64MB" >>"/etc/postgresql/$v/$DRILLS_PG_CLUSTER/postgresql.conf"
	fi
	pg_start
}

pg_start() {
	local v; v=$(pg_version)
	pg_lsclusters -h | awk -v c="$DRILLS_PG_CLUSTER" '$2==c {print $4}' | grep -q online ||
		pg_ctlcluster --skip-systemctl-redirect "$v" "$DRILLS_PG_CLUSTER" start || die "pg start"
	for _ in $(seq 1 50); do pg_isready -q -h 127.0.0.1 -p "$DRILLS_PG_PORT" && return 0; sleep 0.2; done
	die "PostgreSQL on $DRILLS_PG_PORT did not come up"
}

# Stops the drills' cluster (fast: open connections are cut, as in a crash of the server or its host).
pg_stop() {
	local v; v=$(pg_version)
	pg_ctlcluster --skip-systemctl-redirect "$v" "$DRILLS_PG_CLUSTER" stop -m fast 2>/dev/null || true
}

pg_sql() { psql -X -q -A -t -h 127.0.0.1 -p "$DRILLS_PG_PORT" -U postgres "$@"; }

pg_fresh_db() {
	pg_sql -d postgres -c "DROP DATABASE IF EXISTS $DRILLS_DB_NAME WITH (FORCE)" >/dev/null
	pg_sql -d postgres -c "CREATE DATABASE $DRILLS_DB_NAME" >/dev/null
}

# ---- MariaDB: a mariadbd of the drills' own, with its own data directory -------------------------

md_socket() { echo "$DRILLS_MARIADB_HOME/mysqld.sock"; }

md_setup() {
	if [[ ! -d "$DRILLS_MARIADB_HOME/data/mysql" ]]; then
		log "creating a MariaDB data directory in $DRILLS_MARIADB_HOME"
		mkdir -p "$DRILLS_MARIADB_HOME/data"
		mariadb-install-db --no-defaults --user=root --datadir="$DRILLS_MARIADB_HOME/data" \
			--auth-root-authentication-method=socket >"$DRILLS_MARIADB_HOME/install.log" 2>&1 || die "mariadb-install-db"
	fi
	md_start
	# The application's user: no password, loopback only (the server listens on 127.0.0.1 alone).
	mariadb --no-defaults -uroot -S "$(md_socket)" -e \
		"CREATE USER IF NOT EXISTS 'drill'@'127.0.0.1'; GRANT ALL ON *.* TO 'drill'@'127.0.0.1';" || die "mariadb user"
}

md_start() {
	if ! mariadb-admin --no-defaults -uroot -S "$(md_socket)" ping >/dev/null 2>&1; then
		(setsid mariadbd --no-defaults --user=root --datadir="$DRILLS_MARIADB_HOME/data" --port="$DRILLS_MARIADB_PORT" \
			--bind-address=127.0.0.1 --socket="$(md_socket)" --pid-file="$DRILLS_MARIADB_HOME/mysqld.pid" \
			--skip-name-resolve --innodb-buffer-pool-size=128M --max-connections=200 \
			--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
			--log-error="$DRILLS_MARIADB_HOME/error.log" </dev/null >/dev/null 2>&1 &)
	fi
	for _ in $(seq 1 100); do
		mariadb-admin --no-defaults -uroot -S "$(md_socket)" ping >/dev/null 2>&1 && return 0
		sleep 0.2
	done
	die "MariaDB on $DRILLS_MARIADB_PORT did not come up (see $DRILLS_MARIADB_HOME/error.log)"
}

md_stop() {
	mariadb-admin --no-defaults -uroot -S "$(md_socket)" shutdown >/dev/null 2>&1 || true
	for _ in $(seq 1 100); do [[ -e "$(md_socket)" ]] || return 0; sleep 0.2; done
}

md_sql() { mariadb --no-defaults -uroot -S "$(md_socket)" -N -B "$@"; }

md_fresh_db() {
	md_sql -e "DROP DATABASE IF EXISTS $DRILLS_DB_NAME; CREATE DATABASE $DRILLS_DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
}

# ---- The database the drill runs on ($DB: postgresql or mariadb) --------------------------------

db_setup() { if [[ $DB == postgresql ]]; then pg_setup; else md_setup; fi; }
db_start() { if [[ $DB == postgresql ]]; then pg_start; else md_start; fi; }
db_stop() { if [[ $DB == postgresql ]]; then pg_stop; else md_stop; fi; }
db_fresh() { if [[ $DB == postgresql ]]; then pg_fresh_db; else md_fresh_db; fi; }
db_query() { if [[ $DB == postgresql ]]; then pg_sql -d "$DRILLS_DB_NAME" -F ' ' -c "$1"; else md_sql "$DRILLS_DB_NAME" -e "$1" | tr '\t' ' '; fi; }
db_url() {
	if [[ $DB == postgresql ]]; then
		echo "jdbc:postgresql://127.0.0.1:$DRILLS_PG_PORT/$DRILLS_DB_NAME?connectTimeout=5&socketTimeout=60"
	else
		echo "jdbc:mariadb://127.0.0.1:$DRILLS_MARIADB_PORT/$DRILLS_DB_NAME?connectTimeout=5000&socketTimeout=60000"
	fi
}
db_user() { if [[ $DB == postgresql ]]; then echo postgres; else echo drill; fi; }

# ---- The application instances -------------------------------------------------------------------

# app_start NAME PORT: one instance of the jar, with the settings every instance shares (database, file
# store, encryption key; sessions are in the database through Spring Session JDBC).
app_start() {
	local name=$1 port=$2
	(
		cd "$RUN_DIR" || exit 1
		SPRING_DATASOURCE_URL=$(db_url) SPRING_DATASOURCE_USERNAME=$(db_user) SPRING_DATASOURCE_PASSWORD= \
		MENTORHUB_FILES_STORE=filesystem MENTORHUB_FILES_ROOT="$RUN_DIR/files" \
		MENTORHUB_CRYPTO_KEYS_DRILL="$DRILLS_KEY" MENTORHUB_CRYPTO_ACTIVE_KEY=drill \
		MENTORHUB_PLATFORM_SECURE_COOKIES=false MENTORHUB_PLATFORM_BASE_URL="http://127.0.0.1:$DRILLS_LB_PORT" \
		SERVER_FORWARD_HEADERS_STRATEGY=native \
		exec setsid java -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" \
			--server.port="$port" --management.server.port="$port" --server.shutdown=graceful \
			--spring.lifecycle.timeout-per-shutdown-phase=30s --mentorhub.platform.jobs.instance-id="$name" \
			--mentorhub.idempotency.abandoned-after="${DRILLS_ABANDONED_AFTER:-20s}" \
			--mentorhub.platform.shutdown.drain-delay="${DRILLS_DRAIN_DELAY:-4s}" \
			>>"$RUN_DIR/$name.log" 2>&1 </dev/null
	) &
	echo $! >"$RUN_DIR/$name.pid"
	log "started $name on port $port (pid $(cat "$RUN_DIR/$name.pid"))"
}

app_pid() { cat "$RUN_DIR/$1.pid" 2>/dev/null; }

# readiness PORT: the HTTP status of the instance's readiness probe (000 when it does not answer).
readiness() { curl -s -o /dev/null -m 6 -w '%{http_code}' "http://127.0.0.1:$1/actuator/health/readiness"; }

# wait_ready NAME PORT SECONDS
wait_ready() {
	local name=$1 port=$2 limit=$3 start; start=$(date +%s)
	while (($(date +%s) - start < limit)); do
		[[ $(readiness "$port") == 200 ]] && { log "$name ready after $(($(date +%s) - start)) s"; return 0; }
		kill -0 "$(app_pid "$name")" 2>/dev/null || die "$name exited during start-up (see $RUN_DIR/$name.log)"
		sleep 1
	done
	die "$name not ready within $limit s (see $RUN_DIR/$name.log)"
}

# app_stop_all: the drill's own instances only, by their recorded process ids.
app_stop_all() {
	local f pid
	for f in "$RUN_DIR"/*.pid; do
		[[ -e "$f" ]] || continue
		pid=$(cat "$f")
		kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
	done
	return 0
}

# ---- haproxy ----------------------------------------------------------------------------------

haproxy_start() {
	local i=0 servers=""
	for port in "${DRILLS_APP_PORTS[@]}"; do
		i=$((i + 1))
		servers+="    server app$i 127.0.0.1:$port check"$'\n'
	done
	cat >"$RUN_DIR/haproxy.cfg" <<CFG
global
    maxconn 512
    stats socket $RUN_DIR/haproxy.sock mode 600 level admin
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout check 6s
    # A connection refused by a dead or stopping instance is tried on the other one. Nothing else is
    # retried: a request that reached an instance which then died is the client's to retry.
    retries 3
    option redispatch 1
    retry-on conn-failure
frontend stats
    bind 127.0.0.1:$((DRILLS_LB_PORT + 9))
    stats enable
    stats uri /stats
frontend mentorhub
    bind 127.0.0.1:$DRILLS_LB_PORT
    default_backend app
    http-request set-header X-Forwarded-Proto http
    http-request set-header X-Forwarded-For %[src]
backend app
    balance roundrobin
    # Readiness: DOWN while an instance cannot reach the database or is shutting down.
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
$servers
CFG
	haproxy -c -f "$RUN_DIR/haproxy.cfg" >/dev/null || die "haproxy configuration"
	haproxy -D -f "$RUN_DIR/haproxy.cfg" -p "$RUN_DIR/haproxy.pidfile" || die "haproxy"
	log "haproxy on 127.0.0.1:$DRILLS_LB_PORT -> ${DRILLS_APP_PORTS[*]}"
}

# haproxy_wait_up NAME LIMIT: until haproxy itself counts server NAME (app1, app2) as UP, which its checks
# (rise 2, every 1 s) decide some seconds after the instance's own readiness says UP.
haproxy_wait_up() {
	local name=$1 limit=$2 start; start=$(date +%s)
	while (($(date +%s) - start < limit)); do
		curl -s "http://127.0.0.1:$((DRILLS_LB_PORT + 9))/stats;csv" |
			awk -F, -v s="$name" '$1=="app" && $2==s && $18=="UP" {found=1} END {exit !found}' &&
			{ log "haproxy counts $name UP"; return 0; }
		sleep 0.5
	done
	die "haproxy did not count $name UP within $limit s"
}

haproxy_stop() {
	[[ -f "$RUN_DIR/haproxy.pidfile" ]] && kill "$(cat "$RUN_DIR/haproxy.pidfile")" 2>/dev/null
	return 0
}
