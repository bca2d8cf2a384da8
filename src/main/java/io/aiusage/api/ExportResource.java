package io.aiusage.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.aiusage.domain.Outcome;
import io.aiusage.domain.PeopleService;
import io.aiusage.domain.Person;
import io.aiusage.domain.SeatReport;
import io.aiusage.domain.SeatService;
import io.aiusage.domain.SeatStatus;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageReport;
import io.aiusage.domain.UsageService;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.vertx.core.json.JsonObject;

/**
 * CSV downloads of the dashboard's tables: usage buckets, seats and people. They ask the same domain services as the
 * GraphQL fields they mirror, with the same arguments, checks and roles ({@link Access}: usage needs viewer, seats and
 * people people-reader), and authentication is the GraphQL routes' ({@link GraphQLHttp}), so no export reveals what
 * the API would not. Errors are JSON in the API's shape: 400 naming a bad parameter, 401 without a valid token, 403
 * naming the missing role, 502 when no vendor answered. A vendor failing while another answered gives the rows that
 * arrived, with an {@value #ERRORS_HEADER} header listing each failure and warning ({@code TABNINE VENDOR_UNAVAILABLE},
 * {@code WINDSURF VENDOR_UNAVAILABLE STALE}).
 */
@Path(ExportResource.PATH)
public class ExportResource {

    static final String PATH = "/export";
    static final String CSV = "text/csv; charset=utf-8";
    static final String ERRORS_HEADER = "AIUsage-Errors";

    private final UsageService usageService;
    private final PeopleService peopleService;
    private final SeatService seatService;
    private final Access access;
    private final CurrentIdentityAssociation identities;
    private final Clock clock;

    public ExportResource(UsageService usageService, PeopleService peopleService, SeatService seatService,
            Access access, CurrentIdentityAssociation identities, Clock clock) {
        this.usageService = usageService;
        this.peopleService = peopleService;
        this.seatService = seatService;
        this.access = access;
        this.identities = identities;
        this.clock = clock;
    }

    /** What one export computes once its caller may read it. */
    @FunctionalInterface
    private interface Export {
        Response run() throws ApiError;
    }

    /** {@code usage(window, granularity, vendor, team) { buckets }}: one row per vendor per period. */
    @GET
    @Path("usage.csv")
    public Response usage(@Context UriInfo uri) {
        return answer(Access.Data.AGGREGATE, "usage.csv", () -> {
            ExportParameters p = ExportParameters.of("usage.csv", uri.getQueryParameters(),
                    List.of("from", "to", "granularity", "vendor", "team"));
            TimeWindow window = p.window();
            Vendor vendor = p.vendor();
            String team = p.team();
            if (team != null) {
                Ids.requireTeamOf(team, vendor, "team");
            }
            Outcome<UsageReport> report = usageService.usage(window, p.granularity(), vendor, team);
            String name = "usage-" + (vendor == null ? "" : ExportParameters.lower(vendor) + "-")
                    + ExportParameters.days(window) + ".csv";
            return csv(report, CsvTables.usage(report.value().buckets()), name);
        });
    }

    /**
     * Seats (vendor accounts) with their status for an idle threshold, as {@code seats(idleAfterDays:)}:
     * {@code status=IDLE} is {@code seats { idle }}, {@code status=NEVER_USED} is {@code seats { neverUsed }}, in
     * the same order; any other status, or none, lists those seats by e-mail.
     */
    @GET
    @Path("seats.csv")
    public Response seats(@Context UriInfo uri) {
        return answer(Access.Data.PERSONAL, "seats.csv", () -> {
            ExportParameters p = ExportParameters.of("seats.csv", uri.getQueryParameters(),
                    List.of("status", "vendor", "team", "idleAfterDays"));
            SeatStatus status = p.status();
            Vendor vendor = p.vendor();
            String team = p.team();
            int days = p.idleAfterDays();
            Seats seats = seatsAsOf(days);
            List<VendorAccount> listed = switch (status) {
                case IDLE -> seats.report().value().idle();
                case NEVER_USED -> seats.report().value().neverUsed();
                case null, default -> seats.accounts().stream()
                        .filter(a -> status == null || a.status() == status)
                        .sorted(Comparator.comparing(VendorAccount::email).thenComparing(VendorAccount::vendor))
                        .toList();
            };
            List<VendorAccount> rows = listed.stream().filter(a -> vendor == null || a.vendor() == vendor)
                    .filter(a -> team == null || SeatService.inTeam(team).test(a)).toList();
            String name = "seats-" + (status == null ? "all" : ExportParameters.lower(status)) + "-"
                    + idleWindow(days) + ".csv";
            return csv(seats.report(), CsvTables.seats(rows), name);
        });
    }

