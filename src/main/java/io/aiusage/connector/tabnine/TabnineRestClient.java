package io.aiusage.connector.tabnine;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * Tabnine Enterprise read endpoints, exactly as Tabnine serves them (vendor-apis.md section 2). Only
 * {@link TabnineClient} uses it; error mapping, paging and fault tolerance live there. Null query parameters are
 * left out of the request.
 */
@RegisterRestClient(configKey = "tabnine")
@RegisterClientHeaders(TabnineAuthHeaders.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
interface TabnineRestClient {

    @GET
    @Path("/v1/organization")
    TabnineWire.Organization organization();

    @GET
    @Path("/v1/organization/teams")
    TabnineWire.Page<TabnineWire.Team> teams(@QueryParam("offset") int offset, @QueryParam("limit") int limit);

    @GET
    @Path("/v1/organization/users")
    TabnineWire.Page<TabnineWire.User> users(@QueryParam("offset") int offset, @QueryParam("limit") int limit);

    @GET
    @Path("/v1/team/{teamId}/users")
    TabnineWire.Page<TabnineWire.User> teamUsers(@PathParam("teamId") String teamId,
            @QueryParam("offset") int offset, @QueryParam("limit") int limit);

    @GET
    @Path("/v1/team/{teamId}")
    TabnineWire.Team team(@PathParam("teamId") String teamId);

    @GET
    @Path("/v1/team/account-utilizations")
    TeamUtilization teamUtilization(@QueryParam("teamId") String teamId);

    /** {@code startDate} is {@code YYYY-MM}; null means Tabnine's default (the last 12 months). */
    @GET
    @Path("/v1/organization/account-utilizations")
    List<TabnineWire.MonthUtilization> organizationUtilization(@QueryParam("startDate") String startDate);

    @GET
    @Path("/v1/user/{user_id}")
    TabnineWire.UserInfo user(@PathParam("user_id") String userId);

    /**
     * {@code /api/{v1|v2}/{organization|team|user}/usage}; {@code teamId} only for team, {@code userId} only for
     * user scope. {@code from} inclusive, {@code to} exclusive (ISO-8601 UTC). The answer comes back unread
     * ({@link TabnineWire.Usage} as JSON): the caller decodes it on its own thread. The REST client
     * decodes bodies on the Vert.x event loop, one thread for all of a request's calls; Tabnine's per-user fan-out
     * (one daily series per user, 150 kB each over a year) would then decode on one core.
     */
    @GET
    @Path("/{version}/{scope}/usage")
    byte[] usageBody(@PathParam("version") String version, @PathParam("scope") String scope,
            @QueryParam("organizationId") String organizationId, @QueryParam("teamId") String teamId,
            @QueryParam("userId") String userId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") String granularity);

    /**
     * One user's usage, as {@link #usageBody} with {@code user} scope. The per-user fan-out calls these tens of
     * thousands of times for a large organisation; with literal paths the client resolves no path template per call
     * (that was a twentieth of the gateway's CPU per call).
     */
    @GET
    @Path("/v2/user/usage")
    byte[] userUsageV2Body(@QueryParam("organizationId") String organizationId, @QueryParam("userId") String userId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") String granularity);

    /** As {@link #userUsageV2Body}, from the deprecated v1 API. */
    @GET
    @Path("/v1/user/usage")
    byte[] userUsageV1Body(@QueryParam("organizationId") String organizationId, @QueryParam("userId") String userId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") String granularity);

    /** {@code /api/v1/{organization|team|user}/agent-usage}: no organizationId, {@code startDate}/{@code endDate}. */
    @GET
    @Path("/v1/{scope}/agent-usage")
    TabnineWire.AgentUsageResponse agentUsage(@PathParam("scope") String scope, @QueryParam("teamId") String teamId,
            @QueryParam("userId") String userId, @QueryParam("startDate") String startDate,
            @QueryParam("endDate") String endDate, @QueryParam("granularity") String granularity);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return TabnineHttpException.of(response);
    }
}
