package io.aiusage.demo.tabnine;

import static io.aiusage.demo.tabnine.TabnineParams.bool;
import static io.aiusage.demo.tabnine.TabnineParams.granularity;
import static io.aiusage.demo.tabnine.TabnineParams.instant;
import static io.aiusage.demo.tabnine.TabnineParams.integer;
import static io.aiusage.demo.tabnine.TabnineParams.required;
import static io.aiusage.demo.tabnine.TabnineParams.yearMonth;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.aiusage.config.DemoConfig;
import io.aiusage.demo.DemoData;
import io.aiusage.demo.DemoOrganisation;
import io.aiusage.demo.TabnineSeat;
import io.aiusage.demo.TabnineTeam;
import io.aiusage.demo.tabnine.TabnineUsage.Granularity;
import io.aiusage.demo.tabnine.TabnineWire.AgentPoint;
import io.aiusage.demo.tabnine.TabnineWire.Page;
import io.aiusage.demo.tabnine.TabnineWire.Usage;
import io.aiusage.demo.tabnine.TabnineWire.V1Bucket;
import io.aiusage.demo.tabnine.TabnineWire.V2Bucket;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The emulated Tabnine Enterprise API: the vendor's GET paths under {@code /demo/tabnine}, Bearer-authenticated (see
 * {@link TabnineAuthFilter}), answered from the demo organisation in the shapes of {@link TabnineWire}. Query
 * parameters are read as text so that bad values get Tabnine's 400 envelope rather than a bare JAX-RS error.
 */
@Path("/demo/tabnine/api")
@Produces(MediaType.APPLICATION_JSON)
public class TabnineEmulatorResource {

    private final DemoData data;
    private final DemoConfig config;

    public TabnineEmulatorResource(DemoData data, DemoConfig config) {
        this.data = data;
        this.config = config;
    }

    @GET
    @Path("v1/organization")
    public TabnineWire.Organization organization() {
        return new TabnineWire.Organization(data.organisation().tabnineOrganizationId(), "Example Corp (demo)",
                "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAZGVtby1vcmdhbml6YXRpb24tcHVibGljLWtleQ==\n"
                        + "-----END PUBLIC KEY-----\n",
                true, true, false, List.of("example.com"), "ENTERPRISE");
    }

    @GET
    @Path("v1/organization/teams")
    public Page<TabnineWire.Team> teams(@RestQuery String offset, @RestQuery String limit) {
        return page(TabnineDirectory.of(data.organisation()).teams(), team -> team, offset, limit, 50);
    }

    /** {@code teamMember=false}: users in no team; {@code active}: the users' {@code active} flag. */
    @GET
    @Path("v1/organization/users")
    public Uni<Page<TabnineWire.User>> users(@RestQuery String offset, @RestQuery String limit,
            @RestQuery String teamMember, @RestQuery String active) {
        return onEventLoop(() -> {
            TabnineDirectory directory = TabnineDirectory.of(data.organisation());
            Boolean inTeam = bool("teamMember", teamMember);
            Boolean isActive = bool("active", active);
            return page(directory.users(inTeam, isActive), directory::user, offset, limit, 200);
        });
    }

    /** Monthly seat counts from {@code startDate} (YYYY-MM; default: the last 12 months) to this month. */
    @GET
    @Path("v1/organization/account-utilizations")
    public List<TabnineWire.MonthUtilization> accountUtilizations(@RestQuery String startDate) {
        DemoOrganisation organisation = data.organisation();
        Instant now = data.now();
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        YearMonth month = startDate == null ? current.minusMonths(11) : yearMonth(startDate);
        List<TabnineWire.MonthUtilization> months = new ArrayList<>();
        for (; !month.isAfter(current); month = month.plusMonths(1)) {
            Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant next = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = next.isAfter(now) ? now : next;
            int registered = 0;
            int deactivated = 0;
            int active = 0;
            int pending = 0;
            for (TabnineSeat seat : organisation.tabnineSeats()) {
                if (!seat.createdAt().isBefore(end)) {
                    continue;
                }
                if (seat.deactivatedAt() != null && seat.deactivatedAt().isBefore(end)) {
                    deactivated++;
                } else if (seat.verified()) {
                    registered++;
                } else {
                    pending++;
                }
                if (seat.activity().activeIn(start, end)) {
                    active++;
                }
            }
            months.add(new TabnineWire.MonthUtilization(month.getYear(), month.getMonthValue() - 1, registered,
                    deactivated, active, pending));
        }
        return months;
    }

    @GET
    @Path("v1/team/{teamId}/users")
    public Uni<Page<TabnineWire.User>> teamUsers(@RestPath String teamId, @RestQuery String offset,
            @RestQuery String limit) {
        return onEventLoop(() -> {
            DemoOrganisation organisation = data.organisation();
            TabnineTeam team = team(organisation, teamId);
            return page(organisation.tabnineTeamMembers(team.id()), TabnineDirectory.of(organisation)::user, offset,
                    limit, 200);
        });
    }

