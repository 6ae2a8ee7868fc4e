#!/usr/bin/env bash
# ./run bench gateway [seconds per measurement] [rounds]
#
# The gateway against nginx, both proxying the same static backend, on this machine:
#   backend   nginx answering a static 200 ("ok")            (the service stand-in)
#   nginx     nginx proxying the backend (upstream keep-alive) (the reference proxy)
#   gateway   gateway-service with its production settings, filters and JVM flags, proxying the backend on its
#             Procore iframe route (rate limits raised out of the way; everything else as in production)
#   bare      Spring Cloud Gateway with one route and no code of ours (benchmarks/gateway/bare), same JVM flags:
#             the framework's floor, so that the table tells its cost from what the gateway adds
#   netty     the smallest proxy Reactor Netty (the HTTP engine under Spring Cloud Gateway) can be, no Spring
#             (ReactorNettyProxy in the bare module), same JVM flags: the floor of any proxy built on Reactor Netty
# wrk (Debian's) loads nginx and the gateway in interleaved rounds at 16, 64 and 256 connections; each cell of the
# table is the median over the rounds. A last scenario measures latency where it means something, below saturation:
# 16 connections each waiting PEPTALK_BENCH_PACE_MS (default 10) between requests (wrk's delay() hook), i.e. a
# steady ~1,500 req/s that every target serves with CPU to spare; its "p50 added" is what a request pays for the hop. Needs Debian's nginx-light and wrk: installed with apt-get when missing.
#
# Settings (environment): PEPTALK_BENCH_PORT (first of eight ports, default 18900), PEPTALK_BENCH_JFR=1 (record
# JFR profiles of the gateway and the bare gateway under load into benchmarks/target/gateway.jfr and bare.jfr), JAVA_HOME, PEPTALK_BENCH_BASELINE (the
# jar of another build of the gateway, e.g. main's: run side by side and interleaved too, so that a change is
# measured against its baseline in one run, on the same loaded machine), PEPTALK_BENCH_CONNECTIONS (default
# "16 64 256"), PEPTALK_BENCH_PACE_MS (think time of the paced scenario, 0 skips it), PEPTALK_BENCH_GATEWAY_ARGS (more arguments for the gateways, e.g. a setting to try).
# Results: stdout and benchmarks/target/gateway-results.md. Load generator, proxies and backend share the machine:
# compare ratios of one run, not absolute figures between machines.
set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SECONDS_PER_RUN=${1:-10}
ROUNDS=${2:-3}
BASE_PORT=${PEPTALK_BENCH_PORT:-18900}
BACKEND_PORT=$BASE_PORT
NGINX_PORT=$((BASE_PORT + 1))
GATEWAY_PORT=$((BASE_PORT + 2))
MANAGEMENT_PORT=$((BASE_PORT + 3))
BASELINE_PORT=$((BASE_PORT + 4))
BARE_PORT=$((BASE_PORT + 6))
NETTY_PORT=$((BASE_PORT + 7))
BASELINE_JAR=${PEPTALK_BENCH_BASELINE:-}
read -r -a CONNECTIONS <<<"${PEPTALK_BENCH_CONNECTIONS:-16 64 256}"
PACE_MS=${PEPTALK_BENCH_PACE_MS:-10}
read -r -a GATEWAY_ARGS <<<"${PEPTALK_BENCH_GATEWAY_ARGS:-}"
OUT=$ROOT/benchmarks/target
WORK=$OUT/gateway-bench
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=$ROOT/gateway-service/target/gateway-service-0.1.0-SNAPSHOT.jar
BARE_DIR=$ROOT/benchmarks/gateway/bare
BARE_JAR=$BARE_DIR/target/bare-gateway-0.1.0-SNAPSHOT.jar
# the production JVM flags (root pom.xml, Jib container.jvmFlags), with the heap the Kubernetes limit (512Mi) gives
JVM_FLAGS=(-Xmx384m -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -Xss512k)

