#!/usr/bin/env bash
# Backup and restore drill (QUALITY R6, issue 23 part 6; docs/operations.md, "Backup and restore").
#
#   ops/backup-restore-check.sh postgresql|mariadb
#
# 1. Makes a source database with the demo data (MentorHub itself, first start), signs in as the demo mentor
#    and writes a private note (sealed with the instance's key).
# 2. Backs up the three parts that belong together: the database (pg_dump -Fc / mariadb-dump), the file
#    store (files root) and the encryption key file (key directory).
# 3. Restores them into an EMPTY database and fresh directories, starts MentorHub on them (demo off) and
#    signs in through the login form with curl: the mentor's private note reads back.
# 4. Starts MentorHub on the same restored database WITHOUT the key file: the note is unreadable.
#
# It uses databases of its own, <prefix>_src and <prefix>_dst (MH_CHECK_DB_PREFIX, default
# mh_restore_check), drops and recreates ONLY those two, and refuses any prefix that does not start with
# mh_. Servers: PostgreSQL on 127.0.0.1:5432 as postgres, MariaDB on 127.0.0.1:3306 as root (PGHOST,
# PGUSER, PGPASSWORD / MH_CHECK_MARIADB_USER, MH_CHECK_MARIADB_PASSWORD). The jar: APP_JAR (default
# target/mentorhub-*.jar; build it with ./mvnw -DskipTests package). Exit code 0 when every check passed.
set -euo pipefail

DB=${1:?usage: ops/backup-restore-check.sh postgresql|mariadb}
PREFIX=${MH_CHECK_DB_PREFIX:-mh_restore_check}
case "$PREFIX" in mh_*) ;; *) echo "MH_CHECK_DB_PREFIX must start with mh_ (it is dropped and recreated)" >&2; exit 2 ;; esac
SRC=${PREFIX}_src
DST=${PREFIX}_dst
PORT=${MH_CHECK_PORT:-28480}
MPORT=${MH_CHECK_MANAGEMENT_PORT:-28481}
BASE="http://localhost:$PORT"
APP=${APP_JAR:-$(ls target/mentorhub-*.jar 2>/dev/null | grep -v plain | head -1)}
[ -f "$APP" ] || { echo "No application jar (APP_JAR, or ./mvnw -DskipTests package first)" >&2; exit 2; }
WORK=$(mktemp -d /tmp/mh-restore-check.XXXXXX)
MENTOR=mentor@northbridge.demo
PASSWORD=mentorhub-demo
NOTE="Restore drill private note $(date -u +%Y%m%dT%H%M%SZ)"
APP_PID=
FAILED=0
START=$(date +%s)

export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-}
MYUSER=${MH_CHECK_MARIADB_USER:-root}
MYPASS=${MH_CHECK_MARIADB_PASSWORD:-}
my() { mariadb -h 127.0.0.1 -P 3306 -u "$MYUSER" ${MYPASS:+-p"$MYPASS"} "$@"; }

cleanup() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

step() { printf '[%4ds] %s\n' $(( $(date +%s) - START )) "$*"; }
check() { # description, then the command
  local what=$1; shift
  if "$@"; then step "PASS $what"; else step "FAIL $what"; FAILED=1; fi
}

url_of() {
  case "$DB" in
    postgresql) echo "jdbc:postgresql://127.0.0.1:5432/$1" ;;
    mariadb) echo "jdbc:mariadb://127.0.0.1:3306/$1" ;;
  esac
}

recreate() { # database
  case "$DB" in
    postgresql) psql -q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" ;;
    mariadb) my -e "DROP DATABASE IF EXISTS $1; CREATE DATABASE $1 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ;;
  esac
}

sql() { # database, query: prints the single value
  case "$DB" in
    postgresql) psql -d "$1" -tAc "$2" ;;
    mariadb) my -N -B "$1" -e "$2" ;;
  esac
}

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_app() { # database, key directory, files root, demo (true/false), log
  local username password
  for p in "$PORT" "$MPORT"; do
    if in_use "$p"; then echo "Port $p is taken by another program (MH_CHECK_PORT, MH_CHECK_MANAGEMENT_PORT)" >&2; exit 2; fi
  done
  case "$DB" in postgresql) username=$PGUSER password=$PGPASSWORD ;; mariadb) username=$MYUSER password=$MYPASS ;; esac
  java -Xmx768m -jar "$APP" --server.port="$PORT" --management.server.port="$MPORT" \
    --spring.datasource.url="$(url_of "$1")" --spring.datasource.username="$username" \
    --spring.datasource.password="$password" --mentorhub.crypto.key-directory="$2" --mentorhub.files.root="$3" \
    --mentorhub.demo.enabled="$4" > "$5" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1200); do
    if curl -fsS -o /dev/null "http://localhost:$MPORT/actuator/health/readiness" 2>/dev/null; then
      step "MentorHub ready on $1 (pid $APP_PID)"; return 0
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "MentorHub did not start; log:" >&2; grep -m5 -A3 "Caused by\|ERROR" "$5" >&2 || tail -30 "$5" >&2; exit 1
    fi
    sleep 0.5
  done
  echo "MentorHub was not ready after 10 minutes" >&2; exit 1
}

stop_app() { # SIGTERM, as an operator would: a graceful shutdown
  kill -TERM "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
}

