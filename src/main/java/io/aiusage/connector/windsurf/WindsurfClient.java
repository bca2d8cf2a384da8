package io.aiusage.connector.windsurf;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.JacksonException;

import io.aiusage.config.WindsurfConfig;
import io.aiusage.connector.policy.VendorPolicies;
import io.aiusage.connector.policy.VendorPolicy;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorActivity;
import io.aiusage.domain.port.VendorException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The only way into Windsurf: puts the service key into every body, turns every failure into a
 * {@link VendorException} and records vendor activity. Every call passes Windsurf's {@link VendorPolicy} (budget,
 * retries honouring Retry-After, circuit breaker) in {@link #call}; never on the REST client interface.
 */
@ApplicationScoped
public class WindsurfClient {

    private static final Vendor WINDSURF = Vendor.WINDSURF;

    private final WindsurfRestClient rest;
    private final WindsurfConfig config;
    private final VendorActivity activity;
    private final VendorPolicy policy;

    WindsurfClient(@RestClient WindsurfRestClient rest, WindsurfConfig config, VendorActivity activity,
            VendorPolicies policies) {
        this.rest = rest;
        this.config = config;
        this.activity = activity;
        this.policy = policies.of(WINDSURF);
    }

    /** The seat table, of the organisation ({@code groupName} null) or one group; {@code window} null: last year. */
    UserPageAnalytics.Response userPageAnalytics(String groupName, TimeWindow window) {
        UserPageAnalytics.Response response = call("UserPageAnalytics", () -> rest.userPageAnalytics(
                new UserPageAnalytics.Request(serviceKey(), groupName, from(window), to(window))));
        if (response.error() != null && !response.error().isBlank()) {
            throw rejected("UserPageAnalytics", Response.Status.OK.getStatusCode(), response.error(), null);
        }
        return fetched(response);
    }

    CascadeAnalytics.Response cascadeAnalytics(String groupName, TimeWindow window,
            List<CascadeAnalytics.Query> queries) {
        return fetched(call("CascadeAnalytics", () -> rest.cascadeAnalytics(
                new CascadeAnalytics.Request(serviceKey(), groupName, from(window), to(window), queries))));
    }

    /** The rows of each query, in query order. */
    List<List<CustomAnalytics.Row>> analytics(String groupName, TimeWindow window,
            List<CustomAnalytics.Query> queries) {
        CustomAnalytics.Response response = call("Analytics", () -> rest.analytics(
                new CustomAnalytics.Request(serviceKey(), groupName, from(window), to(window), queries)));
        if (response.queryResults().size() != queries.size()) {
            Log.debugf("Windsurf Analytics answered %d results to %d queries", response.queryResults().size(),
                    queries.size());
            throw new VendorException.BadResponse(WINDSURF, WindsurfErrors.UNREADABLE, null);
        }
        return fetched(response).queryResults().stream().map(CustomAnalytics.QueryResult::rows).toList();
    }

    /** The items of each query, in query order, for queries whose aliases vary. */
    List<List<Map<String, String>>> analyticsItems(String groupName, TimeWindow window,
            List<CustomAnalytics.Query> queries) {
        AnalyticsItems.Response response = call("Analytics", () -> rest.analyticsItems(
                new CustomAnalytics.Request(serviceKey(), groupName, from(window), to(window), queries)));
        if (response.queryResults().size() != queries.size()) {
            Log.debugf("Windsurf Analytics answered %d results to %d queries", response.queryResults().size(),
                    queries.size());
            throw new VendorException.BadResponse(WINDSURF, WindsurfErrors.UNREADABLE, null);
        }
        return fetched(response).queryResults().stream().map(AnalyticsItems.Result::items).toList();
    }

    WindsurfCreditBalance teamCreditBalance() {
        return fetched(call("GetTeamCreditBalance",
                () -> rest.teamCreditBalance(new Billing.BalanceRequest(serviceKey()))));
    }

    Billing.CapResponse usageConfig(CreditCapScope scope) {
        return fetched(call("GetUsageConfig", () -> rest.usageConfig(new Billing.CapRequest(serviceKey(), scope))));
    }

    /** Sets the add-on credit cap at {@code scope} to {@code cap}, or clears it when {@code cap} is null. */
    void setUsageConfig(CreditCapScope scope, Long cap) {
        call("UsageConfig", () -> {
            rest.setUsageConfig(new Billing.SetCapRequest(serviceKey(), scope, cap, cap == null ? Boolean.TRUE : null));
            return null;
        });
        fetched(scope);
    }

    private String serviceKey() {
        return config.serviceKey().filter(key -> !key.isBlank())
                .orElseThrow(() -> new VendorException.AuthFailed(WINDSURF, WindsurfErrors.NOT_CONFIGURED));
    }

    private static Instant from(TimeWindow window) {
        return window == null ? null : window.from();
    }

    private static Instant to(TimeWindow window) {
        return window == null ? null : window.to();
    }

    private <T> T fetched(T response) {
        activity.fetched(WINDSURF, Instant.now());
        return response;
    }

    /** One Windsurf HTTP call under Windsurf's policy: each attempt, retries included, passes here. */
    private <T> T call(String endpoint, Supplier<T> request) {
        return policy.call(endpoint, () -> attempt(endpoint, request));
    }

    private <T> T attempt(String endpoint, Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException | ProcessingException e) {
            if (isJsonFailure(e)) {
                Log.debugf("Windsurf %s sent an unreadable body", endpoint);
                throw new VendorException.BadResponse(WINDSURF, WindsurfErrors.UNREADABLE, null);
            }
            if (e instanceof WebApplicationException answered) {
                Response response = answered.getResponse();
                throw rejected(endpoint, response.getStatus(), errorOf(response),
                        response.getHeaderString(HttpHeaders.RETRY_AFTER));
            }
            Log.debugf("Windsurf %s unreachable: %s", endpoint, e.getClass().getSimpleName());
            throw new VendorException.Unavailable(WINDSURF, WindsurfErrors.UNREACHABLE, e);
        }
    }

    private VendorException rejected(String endpoint, int status, String error, String retryAfter) {
        Instant now = Instant.now();
        VendorException failure = WindsurfErrors.fromAnswer(status, error, retryAfter, now);
        if (failure instanceof VendorException.RateLimited limited && limited.retryAfter() != null) {
            activity.rateLimited(WINDSURF, now.plus(limited.retryAfter()));
        }
        Log.debugf("Windsurf %s answered HTTP %d: %s", endpoint, status, failure.code());
        return failure;
    }

    /** Jackson's messages may quote the body, so a parse failure is reported without its cause. */
    private static boolean isJsonFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException) {
                return true;
            }
        }
        return false;
    }

    /** The documented {@code {"error": "..."}} member, or null when the body is something else. */
    private static String errorOf(Response response) {
        try {
            ErrorBody body = response.readEntity(ErrorBody.class);
            return body == null ? null : body.error();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Windsurf's error body. */
    @RegisterForReflection // read through readEntity, outside any REST client signature
    record ErrorBody(String error) {
    }
}