say() { printf '%s\n' "$@"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

for tool in nginx:nginx-light wrk:wrk; do
  if ! command -v "${tool%%:*}" >/dev/null 2>&1 && ! [ -x "/usr/sbin/${tool%%:*}" ]; then
    say "installing Debian's ${tool#*:} ..."
    [ "$(id -u)" = 0 ] || die "${tool#*:} is missing: apt-get install ${tool#*:} (as root)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${tool#*:}" >/dev/null
  fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

for port in "$BACKEND_PORT" "$NGINX_PORT" "$GATEWAY_PORT" "$MANAGEMENT_PORT" "$BASELINE_PORT" $((BASELINE_PORT + 1)) "$BARE_PORT" "$NETTY_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is in use (PEPTALK_BENCH_PORT moves them)"; fi
done

if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/gateway-service/src/main" -newer "$JAR" -print -quit)" ]; then
  say "building gateway-service ..."
  (cd "$ROOT" && JAVA_HOME=$JAVA_HOME ./mvnw -B -q -pl gateway-service -am package -DskipTests)
fi

if [ ! -f "$BARE_JAR" ] || [ -n "$(find "$BARE_DIR/src" "$BARE_DIR/pom.xml" -newer "$BARE_JAR" -print -quit)" ]; then
  say "building the bare gateway ..."
  (cd "$ROOT" && JAVA_HOME=$JAVA_HOME ./mvnw -B -q -f "$BARE_DIR/pom.xml" package -DskipTests)
fi

rm -rf "$WORK" && mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
error_log $WORK/nginx/error.log warn;
pid $WORK/nginx/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  keepalive_requests 100000;
  upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 256; }
  server {
    listen 127.0.0.1:$BACKEND_PORT;
    location / { default_type text/plain; return 200 "ok"; }
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF

PIDS=()
cleanup() {
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do kill "$pid" 2>/dev/null || true; done
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' 2>>"$WORK/nginx/error.log" &
PIDS+=($!)

jfr() { # jfr <name>: the JVM option recording <name>.jfr when PEPTALK_BENCH_JFR=1
  if [ "${PEPTALK_BENCH_JFR:-0}" = 1 ]; then echo "-XX:StartFlightRecording=filename=$OUT/$1.jfr,settings=profile,dumponexit=true"; fi
}
# production settings, except: the rate limit of the route (one load generator is one client) and the secrets the
# gateway refuses to start without (throw-away values)
start_gateway() { # start_gateway <jar> <port> <management port> <log> [JVM options...]
  local jar=$1 port=$2 management=$3 log=$4
  shift 4
  PEPTALK_GATEWAY_ADMIN_APIKEYHASHES_0=$(printf %s "bench-$RANDOM-$RANDOM" | sha256sum | cut -d' ' -f1) \
  PEPTALK_GATEWAY_ADMIN_SESSIONSIGNINGKEY=$(head -c 48 /dev/urandom | base64) \
  PEPTALK_GATEWAY_IDENTITY_SIGNINGKEY=$(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 2>/dev/null |
    openssl pkcs8 -topk8 -nocrypt -outform DER | base64 | tr -d '\n') \
  PEPTALK_GATEWAY_IDENTITY_KEYID=bench \
  PEPTALK_GATEWAY_RATELIMITS_GROUPS_IFRAME_CAPACITY=1000000 \
  PEPTALK_GATEWAY_RATELIMITS_GROUPS_IFRAME_REFILLPERSECOND=1000000 \
    "$JAVA_HOME/bin/java" "${JVM_FLAGS[@]}" "$@" -jar "$jar" --server.port="$port" \
    --management.server.port="$management" \
    --peptalk.gateway.services.procore-iframe="http://127.0.0.1:$BACKEND_PORT" ${GATEWAY_ARGS[@]+"${GATEWAY_ARGS[@]}"} >"$log" 2>&1 &
}
start_gateway "$JAR" "$GATEWAY_PORT" "$MANAGEMENT_PORT" "$WORK/gateway.log" $(jfr gateway)
GATEWAY_PID=$!
PIDS+=("$GATEWAY_PID")
"$JAVA_HOME/bin/java" "${JVM_FLAGS[@]}" $(jfr bare) -jar "$BARE_JAR" --server.port="$BARE_PORT" \
  --backend="http://127.0.0.1:$BACKEND_PORT" >"$WORK/bare.log" 2>&1 &
BARE_PID=$!
PIDS+=("$BARE_PID")
"$JAVA_HOME/bin/java" "${JVM_FLAGS[@]}" -Dloader.main=com.peptalk.bench.netty.ReactorNettyProxy -cp "$BARE_JAR" \
  org.springframework.boot.loader.launch.PropertiesLauncher "$NETTY_PORT" "http://127.0.0.1:$BACKEND_PORT" \
  >"$WORK/netty.log" 2>&1 &
NETTY_PID=$!
PIDS+=("$NETTY_PID")
TARGETS=(nginx gateway bare netty)
if [ -n "$BASELINE_JAR" ]; then
  [ -f "$BASELINE_JAR" ] || die "PEPTALK_BENCH_BASELINE: no jar at $BASELINE_JAR"
  start_gateway "$BASELINE_JAR" "$BASELINE_PORT" $((BASELINE_PORT + 1)) "$WORK/baseline.log"
  BASELINE_PID=$!
  PIDS+=("$BASELINE_PID")
  TARGETS+=(baseline)
fi

PATH_=/integrations/procore/iframe?api_token=bench
answers_200() { # answers_200 <port> <log> <name>
  for _ in $(seq 1 360); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1$PATH_" 2>/dev/null)" = 200 ] && return 0
    sleep 0.5
  done
  tail -30 "$2" >&2
  die "the $3 did not answer 200"
}
answers_200 "$GATEWAY_PORT" "$WORK/gateway.log" gateway
answers_200 "$BARE_PORT" "$WORK/bare.log" "bare gateway"
answers_200 "$NETTY_PORT" "$WORK/netty.log" "Reactor Netty proxy"
if [ -n "$BASELINE_JAR" ]; then answers_200 "$BASELINE_PORT" "$WORK/baseline.log" "baseline gateway"; fi
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT$PATH_")" = 200 ] || die "nginx did not answer 200"

