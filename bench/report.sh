# The report of bench/run.sh: a Markdown table (console and target/bench/report.md) and a JSON report
# (target/bench/report.json, plus a dated copy), each with the machine and the date. Sourced.

pair_json() { # "w/t" -> {"windsurf":w,"tabnine":t}
    if [ -n "$1" ]; then printf '{"windsurf":%s,"tabnine":%s}' "${1%/*}" "${1#*/}"; else printf 'null'; fi
}

markdown() {
    local q c i n prev
    echo "## Gateway benchmark, $STARTED ($($QUICK && echo quick || echo full) run)"
    echo
    echo "Machine: $CORES cores ($CPU), $MEMORY_GIB GiB, $JDK; load average $LOAD_BEFORE before, $LOAD_AFTER after."
    echo "Emulator: $PEOPLE people, $LATENCY per vendor call (scale: no latency). Vendor calls are Windsurf/Tabnine."
    echo "Gateway: ${BENCH_NATIVE:-the packaged jar, -Xmx${BENCH_GATEWAY_HEAP:-1g}}."
    echo "Scenarios: ${SCENARIOS:-cached,calls,switching,scale}."
    echo
    echo "Cached queries under wrk (answers/s, p50 and p99 in ms; ratio = answers/s over /q/health/live's at the same"
    echo "connections; a cell runs ${SECONDS_PER_RUN}s, longer for a slow query, at most ${MAX_SECONDS}s):"
    echo
    echo "| query | connections | seconds | answers/s | p50 ms | p99 ms | ratio |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for c in "${CONNS[@]}"; do
        echo "| /q/health/live | $c | $(cell "${R[cached.health.$c.seconds]:-}") | $(cell "${R[cached.health.$c.rps]:-}") | $(cell "${R[cached.health.$c.p50]:-}") | $(cell "${R[cached.health.$c.p99]:-}") | 1 |"
        for q in "${QUERY_NAMES[@]}"; do
            echo "| $q | $c | $(cell "${R[cached.$q.$c.seconds]:-}") | $(cell "${R[cached.$q.$c.rps]:-}") | $(cell "${R[cached.$q.$c.p50]:-}") | $(cell "${R[cached.$q.$c.p99]:-}") | $(cell "${R[cached.$q.$c.ratio]:-}") |"
        done
    done
    echo
    echo "Vendor calls during the wrk runs above: $(cell "${R[cached.vendor_calls]:-}")."
    echo
    echo "Vendor calls per query (fresh gateway, warm-up off; $CONCURRENT_COLD concurrent identical cold requests on another fresh one):"
    echo
    echo "| query | cold ms | cold calls | warm ms | warm calls | $CONCURRENT_COLD concurrent cold: calls | wall ms |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for q in "${QUERY_NAMES[@]}"; do
        echo "| $q | $(cell "${R[calls.$q.cold_ms]:-}") | $(cell "${R[calls.$q.cold]:-}") | $(cell "${R[calls.$q.warm_ms]:-}") | $(cell "${R[calls.$q.warm]:-}") | $(cell "${R[calls.$q.burst]:-}") | $(cell "${R[calls.$q.burst_ms]:-}") |"
    done
    echo
    echo "Window switching (organisation usage; fresh gateway, warm-up off):"
    echo
    echo "| step | window | granularity | ms | calls |"
    echo "|---:|---|---|---:|---:|"
    for i in "${!SWITCH_STEPS[@]}"; do
        read -r days granularity <<<"${SWITCH_STEPS[$i]}"
        echo "| $((i + 1)) | last $days days | $granularity | $(cell "${R[switch.$i.ms]:-}") | $(cell "${R[switch.$i.calls]:-}") |"
    done
    echo
    echo "Scale (no emulated latency; fresh gateways, warm-up off, queries in this order; cold = median of $COLD_RUNS fresh gateways, each run listed below; warm = median of up to $WARM_RUNS asks within ${WARM_BUDGET_S}s in the last one; heap after a full GC and RSS after the query):"
    echo
    echo "| people | query | cold ms | warm ms | cold calls | warm calls | heap MiB | RSS MiB |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|"
    for n in "${SIZE_LIST[@]}"; do
        for q in "${SCALE_QUERIES[@]}"; do
            echo "| $n | $q | $(cell "${R[scale.$n.$q.cold_ms]:-}") | $(cell "${R[scale.$n.$q.warm_ms]:-}")${R[scale.$n.$q.after_cut]:+ *} | $(cell "${R[scale.$n.$q.cold_calls]:-}") | $(cell "${R[scale.$n.$q.warm_calls]:-}") | $(cell "${R[scale.$n.$q.heap_mib]:-}") | $(cell "${R[scale.$n.$q.rss_mib]:-}") |"
        done
    done
    echo
    local key cut=false
    for key in "${!R[@]}"; do
        [[ "$key" == *.after_cut && -n "${R[$key]}" ]] && cut=true
    done
    if $cut; then
        echo "\* measured after a cold ask that was cut (BENCH_QUERY_TIMEOUT) while the gateway went on fetching: not warm."
    fi
    for n in "${SIZE_LIST[@]}"; do
        echo "Tabnine per-user fan-out of the cold seat overview at $n people: $(cell "${R[scale.$n.fanout_calls]:-}") per-user calls, $(cell "${R[scale.$n.fanout_seconds]:-}") s of Tabnine usage calls in the gateway."
    done
    for n in "${SIZE_LIST[@]}"; do
        for q in "${SCALE_QUERIES[@]}"; do
            echo "Cold runs at $n people, $q (ms): $(cell "$(echo ${R[scale.$n.$q.cold_runs]:-} | sed 's/ /, /g')")."
        done
    done
    if [ ${#SIZE_LIST[@]} -gt 1 ]; then
        echo
        echo "Growth between sizes (a figure's ratio; linear growth equals the people ratio):"
        echo
        echo "| sizes | people × | query | cold × | warm × | heap × | RSS × |"
        echo "|---|---:|---|---:|---:|---:|---:|"
        prev=""
        for n in "${SIZE_LIST[@]}"; do
            if [ -n "$prev" ]; then
                for q in "${SCALE_QUERIES[@]}"; do
                    echo "| $prev → $n | $(ratio "$n" "$prev") | $q | $(cell "$(growth "$prev" "$n" "$q" cold_ms)") | $(cell "$(growth "$prev" "$n" "$q" warm_ms)") | $(cell "$(growth "$prev" "$n" "$q" heap_mib)") | $(cell "$(growth "$prev" "$n" "$q" rss_mib)") |"
                done
            fi
            prev=$n
        done
    fi
    echo
    echo "Start-up (JVM$([ -n "${BENCH_NATIVE:-}" ] && echo ", native binary"); warm-up on): first answered query $(cell "${R[startup.first_query_ms]:-}") ms after process start, warm-up complete after $(cell "${R[startup.warm_up_ms]:-}") ms, RSS $(cell "${R[startup.rss_mib]:-}") MiB and heap after GC $(cell "${R[startup.heap_mib]:-}") MiB after warm-up."
}

growth() { ratio "${R[scale.$2.$3.$4]:-}" "${R[scale.$1.$3.$4]:-}"; }

json() {
    local q c i n first
    printf '{\n  "date": "%s", "mode": "%s",\n' "$STARTED" "$($QUICK && echo quick || echo full)"
    printf '  "machine": {"cores": %s, "cpu": "%s", "memoryGiB": %s, "jdk": "%s", "loadBefore": "%s", "loadAfter": "%s"},\n' \
        "$CORES" "$CPU" "$MEMORY_GIB" "$JDK" "$LOAD_BEFORE" "$LOAD_AFTER"
    printf '  "settings": {"people": %s, "latency": "%s", "wrkSeconds": %s, "wrkMaxSeconds": %s, "connections": [%s], "warmRuns": %s, "concurrentCold": %s, "sizes": [%s], "scenarios": "%s"},\n' \
        "$PEOPLE" "$LATENCY" "$SECONDS_PER_RUN" "$MAX_SECONDS" "$(IFS=,; echo "${CONNS[*]}")" "$WARM_RUNS" "$CONCURRENT_COLD" "$SIZES" "${SCENARIOS:-cached,calls,switching,scale}"
    printf '  "startup": {"firstQueryMs": %s, "warmUpMs": %s, "rssMiB": %s, "heapAfterGcMiB": %s},\n' \
        "$(num "${R[startup.first_query_ms]:-}")" "$(num "${R[startup.warm_up_ms]:-}")" \
        "$(num "${R[startup.rss_mib]:-}")" "$(num "${R[startup.heap_mib]:-}")"
    printf '  "cached": {"vendorCalls": %s, "queries": {' "$(num "${R[cached.vendor_calls]:-}")"
    first=true
    for q in health "${QUERY_NAMES[@]}"; do
        $first || printf ','
        first=false
        printf '\n    "%s": {' "$q"
        for c in "${CONNS[@]}"; do
            [ "$c" = "${CONNS[0]}" ] || printf ', '
            printf '"c%s": {"seconds": %s, "answersPerSecond": %s, "p50Ms": %s, "p99Ms": %s, "ratioToHealth": %s}' "$c" \
                "$(num "${R[cached.$q.$c.seconds]:-}")" "$(num "${R[cached.$q.$c.rps]:-}")" "$(num "${R[cached.$q.$c.p50]:-}")" \
                "$(num "${R[cached.$q.$c.p99]:-}")" "$(num "$([ "$q" = health ] && echo 1 || echo "${R[cached.$q.$c.ratio]:-}")")"
        done
        printf '}'
    done
    printf '}},\n  "vendorCalls": {'
    first=true
    for q in "${QUERY_NAMES[@]}"; do
        $first || printf ','
        first=false
        printf '\n    "%s": {"coldMs": %s, "cold": %s, "coldByEndpoint": %s, "warmMs": %s, "warm": %s, "concurrentCold": %s, "concurrentColdWallMs": %s}' \
            "$q" "$(num "${R[calls.$q.cold_ms]:-}")" "$(pair_json "${R[calls.$q.cold]:-}")" \
            "${R[calls.$q.cold_json]:-null}" "$(num "${R[calls.$q.warm_ms]:-}")" "$(pair_json "${R[calls.$q.warm]:-}")" \
            "$(pair_json "${R[calls.$q.burst]:-}")" "$(num "${R[calls.$q.burst_ms]:-}")"
    done
    printf '},\n  "windowSwitching": ['
    for i in "${!SWITCH_STEPS[@]}"; do
        read -r days granularity <<<"${SWITCH_STEPS[$i]}"
        [ "$i" -gt 0 ] && printf ','
        printf '\n    {"days": %s, "granularity": "%s", "ms": %s, "calls": %s}' "$days" "$granularity" \
            "$(num "${R[switch.$i.ms]:-}")" "$(pair_json "${R[switch.$i.calls]:-}")"
    done
    printf '],\n  "scale": ['
    first=true
    for n in "${SIZE_LIST[@]}"; do
        $first || printf ','
        first=false
        printf '\n    {"people": %s, "tabnineFanOut": {"perUserCalls": %s, "usageCallSeconds": %s}, "queries": {' "$n" \
            "$(num "${R[scale.$n.fanout_calls]:-}")" "$(num "${R[scale.$n.fanout_seconds]:-}")"
        for q in "${SCALE_QUERIES[@]}"; do
            [ "$q" != "${SCALE_QUERIES[0]}" ] && printf ','
            printf '\n      "%s": {"coldMs": %s, "coldRunsMs": [%s], "warmMs": %s, "warmRuns": %s, "afterCutColdAsk": %s, "coldCalls": %s, "warmCalls": %s, "heapAfterGcMiB": %s, "rssMiB": %s}' \
                "$q" "$(num "${R[scale.$n.$q.cold_ms]:-}")" "$(echo ${R[scale.$n.$q.cold_runs]:-} | sed 's/ /, /g')" \
                "$(num "${R[scale.$n.$q.warm_ms]:-}")" "$(num "${R[scale.$n.$q.warm_runs]:-}")" \
                "$([ -n "${R[scale.$n.$q.after_cut]:-}" ] && echo true || echo false)" \
                "$(pair_json "${R[scale.$n.$q.cold_calls]:-}")" "$(pair_json "${R[scale.$n.$q.warm_calls]:-}")" \
                "$(num "${R[scale.$n.$q.heap_mib]:-}")" "$(num "${R[scale.$n.$q.rss_mib]:-}")"
        done
        printf '}}'
    done
    printf '],\n  "missing": ['
    first=true
    for q in "${MISSING[@]}"; do
        $first || printf ', '
        first=false
        printf '"%s"' "$q"
    done
    printf ']\n}\n'
}

write_report() {
    markdown | tee "$OUT/report.md"
    json >"$OUT/report.json"
    cp "$OUT/report.json" "$OUT/report-$(date -u +%Y%m%dT%H%M%SZ).json"
    log "reports: $OUT/report.md, $OUT/report.json"
}
