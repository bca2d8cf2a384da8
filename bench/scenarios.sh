# The scenarios of bench/run.sh (issue 13, README "Performance"). Sourced; each fills R[...] with its figures and
# calls `need` for every figure the report must have.


# Start-up (process start to the first answered query, to warm-up complete, RSS after warm-up), then the cached
# dashboard queries under wrk at each connection level (CONNS), beside /q/health/live of the same server as the ceiling.
scenario_startup_and_cached() {
    log "scenario: start-up and cached queries"
    start_gateway true
    local deadline=$(($(date +%s) + 120))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        gql "$GATEWAY_PORT" "$PING_BODY" 5 2>/dev/null
        [ "$GQL_OK" = 1 ] && break
        sleep 0.05
    done
    [ "$GQL_OK" = 1 ] && R[startup.first_query_ms]=$(($(now_ms) - GATEWAY_STARTED_MS))
    while [ "$(date +%s)" -lt $((deadline + 300)) ]; do
        [ "$(grep -c -E 'cache warmed up|cache warm-up stopped' "$GATEWAY_LOG")" -ge 2 ] && break
        sleep 0.1
    done
    if [ "$(grep -c 'cache warmed up' "$GATEWAY_LOG")" -ge 2 ]; then
        R[startup.warm_up_ms]=$(($(now_ms) - GATEWAY_STARTED_MS))
    fi
    R[startup.rss_mib]=$(rss_mib "$GATEWAY_PID")
    R[startup.heap_mib]=$(heap_after_gc_mib "$GATEWAY_PID")
    calls_reset >/dev/null
    need startup.first_query_ms "${R[startup.first_query_ms]:-}"
    need startup.warm_up_ms "${R[startup.warm_up_ms]:-}"
    need startup.rss_mib "${R[startup.rss_mib]:-}"

    # Each query asked once more (it fills what warm-up did not load, team usage say) and timed: a cell runs at least
    # SECONDS_PER_RUN and long enough for every connection to complete about two answers at that single-request
    # latency on this machine's cores (at most MAX_SECONDS), so a slow query still yields a figure.
    local q c single
    declare -A SINGLE_MS=()
    for q in "${QUERY_NAMES[@]}"; do
        gql "$GATEWAY_PORT" "$(query_body "$q")" "$QUERY_TIMEOUT_S"
        gql "$GATEWAY_PORT" "$(query_body "$q")" "$QUERY_TIMEOUT_S"
        SINGLE_MS[$q]=$GQL_MS
    done
    calls_reset >/dev/null
    for c in "${CONNS[@]}"; do
        wrk_run "http://127.0.0.1:$GATEWAY_PORT/q/health/live" "" "$c" "$SECONDS_PER_RUN"
        R[cached.health.$c.rps]=$WRK_RPS R[cached.health.$c.p50]=$WRK_P50 R[cached.health.$c.p99]=$WRK_P99
        R[cached.health.$c.seconds]=$SECONDS_PER_RUN
        need "cached.health.$c" "$WRK_RPS"
        for q in "${QUERY_NAMES[@]}"; do
            single=$(awk -v ms="${SINGLE_MS[$q]}" -v c="$c" -v cores="$CORES" -v lo="$SECONDS_PER_RUN" -v hi="$MAX_SECONDS" \
                'BEGIN { s = int(2 * c * ms / 1000 / cores) + 1; if (s < lo) s = lo; if (s > hi) s = hi; print s }')
            wrk_run "http://127.0.0.1:$GATEWAY_PORT/graphql" "$(query_body "$q")" "$c" "$single"
            R[cached.$q.$c.rps]=$WRK_RPS R[cached.$q.$c.p50]=$WRK_P50 R[cached.$q.$c.p99]=$WRK_P99
            R[cached.$q.$c.seconds]=$single
            R[cached.$q.$c.ratio]=$(ratio "$WRK_RPS" "${R[cached.health.$c.rps]}")
            need "cached.$q.$c" "$WRK_RPS"
        done
    done
    local counts
    counts=$(calls_reset)
    R[cached.vendor_calls]=$(($(calls_of "$counts" windsurf) + $(calls_of "$counts" tabnine)))
}