# CPU time (ms, user + system) the processes have used so far; /proc/<pid>/stat fields 14 and 15, in clock ticks
cpu_ms() {
  local pid ticks=0 hz
  hz=$(getconf CLK_TCK)
  for pid in "$@"; do ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  echo $((ticks * 1000 / hz))
}

# one wrk run: prints "req/s p50_ms p99_ms errors cpu_ms_per_request" (the CPU of the given processes, which does
# not depend on what else runs on the machine, unlike req/s and latency)
measure() {
  local url=$1 connections=$2 duration=$3 output before after
  shift 3
  before=$(cpu_ms "$@")
  output=$(wrk -t2 -c"$connections" -d"${duration}s" --latency ${WRK_SCRIPT:+-s "$WRK_SCRIPT"} "$url" 2>&1)
  after=$(cpu_ms "$@")
  printf '%s\n' "$output" >>"$WORK/wrk.log"
  awk -v cpu=$((after - before)) '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    / requests in / { requests = $1 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { errors += $5 }
    /Socket errors:/ { for (i = 4; i <= NF; i += 2) { gsub(",", "", $(i)); errors += $(i) } }
    END { printf "%.0f %.3f %.3f %d %.4f\n", rps, p50, p99, errors, (requests > 0 ? cpu / requests : 0) }' <<<"$output"
}

