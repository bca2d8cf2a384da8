# Helpers of bench/run.sh: the processes it starts, HTTP on loopback, figures and their report. Sourced, not run.
# Every process started here is listed in BENCH_PIDS and stopped by stop_all (run.sh traps EXIT on it).

BENCH_PIDS=()
MISSING=()
declare -A R=()

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now_ms() { date +%s%3N; }

# A TCP port nobody listens on, in BENCH_PORTS (default 18300-18399: the range this machine gives the benchmark;
# never one fixed port, the machine is shared).
free_port() {
    local range="${BENCH_PORTS:-18300-18399}" port
    local low="${range%-*}" high="${range#*-}"
    for port in $(seq "$low" "$high" | shuf); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "no free port in $range" >&2
    return 1
}

# The packaged application as a plain process, with a clean environment plus the NAME=VALUE arguments after the
# log file. Sets APP_PID (not echoed: a command substitution would start it in a subshell that cannot stop it). A
# native gateway binary is used instead of the jar when BENCH_NATIVE names one.
start_app() {
    local logfile="$1" kind="$2"
    shift 2
    local command=("$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -jar "$JAR")
    if [ "$kind" = gateway ]; then
        # the gateway in the heap a container would give it; the emulator (the vendors' stand-in) is not bounded
        command=("$JAVA_HOME/bin/java" "-Xmx${BENCH_GATEWAY_HEAP:-1g}" ${BENCH_JAVA_OPTS:-} -jar "$JAR")
    fi
    if [ "$kind" = gateway ] && [ -n "${BENCH_NATIVE:-}" ]; then
        command=("$BENCH_NATIVE")
    fi
    env -i PATH="$PATH" HOME="${HOME:-/tmp}" JAVA_HOME="$JAVA_HOME" LANG=C.UTF-8 "$@" \
        "${command[@]}" >"$logfile" 2>&1 &
    APP_PID=$!
    BENCH_PIDS+=("$APP_PID")
}

stop_app() {
    local pid="$1"
    [ -n "$pid" ] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    local kept=() p
    for p in "${BENCH_PIDS[@]}"; do
        [ "$p" = "$pid" ] || kept+=("$p")
    done
    BENCH_PIDS=("${kept[@]}")
}

stop_all() {
    while [ ${#BENCH_PIDS[@]} -gt 0 ]; do
        stop_app "${BENCH_PIDS[0]}"
    done
}

# Waits until URL answers HTTP 200, at most SECONDS; fails when the process PID ended or time ran out.
wait_http() {
    local url="$1" seconds="$2" pid="$3" deadline=$(($(date +%s) + $2))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url")" = 200 ]; then
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            log "process $pid ended before $url answered"
            return 1
        fi
        sleep 0.1
    done
    log "$url did not answer within ${seconds}s"
    return 1
}

# POSTs a GraphQL request body to the gateway on PORT. Sets GQL_MS (wall time) and GQL_OK (1 when the answer is
# HTTP 200 with data and without errors[]); the answer is kept in $WORK/answer.json.
gql() {
    local port="$1" body="$2" max="${3:-${QUERY_TIMEOUT_S:-300}}" out
    rm -f "$WORK/answer.json" # a timed-out ask writes nothing: never report the previous answer as this one's
    out=$(curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}' --max-time "$max" \
        -H 'Content-Type: application/json' --data-binary "$body" "http://127.0.0.1:$port/graphql") || true
    GQL_MS=$(awk -v t="${out#* }" 'BEGIN { printf "%.1f", t * 1000 }')
    GQL_OK=0
    if [ "${out%% *}" = 200 ] && grep -q '"data"' "$WORK/answer.json" && ! grep -q '"errors"' "$WORK/answer.json"; then
        GQL_OK=1
    else
        log "answer not clean (HTTP ${out%% *}, ${GQL_MS} ms): $(head -c 300 "$WORK/answer.json" 2>/dev/null)"
    fi
}

# The emulator's call counts since the last reset, as JSON, and reset them (DELETE /demo/calls does both at once).
calls_reset() { curl -s --max-time 10 -X DELETE "http://127.0.0.1:$EMULATOR_PORT/demo/calls"; }

# Total calls of one vendor ("windsurf" or "tabnine") in a /demo/calls answer: the numbers directly inside the
# top-level member of that name (route names hold braces, "{userId}", so this scans strings and depth, not a regex).
calls_of() {
    printf '%s' "$1" | awk -v want="$2" '
        { s = s $0 }
        END {
            n = length(s); depth = 0; total = 0
            for (i = 1; i <= n; i++) {
                c = substr(s, i, 1)
                if (c == "\"") {
                    j = index(substr(s, i + 1), "\"")
                    last = substr(s, i + 1, j - 1)
                    i += j
                } else if (c == "{") {
                    depth++
                    if (depth == 2) top = last
                } else if (c == "}") {
                    depth--
                } else if (c == ":" && depth == 2 && top == want && match(substr(s, i + 1), /^[0-9]+/)) {
                    total += substr(s, i + 1, RLENGTH)
                }
            }
            print total
        }'
}

# The calls object without "since": what the JSON report keeps per measurement.
calls_json() {
    printf '%s' "$1" | sed -e 's/"since":"[^"]*",//'
}

# Median of the numbers on stdin.
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Resident set size of PID in MiB.
rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null; }

# Heap in use right after a full GC, in MiB (JVM only: empty for a native binary).
heap_after_gc_mib() {
    local pid="$1"
    [ -z "${BENCH_NATIVE:-}" ] || return 0
    "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null 2>&1 || return 0
    "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info 2>/dev/null |
        awk '/total .*used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); printf "%.0f", v / 1024; exit } }'
}

# Runs wrk against URL (POSTing BODY when given) with CONNECTIONS for SECONDS. Sets WRK_RPS, WRK_P50, WRK_P99
# (milliseconds) and WRK_FAILED (answers not 200 or carrying errors[]); the raw output stays in $WORK.
wrk_run() {
    local url="$1" body="$2" connections="$3" seconds="$4" out="$WORK/wrk-$RANDOM.txt"
    BENCH_BODY="$body" timeout $((seconds + 70)) wrk -t 2 -c "$connections" -d "${seconds}s" --timeout 60s --latency \
        -s "$BENCH_DIR/post.lua" "$url" >"$out" 2>&1 || true
    WRK_RPS=$(awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$out")
    WRK_P50=$(awk '$1 == "50%" { print to_ms($2) } function to_ms(v) { if (v ~ /us$/) return sprintf("%.2f", v / 1000); if (v ~ /ms$/) return sprintf("%.2f", v + 0); if (v ~ /m$/) return sprintf("%.0f", v * 60000); return sprintf("%.0f", v * 1000) }' "$out")
    WRK_P99=$(awk '$1 == "99%" { print to_ms($2) } function to_ms(v) { if (v ~ /us$/) return sprintf("%.2f", v / 1000); if (v ~ /ms$/) return sprintf("%.2f", v + 0); if (v ~ /m$/) return sprintf("%.0f", v * 60000); return sprintf("%.0f", v * 1000) }' "$out")
    WRK_FAILED=$(awk '/^bench-failed-answers:/ { print $2 }' "$out")
    if [ -z "$WRK_RPS" ] || [ "${WRK_FAILED:-1}" != 0 ] || grep -q '^ *0 requests in' "$out"; then
        log "wrk on $url: no clean figure (no answer, or failed answers: ${WRK_FAILED:-?}); output in $out"
        WRK_RPS=""
    fi
}

# Records that FIGURE (a name) is missing; run.sh fails at the end when any is.
need() {
    local name="$1" value="$2"
    if [ -z "$value" ]; then
        MISSING+=("$name")
        log "MISSING figure: $name"
    fi
}

# A JSON number, or null for an empty value.
num() { if [ -n "$1" ]; then printf '%s' "$1"; else printf 'null'; fi; }

# A ratio A/B with two decimals, or empty when either is missing.
ratio() { if [ -n "$1" ] && [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print ""; else printf "%.2f", a / b }'; fi; }

# A cell of the Markdown table: the value, or "n/a".
cell() { if [ -n "$1" ]; then printf '%s' "$1"; else printf 'n/a'; fi; }
