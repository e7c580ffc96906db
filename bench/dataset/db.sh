# Shared by bench/dataset/run.sh and bench/web/run.sh: where the bench database lives, per database.
BENCH_H2_DIR=${BENCH_H2_DIR:-/tmp/mh-bench-university}
BENCH_DB_NAME=${BENCH_DB_NAME:-mh_bench_university}
BENCH_PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
BENCH_PG_PORT=${BENCH_PG_PORT:-5432}
BENCH_PG_USER=${BENCH_PG_USER:-postgres}
BENCH_MARIADB_HOST=${BENCH_MARIADB_HOST:-127.0.0.1}
export MENTORHUB_TEST_POSTGRESQL_USERNAME=$BENCH_PG_USER MENTORHUB_TEST_MARIADB_USERNAME=root

# The JDBC URL of the bench database.
bench_db_url() {
  case "$1" in
    h2) echo "jdbc:h2:file:$BENCH_H2_DIR/db;TRACE_LEVEL_FILE=0" ;;
    postgresql) echo "jdbc:postgresql://$BENCH_PG_HOST:$BENCH_PG_PORT/$BENCH_DB_NAME" ;;
    mariadb) echo "jdbc:mariadb://$BENCH_MARIADB_HOST:3306/$BENCH_DB_NAME" ;;
    *) echo "unknown database $1 (h2, postgresql or mariadb)" >&2; return 1 ;;
  esac
}

bench_db_user() {
  case "$1" in h2) echo sa ;; postgresql) echo "$BENCH_PG_USER" ;; mariadb) echo root ;; esac
}

bench_psql() { psql -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }

# Drops and recreates the bench database (H2: deletes its files).
bench_db_recreate() {
  case "$1" in
    h2) rm -rf "$BENCH_H2_DIR"; mkdir -p "$BENCH_H2_DIR" ;;
    postgresql)
      bench_psql -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB_NAME WITH (FORCE)"
      bench_psql -d postgres -c "CREATE DATABASE $BENCH_DB_NAME" ;;
    mariadb)
      mariadb -h "$BENCH_MARIADB_HOST" -u root -e "DROP DATABASE IF EXISTS $BENCH_DB_NAME; CREATE DATABASE $BENCH_DB_NAME"
      ;;
    *) bench_db_url "$1" ;;
  esac
}