load_average() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load average: //'; }
LOAD_BEFORE=$(load_average)
# The JIT needs well over a hundred thousand requests before the gateway runs at its speed (on a busy machine,
# minutes): warm up in 15 s chunks until it has served 200 000 requests and two chunks in a row differ by less than
# 10 % in req/s, or for 300 s at most. (Stopping at the first two similar chunks measured a half-compiled gateway.)
warm_up() { # warm_up <port> <name>
  local port=$1 previous=0 served=0 chunk rps
  say "warming up the $2 (JIT) until its throughput settles ..."
  for chunk in $(seq 1 20); do
    rps=$(measure "http://127.0.0.1:$port$PATH_" 64 15 | awk '{ print $1 }')
    served=$((served + ${rps:-0} * 15))
    say "  warm-up $((chunk * 15)) s: $rps req/s ($served requests so far)"
    if ((served >= 200000)) && awk -v a="$rps" -v b="$previous" 'BEGIN { exit !(b > 0 && a / b < 1.1 && a / b > 0.9) }'; then
      break
    fi
    previous=$rps
  done
}
warm_up "$GATEWAY_PORT" gateway
warm_up "$BARE_PORT" "bare gateway"
warm_up "$NETTY_PORT" "Reactor Netty proxy"
if [ -n "$BASELINE_JAR" ]; then warm_up "$BASELINE_PORT" "baseline gateway"; fi
measure "http://127.0.0.1:$NGINX_PORT$PATH_" 64 2 >/dev/null

pids_of() { # pids_of <target>: the port it listens on, then the processes whose CPU it uses
  case $1 in
    nginx) echo "$NGINX_PORT $(pgrep -f "nginx: worker" | tr '\n' ' ')" ;; # its workers serve proxy and backend
    bare) echo "$BARE_PORT $BARE_PID" ;;
    netty) echo "$NETTY_PORT $NETTY_PID" ;;
    baseline) echo "$BASELINE_PORT $BASELINE_PID" ;;
    *) echo "$GATEWAY_PORT $GATEWAY_PID" ;;
  esac
}
SCENARIOS=("${CONNECTIONS[@]}")
if [ "$PACE_MS" != 0 ]; then
  printf 'function delay() return %s end\n' "$PACE_MS" >"$WORK/paced.lua"
  SCENARIOS+=(paced)
fi
declare -A RESULTS
for round in $(seq 1 "$ROUNDS"); do
  for scenario in "${SCENARIOS[@]}"; do
    for target in "${TARGETS[@]}"; do
      read -r port pids <<<"$(pids_of "$target")"
      if [ "$scenario" = paced ]; then
        result=$(WRK_SCRIPT=$WORK/paced.lua measure "http://127.0.0.1:$port$PATH_" 16 "$SECONDS_PER_RUN" $pids)
      else
        result=$(measure "http://127.0.0.1:$port$PATH_" "$scenario" "$SECONDS_PER_RUN" $pids)
      fi
      RESULTS[$target,$scenario,$round]=$result
      say "round $round, $scenario connections, $target: $result (req/s, p50 ms, p99 ms, errors, CPU ms/request)"
    done
  done
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_median() { # column_median <target> <connections> <field 1..4>
  local round
  for round in $(seq 1 "$ROUNDS"); do awk -v f="$3" '{ print $f }' <<<"${RESULTS[$1,$2,$round]}"; done | median
}
column_sum() {
  local round sum=0
  for round in $(seq 1 "$ROUNDS"); do sum=$((sum + $(awk -v f="$3" '{ print $f }' <<<"${RESULTS[$1,$2,$round]}"))); done
  echo "$sum"
}

