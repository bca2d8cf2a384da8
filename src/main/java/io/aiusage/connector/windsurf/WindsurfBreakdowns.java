package io.aiusage.connector.windsurf;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.aiusage.config.WindsurfConfig;
import io.aiusage.connector.cache.Dataset;
import io.aiusage.connector.cache.VendorCache;
import io.aiusage.connector.windsurf.CascadeAnalytics.Query;
import io.aiusage.domain.BreakdownFacts;
import io.aiusage.domain.Concurrently;
import io.aiusage.domain.KeyedUsage;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageDimension;
import io.aiusage.domain.UsageFigures;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;
import io.aiusage.domain.port.BreakdownConnector;
import io.aiusage.domain.port.Fetched;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Windsurf usage split by language, IDE or model, read through the window-keyed cache per UTC day and scope, one
 * dataset per dimension and endpoint, each fetched only when that breakdown is asked:
 * <ul>
 * <li>LANGUAGE: Custom Analytics USER_DATA sums per api_key, date and language (one call per missing run of days);</li>
 * <li>IDE: USER_DATA and CHAT_DATA sums per api_key, date and ide (one call);</li>
 * <li>MODEL: CHAT_DATA sums per api_key, date and model_id, and CascadeAnalytics cascade_runs by model (two calls,
 * made at once).</li>
 * </ul>
 * Rows carry the account (api_key), so per-person breakdowns read the organisation's days: a constant number of calls
 * for any number of people. Cascade runs name no person, so per person MODEL rows hold chats only.
 */
@ApplicationScoped
@RegisterForReflection(targets = { KeyedUsage.class, UsageDimension.class, UsageFigures.class }) // cached as JSON in Redis
class WindsurfBreakdowns implements BreakdownConnector {

    private static final Vendor WINDSURF = Vendor.WINDSURF;
    private static final TypeReference<List<KeyedUsage>> ROWS = new TypeReference<>() {
    };
    static final Dataset<List<KeyedUsage>> LANGUAGES = Dataset.of(WINDSURF, "analytics-language", ROWS, List.of());
    static final Dataset<List<KeyedUsage>> IDES = Dataset.of(WINDSURF, "analytics-ide", ROWS, List.of());
    static final Dataset<List<KeyedUsage>> CHAT_MODELS = Dataset.of(WINDSURF, "analytics-model", ROWS, List.of());
    static final Dataset<List<KeyedUsage>> CASCADE_MODELS = Dataset.of(WINDSURF, "cascade-model", ROWS, List.of());

    static final String LANGUAGE = "language";
    static final String IDE = "ide";
    static final String MODEL_ID = "model_id";

    private static final UsageFigures COMPLETIONS = new UsageFigures(0L, 0L, null, null, null, null, null, null, null);
    private static final UsageFigures COMPLETIONS_AND_CHATS = new UsageFigures(0L, 0L, 0L, null, null, null, null,
            null, null);
    private static final UsageFigures MODELS = new UsageFigures(null, null, 0L, 0L, null, null, null, 0.0, null);
    private static final UsageFigures CHAT_MODELS_ONLY = new UsageFigures(null, null, 0L, null, null, null, null,
            null, null);
    /** {@code promptsUsed} counts cents of a credit. */
    private static final double CENTS_PER_CREDIT = 100.0;

    private final WindsurfClient client;
    private final VendorCache cache;
    private final Concurrently concurrently;
    private final Semaphore inFlight;

    WindsurfBreakdowns(WindsurfClient client, VendorCache cache, Concurrently concurrently, WindsurfConfig config) {
        this.client = client;
        this.cache = cache;
        this.concurrently = concurrently;
        this.inFlight = new Semaphore(Math.max(1, config.concurrency()));
    }

    @Override
    public Vendor vendor() {
        return WINDSURF;
    }

    @Override
    public Fetched<BreakdownFacts> breakdown(TimeWindow window, UsageDimension dimension, String localTeamId) {
        return switch (dimension) {
            case LANGUAGE -> days(LANGUAGES, localTeamId, window, this::languages)
                    .map(rows -> new BreakdownFacts(COMPLETIONS, rows));
            case IDE -> days(IDES, localTeamId, window, this::ides)
                    .map(rows -> new BreakdownFacts(COMPLETIONS_AND_CHATS, rows));
            case MODEL -> {
                List<Supplier<Fetched<List<KeyedUsage>>>> parts = List.of(
                        () -> days(CHAT_MODELS, localTeamId, window, this::chatModels),
                        () -> days(CASCADE_MODELS, localTeamId, window, this::cascadeModels));
                List<Fetched<List<KeyedUsage>>> answers = concurrently.map(parts, inFlight, Supplier::get);
                List<KeyedUsage> rows = new ArrayList<>(answers.get(0).value());
                rows.addAll(answers.get(1).value());
                yield answers.get(0).map(x -> new BreakdownFacts(MODELS, rows)).with(answers);
            }
        };
    }

