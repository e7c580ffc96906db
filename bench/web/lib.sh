# Shared by bench/web/run.sh and bench/reports/run.sh: waiting for an application, signing in through the
# login form and creating a personal access token. Expects BASE (the application's URL), WORK (a scratch
# directory), PASSWORD and DB.

# wait_for URL LOG [PID]: until the URL answers 200 (5 minutes at most). Stops at once when the process has
# ended or its log says that the start failed (a failed migration can leave the JVM running).
wait_for() {
  for _ in $(seq 1 3000); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    if { [ -n "${3:-}" ] && ! kill -0 "$3" 2>/dev/null; } || grep -q "Application run failed" "$2" 2>/dev/null; then
      echo "The application did not start; log:" >&2; grep -m5 -A2 "Caused by\|ERROR" "$2" >&2; tail -5 "$2" >&2; exit 1
    fi
    sleep 0.1
  done
  echo "$1 did not answer; log:" >&2; tail -40 "$2" >&2; exit 1
}

# signin EMAIL: signs in through the login form (CSRF token from the page) and prints the SESSION cookie.
csrf_of() { grep -o '<input[^>]*name="_csrf"[^>]*>' | head -1 | sed 's/.*value="\([^"]*\)".*/\1/'; }
signin() {
  local jar="$WORK/jar-$1" csrf location
  csrf=$(curl -fsS -c "$jar" -b "$jar" "$BASE/login" | csrf_of)
  location=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "username=$1" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login")
  if [ "$location" != "$BASE/" ]; then
    echo "Signing in as $1 went to '$location'; is the bench data there (bench/dataset/run.sh $DB)?" >&2; exit 1
  fi
  awk '$6 == "SESSION" { print $7 }' "$jar"
}

# token EMAIL COOKIE: a personal access token (read scope, admin too where allowed): the one this machine made
# for the account on this database before, while it still works, else a new one through the API. Creating
# tokens is limited to 10 an hour per account (docs/rate-limits.md), and the limit outlives a restart.
token() {
  local csrf body scopes kept="bench/web/target/tokens/$DB-${BENCH_DB_NAME:-mh_bench_university}-$1"
  if [ -s "$kept" ] && curl -fsS -o /dev/null -H "Authorization: Bearer $(cat "$kept")" "$BASE/api/v1/me" 2>/dev/null; then
    cat "$kept"; return 0
  fi
  csrf=$(curl -fsS -H "Cookie: SESSION=$2" "$BASE/account/tokens" | csrf_of)
  for scopes in '["read","admin"]' '["read"]'; do
    body=$(curl -sS -H "Cookie: SESSION=$2" -H "X-CSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
      -d "{\"name\":\"bench web $(date +%s%N)\",\"scopes\":$scopes,\"expiresInDays\":1}" "$BASE/api/v1/account/tokens")
    if grep -q '"token"' <<<"$body"; then
      mkdir -p "$(dirname "$kept")"
      sed 's/.*"token":"\([^"]*\)".*/\1/' <<<"$body" | tee "$kept"; return 0
    fi
  done
  echo "Could not create a token for $1: $body" >&2; exit 1
}

