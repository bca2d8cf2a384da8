package io.aiusage.connector.tabnine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.aiusage.config.TabnineConfig;
import io.aiusage.connector.cache.Dataset;
import io.aiusage.connector.cache.VendorCache;
import io.aiusage.connector.tabnine.TabnineClient.Scope;
import io.aiusage.domain.Concurrently;
import io.aiusage.domain.DailyUsage;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.Person;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageFigures;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.AgentCostConnector;
import io.aiusage.domain.port.Fetched;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Tabnine agent cost per person ({@code /api/v1/user/agent-usage}): e-mails are matched to user ids through the
 * cached organisation user list, then each person's daily agent usage is read through the window-keyed cache, one
 * call per person per missing run of days, at most {@code tabnine.concurrency} in flight. Asked only for the people a
 * caller names.
 */
@ApplicationScoped
@RegisterForReflection(targets = { DailyUsage.class, UsageFigures.class }) // cached as JSON in Redis
class TabnineAgentCosts implements AgentCostConnector {

    private static final Vendor TABNINE = Vendor.TABNINE;
    static final Dataset<List<DailyUsage>> USER_COST = Dataset.of(TABNINE, "agent-usage-user",
            new TypeReference<List<DailyUsage>>() {
            }, List.of());

    private final TabnineClient client;
    private final TabnineCached cached;
    private final VendorCache cache;
    private final Concurrently concurrently;
    private final Clock clock;
    private final Semaphore inFlight;

    TabnineAgentCosts(TabnineClient client, TabnineCached cached, VendorCache cache, Concurrently concurrently,
            Clock clock, TabnineConfig config) {
        this.client = client;
        this.cached = cached;
        this.cache = cache;
        this.concurrently = concurrently;
        this.clock = clock;
        this.inFlight = new Semaphore(Math.max(1, config.concurrency()));
    }

    @Override
    public Vendor vendor() {
        return TABNINE;
    }

    @Override
    public Fetched<Map<String, List<DailyUsage>>> agentCostByEmail(List<String> emails, TimeWindow window) {
        Fetched<List<TabnineWire.User>> users = cached.organizationUsers();
        Map<String, String> idByEmail = new HashMap<>();
        users.value().forEach(u -> idByEmail.putIfAbsent(Person.normalizeEmail(u.email()), u.id()));
        List<String> known = emails.stream().filter(idByEmail::containsKey).toList();
        List<Fetched<List<DailyUsage>>> answers = concurrently.map(known, inFlight,
                email -> cache.days(USER_COST, "user:" + idByEmail.get(email), window,
                        run -> days(client.agentUsage(Scope.USER, idByEmail.get(email), run, Granularity.DAY), run))
                        .map(TabnineFacts::flatten));
        Map<String, List<DailyUsage>> byEmail = new LinkedHashMap<>();
        for (int i = 0; i < known.size(); i++) {
            byEmail.put(known.get(i), answers.get(i).value());
        }
        return Fetched.live(TABNINE, byEmail, clock.instant()).with(List.of(users)).with(answers);
    }

    /** A row per day of the run (zeros where licensed but unused); none at all without the agent licence. */
    private static Map<LocalDate, List<DailyUsage>> days(AgentUsage agent, TimeWindow run) {
        Map<LocalDate, List<DailyUsage>> days = new HashMap<>();
        if (!agent.licensed()) {
            return days;
        }
        Map<LocalDate, long[]> tokens = new LinkedHashMap<>();
        Map<LocalDate, Double> cost = new HashMap<>();
        for (LocalDate day = run.firstDay(); day.isBefore(run.endDayExclusive()); day = day.plusDays(1)) {
            tokens.put(day, new long[2]);
            cost.put(day, 0.0);
        }
        for (AgentUsage.Point point : agent.points()) {
            if (point.from() == null) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(point.from().isBefore(run.from()) ? run.from() : point.from(),
                    ZoneOffset.UTC);
            long[] t = tokens.get(day);
            if (t != null) {
                t[0] += point.inputTokens() == null ? 0 : point.inputTokens();
                t[1] += point.outputTokens() == null ? 0 : point.outputTokens();
                cost.merge(day, point.cost() == null ? 0.0 : point.cost(), Double::sum);
            }
        }
        tokens.forEach((day, t) -> days.put(day, new ArrayList<>(List.of(new DailyUsage(day, null, null,
                new UsageFigures(null, null, null, null, null, t[0], t[1], null, cost.get(day)))))));
        return days;
    }
}
