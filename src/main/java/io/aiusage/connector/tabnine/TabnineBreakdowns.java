package io.aiusage.connector.tabnine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.aiusage.config.TabnineConfig;
import io.aiusage.config.TabnineConfig.UsageApi;
import io.aiusage.config.TabnineModelNames;
import io.aiusage.connector.cache.Dataset;
import io.aiusage.connector.cache.VendorCache;
import io.aiusage.connector.tabnine.TabnineClient.Scope;
import io.aiusage.domain.BreakdownFacts;
import io.aiusage.domain.Concurrently;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.KeyedUsage;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageDimension;
import io.aiusage.domain.UsageFigures;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;
import io.aiusage.domain.port.BreakdownConnector;
import io.aiusage.domain.port.Fetched;
import io.aiusage.domain.port.VendorException;
import io.aiusage.domain.port.VendorWarning;
import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Tabnine usage split by language, IDE or model. Languages and IDEs exist only in per-user v2 answers, so those
 * breakdowns read each user's daily series (of the organisation's or the team's users, or of the people asked about):
 * one call per user per missing run of days, at most {@code tabnine.concurrency} in flight, held per user and day with
 * the rows of all three dimensions, so one fetch serves every breakdown of that user. Organisation and team models
 * come from the organisation's or team's own daily usage (one call per missing run). A user whose series fails (429,
 * 5xx) is left out with a warning, as for seats.
 */
@ApplicationScoped
@RegisterForReflection(targets = { KeyedUsage.class, UsageDimension.class, UsageFigures.class }) // cached as JSON in Redis
class TabnineBreakdowns implements BreakdownConnector {

    private static final Vendor TABNINE = Vendor.TABNINE;
    private static final TypeReference<List<KeyedUsage>> ROWS = new TypeReference<>() {
    };
    /** Per API, as usage: the cache key names the API, so a boundary that moves never mixes them. */
    static final Dataset<List<KeyedUsage>> USER_KEYS_V1 = Dataset.of(TABNINE, "usage-keys-v1", ROWS, List.of());
    static final Dataset<List<KeyedUsage>> USER_KEYS_V2 = Dataset.of(TABNINE, "usage-keys-v2", ROWS, List.of());
    static final Dataset<List<KeyedUsage>> SCOPE_MODELS_V1 = Dataset.of(TABNINE, "usage-models-v1", ROWS, List.of());
    static final Dataset<List<KeyedUsage>> SCOPE_MODELS_V2 = Dataset.of(TABNINE, "usage-models-v2", ROWS, List.of());

    private static final UsageFigures COMPLETIONS = new UsageFigures(0L, 0L, null, null, null, null, null, null, null);
    private static final UsageFigures ALL_COUNTS = new UsageFigures(0L, 0L, 0L, 0L, 0L, null, null, null, null);
    private static final UsageFigures MODELS = new UsageFigures(null, null, 0L, 0L, null, 0L, 0L, null, null);

    private final TabnineClient client;
    private final TabnineCached cached;
    private final VendorCache cache;
    private final Concurrently concurrently;
    private final Clock clock;
    private final Map<String, String> modelNames;
    private final Semaphore inFlight;

    TabnineBreakdowns(TabnineClient client, TabnineCached cached, VendorCache cache, Concurrently concurrently,
            Clock clock, TabnineConfig config, TabnineModelNames modelNames) {
        this.client = client;
        this.cached = cached;
        this.cache = cache;
        this.concurrently = concurrently;
        this.clock = clock;
        this.modelNames = Map.copyOf(modelNames.byId());
        this.inFlight = new Semaphore(Math.max(1, config.concurrency()));
    }

    @Override
    public Vendor vendor() {
        return TABNINE;
    }

    @Override
    public Fetched<BreakdownFacts> breakdown(TimeWindow window, UsageDimension dimension, String localTeamId) {
        if (dimension == UsageDimension.MODEL) {
            Scope scope = localTeamId == null ? Scope.ORGANIZATION : Scope.TEAM;
            return keyedDays(SCOPE_MODELS_V1, SCOPE_MODELS_V2, scope, localTeamId,
                    localTeamId == null ? "org" : "team:" + localTeamId, window,
                    (buckets, run) -> TabnineKeyedFacts.scopeModelDays(buckets, run, modelNames))
                    .map(days -> new BreakdownFacts(MODELS, flatten(days)));
        }
        Fetched<List<TabnineWire.User>> users = localTeamId == null ? cached.organizationUsers()
                : cached.teamUsers(localTeamId);
        Fetched<BreakdownFacts> facts = perUser(users.value().stream().map(TabnineWire.User::id).toList(), window,
                dimension);
        return users.map(x -> facts.value()).with(List.of(facts));
    }