    /** Registered = verified and active; deactivated = not active; invited = not verified. */
    @GET
    @Path("v1/team/account-utilizations")
    public TabnineWire.TeamUtilization teamUtilization(@RestQuery String teamId) {
        DemoOrganisation organisation = data.organisation();
        TabnineTeam team = team(organisation, required("teamId", teamId));
        return TabnineDirectory.of(organisation).utilization(team.id());
    }

    @GET
    @Path("v1/team/{teamId}")
    public TabnineWire.TeamName teamName(@RestPath String teamId) {
        TabnineTeam team = team(data.organisation(), teamId);
        return new TabnineWire.TeamName(team.id(), team.name());
    }

    @GET
    @Path("v1/user/{userId}")
    public Uni<TabnineWire.UserInfo> userInfo(@RestPath String userId) {
        return onEventLoop(() -> {
            DemoOrganisation organisation = data.organisation();
            TabnineSeat seat = seat(organisation, userId);
            TabnineTeam team = seat.teamId() == null ? null : organisation.tabnineTeam(seat.teamId()).orElseThrow();
            return new TabnineWire.UserInfo(
                    new TabnineWire.UserInfoUser(organisation.tabnineOrganizationId(), seat.id(), seat.email(),
                            seat.role(), seat.createdAt().toString(), seat.updatedAt().toString()),
                    new TabnineWire.UserInfoTeam(team == null ? null : team.id(), team == null ? null : team.name()));
        });
    }

    @GET
    @Path("v1/organization/usage")
    public Usage<V1Bucket> organizationUsageV1(@RestQuery String organizationId, @RestQuery String from,
            @RestQuery String to, @RestQuery String granularity) {
        return usage(Scope.organization(data.organisation()), organizationId, from, to, granularity,
                TabnineUsage::v1);
    }

    @GET
    @Path("v1/team/usage")
    public Usage<V1Bucket> teamUsageV1(@RestQuery String organizationId, @RestQuery String teamId,
            @RestQuery String from, @RestQuery String to, @RestQuery String granularity) {
        return usage(Scope.team(data.organisation(), teamId), organizationId, from, to, granularity,
                TabnineUsage::v1);
    }

    @GET
    @Path("v1/user/usage")
    public Uni<Usage<V1Bucket>> userUsageV1(@RestQuery String organizationId, @RestQuery String userId,
            @RestQuery String from, @RestQuery String to, @RestQuery String granularity) {
        return onEventLoop(() -> usage(Scope.user(data.organisation(), userId), organizationId, from, to,
                granularity, TabnineUsage::v1));
    }

    @GET
    @Path("v2/organization/usage")
    public Usage<V2Bucket> organizationUsageV2(@RestQuery String organizationId, @RestQuery String from,
            @RestQuery String to, @RestQuery String granularity) {
        return usage(Scope.organization(data.organisation()), organizationId, from, to, granularity,
                bucket -> TabnineUsage.v2(bucket, null));
    }

    @GET
    @Path("v2/team/usage")
    public Usage<V2Bucket> teamUsageV2(@RestQuery String organizationId, @RestQuery String teamId,
            @RestQuery String from, @RestQuery String to, @RestQuery String granularity) {
        return usage(Scope.team(data.organisation(), teamId), organizationId, from, to, granularity,
                bucket -> TabnineUsage.v2(bucket, null));
    }

    @GET
    @Path("v2/user/usage")
    public Uni<Usage<V2Bucket>> userUsageV2(@RestQuery String organizationId, @RestQuery String userId,
            @RestQuery String from, @RestQuery String to, @RestQuery String granularity) {
        return onEventLoop(() -> {
            Scope scope = Scope.user(data.organisation(), userId);
            return usage(scope, organizationId, from, to, granularity,
                    bucket -> TabnineUsage.v2(bucket, scope.seats().getFirst()));
        });
    }

    @GET
    @Path("v1/organization/agent-usage")
    public Usage<AgentPoint> organizationAgentUsage(@RestQuery String startDate, @RestQuery String endDate,
            @RestQuery String granularity) {
        return agentUsage(() -> Scope.organization(data.organisation()), startDate, endDate, granularity);
    }

    @GET
    @Path("v1/team/agent-usage")
    public Usage<AgentPoint> teamAgentUsage(@RestQuery String teamId, @RestQuery String startDate,
            @RestQuery String endDate, @RestQuery String granularity) {
        return agentUsage(() -> Scope.team(data.organisation(), teamId), startDate, endDate, granularity);
    }

    @GET
    @Path("v1/user/agent-usage")
    public Usage<AgentPoint> userAgentUsage(@RestQuery String userId, @RestQuery String startDate,
            @RestQuery String endDate, @RestQuery String granularity) {
        return agentUsage(() -> Scope.user(data.organisation(), userId), startDate, endDate, granularity);
    }

