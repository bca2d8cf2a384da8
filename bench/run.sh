#!/usr/bin/env bash
# Benchmarks of the gateway (README "Performance"): starts the vendor emulator and the packaged gateway as separate
# processes on loopback, measures with wrk and curl, reads vendor calls from the emulator's counters, and writes a
# Markdown table (console, target/bench/report.md) and a JSON report (target/bench/report.json).
#
#   bench/run.sh            full run: every scenario, scale at 1,000, 10,000 and 50,000 people (about 8 minutes here, see README)
#   bench/run.sh --quick    a few seconds per scenario, one small organisation (CI runs it: .ci/run)
#
# Knobs (environment): BENCH_SIZES (scale sizes, comma list), BENCH_PEOPLE (organisation of the other scenarios,
# 300), BENCH_LATENCY (emulated latency per vendor call outside the scale scenario, 150ms), BENCH_SECONDS (seconds per
# wrk run at least; a cell whose warm query is slow runs longer, up to 30 s, so that it completes answers),
# BENCH_CONNECTIONS (wrk connection levels, "16 64"; quick "4"), BENCH_QUERY_TIMEOUT (seconds one query may take,
# 300), BENCH_BUDGET_MINUTES (scale sizes that would start later are skipped and reported missing; 14, quick 30),
# BENCH_OUT (report folder, target/bench), BENCH_PORTS (loopback ports for the processes it starts, 18300-18399),
# BENCH_NATIVE (a native gateway binary to measure instead of the jar), BENCH_GATEWAY_HEAP (the gateway JVM's -Xmx,
# 1g: the heap limit a 50,000-person organisation must fit in), BENCH_COLD_RUNS (fresh gateways per scale size whose
# median is the cold figure; 3, quick 1), BENCH_SCENARIOS (which to run, comma list of
# cached (with start-up), calls, switching, scale; all by default), JAVA_HOME.
# It fails (exit 1) when any scenario produced no figure; it asserts no time. Every process it starts is stopped on
# the way out, failure and Ctrl-C included.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR="$PWD/bench"
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

QUICK=false
[ "${1:-}" = --quick ] && QUICK=true
if $QUICK; then
    SIZES="${BENCH_SIZES:-300}" SECONDS_PER_RUN="${BENCH_SECONDS:-4}" MAX_SECONDS=20 CONNECTIONS="${BENCH_CONNECTIONS:-4}"
    WARM_RUNS=3 WARM_BUDGET_S=20 QUERY_TIMEOUT_S="${BENCH_QUERY_TIMEOUT:-300}" CONCURRENT_COLD=50 EMULATOR_WARM_S=1
    COLD_RUNS="${BENCH_COLD_RUNS:-1}"
else
    SIZES="${BENCH_SIZES:-1000,10000,50000}" SECONDS_PER_RUN="${BENCH_SECONDS:-8}" MAX_SECONDS=30
    CONNECTIONS="${BENCH_CONNECTIONS:-16 64}" WARM_RUNS=10 WARM_BUDGET_S=30 QUERY_TIMEOUT_S="${BENCH_QUERY_TIMEOUT:-300}"
    CONCURRENT_COLD=50 EMULATOR_WARM_S=5 COLD_RUNS="${BENCH_COLD_RUNS:-3}"