    @Override
    public Fetched<BreakdownFacts> breakdownByAccount(List<VendorAccount> accounts, TimeWindow window,
            UsageDimension dimension) {
        return perUser(accounts.stream().map(VendorAccount::accountId).toList(), window, dimension);
    }

    /** Every user's rows of {@code dimension}; users whose series failed are left out with one warning per code. */
    private Fetched<BreakdownFacts> perUser(List<String> userIds, TimeWindow window, UsageDimension dimension) {
        List<Object> answers = concurrently.map(userIds, inFlight, id -> {
            try {
                return keyedDays(USER_KEYS_V1, USER_KEYS_V2, Scope.USER, id, "user:" + id, window,
                        (buckets, run) -> TabnineKeyedFacts.userDays(buckets, run, id, modelNames));
            } catch (VendorException.NotFound gone) {
                Log.debugf("Tabnine user %s vanished while reading a breakdown", id);
                return null;
            } catch (VendorException.RateLimited | VendorException.Unavailable failure) {
                return failure;
            }
        });
        List<KeyedUsage> rows = new ArrayList<>();
        List<Fetched<?>> read = new ArrayList<>();
        Map<String, List<VendorException>> failed = new LinkedHashMap<>();
        for (Object answer : answers) {
            if (answer instanceof Fetched<?> fetched) {
                read.add(fetched);
                @SuppressWarnings("unchecked")
                List<List<KeyedUsage>> days = (List<List<KeyedUsage>>) fetched.value();
                days.forEach(day -> day.stream().filter(r -> r.dimension() == dimension).forEach(rows::add));
            } else if (answer instanceof VendorException failure) {
                failed.computeIfAbsent(failure.code(), c -> new ArrayList<>()).add(failure);
            }
        }
        Fetched<BreakdownFacts> result = Fetched.live(TABNINE, new BreakdownFacts(zero(dimension), rows),
                clock.instant()).with(read);
        List<VendorWarning> warnings = new ArrayList<>(result.warnings());
        failed.values().forEach(failures -> {
            Log.warnf("Tabnine: %d user series failed for a breakdown (%s)", failures.size(),
                    failures.getFirst().code());
            warnings.add(VendorWarning.partial(failures.getFirst(), "Tabnine did not give the usage of "
                    + failures.size() + " user(s); their rows are left out of the breakdown"));
        });
        return new Fetched<>(result.value(), result.freshness(), warnings);
    }

    /**
     * Keyed days of one scope, each part of the window from the API that serves it, as usage reads them (so the rows
     * add up to the usage of the same days). v1 names no languages, IDEs or models: its days fall under "unknown".
     */
    private Fetched<List<List<KeyedUsage>>> keyedDays(Dataset<List<KeyedUsage>> v1, Dataset<List<KeyedUsage>> v2,
            Scope scope, String id, String key, TimeWindow window,
            BiFunction<List<TabnineWire.UsageBucket>, TimeWindow, Map<LocalDate, List<KeyedUsage>>> rows) {
        UsageApiSplit split = cached.split();
        List<Fetched<List<List<KeyedUsage>>>> parts = new ArrayList<>();
        for (UsageApiSplit.Part part : split.parts(window)) {
            parts.add(cache.days(part.api() == UsageApi.V1 ? v1 : v2, key, part.window(),
                    run -> rows.apply(cached.dailyAnswer(split, part.api(), scope, id, run).buckets(), run)));
        }
        List<List<KeyedUsage>> days = new ArrayList<>();
        parts.forEach(part -> days.addAll(part.value()));
        return parts.getFirst().map(x -> days).with(parts);
    }

    private static UsageFigures zero(UsageDimension dimension) {
        return switch (dimension) {
            case LANGUAGE -> COMPLETIONS;
            case IDE -> ALL_COUNTS;
            case MODEL -> MODELS;
        };
    }

    private static List<KeyedUsage> flatten(List<List<KeyedUsage>> days) {
        List<KeyedUsage> rows = new ArrayList<>();
        days.forEach(rows::addAll);
        return rows;
    }
}