    /**
     * Whose usage is asked for: the organisation, a team ({@code teamId}) or a user ({@code userId}); {@code daily}
     * gives the organisation's or team's {@link TabnineDaily} (built on first use), null for a user.
     */
    private record Scope(String teamId, String userId, List<TabnineSeat> seats, Supplier<TabnineDaily> daily) {

        static Scope organization(DemoOrganisation organisation) {
            return new Scope(null, null, organisation.tabnineSeats(), () -> dailyUsage(organisation).organisation());
        }

        static Scope team(DemoOrganisation organisation, String teamId) {
            TabnineTeam team = TabnineEmulatorResource.team(organisation, required("teamId", teamId));
            List<TabnineSeat> members = organisation.tabnineTeamMembers(team.id());
            return new Scope(team.id(), null, members, () -> dailyUsage(organisation).teams().get(team.id()));
        }

        static Scope user(DemoOrganisation organisation, String userId) {
            TabnineSeat seat = seat(organisation, required("userId", userId));
            return new Scope(null, seat.id(), List.of(seat), () -> null);
        }
    }

    /** The organisation's and its teams' daily usage, built on first use. */
    private static TabnineDaily.Scopes dailyUsage(DemoOrganisation organisation) {
        return organisation.view(TabnineDaily.Scopes.class, TabnineDaily::of);
    }

    private <B> Usage<B> usage(Scope scope, String organizationId, String from, String to, String granularity,
            Function<TabnineUsage.Bucket, B> bucket) {
        DemoOrganisation organisation = data.organisation();
        if (!organisation.tabnineOrganizationId().equals(required("organizationId", organizationId))) {
            throw TabnineWire.notFound("Organization not found: " + organizationId);
        }
        return answer(organisation, scope, instant("from", from), instant("to", to),
                granularity(required("granularity", granularity)), bucket);
    }

    /** The licence is checked first: without the Agent feature every agent-usage call is a 403. */
    private Usage<AgentPoint> agentUsage(Supplier<Scope> scope, String startDate, String endDate,
            String granularity) {
        if (!config.tabnine().agentLicensed()) {
            throw TabnineWire.featureNotAvailable();
        }
        return answer(data.organisation(), scope.get(), instant("startDate", startDate), instant("endDate", endDate),
                granularity == null ? Granularity.ALL : granularity(granularity), TabnineUsage::agent);
    }

    private static <B> Usage<B> answer(DemoOrganisation organisation, Scope scope, Instant from, Instant to,
            Granularity granularity, Function<TabnineUsage.Bucket, B> bucket) {
        if (!from.isBefore(to)) {
            throw TabnineWire.badRequest("The start of the interval must be before its end");
        }
        List<B> buckets = TabnineUsage.buckets(scope.seats(), scope.daily().get(), from, to, granularity).stream()
                .map(bucket).toList();
        return new Usage<>(organisation.tabnineOrganizationId(), scope.teamId(), scope.userId(), from.toString(),
                to.toString(), new TabnineWire.UsageEnvelope<>(granularity.wire(), buckets));
    }

    private static TabnineTeam team(DemoOrganisation organisation, String teamId) {
        return organisation.tabnineTeam(teamId).orElseThrow(() -> TabnineWire.notFound("Team not found: " + teamId));
    }

    private static TabnineSeat seat(DemoOrganisation organisation, String userId) {
        return organisation.tabnineSeat(userId).orElseThrow(() -> TabnineWire.notFound("User not found: " + userId));
    }

    /**
     * {@code answer} computed on the event loop, without a hand-over to a worker thread: for the endpoints a gateway
     * calls once per user or page (35,000 times for a 50,000-person organisation), that hand-over cost the emulator a
     * quarter of its CPU. Only while the organisation is still to be generated (seconds at that size) does the
     * answer go to a worker thread, so the event loop never blocks on it.
     */
    private <T> Uni<T> onEventLoop(Supplier<T> answer) {
        Uni<T> uni = Uni.createFrom().item(answer);
        return data.generated() ? uni : uni.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** One page of {@code all}; only its entries are turned into their wire form. */
    private static <S, T> Page<T> page(List<S> all, Function<S, T> wire, String offsetParam, String limitParam,
            int defaultLimit) {
        int offset = offsetParam == null ? 0 : integer("offset", offsetParam, 0);
        int limit = limitParam == null ? defaultLimit : integer("limit", limitParam, 1);
        List<T> data = all.subList(Math.min(offset, all.size()), (int) Math.min((long) offset + limit, all.size()))
                .stream().map(wire).toList();
        TabnineWire.Next next = (long) offset + limit < all.size() ? new TabnineWire.Next(limit, offset + limit) : null;
        return new Page<>(data, new TabnineWire.Meta(data.size(), all.size(), next));
    }
}
