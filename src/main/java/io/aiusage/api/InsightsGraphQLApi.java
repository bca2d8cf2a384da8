package io.aiusage.api;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.aiusage.domain.CodeWritten;
import io.aiusage.domain.Granularity;
import io.aiusage.domain.InsightsService;
import io.aiusage.domain.Team;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.ToolUsage;
import io.aiusage.domain.Vendor;

/** How the assistants are used beyond the usage figures: agent tool use and the share of code they wrote. */
@GraphQLApi
public class InsightsGraphQLApi {

    private final InsightsService insights;
    private final Execution execution;

    public InsightsGraphQLApi(InsightsService insights, Execution execution) {
        this.insights = insights;
        this.execution = execution;
    }

    @Query("agentToolUsage")
    @Description("How often each agent tool was used over the window (widened to whole UTC days), for the "
            + "organisation or one team: Windsurf CascadeAnalytics cascade_tool_usage, one call per window not yet "
            + "held (the counts come for a whole window, so each window is cached as one period). Ordered by vendor, "
            + "then most used first.")
    public @NonNull List<@NonNull ToolUsage> agentToolUsage(
            @Name("window") @NonNull @Description("The window, half-open, at most 366 days.") WindowInput window,
            @Name("vendor") @Description("Only this vendor.") Vendor vendor,
            @Name("team") @Id @Description("Only this team (vendor-qualified id); implies its vendor.") String team)
            throws ApiError {
        TimeWindow w = Windows.require(window, "window");
        requireTeam(team, vendor);
        return Results.partial(insights.toolUsage(w, vendor, team), execution);
    }

    @Query("codeWritten")
    @Description("Percent of code written by the assistant per period: assistant bytes / (assistant bytes + bytes "
            + "people typed), from Windsurf Custom Analytics PCW_DATA (codeium_bytes, user_bytes), for the "
            + "organisation or one team, all languages and IDEs or one of each. Windsurf advises weekly aggregation: "
            + "a day's figure varies widely, hence the WEEK default. One call per period not yet held.")
    public @NonNull List<@NonNull CodeWritten> codeWritten(
            @Name("window") @NonNull @Description("The window, half-open, at most 366 days.") WindowInput window,
            @Name("granularity") @DefaultValue("WEEK") @Description("Period size; WEEK or longer is advised.")
            Granularity granularity,
            @Name("vendor") @Description("Only this vendor.") Vendor vendor,
            @Name("team") @Id @Description("Only this team (vendor-qualified id); implies its vendor.") String team,
            @Name("language") @Description("Only this language (any spelling BreakdownRow.key normalises, e.g. java "
                    + "or JAVA).") String language,
            @Name("ide") @Description("Only this IDE (e.g. jetbrains, vscode).") String ide) throws ApiError {
        TimeWindow w = Windows.require(window, "window");
        requireTeam(team, vendor);
        Granularity g = granularity == null ? Granularity.WEEK : granularity;
        return Results.partial(insights.codeWritten(w, g, vendor, team, blankToNull(language), blankToNull(ide)),
                execution);
    }

    private static void requireTeam(String team, Vendor vendor) throws ApiError {
        if (team == null) {
            return;
        }
        Ids.requireTeam(team, "team");
        if (vendor != null && Team.vendorOf(team) != vendor) {
            throw new ApiError.InvalidArgument("team " + team + " belongs to " + Team.vendorOf(team)
                    + ", not to vendor " + vendor + "; drop one of the two arguments.", "team");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