csrf_of() { grep -o '<input[^>]*name="_csrf"[^>]*>' | head -1 | sed 's/.*value="\([^"]*\)".*/\1/'; }

sign_in() { # cookie jar: signs in as the demo mentor through the login form; true when it lands on /
  local jar=$1 csrf location
  rm -f "$jar"
  csrf=$(curl -fsS -c "$jar" -b "$jar" "$BASE/login" | csrf_of)
  location=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "username=$MENTOR" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login")
  [ "$location" = "$BASE/" ] && curl -fsS -o /dev/null -b "$jar" "$BASE/"
}

notes_of() { curl -fsS -b "$1" "$BASE/api/v1/sessions/$SESSION/notes"; }

echo "MentorHub backup and restore drill on $DB, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "jar: $APP; work: $WORK; databases: $SRC -> $DST"
echo "tools: $(case "$DB" in postgresql) pg_dump --version ;; mariadb) mariadb-dump --version ;; esac)"

step "1. Source: an empty database $SRC, MentorHub with the demo data"
recreate "$SRC"
mkdir -p "$WORK/source"
start_app "$SRC" "$WORK/source/keys" "$WORK/source/files" true "$WORK/source.log"
SESSION=$(sql "$SRC" "SELECT s.id FROM mentoring_sessions s JOIN users u ON u.id = s.mentor_id WHERE u.email = '$MENTOR' ORDER BY s.id LIMIT 1")
check "sign-in as $MENTOR on the source" sign_in "$WORK/jar"
CSRF=$(curl -fsS -b "$WORK/jar" "$BASE/account/tokens" | csrf_of)
curl -fsS -o /dev/null -b "$WORK/jar" -H "X-CSRF-TOKEN: $CSRF" -H 'Content-Type: application/json' \
  -d "{\"content\":\"$NOTE\",\"privateNote\":true}" "$BASE/api/v1/sessions/$SESSION/notes"
KEY_ID=$(sql "$SRC" "SELECT content_key_id FROM session_notes WHERE session_id = $SESSION AND is_private = TRUE ORDER BY id DESC LIMIT 1")
check "the private note is sealed in the database (key $KEY_ID), not stored as text" \
  test "$(sql "$SRC" "SELECT COUNT(*) FROM session_notes WHERE content LIKE '%Restore drill%'")" = 0
stop_app
step "source stopped (SIGTERM)"

step "2. Backup: database, file store and key file"
mkdir -p "$WORK/backup"
case "$DB" in
  postgresql) pg_dump -Fc -f "$WORK/backup/mentorhub.dump" "$SRC" ;;
  mariadb) my -e "SELECT 1" >/dev/null
    mariadb-dump -h 127.0.0.1 -P 3306 -u "$MYUSER" ${MYPASS:+-p"$MYPASS"} --single-transaction --routines \
      --triggers --hex-blob "$SRC" > "$WORK/backup/mentorhub.sql" ;;
esac
mkdir -p "$WORK/source/files"
tar -C "$WORK/source" -czf "$WORK/backup/files.tar.gz" files
tar -C "$WORK/source" -czf "$WORK/backup/keys.tar.gz" keys
( cd "$WORK/backup" && for f in *; do printf '       %-18s %8d bytes\n' "$f" "$(stat -c %s "$f")"; done )

step "3. Restore into an empty database $DST and fresh directories"
recreate "$DST"
case "$DB" in
  postgresql) pg_restore --no-owner --exit-on-error -d "$DST" "$WORK/backup/mentorhub.dump" ;;
  mariadb) my "$DST" < "$WORK/backup/mentorhub.sql" ;;
esac
mkdir -p "$WORK/restored"
tar -C "$WORK/restored" -xzf "$WORK/backup/files.tar.gz"
tar -C "$WORK/restored" -xzf "$WORK/backup/keys.tar.gz"
check "users restored ($(sql "$DST" "SELECT COUNT(*) FROM users") rows, as in the source)" \
  test "$(sql "$DST" "SELECT COUNT(*) FROM users")" = "$(sql "$SRC" "SELECT COUNT(*) FROM users")"
start_app "$DST" "$WORK/restored/keys" "$WORK/restored/files" false "$WORK/restored.log"
check "sign-in smoke test on the restored database (login form, then the home page)" sign_in "$WORK/jar"
check "the private note reads back with the restored key file" grep -q "\"content\":\"$NOTE\"" <(notes_of "$WORK/jar")
check "readiness UP on the management port" curl -fsS -o /dev/null "http://localhost:$MPORT/actuator/health/readiness"
stop_app

step "4. The same restored database WITHOUT the key file (a new, empty key directory)"
start_app "$DST" "$WORK/no-keys" "$WORK/restored/files" false "$WORK/no-keys.log"
check "sign-in still works (passwords are hashes, not sealed)" sign_in "$WORK/jar"
unreadable_only() { grep -q '"unreadable":true' <<<"$1" && ! grep -q 'Restore drill' <<<"$1"; }
check "the private note cannot be read: unreadable, no content" unreadable_only "$(notes_of "$WORK/jar")"
stop_app

if [ "$FAILED" = 0 ]; then step "RESULT: PASS ($DB)"; else step "RESULT: FAIL ($DB)"; fi
exit "$FAILED"
