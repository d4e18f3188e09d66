#!/usr/bin/env bash
# Load test of the web app as it would run in production (issue 19): two instances of the app (Release, Development
# environment for the demonstration data and accounts) on one PostgreSQL 15 database, behind nginx; wrk drives
# agents' pages, public pages and the partners' API with think time, at each level of concurrent users.
#
#   bench/load/run.sh                      # 100 then 500 users, 60 s each
#   LEVELS="20 100" DURATION=15 bench/load/run.sh
#
# Settings (environment):
#   LEVELS      concurrent virtual users at each level                          "100 500"
#   DURATION    seconds of each level                                            60
#   WARMUP      seconds of warm-up before the first level (not reported): 20 users, 50 ms think time  20
#   THINK_MS    think time between two requests of a user, ± JITTER_MS (uniform)  1000, 500
#   TIMEOUT     a request slower than this is a timeout (wrk)                    10s
#   SESSIONS    signed-in agent sessions (one /connexion sign-in each, over the 4 demonstration accounts of the two
#               France Services sites; the virtual agents of a group share them, a wrk thread each)  5
#   SHARES      share of the users per page group, in %      "home=15 desk=15 case=15 residents=15 bus=15 journey=15 api=10"
#   OUTBOX      e-mails and SMS queued in the outbox at the start of each level  200
#   PORT        nginx's port; the instances take PORT+1 and PORT+2               5300
#   CONNECTION_OPTIONS  appended to the instances' connection string, e.g. ";Max Auto Prepare=50"
#   APP_ENV     more environment for both instances, e.g. "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0"
#   NO_BUILD=1  use the Release build as it is
#   KEEP=1      keep the temporary directory (logs, mail) after the run
#   TOP_QUERIES=1  print the statements that took the most time in PostgreSQL during the levels (pg_stat_statements)
#   HOLD=N      before stopping, leave everything running N seconds (to look at it: psql, curl, EXPLAIN)
#
# Page groups: home "/" and desk "/guichet" of a signed-in agent, case "/demandes/{id}" (a case of that agent's site),
# residents "/usagers?nom=…", bus "/car" and "/car/communes/{code}", journey "/mobilite?de=…&a=…" (public), api
# "/api/reseau/v1/sollicitations[?etat=…|/{id}]" with the CAF's API key (created here in the database).
# Run as root: installs nginx, wrk and postgresql from Debian if missing; initdb and pg_ctl run as "postgres".
# Everything it starts is stopped on exit and its temporary directory removed.
set -euo pipefail

cd "$(dirname "$0")/../.."
root="$(pwd)"
here="$root/bench/load"

LEVELS="${LEVELS:-100 500}"
DURATION="${DURATION:-60}"
WARMUP="${WARMUP:-20}"
THINK_MS="${THINK_MS:-1000}"
JITTER_MS="${JITTER_MS:-500}"
TIMEOUT="${TIMEOUT:-10s}"
SESSIONS="${SESSIONS:-5}"
SHARES="${SHARES:-home=15 desk=15 case=15 residents=15 bus=15 journey=15 api=10}"
OUTBOX="${OUTBOX:-200}"
PORT="${PORT:-5300}"
PASSWORD="Demo-CarteBlanche-2026!"
AGENTS=(agent@demo.carteblanche.fr agent.grandcahors2@demo.carteblanche.fr agent.lalbenque@demo.carteblanche.fr socialworker@demo.carteblanche.fr)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { echo "load: $*" >&2; }
die() { log "$*"; exit 1; }