    /**
     * People merged across vendors, with the filters of {@code people(vendor, team, status, search)} and each seat's
     * status for the idle threshold; {@code overlapping=true} keeps those of {@code seats { overlapping }}.
     */
    @GET
    @Path("people.csv")
    public Response people(@Context UriInfo uri) {
        return answer(Access.Data.PERSONAL, "people.csv", () -> {
            ExportParameters p = ExportParameters.of("people.csv", uri.getQueryParameters(),
                    List.of("vendor", "team", "status", "search", "overlapping", "idleAfterDays"));
            Predicate<Person> filter = PeopleGraphQLApi.filter(p.vendor(), p.team(), p.status(), p.text("search"));
            boolean overlapping = p.flag("overlapping");
            int days = p.idleAfterDays();
            Seats seats = seatsAsOf(days);
            List<Person> people = overlapping ? seats.report().value().overlapping()
                    : PeopleService.merge(seats.accounts());
            String name = "people-" + (overlapping ? "overlapping-" : "") + idleWindow(days) + ".csv";
            return csv(seats.report(), CsvTables.people(people.stream().filter(filter).toList()), name);
        });
    }

    /** Every account with its status for an idle threshold, and the seat report over them, as {@code seats} has it. */
    private record Seats(Outcome<SeatReport> report, List<VendorAccount> accounts) {
    }

    private Seats seatsAsOf(int idleAfterDays) {
        Outcome<List<VendorAccount>> fetched = peopleService.accounts(null, null);
        List<VendorAccount> asOf = fetched.value().stream()
                .map(a -> PeopleService.withIdleThreshold(a, clock, idleAfterDays)).toList();
        return new Seats(seatService.report(fetched, idleAfterDays), asOf);
    }

    /** The days over which seats were judged idle: the last {@code idleAfterDays} up to now. */
    private String idleWindow(int idleAfterDays) {
        Instant now = clock.instant();
        return ExportParameters.days(TimeWindow.of(now.minus(Duration.ofDays(idleAfterDays)), now));
    }

    private Response answer(Access.Data data, String export, Export run) {
        if (!access.allows(access.enforced() ? identities.getIdentity() : null, data)) {
            String message = access.forbidden(data, PATH + "/" + export).getMessage();
            return errors(403, List.of(HttpErrors.error("FORBIDDEN", message, null, null, null)));
        }
        try {
            return run.run();
        } catch (ApiError e) {
            return errors(400, List.of(HttpErrors.error("INVALID_ARGUMENT", e.getMessage(), null, null, e.argument())));
        }
    }

    /**
     * The CSV, or 502 when every vendor asked failed (an empty file would read as "no data"). Failures and warnings
     * beside rows that did arrive are listed in {@value #ERRORS_HEADER}.
     */
    private static Response csv(Outcome<?> outcome, String csv, String fileName) {
        if (!outcome.failures().isEmpty() && outcome.freshness().isEmpty()) {
            List<JsonObject> errors = new ArrayList<>();
            outcome.failures().forEach(f -> {
                ApiError e = ApiError.from(f, null);
                errors.add(HttpErrors.error(f.code(), e.getMessage(), e.vendor(), e.retryAfterSeconds(), null));
            });
            return errors(502, errors);
        }
        List<String> problems = new ArrayList<>();
        outcome.failures().forEach(f -> problems.add(f.vendor() + " " + f.code()));
        outcome.warnings().forEach(w -> problems.add(w.vendor() + " " + w.failure().code() + " " + w.kind()));
        Response.ResponseBuilder response = Response.ok(csv, CSV)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (!problems.isEmpty()) {
            response.header(ERRORS_HEADER, problems.stream().distinct().collect(Collectors.joining(", ")));
        }
        return response.build();
    }

    private static Response errors(int status, List<JsonObject> errors) {
        return Response.status(status).type("application/json; charset=utf-8").entity(HttpErrors.body(errors))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