# Vendor calls of each dashboard query cold (fresh gateway, warm-up off), warm (asked again), and for 50 concurrent
# identical cold requests (another fresh gateway), read from the emulator's counters.
scenario_vendor_calls() {
    log "scenario: vendor calls cold, warm, $CONCURRENT_COLD concurrent cold"
    local q body counts i started
    for q in "${QUERY_NAMES[@]}"; do
        body=$(query_body "$q")
        start_gateway false
        calls_reset >/dev/null
        gql "$GATEWAY_PORT" "$body"
        counts=$(calls_reset)
        [ "$GQL_OK" = 1 ] && R[calls.$q.cold_ms]=$GQL_MS
        R[calls.$q.cold]="$(calls_of "$counts" windsurf)/$(calls_of "$counts" tabnine)"
        R[calls.$q.cold_json]=$(calls_json "$counts")
        gql "$GATEWAY_PORT" "$body"
        counts=$(calls_reset)
        [ "$GQL_OK" = 1 ] && R[calls.$q.warm_ms]=$GQL_MS
        R[calls.$q.warm]="$(calls_of "$counts" windsurf)/$(calls_of "$counts" tabnine)"
        need "calls.$q.cold" "${R[calls.$q.cold_ms]:-}"
        need "calls.$q.warm" "${R[calls.$q.warm_ms]:-}"

        start_gateway false
        calls_reset >/dev/null
        started=$(now_ms)
        local clients=()
        for i in $(seq 1 "$CONCURRENT_COLD"); do
            curl -s -o "$WORK/burst-$i.json" --max-time "$QUERY_TIMEOUT_S" -H 'Content-Type: application/json' \
                --data-binary "$body" "http://127.0.0.1:$GATEWAY_PORT/graphql" &
            clients+=($!)
        done
        wait "${clients[@]}" || true
        local clean=0
        for i in $(seq 1 "$CONCURRENT_COLD"); do
            grep -q '"data"' "$WORK/burst-$i.json" && ! grep -q '"errors"' "$WORK/burst-$i.json" && clean=$((clean + 1))
        done
        counts=$(calls_reset)
        if [ "$clean" = "$CONCURRENT_COLD" ]; then
            R[calls.$q.burst_ms]=$(($(now_ms) - started))
            R[calls.$q.burst]="$(calls_of "$counts" windsurf)/$(calls_of "$counts" tabnine)"
        else
            log "$q: only $clean of $CONCURRENT_COLD concurrent cold answers were clean"
        fi
        need "calls.$q.burst" "${R[calls.$q.burst]:-}"
    done
    stop_app "$GATEWAY_PID"
}

# Window switching as a dashboard user does it: organisation usage over 90 days, then 30, then 7, then 30 again at
# DAY, WEEK and TOTAL, on a fresh gateway (warm-up off): latency and vendor calls of each step.
SWITCH_STEPS=("90 DAY" "30 DAY" "7 DAY" "30 DAY" "30 WEEK" "30 TOTAL")
scenario_window_switching() {
    log "scenario: window switching"
    start_gateway false
    calls_reset >/dev/null
    local i days granularity counts
    for i in "${!SWITCH_STEPS[@]}"; do
        read -r days granularity <<<"${SWITCH_STEPS[$i]}"
        gql "$GATEWAY_PORT" "$(usage_body "$days" "$granularity")"
        counts=$(calls_reset)
        [ "$GQL_OK" = 1 ] && R[switch.$i.ms]=$GQL_MS
        R[switch.$i.calls]="$(calls_of "$counts" windsurf)/$(calls_of "$counts" tabnine)"
        need "switch.$days.$granularity" "${R[switch.$i.ms]:-}"
    done
    stop_app "$GATEWAY_PID"
}