fi
read -r -a CONNS <<<"$CONNECTIONS"
IFS=, read -r -a SIZE_LIST <<<"$SIZES"
SCENARIOS="${BENCH_SCENARIOS:-cached,calls,switching,scale}"
# The whole run's budget: a scale size that would start after it is skipped (and reported missing), so a slow
# machine or a slow build ends the run instead of stretching it.
BUDGET_MIN="${BENCH_BUDGET_MINUTES:-$($QUICK && echo 30 || echo 14)}"
BENCH_DEADLINE=$(($(date +%s) + BUDGET_MIN * 60))
PEOPLE="${BENCH_PEOPLE:-300}"
LATENCY="${BENCH_LATENCY:-150ms}"
OUT="${BENCH_OUT:-$PWD/target/bench}"
WORK="$OUT/work"
mkdir -p "$WORK"
# shellcheck source=bench/report.sh
source "$BENCH_DIR/report.sh"
REPORTED=false
# On the way out, whatever the cause: stop every process started here, and write the report of what was measured
# when the run ended before its end (figures not taken are reported missing, and the exit status stays non-zero).
on_exit() {
    local status=$?
    stop_all
    if ! $REPORTED && [ -n "${STARTED:-}" ]; then
        LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
        MISSING+=("run-ended-early")
        write_report >&2 || true
    fi
    exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# --- tools: a JDK 21+, wrk (Debian package, installed when absent), the packaged jar ---------------------------
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/jcmd" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
        JAVA_HOME="$candidate"
        break
    fi
done
[ "$(java_major "${JAVA_HOME:-/none}")" -ge 21 ] 2>/dev/null || { echo "No JDK 21+ found" >&2; exit 1; }
export JAVA_HOME
if ! command -v wrk >/dev/null 2>&1; then
    log "installing wrk (Debian package)"
    { [ "$(id -u)" -eq 0 ] || SUDO=sudo; ${SUDO:-} apt-get update -qq \
        && ${SUDO:-} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
fi
JAR="$PWD/target/quarkus-app/quarkus-run.jar"
if [ ! -f "$JAR" ]; then
    log "packaging the gateway (./mvnw package, tests skipped)"
    ./mvnw -B -q package -DskipTests
fi

# --- machine and windows ---------------------------------------------------------------------------------------
STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
CORES=$(nproc)
MEMORY_GIB=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
JDK=$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1 | tr -d '"')
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
day() { date -u -d "$(date -u +%F) $1 days" +%Y-%m-%dT00:00:00Z; }
TO=$(day +1)
window() { printf '{"from":"%s","to":"%s"}' "$(day $((1 - $1)))" "$TO"; }

SEATS_BODY='{"query":"query SeatOverview { seats { utilization { vendor assigned active idle neverUsed pending deactivated } freshness { vendor fetchedAt cached stale } } }"}'
TEAMS_BODY=$(printf '{"query":"query TeamComparison($window: WindowInput!) { teams { id vendor name memberCount utilization { assigned active idle } usage(window: $window, granularity: TOTAL) { activeUsers completionsAccepted completionLinesAccepted chatMessages agentMessages credits cost } } }","variables":{"window":%s}}' "$(window 30)")
usage_body() {
    printf '{"query":"query Usage($window: WindowInput!, $granularity: Granularity) { usage(window: $window, granularity: $granularity) { buckets { vendor from activeUsers completionsAccepted completionLinesAccepted chatMessages agentMessages } freshness { vendor cached stale } } }","variables":{"window":%s,"granularity":"%s"}}' "$(window "$1")" "$2"
}
USAGE_BODY=$(usage_body 30 DAY)
PEOPLE_BODY=$(printf '{"query":"query People($window: WindowInput!) { people(first: 500) { totalCount nodes { email usage(window: $window, granularity: TOTAL) { vendor activeUsers completionsAccepted chatMessages } } } }","variables":{"window":%s}}' "$(window 30)")
PING_BODY='{"query":"{ __typename }"}'
QUERY_NAMES=(seat-overview team-comparison usage-30-days)
query_body() {
    case "$1" in
        seat-overview) printf '%s' "$SEATS_BODY" ;;
        team-comparison) printf '%s' "$TEAMS_BODY" ;;
        usage-30-days) printf '%s' "$USAGE_BODY" ;;
        people-500) printf '%s' "$PEOPLE_BODY" ;;
    esac
}

# --- processes ---------------------------------------------------------------------------------------------------
EMULATOR_PID="" EMULATOR_PORT="" GATEWAY_PID="" GATEWAY_PORT=""

