package io.aiusage.demo.windsurf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.TreeMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiusage.demo.DemoData;
import io.aiusage.demo.DemoOrganisation;
import io.aiusage.demo.WindsurfDays;
import io.aiusage.demo.WindsurfSeat;

/**
 * The emulated Windsurf (Codeium) Analytics API v1: the vendor's paths under {@code /demo/windsurf}, POST with the
 * service key in the JSON body, answered from the demo organisation in Windsurf's wire format (see
 * {@link WindsurfWire}).
 */
@Path("/demo/windsurf/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WindsurfEmulatorResource {

    /** Prompt credits each seat gets per billing cycle; use beyond it draws on the add-on credits. */
    static final long PROMPT_CREDITS_PER_SEAT = 500;
    /** Add-on credits bought for each billing cycle. */
    static final long ADD_ON_CREDITS = 20_000;

    private static final Set<String> IDE_TYPES = Set.of("editor", "jetbrains", "cli");

    private final DemoData data;
    private final WindsurfCapSettings caps;

    public WindsurfEmulatorResource(DemoData data, WindsurfCapSettings caps) {
        this.data = data;
        this.caps = caps;
    }

    /** The Teams page table; {@code activeDays} counts the days with autocomplete in the window. */
    @POST
    @Path("UserPageAnalytics")
    public ObjectNode userPageAnalytics(JsonNode body) {
        WindsurfRequest request = WindsurfRequest.authorised(body);
        DemoOrganisation organisation = data.organisation();
        Instant now = data.now();
        List<WindsurfSeat> seats = request.seats(organisation);
        Instant from = request.timestamp("start_timestamp").orElse(now.minus(365, ChronoUnit.DAYS));
        Instant to = request.timestamp("end_timestamp").orElse(now);
        Instant cycleStart = billingCycleStart(now);
        ArrayNode stats = WindsurfWire.JSON.arrayNode();
        for (WindsurfSeat seat : seats) {
            ObjectNode user = stats.addObject();
            user.put("name", seat.name());
            user.put("email", seat.email());
            seat.lastActivityAt().ifPresent(at -> user.put("lastUpdateTime", WindsurfWire.micros(at)));
            user.put("apiKey", seat.apiKey());
            WindsurfWire.putInt32(user, "activeDays", seat.activity().activeDays(from, to));
            if (seat.disabled()) {
                user.put("disableCodeium", true);
            }
            user.put("role", seat.role());
            user.put("signupTime", WindsurfWire.seconds(seat.signupAt()));
            seat.lastAutocompleteAt().ifPresent(at -> user.put("lastAutocompleteUsageTime", WindsurfWire.seconds(at)));
            seat.lastCascadeAt().ifPresent(at -> user.put("lastChatUsageTime", WindsurfWire.seconds(at)));
            seat.lastCommandAt().ifPresent(at -> user.put("lastCommandUsageTime", WindsurfWire.seconds(at)));
            WindsurfWire.putInt32(user, "promptCreditsUsed", seat.activity().promptsUsed(cycleStart, now));
            user.put("teamStatus", seat.teamStatus());
        }
        ObjectNode response = WindsurfWire.JSON.objectNode();
        if (!stats.isEmpty()) {
            response.set("userTableStats", stats);
        }
        return putBillingCycle(response, cycleStart);
    }

    /** Cascade lines per day, runs, and tool counts, for a group or a list of e-mails, optionally per IDE type. */
    @POST
    @Path("CascadeAnalytics")
    public ObjectNode cascadeAnalytics(JsonNode body) {
        WindsurfRequest request = WindsurfRequest.authorised(body);
        DemoOrganisation organisation = data.organisation();
        JsonNode emails = request.get("emails");
        if (request.text("group_name").isPresent() && !emails.isEmpty()) {
            throw WindsurfWire.badRequest("Cannot use both group_name and emails parameters");
        }
        Set<String> ideTypes = new HashSet<>();
        for (JsonNode ideType : request.get("ide_types")) {
            if (!IDE_TYPES.contains(ideType.asText())) {
                throw WindsurfWire.badRequest("invalid ide type: " + ideType.asText());
            }
            ideTypes.add(ideType.asText());
        }
        // the seats of the e-mails by index, in seat order
        SortedSet<Integer> wanted = new TreeSet<>();
        emails.forEach(email -> organisation.windsurfSeatIndexByEmail(email.asText()).ifPresent(wanted::add));
        List<WindsurfSeat> scope = emails.isEmpty() ? request.seats(organisation)
                : wanted.stream().map(organisation.windsurfSeats()::get).toList();
        List<WindsurfSeat> seats = scope.stream().filter(seat -> seat.cascadeIdeType()
                .filter(type -> ideTypes.isEmpty() || ideTypes.contains(type)).isPresent()).toList();
        Instant from = request.timestamp("start_timestamp").orElse(Instant.EPOCH);
        Instant to = request.timestamp("end_timestamp").orElse(data.now());
        JsonNode queries = request.get("query_requests");
        if (queries.isEmpty()) {
            throw WindsurfWire.badRequest("at least one query request is required");
        }
        List<CascadeDay> days = cascadeDays(seats, from, to);
        ArrayNode results = WindsurfWire.JSON.arrayNode();
        for (JsonNode query : queries) {
            if (query.size() != 1) {
                throw invalidCascadeQuery();
            }
            String source = query.fieldNames().next();
            switch (source) {
                case "cascade_lines" -> results.addObject().set("cascadeLines", wrap("cascadeLines", lines(days)));
                case "cascade_runs" -> results.addObject().set("cascadeRuns", wrap("cascadeRuns", runs(days)));
                case "cascade_tool_usage" ->
                    results.addObject().set("cascadeToolUsage", wrap("cascadeToolUsage", tools(days)));
                default -> throw invalidCascadeQuery();
            }
        }
        return WindsurfWire.JSON.objectNode().set("queryResults", results);
    }

    /**
     * Custom Analytics: validated queries over USER_DATA, CHAT_DATA, COMMAND_DATA and PCW_DATA. Every query is
     * validated before the answer starts; the answer is then written as it is computed (see
     * {@link AnalyticsQuery#write}).
     */
    @POST
    @Path("Analytics")
    public StreamingOutput analytics(JsonNode body) {
        WindsurfRequest request = WindsurfRequest.authorised(body);
        DemoOrganisation organisation = data.organisation();
        List<WindsurfSeat> seats = request.seats(organisation);
        Instant from = request.timestamp("start_timestamp").orElse(Instant.EPOCH);
        Instant to = request.timestamp("end_timestamp").orElse(Instant.MAX);
        List<AnalyticsQuery<?>> queries = new ArrayList<>();
        request.get("query_requests").forEach(query -> queries.add(AnalyticsQuery.parse(query)));
        if (queries.isEmpty()) {
            throw WindsurfWire.badRequest("at least one query request is required");
        }
        return output -> {
            try (JsonGenerator json = WindsurfWire.generator(output)) {
                json.writeStartObject();
                json.writeArrayFieldStart("queryResults");
                for (AnalyticsQuery<?> query : queries) {
                    query.write(json, seats, from, to);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        };
    }

    /** The current billing cycle's credits: each seat's allowance, and add-on credits used beyond it. */
    @POST
    @Path("GetTeamCreditBalance")
    public ObjectNode getTeamCreditBalance(JsonNode body) {
        WindsurfRequest.authorised(body);
        DemoOrganisation organisation = data.organisation();
        Instant now = data.now();
        Instant cycleStart = billingCycleStart(now);
        List<WindsurfSeat> seats = organisation.windsurfSeats().stream()
                .filter(seat -> !seat.disabled() && seat.teamStatus().equals("USER_TEAM_STATUS_APPROVED")).toList();
        long addOnUsed = 0;
        for (WindsurfSeat seat : organisation.windsurfSeats()) {
            addOnUsed += Math.max(0, seat.activity().promptsUsed(cycleStart, now) / 100 - PROMPT_CREDITS_PER_SEAT);
        }
        ObjectNode response = WindsurfWire.JSON.objectNode();
        WindsurfWire.putInt32(response, "promptCreditsPerSeat", PROMPT_CREDITS_PER_SEAT);
        WindsurfWire.putInt32(response, "numSeats", seats.size());
        WindsurfWire.putInt32(response, "addOnCreditsAvailable", Math.max(0, ADD_ON_CREDITS - addOnUsed));
        WindsurfWire.putInt32(response, "addOnCreditsUsed", addOnUsed);
        return putBillingCycle(response, cycleStart);
    }

    /** The add-on credit cap of exactly one scope; {@code {}} when none is set there. */
    @POST
    @Path("GetUsageConfig")
    public ObjectNode getUsageConfig(JsonNode body) {
        WindsurfRequest request = WindsurfRequest.authorised(body);
        String scope = caps.scope(request, data.organisation());
        Long cap = caps.cap(scope);
        ObjectNode response = WindsurfWire.JSON.objectNode();
        if (cap != null) {
            response.put("add_on_credit_cap", cap);
        }
        return response;
    }

    /**
     * Sets ({@code set_add_on_credit_cap}) or clears ({@code clear_add_on_credit_cap: true}) the cap of exactly one
     * scope; 200 with an empty body, as Windsurf answers.
     */
    @POST
    @Path("UsageConfig")
    public ObjectNode usageConfig(JsonNode body) {
        WindsurfRequest request = WindsurfRequest.authorised(body);
        JsonNode set = request.get("set_add_on_credit_cap");
        boolean clear = request.get("clear_add_on_credit_cap").asBoolean(false);
        if (set.isMissingNode() == !clear) {
            throw WindsurfWire.badRequest("exactly one of set_add_on_credit_cap or clear_add_on_credit_cap must be set");
        }
        if (!clear && (!set.canConvertToLong() || set.asLong() < 0)) {
            throw WindsurfWire.badRequest("invalid set_add_on_credit_cap: " + set.asText());
        }
        caps.set(caps.scope(request, data.organisation()), clear ? null : set.asLong());
        return WindsurfWire.JSON.objectNode();
    }

    private static Instant billingCycleStart(Instant now) {
        return YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static ObjectNode putBillingCycle(ObjectNode response, Instant cycleStart) {
        response.put("billingCycleStart", WindsurfWire.seconds(cycleStart));
        response.put("billingCycleEnd",
                WindsurfWire.seconds(cycleStart.atZone(ZoneOffset.UTC).plusMonths(1).toInstant()));
        return response;
    }

    private record CascadeDay(LocalDate date, WindsurfSeat.Cascade cascade) {
    }

    /**
     * The seats' Cascade days whose activity falls in {@code [from, to)}, in date order (seat order within a date).
     * Only the days that meet the window are read.
     */
    private static List<CascadeDay> cascadeDays(List<WindsurfSeat> seats, Instant from, Instant to) {
        SortedMap<Long, List<CascadeDay>> byDate = new TreeMap<>();
        for (WindsurfSeat seat : seats) {
            WindsurfDays days = seat.activity();
            for (int i = days.firstEndingAfter(from), end = days.endStartingBefore(to); i < end; i++) {
                if (days.cascadeWithin(i, from, to)) {
                    byDate.computeIfAbsent(days.epochDay(i), d -> new ArrayList<>())
                            .add(new CascadeDay(LocalDate.ofEpochDay(days.epochDay(i)), days.cascade(i)));
                }
            }
        }
        List<CascadeDay> inOrder = new ArrayList<>();
        byDate.values().forEach(inOrder::addAll);
        return inOrder;
    }

    private static ArrayNode lines(List<CascadeDay> days) {
        Map<LocalDate, long[]> perDay = new TreeMap<>();
        for (CascadeDay day : days) {
            long[] lines = perDay.computeIfAbsent(day.date(), d -> new long[2]);
            lines[0] += day.cascade().linesSuggested();
            lines[1] += day.cascade().linesAccepted();
        }
        ArrayNode entries = WindsurfWire.JSON.arrayNode();
        perDay.forEach((date, lines) -> {
            ObjectNode entry = entries.addObject().put("day", WindsurfWire.day(date));
            WindsurfWire.putInt64(entry, "linesSuggested", lines[0]);
            WindsurfWire.putInt64(entry, "linesAccepted", lines[1]);
        });
        return entries;
    }

    private static ArrayNode runs(List<CascadeDay> days) {
        ArrayNode entries = WindsurfWire.JSON.arrayNode();
        for (CascadeDay day : days) {
            for (WindsurfSeat.Run run : day.cascade().runs()) {
                ObjectNode entry = entries.addObject().put("day", WindsurfWire.day(day.date()))
                        .put("model", run.model()).put("mode", run.mode());
                WindsurfWire.putInt64(entry, "messagesSent", run.messagesSent());
                entry.put("cascadeId", run.cascadeId());
                if (run.split()) {
                    entry = entries.addObject().put("day", WindsurfWire.day(day.date())).put("model", run.model())
                            .put("mode", "UNKNOWN").put("cascadeId", run.cascadeId());
                }
                WindsurfWire.putInt64(entry, "promptsUsed", run.promptsUsed());
            }
        }
        return entries;
    }

    private static ArrayNode tools(List<CascadeDay> days) {
        Map<String, Long> counts = new TreeMap<>();
        days.forEach(day -> day.cascade().tools().forEach(use -> counts.merge(use.tool(), use.count(), Long::sum)));
        ArrayNode entries = WindsurfWire.JSON.arrayNode();
        counts.forEach((tool, count) -> WindsurfWire.putInt64(entries.addObject().put("tool", tool), "count", count));
        return entries;
    }

    /** {@code {"<name>": [...]}}, or {@code {}} for no entries (protobuf leaves empty lists out). */
    private static ObjectNode wrap(String name, ArrayNode entries) {
        ObjectNode wrapper = WindsurfWire.JSON.objectNode();
        if (!entries.isEmpty()) {
            wrapper.set(name, entries);
        }
        return wrapper;
    }

    private static RuntimeException invalidCascadeQuery() {
        return WindsurfWire.badRequest(
                "each query request must set exactly one of cascade_lines, cascade_runs or cascade_tool_usage");
    }
}