# Scale: for each organisation size, an emulator without latency and a fresh gateway (warm-up off), then the seat
# overview, people(first: 500) with 30-day usage and the team comparison, in that order: each cold (its first ask in
# that gateway) and warm (median of repeated asks), vendor calls of each, heap after a full GC and RSS after each.
# A cold figure is the median of COLD_RUNS fresh gateways (the queries in the same order in each; all runs are
# reported): one cold ask is one sample of a machine whose speed varies by a third from minute to minute.
SCALE_QUERIES=(seat-overview people-500 team-comparison)
scenario_scale() {
    local n q counts runs i warm_until run
    for n in "$@"; do
        if [ "$(date +%s)" -gt "$BENCH_DEADLINE" ]; then
            log "scenario: scale, $n people skipped: the run passed its budget of ${BUDGET_MIN} minutes"
            need "scale.$n" ""
            continue
        fi
        log "scenario: scale, $n people"
        start_emulator "$n" 0ms
        for run in $(seq 2 "$COLD_RUNS"); do
            start_gateway false
            calls_reset >/dev/null
            for q in "${SCALE_QUERIES[@]}"; do
                gql "$GATEWAY_PORT" "$(query_body "$q")" "$QUERY_TIMEOUT_S"
                [ "$GQL_OK" = 1 ] && R[scale.$n.$q.cold_runs]+="$GQL_MS "
            done
            stop_app "$GATEWAY_PID"
            log "scale, $n people: cold run $((run - 1)) of $COLD_RUNS: ${R[scale.$n.seat-overview.cold_runs]:-}"
        done
        start_gateway false
        calls_reset >/dev/null
        for q in "${SCALE_QUERIES[@]}"; do
            gql "$GATEWAY_PORT" "$(query_body "$q")" "$QUERY_TIMEOUT_S"
            counts=$(calls_reset)
            [ "$GQL_OK" = 1 ] && R[scale.$n.$q.cold_runs]+="$GQL_MS"
            R[scale.$n.$q.cold_ms]=$(printf '%s\n' ${R[scale.$n.$q.cold_runs]:-} | median)
            # a cut cold ask goes on fetching inside the gateway: what is measured after it is marked, not warm
            [ "$GQL_OK" = 1 ] || R[scale.$n.after_cut]=1
            R[scale.$n.$q.cold_calls]="$(calls_of "$counts" windsurf)/$(calls_of "$counts" tabnine)"
            if [ "$q" = seat-overview ]; then
                fan_out "$n" "$counts"
            fi
            # Warm: WARM_RUNS asks, fewer when they pass WARM_BUDGET_S in all (at least one), so a slow size stays bounded.
            runs="" warm_until=$(($(date +%s) + WARM_BUDGET_S))
            for i in $(seq 1 "$WARM_RUNS"); do
                gql "$GATEWAY_PORT" "$(query_body "$q")" "$QUERY_TIMEOUT_S"
                [ "$GQL_OK" = 1 ] && runs+="$GQL_MS"$'\n'
                [ "$(date +%s)" -lt "$warm_until" ] || break
            done
            R[scale.$n.$q.warm_runs]=$i
            counts=$(calls_reset)
            R[scale.$n.$q.warm_ms]=$(printf '%s' "$runs" | median)
            R[scale.$n.$q.after_cut]=${R[scale.$n.after_cut]:-}
            R[scale.$n.$q.warm_calls]="$(calls_of "$counts" windsurf)/$(calls_of "$counts" tabnine)"
            R[scale.$n.$q.heap_mib]=$(heap_after_gc_mib "$GATEWAY_PID")
            R[scale.$n.$q.rss_mib]=$(rss_mib "$GATEWAY_PID")
            need "scale.$n.$q.cold" "${R[scale.$n.$q.cold_ms]:-}"
            need "scale.$n.$q.warm" "${R[scale.$n.$q.warm_ms]:-}"
            need "scale.$n.$q.rss" "${R[scale.$n.$q.rss_mib]:-}"
        done
        stop_app "$GATEWAY_PID"
    done
    stop_app "$EMULATOR_PID"
}

# Tabnine's per-user fan-out in the cold seat overview just asked: the number of per-user usage calls (emulator
# counters) and the seconds the gateway spent in Tabnine usage calls (its http_client_requests_seconds metric), which
# at tabnine.concurrency (8) in flight is at least that sum / 8 of wall time.
fan_out() {
    local n="$1" counts="$2" metrics
    metrics=$(curl -s --max-time 30 "http://127.0.0.1:$GATEWAY_PORT/q/metrics")
    R[scale.$n.fanout_calls]=$(printf '%s' "$counts" |
        grep -o '"/api/v[12]/user/usage":[0-9]*' | grep -o '[0-9]*$' | awk '{ s += $1 } END { print s + 0 }')
    R[scale.$n.fanout_seconds]=$(printf '%s\n' "$metrics" |
        grep '^http_client_requests_seconds_sum{' | grep 'clientName="tabnine"' | grep 'usage' |
        awk '{ s += $NF } END { printf "%.1f", s }')
}