# The emulator alone (emulator profile) with PEOPLE people and LATENCY per vendor call, its organisation generated
# and its daily aggregates built before anything is measured, its counters reset.
start_emulator() {
    local people="$1" latency="$2"
    stop_app "$EMULATOR_PID"
    EMULATOR_PORT=$(free_port)
    start_app "$OUT/emulator-$people.log" emulator QUARKUS_PROFILE=emulator QUARKUS_HTTP_HOST=127.0.0.1 \
        _EMULATOR_QUARKUS_HTTP_PORT="$EMULATOR_PORT" AUTH_MODE=none CACHE_WARM_UP_ENABLED=false \
        DEMO_PEOPLE="$people" DEMO_WINDSURF_LATENCY="$latency" DEMO_TABNINE_LATENCY="$latency"
    EMULATOR_PID=$APP_PID
    wait_http "http://127.0.0.1:$EMULATOR_PORT/demo/calls" 120 "$EMULATOR_PID"
    local tabnine="http://127.0.0.1:$EMULATOR_PORT/demo/tabnine/api" auth='Authorization: Bearer demo-tabnine-token'
    local org
    org=$(curl -s --max-time 300 -H "$auth" "$tabnine/v1/organization" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
    curl -s -o /dev/null --max-time 300 -H "$auth" \
        "$tabnine/v2/organization/usage?organizationId=$org&from=$(day -1)&to=$TO&granularity=daily"
    # The emulator stands in for a vendor that has been running for months, so its per-user usage endpoint (the one
    # the fan-out calls thousands of times) is exercised before anything is measured, for the first 2,000 users
    # (active, idle and never active alike) in the windows the fan-out asks: a freshly started JVM would otherwise
    # spend the first measurement compiling the vendor's code. The gateway gets no such warm-up.
    local users="$OUT/emulator-users-$people.txt" page
    : >"$users"
    for page in $(seq 0 9); do
        curl -s --max-time 60 -H "$auth" "$tabnine/v1/organization/users?offset=$((page * 200))&limit=200" |
            { grep -o '{"id":"[^"]*","username"' || true; } | cut -d'"' -f4 >>"$users"
    done
    if [ -s "$users" ]; then
        WARM_USERS="$users" WARM_PATH="/demo/tabnine/api/v2/user/usage?organizationId=$org" \
            WARM_QUERIES="granularity=daily&from=$(day -30)&to=$TO granularity=monthly&from=$(day -365)&to=$(day -30)
                granularity=daily&from=$(day -120)&to=$(day -90)" \
            timeout $((EMULATOR_WARM_S * 2 + 10)) wrk -t 1 -c 4 -d "$((EMULATOR_WARM_S * 2))s" -H "$auth" \
            -s "$BENCH_DIR/warm.lua" "http://127.0.0.1:$EMULATOR_PORT" >/dev/null
    fi
    calls_reset >/dev/null
    log "emulator: $people people, latency $latency, port $EMULATOR_PORT (pid $EMULATOR_PID)," \
        "per-user usage warmed $((EMULATOR_WARM_S * 2))s over $(wc -l <"$users") users"
}

# The packaged gateway pointed at the emulator (WARM_UP true/false). Sets GATEWAY_STARTED_MS (launch time).
# AUTH_MODE=none: the benchmark measures the gateway, not a token check. The request deadline and the vendor budgets
# are raised far above what a run needs, and the read timeout covers the 50,000-person Custom Analytics answer, so
# no guard cuts a measurement short; retries and breakers keep their defaults.
start_gateway() {
    local warm_up="$1"
    stop_app "$GATEWAY_PID"
    GATEWAY_PORT=$(free_port)
    GATEWAY_STARTED_MS=$(now_ms)
    GATEWAY_LOG="$OUT/gateway-$GATEWAY_STARTED_MS.log"
    start_app "$GATEWAY_LOG" gateway QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$GATEWAY_PORT" AUTH_MODE=none \
        WINDSURF_URL="http://127.0.0.1:$EMULATOR_PORT/demo/windsurf" WINDSURF_SERVICE_KEY=demo-windsurf-service-key \
        WINDSURF_GROUPS=engineering,platform,data-science,mobile \
        TABNINE_URL="http://127.0.0.1:$EMULATOR_PORT/demo/tabnine" TABNINE_TOKEN=demo-tabnine-token \
        CACHE_WARM_UP_ENABLED="$warm_up" VENDOR_POLICY_REQUEST_DEADLINE=900s \
        VENDOR_POLICY_WINDSURF_BUDGET_RATE=1000000 VENDOR_POLICY_WINDSURF_BUDGET_BURST=1000000 \
        VENDOR_POLICY_TABNINE_BUDGET_RATE=1000000 VENDOR_POLICY_TABNINE_BUDGET_BURST=1000000 \
        QUARKUS_REST_CLIENT_WINDSURF_READ_TIMEOUT=300000 QUARKUS_REST_CLIENT_TABNINE_READ_TIMEOUT=300000
    GATEWAY_PID=$APP_PID
    wait_http "http://127.0.0.1:$GATEWAY_PORT/q/health/live" 120 "$GATEWAY_PID"
}

source "$BENCH_DIR/scenarios.sh"

log "machine: $CORES cores, $MEMORY_GIB GiB, $JDK, load $LOAD_BEFORE; quick=$QUICK"
wanted() { [[ ",$SCENARIOS," == *",$1,"* ]]; }
if wanted cached || wanted calls || wanted switching; then
    start_emulator "$PEOPLE" "$LATENCY"
fi
if wanted cached; then scenario_startup_and_cached; fi
if wanted calls; then scenario_vendor_calls; fi
if wanted switching; then scenario_window_switching; fi
if wanted scale; then scenario_scale "${SIZE_LIST[@]}"; fi
stop_all
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
REPORTED=true
write_report
if [ ${#MISSING[@]} -gt 0 ]; then
    echo "Benchmark incomplete: no figure for ${MISSING[*]}" >&2
    exit 1
fi