    /** The organisation's rows, which carry every account's api_key: the same days as organisation breakdowns. */
    @Override
    public Fetched<BreakdownFacts> breakdownByAccount(List<VendorAccount> accounts, TimeWindow window,
            UsageDimension dimension) {
        if (dimension != UsageDimension.MODEL) {
            return breakdown(window, dimension, null);
        }
        return days(CHAT_MODELS, null, window, this::chatModels)
                .map(rows -> new BreakdownFacts(CHAT_MODELS_ONLY, rows));
    }

    private Fetched<List<KeyedUsage>> days(Dataset<List<KeyedUsage>> dataset, String group, TimeWindow window,
            Function<Run, Map<LocalDate, List<KeyedUsage>>> fetch) {
        return cache.days(dataset, group == null ? "org" : "group:" + group, window,
                run -> fetch.apply(new Run(group, run)))
                .map(days -> days.stream().flatMap(List::stream).toList());
    }

    /** One missing run of days of one scope. */
    private record Run(String group, TimeWindow days) {
    }

    private Map<LocalDate, List<KeyedUsage>> languages(Run run) {
        List<Map<String, String>> items = client.analyticsItems(run.group(), run.days(),
                List.of(completions(LANGUAGE, run.days()))).getFirst();
        Map<LocalDate, List<KeyedUsage>> days = new TreeMap<>();
        items.forEach(item -> add(days, completionRow(item, UsageDimension.LANGUAGE, LANGUAGE)));
        return days;
    }

    private Map<LocalDate, List<KeyedUsage>> ides(Run run) {
        List<List<Map<String, String>>> results = client.analyticsItems(run.group(), run.days(),
                List.of(completions(IDE, run.days()), chats(IDE, run.days())));
        Map<LocalDate, List<KeyedUsage>> days = new TreeMap<>();
        results.get(0).forEach(item -> add(days, completionRow(item, UsageDimension.IDE, IDE)));
        results.get(1).forEach(item -> add(days, chatRow(item, UsageDimension.IDE, IDE)));
        return days;
    }

    private Map<LocalDate, List<KeyedUsage>> chatModels(Run run) {
        List<Map<String, String>> items = client.analyticsItems(run.group(), run.days(),
                List.of(chats(MODEL_ID, run.days()))).getFirst();
        Map<LocalDate, List<KeyedUsage>> days = new TreeMap<>();
        items.forEach(item -> add(days, chatRow(item, UsageDimension.MODEL, MODEL_ID)));
        return days;
    }

    /** Cascade runs name no person; a conversation split over several entries adds up. */
    private Map<LocalDate, List<KeyedUsage>> cascadeModels(Run run) {
        Map<LocalDate, List<KeyedUsage>> days = new TreeMap<>();
        for (CascadeAnalytics.Run entry : client.cascadeAnalytics(run.group(), run.days(),
                List.of(Query.CASCADE_RUNS)).runs()) {
            add(days, new KeyedUsage(LocalDate.ofInstant(entry.day(), ZoneOffset.UTC), null, UsageDimension.MODEL,
                    entry.model(), false, false, new UsageFigures(null, null, null, entry.messagesSent(), null, null,
                            null, entry.promptsUsed() / CENTS_PER_CREDIT, null)));
        }
        return days;
    }

    /** USER_DATA sums per api_key, date and {@code key}. */
    private static CustomAnalytics.Query completions(String key, TimeWindow days) {
        return CustomAnalytics.Query.sums(CustomAnalytics.USER_DATA,
                List.of(CustomAnalytics.NUM_ACCEPTANCES, CustomAnalytics.NUM_LINES_ACCEPTED),
                List.of(CustomAnalytics.API_KEY, CustomAnalytics.DATE, key), days);
    }

    /** CHAT_DATA sums per api_key, date and {@code key}. */
    private static CustomAnalytics.Query chats(String key, TimeWindow days) {
        return CustomAnalytics.Query.sums(CustomAnalytics.CHAT_DATA, List.of(CustomAnalytics.NUM_CHATS_RECEIVED),
                List.of(CustomAnalytics.API_KEY, CustomAnalytics.DATE, key), days);
    }

    /** A USER_DATA row: its account was active that day (as for usage). */
    private static KeyedUsage completionRow(Map<String, String> item, UsageDimension dimension, String key) {
        return new KeyedUsage(AnalyticsItems.date(item), item.get(CustomAnalytics.API_KEY), dimension, item.get(key),
                true, false, new UsageFigures(AnalyticsItems.count(item, CustomAnalytics.NUM_ACCEPTANCES),
                        AnalyticsItems.count(item, CustomAnalytics.NUM_LINES_ACCEPTED), null, null, null, null, null,
                        null, null));
    }

    /** A CHAT_DATA row: its account used the key when it received any chat. */
    private static KeyedUsage chatRow(Map<String, String> item, UsageDimension dimension, String key) {
        long chats = AnalyticsItems.count(item, CustomAnalytics.NUM_CHATS_RECEIVED);
        return new KeyedUsage(AnalyticsItems.date(item), item.get(CustomAnalytics.API_KEY), dimension, item.get(key),
                chats > 0, false, new UsageFigures(null, null, chats, null, null, null, null, null, null));
    }

    private static void add(Map<LocalDate, List<KeyedUsage>> days, KeyedUsage row) {
        days.computeIfAbsent(row.day(), d -> new ArrayList<>()).add(row);
    }
}