# compare <target> <other> <title>: a table of <other> against nginx and <target> against <other>
compare() {
  say "" "$3" ""
  say "| connections | $2 req/s | $2 p50 | $2 p99 | $2/nginx req/s | $1/$2 req/s | errors ($2) | CPU ms/request $2 / $1 |"
  say "|---|---|---|---|---|---|---|---|"
  for connections in "${CONNECTIONS[@]}"; do
    awk -v c="$connections" -v nr="$(column_median nginx "$connections" 1)" -v gr="$(column_median "$1" "$connections" 1)" \
      -v br="$(column_median "$2" "$connections" 1)" -v b5="$(column_median "$2" "$connections" 2)" \
      -v b9="$(column_median "$2" "$connections" 3)" -v be="$(column_sum "$2" "$connections" 4)" \
      -v bc="$(column_median "$2" "$connections" 5)" -v gc="$(column_median "$1" "$connections" 5)" \
      'BEGIN { printf "| %d | %.0f | %.2f ms | %.2f ms | %.2f | %.2f | %d | %.3f / %.3f |\n",
               c, br, b5, b9, br / nr, gr / br, be, bc, gc }'
  done
}

{
  say "Gateway benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, ${SECONDS_PER_RUN} s per run, median of $ROUNDS interleaved rounds; wrk -t2"
  say "load average (1, 5, 15 min) before: $LOAD_BEFORE, after: $(load_average) (above the core count, other processes competed for the CPU)"
  say ""
  say "| connections | nginx req/s | nginx p50 | nginx p99 | gateway req/s | gateway p50 | gateway p99 | gateway/nginx req/s | p50 added | errors (nginx/gateway) | CPU ms/request nginx (proxy + backend) / gateway |"
  say "|---|---|---|---|---|---|---|---|---|---|---|"
  for connections in "${CONNECTIONS[@]}"; do
    n_rps=$(column_median nginx "$connections" 1); n_p50=$(column_median nginx "$connections" 2)
    n_p99=$(column_median nginx "$connections" 3); g_rps=$(column_median gateway "$connections" 1)
    g_p50=$(column_median gateway "$connections" 2); g_p99=$(column_median gateway "$connections" 3)
    awk -v c="$connections" -v nr="$n_rps" -v n5="$n_p50" -v n9="$n_p99" -v gr="$g_rps" -v g5="$g_p50" -v g9="$g_p99" \
      -v ne="$(column_sum nginx "$connections" 4)" -v ge="$(column_sum gateway "$connections" 4)" \
      -v nc="$(column_median nginx "$connections" 5)" -v gc="$(column_median gateway "$connections" 5)" \
      'BEGIN { printf "| %d | %.0f | %.2f ms | %.2f ms | %.0f | %.2f ms | %.2f ms | %.2f | %.2f ms | %d/%d | %.3f / %.3f |\n",
               c, nr, n5, n9, gr, g5, g9, gr / nr, g5 - n5, ne, ge, nc, gc }'
  done
  if [ "$PACE_MS" != 0 ]; then
    say "" "Latency below saturation: 16 connections, each waiting $PACE_MS ms between requests (wrk's delay()), same rounds" ""
    say "| target | req/s | p50 | p99 | p50 added (over nginx) | errors | CPU ms/request |"
    say "|---|---|---|---|---|---|---|"
    for target in "${TARGETS[@]}"; do
      awk -v t="$target" -v r="$(column_median "$target" paced 1)" -v p5="$(column_median "$target" paced 2)" \
        -v p9="$(column_median "$target" paced 3)" -v n5="$(column_median nginx paced 2)" \
        -v e="$(column_sum "$target" paced 4)" -v c="$(column_median "$target" paced 5)" \
        'BEGIN { printf "| %s | %.0f | %.2f ms | %.2f ms | %.2f ms | %d | %.3f |\n", t, r, p5, p9, p5 - n5, e, c }'
    done
  fi
  compare gateway bare "Framework floor: Spring Cloud Gateway with one route and nothing of ours (benchmarks/gateway/bare), in the same rounds"
  compare gateway netty "Engine floor: the smallest Reactor Netty proxy, no Spring (ReactorNettyProxy), in the same rounds"
  if [ -n "$BASELINE_JAR" ]; then compare gateway baseline "Baseline: $BASELINE_JAR, interleaved in the same rounds"; fi
} | tee "$OUT/gateway-results.md"
say "" "wrk output: $WORK/wrk.log; gateway log: $WORK/gateway.log"
