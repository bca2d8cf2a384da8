package io.aiusage.connector.tabnine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.aiusage.config.TabnineConfig;
import io.aiusage.config.TabnineConfig.UsageApi;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.Vendor;
import io.aiusage.connector.policy.VendorPolicies;
import io.aiusage.connector.policy.VendorPolicy;
import io.aiusage.domain.port.VendorActivity;
import io.aiusage.domain.port.VendorException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The one door to Tabnine. It turns every failure into the shared {@link VendorException} family
 * ({@link TabnineErrors}, naming the team or user a 404 was about), reads lists to the end, remembers the organization
 * id, and records vendor activity. Every HTTP call passes Tabnine's {@link VendorPolicy} (budget, retries honouring
 * Retry-After, circuit breaker) in {@link #call}, each page of a list and each per-user call included.
 * Log lines carry Tabnine's {@code requestId}, never the token or a response body.
 */
@ApplicationScoped
@RegisterForReflection(targets = { TabnineWire.Usage.class, TabnineWire.UsageSeries.class,
        TabnineWire.UsageBucket.class, TabnineWire.CodeCompletions.class, TabnineWire.Chat.class,
        TabnineWire.Agent.class, TabnineWire.ModelUsage.class, TabnineWire.ActivityUsage.class,
        TabnineWire.ActivitySeries.class, TabnineWire.ActivityBucket.class }) // usage is decoded here, outside the REST client
public class TabnineClient {

    /** Who a usage call is about; the name is also the path segment. */
    enum Scope {
        ORGANIZATION,
        TEAM,
        USER;

        String path() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Usage buckets with the API version that served them: v1 and v2 name their counters differently. */
    record UsageAnswer(UsageApi api, List<TabnineWire.UsageBucket> buckets) {
    }

    @FunctionalInterface
    interface PageRequest<T> {
        TabnineWire.Page<T> get(int offset, int limit);
    }

    private static final Vendor TABNINE = Vendor.TABNINE;

    private final TabnineRestClient rest;
    private final ObjectReader usageReader;
    private final ObjectReader activityReader;
    private final TabnineConfig config;
    private final VendorActivity activity;
    private volatile String organizationId;
    private final VendorPolicy policy;

    TabnineClient(@RestClient TabnineRestClient rest, TabnineConfig config, VendorActivity activity,
            VendorPolicies policies, ObjectMapper mapper) {
        this.usageReader = mapper.readerFor(TabnineWire.Usage.class);
        this.activityReader = mapper.readerFor(TabnineWire.ActivityUsage.class);
        this.rest = rest;
        this.config = config;
        this.activity = activity;
        this.policy = policies.of(TABNINE);
    }

    TabnineWire.Organization organization() {
        return call("organization", null, rest::organization);
    }

    /** {@code tabnine.organization-id}, or else the id from {@code GET /api/v1/organization}, read once. */
    String organizationId() {
        String id = organizationId;
        if (id == null) {
            synchronized (this) {
                if (organizationId == null) {
                    organizationId = config.organizationId().filter(s -> !s.isBlank())
                            .orElseGet(this::fetchOrganizationId);
                }
                id = organizationId;
            }
        }
        return id;
    }

    private String fetchOrganizationId() {
        String id = organization().id();
        if (id == null || id.isBlank()) {
            throw new VendorException.BadResponse(TABNINE, "Tabnine's organization answer has no id", null);
        }
        return id;
    }

    List<TabnineWire.Team> teams() {
        return readAll("organization teams", null, rest::teams);
    }

    List<TabnineWire.User> organizationUsers() {
        return readAll("organization users", null, rest::users);
    }

    List<TabnineWire.User> teamUsers(String teamId) {
        return readAll("team users", teamNotFound(teamId), (offset, limit) -> rest.teamUsers(teamId, offset, limit));
    }

    TabnineWire.Team team(String teamId) {
        return call("team", teamNotFound(teamId), () -> rest.team(teamId));
    }

    TeamUtilization teamUtilization(String teamId) {
        return call("team account utilizations", teamNotFound(teamId), () -> rest.teamUtilization(teamId));
    }

    /** Months from {@code from} on; null asks for Tabnine's default (the last 12 months). */
    List<TabnineWire.MonthUtilization> organizationUtilization(YearMonth from) {
        return call("organization account utilizations", null,
                () -> rest.organizationUtilization(from == null ? null : from.toString()));
    }

    TabnineWire.UserInfo user(String userId) {
        return call("user", userNotFound(userId), () -> rest.user(userId));
    }

    /**
     * Usage of the organization, a team or a user from one API version ({@code V1} or {@code V2}: which one serves
     * which days is {@link UsageApiDetector}'s decision) over {@code window} widened to whole UTC days, at Tabnine's
     * native granularity.
     */
    UsageAnswer usage(UsageApi api, Scope scope, String id, TimeWindow window, Granularity granularity) {
        TabnineWire.Usage body = usageCall(api, scope, id, window, granularity, usageReader);
        return new UsageAnswer(api, body.usage() == null ? List.of() : orEmpty(body.usage().data()));
    }

    /**
     * One user's usage from one API version, read only as far as last activity needs: each bucket's start, end and
     * active users (the counters and models are skipped unread).
     */
    List<TabnineWire.ActivityBucket> activity(UsageApi api, String userId, TimeWindow window,
            Granularity granularity) {
        TabnineWire.ActivityUsage body = usageCall(api, Scope.USER, userId, window, granularity, activityReader);
        return body.usage() == null ? List.of() : orEmpty(body.usage().data());
    }

    private <T> T usageCall(UsageApi api, Scope scope, String id, TimeWindow window, Granularity granularity,
            ObjectReader reader) {
        if (api == UsageApi.AUTO) {
            throw new IllegalArgumentException("a usage call names its API version");
        }
        String organization = organizationId();
        TimeWindow days = window.toWholeDays();
        String version = api.name().toLowerCase(Locale.ROOT);
        return call(scope.path() + " usage (" + version + ")", notFound(scope, id), () -> decode(reader,
                usageBody(api, version, scope, id, organization, days, granularity(granularity))));
    }

    /** The unread answer; a user's usage goes to its literal path (the per-user fan-out calls it most). */
    private byte[] usageBody(UsageApi api, String version, Scope scope, String id, String organization,
            TimeWindow days, String granularity) {
        String from = days.from().toString();
        String to = days.to().toString();
        if (scope != Scope.USER) {
            return rest.usageBody(version, scope.path(), organization,
                    scope == Scope.TEAM ? id : null, null, from, to, granularity);
        }
        return api == UsageApi.V2 ? rest.userUsageV2Body(organization, id, from, to, granularity)
                : rest.userUsageV1Body(organization, id, from, to, granularity);
    }

    /** A usage answer decoded on the calling thread; an unreadable one fails as the REST client's decoding would. */
    private static <T> T decode(ObjectReader reader, byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return reader.readValue(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Agent tokens and cost; a licence without agents (403 FEATURE_NOT_AVAILABLE) is "not licensed", not an error. */
    AgentUsage agentUsage(Scope scope, String id, TimeWindow window, Granularity granularity) {
        TimeWindow days = window.toWholeDays();
        return call(scope.path() + " agent usage", notFound(scope, id), () -> {
            try {
                TabnineWire.AgentUsageResponse body = rest.agentUsage(scope.path(), scope == Scope.TEAM ? id : null,
                        scope == Scope.USER ? id : null, days.from().toString(), days.to().toString(),
                        granularity(granularity));
                return body == null ? null
                        : new AgentUsage(true, body.usage() == null ? List.of() : orEmpty(body.usage().data()));
            } catch (TabnineHttpException e) {
                if (!e.featureNotAvailable()) {
                    throw e;
                }
                Log.debugf("Tabnine licence has no agents: agent cost stays empty (requestId %s)", e.requestId());
                return AgentUsage.notLicensed();
            }
        });
    }

    /** Tabnine's granularity values: {@code all|daily|weekly|monthly}. */
    static String granularity(Granularity granularity) {
        return switch (granularity) {
            case DAY -> "daily";
            case WEEK -> "weekly";
            case MONTH -> "monthly";
            case TOTAL -> "all";
        };
    }

    /**
     * Reads a list to the end by following {@code meta.next}. A vendor still announcing a next page after
     * {@code tabnine.max-pages} pages is looping (or the list is far larger than any real organization): that is
     * an error rather than an endless loop.
     */
    private <T> List<T> readAll(String what, String notFound, PageRequest<T> request) {
        List<T> all = new ArrayList<>();
        int offset = 0;
        int limit = config.pageSize();
        for (int page = 1;; page++) {
            int pageOffset = offset;
            int pageLimit = limit;
            TabnineWire.Page<T> body = call(what, notFound, () -> request.get(pageOffset, pageLimit));
            all.addAll(orEmpty(body.data()));
            TabnineWire.Next next = body.meta() == null ? null : body.meta().next();
            if (next == null) {
                return all;
            }
            if (page >= config.maxPages()) {
                Log.warnf("Tabnine %s: still a next page after %d pages", what, page);
                throw new VendorException.BadResponse(TABNINE, "Tabnine kept returning pages beyond "
                        + config.maxPages() + "; stopped reading " + what
                        + " (raise tabnine.max-pages if the list really is that long)", null);
            }
            offset = next.offset() != null ? next.offset() : offset + limit;
            limit = next.limit() != null && next.limit() > 0 ? next.limit() : limit;
        }
    }

    /** One Tabnine HTTP call under Tabnine's policy: each attempt, retries included, passes here. */
    private <T> T call(String what, String notFound, Supplier<T> request) {
        return policy.call(what, () -> attempt(what, notFound, request));
    }

    private <T> T attempt(String what, String notFound, Supplier<T> request) {
        T body;
        try {
            body = request.get();
        } catch (RuntimeException e) {
            throw TabnineErrors.translate(what, notFound, e, activity);
        }
        if (body == null) {
            Log.warnf("Tabnine %s: empty answer", what);
            throw new VendorException.BadResponse(TABNINE, "Tabnine sent an empty answer to the " + what + " request",
                    null);
        }
        activity.fetched(TABNINE, Instant.now());
        return body;
    }

    private static String notFound(Scope scope, String id) {
        return switch (scope) {
            case ORGANIZATION -> null;
            case TEAM -> teamNotFound(id);
            case USER -> userNotFound(id);
        };
    }

    private static String teamNotFound(String teamId) {
        return "Tabnine team " + teamId + " was not found";
    }

    private static String userNotFound(String userId) {
        return "Tabnine user " + userId + " was not found";
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