# --- prerequisites ----------------------------------------------------------------------------------------------
missing=()
command -v nginx > /dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v wrk > /dev/null || missing+=(wrk)
compgen -G "/usr/lib/postgresql/15/bin/initdb" > /dev/null || missing+=(postgresql)
command -v psql > /dev/null || missing+=(postgresql-client)
command -v curl > /dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}: run as root to install them"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  compgen -G "/var/lib/apt/lists/*_Packages" > /dev/null || apt-get update -q
  apt-get install -y -q "${missing[@]}" || { apt-get update -q && apt-get install -y -q "${missing[@]}"; }
  # Debian's packages start their own nginx and PostgreSQL services where there is an init system: not ours.
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
PGBIN=/usr/lib/postgresql/15/bin
id postgres > /dev/null 2>&1 || die "no 'postgres' account: install the Debian package postgresql"

for p in "$PORT" $((PORT + 1)) $((PORT + 2)); do
  if (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null; then die "port $p is taken: choose another PORT"; fi
done

# --- build ------------------------------------------------------------------------------------------------------
web_dir="$root/src/CarteBlanche.Web/bin/Release/net10.0"
if [ "${NO_BUILD:-0}" != 1 ]; then
  log "dotnet build src/CarteBlanche.Web -c Release"
  dotnet build src/CarteBlanche.Web -c Release -nologo -clp:ErrorsOnly -v q > /dev/null || die "the build failed"
fi
[ -f "$web_dir/CarteBlanche.Web.dll" ] || die "no $web_dir/CarteBlanche.Web.dll: build first"

# --- cleanup on exit --------------------------------------------------------------------------------------------
work="$(mktemp -d /tmp/cb-load.XXXXXX)"
chmod 755 "$work"
pgdir="$work/pg"
pids=()  # instances and nginx
load=()  # wrk processes and the activity sampler of the level running
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${load[@]}" "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${load[@]}" "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  if [ -f "$pgdir/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pgdir/data" -w -m fast stop > /dev/null 2>&1 || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then log "kept $work"; else rm -rf "$work"; fi
  exit $status
}
trap cleanup EXIT
trap 'log "failed (status $?) at line $LINENO: $BASH_COMMAND"' ERR
trap 'exit 130' INT TERM

# --- PostgreSQL: its own cluster, a unix socket in its directory, no TCP -----------------------------------------
mkdir -p "$pgdir"
chown postgres:postgres "$pgdir"
log "PostgreSQL 15 in $pgdir"
runuser -u postgres -- "$PGBIN/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C > "$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; die "initdb failed"; }
# Default durability (fsync, synchronous commit): commits cost what they cost on a real server.
pg_options="-c listen_addresses='' -c unix_socket_directories='$pgdir' -c max_connections=300"
[ "${TOP_QUERIES:-0}" != 1 ] || pg_options+=" -c shared_preload_libraries=pg_stat_statements"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 -o "$pg_options ${PG_OPTIONS:-}" start > /dev/null \
  || { cat "$pgdir/server.log" >&2; die "PostgreSQL did not start"; }
psql_q() { psql -h "$pgdir" -U postgres -d carteblanche -v ON_ERROR_STOP=1 -qAt -F $'\t' -c "$1"; }
psql -h "$pgdir" -U postgres -d postgres -qc "CREATE DATABASE carteblanche" > /dev/null
[ "${TOP_QUERIES:-0}" != 1 ] || psql_q "CREATE EXTENSION pg_stat_statements"
connection="Host=$pgdir;Username=postgres;Database=carteblanche;Maximum Pool Size=100${CONNECTION_OPTIONS:-}"

# --- two instances ----------------------------------------------------------------------------------------------
start_instance() { # name port migrate
  local name=$1 port=$2 migrate=$3
  mkdir -p "$work/$name"
  (
    cd "$web_dir"
    exec env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Database__Provider=Postgres ConnectionStrings__Postgres="$connection" Database__MigrateOnStart="$migrate" \
      Database__DataDirectory="$work/$name" Smtp__PickupDirectory="$work/$name/mail" Notifications__SmsDirectory="$work/$name/sms" \
      Security__SignInAttemptsPerMinute=100000 Jobs__InstanceId="bench-$name" \
      Notifications__PollInterval=00:00:01 Jobs__PollInterval=00:00:05 Logging__Console__TimestampFormat="HH:mm:ss.fff " \
      ${APP_ENV:-} dotnet CarteBlanche.Web.dll # APP_ENV: words on purpose (NAME=value ...)
  ) > "$work/$name/app.log" 2>&1 &
  pids+=($!)
  local deadline=$((SECONDS + 240))
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    kill -0 "${pids[-1]}" 2> /dev/null || { tail -30 "$work/$name/app.log" >&2; die "instance $name stopped"; }
    [ $SECONDS -lt $deadline ] || { tail -30 "$work/$name/app.log" >&2; die "instance $name not ready after 240 s"; }
    sleep 1
  done
  curl -sf -o /dev/null "http://127.0.0.1:$port/" || die "instance $name: the home page fails"
}
log "instance a on port $((PORT + 1)): migrations and demonstration data"
start_instance a $((PORT + 1)) true
log "instance b on port $((PORT + 2))"
start_instance b $((PORT + 2)) false

# --- nginx in front of both ---------------------------------------------------------------------------------------
mkdir -p "$work/nginx/temp"
nginx_user=nobody; id www-data > /dev/null 2>&1 && nginx_user=www-data
chown -R "$nginx_user" "$work/nginx/temp"
cat > "$work/nginx/nginx.conf" << EOF
user $nginx_user;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  log_format upstream '\$upstream_addr \$status \$request_time';
  access_log $work/nginx/access.log upstream buffer=64k flush=1s;
  client_body_temp_path $work/nginx/temp/body;
  proxy_temp_path $work/nginx/temp/proxy;
  fastcgi_temp_path $work/nginx/temp/fastcgi;
  uwsgi_temp_path $work/nginx/temp/uwsgi;
  scgi_temp_path $work/nginx/temp/scgi;
  upstream carteblanche {
    server 127.0.0.1:$((PORT + 1));
    server 127.0.0.1:$((PORT + 2));
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$PORT;
    location / {
      proxy_pass http://carteblanche;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 60s;
    }
  }
}
EOF
"$NGINX" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
base="http://127.0.0.1:$PORT"
for _ in $(seq 50); do curl -sf -o /dev/null "$base/health/ready" && break; sleep 0.2; done
curl -sf -o /dev/null "$base/health/ready" || die "nginx does not answer on $base"
log "nginx on $base"

# --- what the virtual users ask for -------------------------------------------------------------------------------
data="$work/data"
mkdir -p "$data"

# Agents sign in through the /connexion form (antiforgery token), as a browser: SESSIONS sessions over the agents.
signin() { # email jar
  local page token status
  page="$(curl -sf -c "$2" -b "$2" "$base/connexion")"
  token="$(grep -m1 -o '__RequestVerificationToken[^>]*value="[^"]*"' <<< "$page" | sed 's/.*value="//; s/"$//')"
  [ -n "$token" ] || die "no antiforgery token on /connexion"
  status="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$2" -b "$2" \
    --data-urlencode "Email=$1" --data-urlencode "Password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$token" "$base/connexion")"
  [[ "$status" == "302 $base/" ]] || die "sign-in of $1 failed: $status"
  # The Cookie header a browser would send: every cookie of the jar (HttpOnly ones are written "#HttpOnly_host").
  awk -F'\t' '(/^#HttpOnly_/ || !/^#/) && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " } END { print "" }' "$2"
}
: > "$data/sessions"
declare -a session_email
for i in $(seq "$SESSIONS"); do
  email="${AGENTS[$(((i - 1) % ${#AGENTS[@]}))]}"
  session_email[$i]="$email"
  signin "$email" "$data/jar$i" >> "$data/sessions"
done
log "$SESSIONS agent sessions signed in (${#AGENTS[@]} accounts)"

printf '*\t/\n' > "$data/home"
printf '*\t/guichet\n' > "$data/desk"
: > "$data/case"
for i in $(seq "$SESSIONS"); do
  psql_q "SELECT '$i' || chr(9) || '/demandes/' || c.\"Id\" FROM desk_cases c JOIN platform_accounts a ON a.\"SiteId\" = c.\"SiteId\"
          WHERE a.\"NormalizedEmail\" = upper('${session_email[$i]}')" >> "$data/case"
done
[ -s "$data/case" ] || die "no case at the agents' sites"
: > "$data/residents"
# Names of the demonstration's residents (some at the other site: no result), and starts of names.
for name in Delpech Lafon Benali Vayssi%C3%A8re Cassagne Bouyssou Marty Couderc Haddad Rouqui%C3%A9 Lacombe Fabre del mar; do
  printf '*\t/usagers?nom=%s\n' "$name" >> "$data/residents"
done
printf '*\t/car\n' > "$data/bus"
curl -sf "$base/car" | grep -o '/car/communes/[0-9AB]\{5\}' | sort -u | sed 's/^/*\t/' >> "$data/bus"
[ "$(wc -l < "$data/bus")" -gt 1 ] || die "no commune on /car"
date_tomorrow="$(TZ=Europe/Paris date -d tomorrow +%F)"
python3 - "$date_tomorrow" > "$data/journey" << 'EOF'
import sys, urllib.parse
# The journeys of bench/mobility/search-load.py.
places = ["Catus (46150)", "Cahors Hôpital Jean Rougier", "Pradines (46090)", "Cahors Gare", "Arcambal (46090)",
          "Laroque-des-Arcs Port", "Mercuès (46090)", "Cahors (46000)", "Saint Géry-Vers (46090)", "Catus Place de la Libération"]
hours = ["06:30", "07:45", "08:00", "09:15", "12:00", "14:30", "17:00", "18:15"]
for i, a in enumerate(places):
    for j, b in enumerate(places):
        if a != b:
            query = urllib.parse.urlencode({"de": a, "a": b, "date": sys.argv[1], "heure": hours[(i + j) % len(hours)],
                                            "sens": "arriver" if (i + j) % 3 == 0 else "partir"})
            print(f"*\t/mobilite?{query}")
EOF

# The CAF's key for the partners' API: as the page of the organisation creates one (only its SHA-256 is stored).
caf="$(psql_q "SELECT \"Id\" FROM platform_organisations WHERE \"Name\" = 'CAF du Lot'")"
referent="$(psql_q "SELECT \"Id\" FROM platform_accounts WHERE \"NormalizedEmail\" = 'PARTNERREFERENT@DEMO.CARTEBLANCHE.FR'")"
[ -n "$caf" ] && [ -n "$referent" ] || die "no CAF du Lot or no partnerreferent account in the demonstration data"
key_prefix="$(head -c 5 /dev/urandom | od -An -tx1 | tr -d ' \n')"
api_key="cbk_${key_prefix}_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
key_hash="$(printf '%s' "$api_key" | sha256sum | cut -d' ' -f1)"
psql_q "INSERT INTO network_api_keys (\"Id\", \"OrganisationId\", \"Name\", \"Prefix\", \"Hash\", \"CreatedAt\", \"CreatedBy\")
        VALUES (gen_random_uuid(), '$caf', 'Banc de charge', '$key_prefix', '$key_hash', now(), '$referent')"
{
  printf '*\t/api/reseau/v1/sollicitations\n'
  for state in Sent Taken Answered; do printf '*\t/api/reseau/v1/sollicitations?etat=%s\n' "$state"; done
  psql_q "SELECT '*' || chr(9) || '/api/reseau/v1/sollicitations/' || \"Id\" FROM network_questions WHERE \"OrganisationId\" = '$caf'"
} > "$data/api"
status="$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $api_key" "$base/api/reseau/v1/sollicitations")"
[ "$status" = 200 ] || die "the partners' API answers $status with the bench's key"

# Every path answers 200 before the load (through nginx, signed in as the first session).
for group in home desk case residents bus journey api; do
  mapfile -t first < <(head -3 "$data/$group" | cut -f2)
  for path in "${first[@]}"; do
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $(head -1 "$data/sessions")" -H "X-Api-Key: $api_key" "$base$path")"
    [ "$status" = 200 ] || die "$path answers $status"
  done
done
log "paths: $(for g in home desk case residents bus journey api; do printf '%s %s, ' "$g" "$(wc -l < "$data/$g")"; done)"

if [ "${HOLD:-0}" -gt 0 ]; then
  log "holding $HOLD s: $base, psql -h $pgdir -U postgres carteblanche, Cookie: $data/sessions, X-Api-Key: $api_key"
  sleep "$HOLD"
fi

# --- notifications and jobs: the state before -------------------------------------------------------------------------
wait_for_outbox() {
  local deadline=$((SECONDS + 120))
  while [ "$(psql_q "SELECT count(*) FROM platform_outbox_messages WHERE \"Status\" = 'Pending' AND \"NextAttemptAt\" <= now()")" != 0 ]; do
    [ $SECONDS -lt $deadline ] || { log "the outbox still has due messages after 120 s"; return; }
    sleep 1
  done
  sleep 2 # a message claimed by a pass is marked sent after its file is written
}
wait_for_outbox
# Messages written by an instance: one file per message, named by its id (a directory is created at the first one).
files_of() { find "$work/$1/mail" "$work/$1/sms" -type f \( -name '*.eml' -o -name '*.txt' \) -printf '%f\n' 2> /dev/null || true; }
count_files() { { files_of a; files_of b; } | wc -l; }
sent_before="$(psql_q "SELECT count(*) FROM platform_outbox_messages WHERE \"Status\" = 'Sent'")"
files_before="$(count_files)"
log_lines_a="$(wc -l < "$work/a/app.log")"; log_lines_b="$(wc -l < "$work/b/app.log")"
queue_messages() { # count
  psql_q "INSERT INTO platform_outbox_messages (\"Id\", \"Channel\", \"Recipient\", \"Subject\", \"Body\", \"CreatedAt\", \"Status\", \"Attempts\", \"NextAttemptAt\")
          SELECT gen_random_uuid(), CASE WHEN g % 10 = 0 THEN 'Sms' ELSE 'Email' END,
                 CASE WHEN g % 10 = 0 THEN '0600000000' ELSE 'banc' || g || '@example.org' END,
                 'Banc de charge', 'Message ' || g || ' du banc de charge', now(), 'Pending', 0, now()
          FROM generate_series(1, $1) g"
}

# --- the load -------------------------------------------------------------------------------------------------------
# One wrk process per group, all at once; each connection a user. Agent groups: one thread per session.
run_level() { # users seconds label think_ms jitter_ms
  local users=$1 seconds=$2 label=$3 think=$4 jitter=$5 out="$work/level-$3" group share conns threads sessions_file extra
  mkdir -p "$out"
  local wrk_pids=()
  for entry in $SHARES; do
    group="${entry%%=*}"; share="${entry#*=}"
    conns=$(((users * share + 50) / 100)); [ "$conns" -ge 1 ] || conns=1
    threads=1; sessions_file=-; extra=()
    case "$group" in
      home | desk | case | residents)
        # wrk gives each thread connections/threads connections: as many sessions as divide the users evenly.
        sessions_file="$data/sessions"
        for ((threads = (conns < SESSIONS ? conns : SESSIONS); conns % threads != 0; threads--)); do :; done ;;
      api) extra=(X-Api-Key "$api_key") ;;
    esac
    LOAD_GROUP="$group" wrk -c "$conns" -t "$threads" -d "${seconds}s" --timeout "$TIMEOUT" -s "$here/load.lua" "$base" \
      -- "$data/$group" "$sessions_file" "$think" "$jitter" "${extra[@]}" > "$out/$group.txt" 2>&1 &
    wrk_pids+=($!); load+=($!)
    echo "$group $conns" >> "$out/users"
  done
  local failed=0
  for pid in "${wrk_pids[@]}"; do wait "$pid" || failed=1; done
  level_ends+=" $(date +%T)"
  [ $failed = 0 ] || { cat "$out"/*.txt >&2; die "wrk failed"; }
}

# CPU time (clock ticks) of the machine and of what the bench started, to tell the load's share from other work's.
process_ticks() { # pids...: user+system ticks of these processes and their children (living, or ended and waited for)
  local pid all=()
  for pid in "$@"; do all+=("$pid"); while read -r child; do all+=("$child"); done < <(pgrep -P "$pid" || true); done
  for pid in "${all[@]}"; do awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat" 2> /dev/null || true; done | awk '{ s += $1 } END { print s + 0 }'
}
postmaster="$(head -1 "$pgdir/data/postmaster.pid")"
cpu_snapshot() { # machine busy, machine total, app a, app b, postgres, nginx
  echo "$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat) $(process_ticks "${pids[0]}") $(process_ticks "${pids[1]}") $(process_ticks "$postmaster") $(process_ticks "${pids[2]}")"
}
cores="$(nproc)"

table="$work/table"
level_ends=""
cpu_table="$work/cpu"
: > "$cpu_table"
: > "$table"
if [ "$WARMUP" -gt 0 ]; then
  # The JIT compiles each page's code (then again with its profile) over its first hundreds of requests.
  log "warm-up: 20 users, 50 ms think time, ${WARMUP} s"
  run_level 20 "$WARMUP" warmup 50 25
fi
[ "${TOP_QUERIES:-0}" != 1 ] || psql_q "SELECT pg_stat_statements_reset()" > /dev/null
load_before="$(cut -d' ' -f1 /proc/loadavg)"
for users in $LEVELS; do
  queue_messages "$OUTBOX"
  log "$users users, ${DURATION} s ($OUTBOX messages queued in the outbox)"
  before="$(cpu_snapshot)"
  # Once a second: the database's sessions running a query, and those waiting for the audit chain's advisory lock.
  (
    while :; do
      psql_q "SELECT count(*) FILTER (WHERE state = 'active'), count(*) FILTER (WHERE wait_event = 'advisory')
              FROM pg_stat_activity WHERE datname = 'carteblanche' AND pid <> pg_backend_pid()" 2> /dev/null || true
      sleep 1
    done
  ) > "$work/activity-$users" &
  sampler=$!; load+=($!)
  run_level "$users" "$DURATION" "$users" "$THINK_MS" "$JITTER_MS"
  kill "$sampler"; wait "$sampler" 2> /dev/null || true
  echo "$users $before $(cpu_snapshot)" >> "$cpu_table"
  for entry in $SHARES; do
    group="${entry%%=*}"
    line="$(grep '^RESULT' "$work/level-$users/$group.txt" || die "no result for $group: $(cat "$work/level-$users/$group.txt")")"
    echo "$users $(grep "^$group " "$work/level-$users/users" | cut -d' ' -f2) $line" >> "$table"
  done
done
load_after="$(cut -d' ' -f1 /proc/loadavg)"

# --- the figures --------------------------------------------------------------------------------------------------------
echo
echo "Two instances behind nginx, PostgreSQL 15; think time ${THINK_MS} ± ${JITTER_MS} ms, ${DURATION} s per level; $SESSIONS agent sessions; load average $load_before before, $load_after after${CONNECTION_OPTIONS:+; connection string +$CONNECTION_OPTIONS}${APP_ENV:+; $APP_ENV}"
echo
echo "| users | group | its users | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors |"
echo "|---|---|---|---|---|---|---|---|---|"
awk '{
  for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  errors = v["non2xx"] + v["timeouts"] + v["socket"]
  printf "| %s | %s | %s | %.0f | %s | %s | %s | %s | %d |\n", $1, v["group"], $2, v["requests"] / v["seconds"], v["p50_ms"], v["p95_ms"], v["p99_ms"], v["max_ms"], errors
}' "$table"
echo
# Busy share of all cores over the level: instances a and b, PostgreSQL, nginx, and the rest (wrk and other work).
awk -v cores="$cores" '{
  total = $9 - $3; busy = $8 - $2; a = $10 - $4; b = $11 - $5; pg = $12 - $6; ngx = $13 - $7
  printf "CPU at %s users (%% of %d cores): busy %.0f%% = app a %.0f%% + app b %.0f%% + PostgreSQL %.0f%% + nginx %.0f%% + rest (wrk, other processes) %.0f%%\n",
    $1, cores, 100 * busy / total, 100 * a / total, 100 * b / total, 100 * pg / total, 100 * ngx / total, 100 * (busy - a - b - pg - ngx) / total
}' "$cpu_table"
if [ "${TOP_QUERIES:-0}" = 1 ]; then
  echo "PostgreSQL statements by total time during the levels (ms total, calls, ms mean, statement):"
  psql_q "SELECT round(total_exec_time), calls, round((total_exec_time / calls)::numeric, 2), left(regexp_replace(query, '\s+', ' ', 'g'), 150)
          FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15" | sed 's/^/  /'
fi
for users in $LEVELS; do
  awk -F'\t' -v users="$users" '{ n++; active += $1; waiting += $2; if ($2 > most) most = $2 }
    END { if (n) printf "PostgreSQL at %s users: %.1f queries running on average, %.1f waiting for the audit lock (at most %d)\n", users, active / n, waiting / n, most }' "$work/activity-$users"
done
echo "errors: answers other than 2xx, timeouts (over $TIMEOUT: not in the percentiles) and socket errors. Details: $(awk '{
  for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  if (v["non2xx"] + v["timeouts"] + v["socket"] > 0) printf "%s@%s non-2xx %s, timeouts %s, socket %s; ", v["group"], $1, v["non2xx"], v["timeouts"], v["socket"]
}' "$table")"
echo "requests per instance (nginx, warm-up included): $(awk '{ n[$1]++ } END { for (u in n) printf "%s %d, ", u, n[u] }' "$work/nginx/access.log" 2> /dev/null)"

# --- no double send: every message sent once, by one instance ---------------------------------------------------------
log "waiting for the outbox to empty"
wait_for_outbox
sent_after="$(psql_q "SELECT count(*) FROM platform_outbox_messages WHERE \"Status\" = 'Sent'")"
files_after="$(count_files)"
failed_messages="$(psql_q "SELECT count(*) FROM platform_outbox_messages WHERE \"Status\" = 'Failed'")"
pending="$(psql_q "SELECT count(*) FROM platform_outbox_messages WHERE \"Status\" = 'Pending'")"
by_a="$(files_of a | wc -l)"
by_b="$(files_of b | wc -l)"
# The same message written by both instances: the same file name (its id) in both directories.
twice="$(comm -12 <(files_of a | sort) <(files_of b | sort) | wc -l)"
claims_lost="$(cat "$work/a/app.log" "$work/b/app.log" | grep -c 'claim lost' || true)"
sent=$((sent_after - sent_before)); files=$((files_after - files_before))
echo
echo "outbox: $sent messages marked sent during the run, $files files written (instance a: $by_a, b: $by_b in all), $twice written by both, $claims_lost claims lost; failed $failed_messages, pending $pending"
# Recurring jobs: each (job, tick) is a row whose primary key only one instance can insert.
psql_q "SELECT \"InstanceId\", count(*), count(*) FILTER (WHERE \"Succeeded\" IS DISTINCT FROM true) FROM platform_job_runs GROUP BY 1 ORDER BY 1" \
  | awk -F'\t' 'BEGIN { printf "jobs: ticks run since the start, by instance:" } { printf " %s %s (%s failed or unfinished);", $1, $2, $3 } END { print "" }'
errors_in_logs="$({ tail -n +$((log_lines_a + 1)) "$work/a/app.log"; tail -n +$((log_lines_b + 1)) "$work/b/app.log"; } | grep -cE '^([0-9:.]+ )?fail:' || true)"
# When wrk stops, it closes its connections: requests still running are cancelled, and EF logs a cancelled
# transaction (the audit entry of a read) as an error; their times show whether they fall at a level's end.
echo "application errors logged (fail:) during the run: $errors_in_logs$({ tail -n +$((log_lines_a + 1)) "$work/a/app.log"; tail -n +$((log_lines_b + 1)) "$work/b/app.log"; } \
  | grep -A1 -E '^([0-9:.]+ )?fail:' | awk '/fail:/ { at = $1; next } /^--/ { next } { sub(/^ +/, ""); n[$0]++; times[$0] = times[$0] " " substr(at, 1, 8) }
      END { for (m in n) printf "; %d × %s (at%s)", n[m], m, times[m] }'); levels (warm-up included) ended at$level_ends"
if [ "$sent" -eq "$files" ] && [ "$twice" -eq 0 ] && [ "$claims_lost" -eq 0 ]; then
  echo "double send: none (sent rows = files written, no message written by both instances)"
else
  echo "double send: CHECK FAILED"
  exit 1
fi
