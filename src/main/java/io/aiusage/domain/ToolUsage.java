package io.aiusage.domain;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;

/** How often an agent used one tool over a window. */
@Description("How often the vendor's agent used one tool over the window [from, to) (Windsurf CascadeAnalytics "
        + "cascade_tool_usage, summed over the entries of one tool).")
public record ToolUsage(
        @NonNull @Description("The vendor whose agent used the tool.") Vendor vendor,
        @NonNull @Description("Start of the window, widened to a whole UTC day (inclusive).") Instant from,
        @NonNull @Description("End of the window, widened to a whole UTC day (exclusive).") Instant to,
        @NonNull @Description("The tool as the vendor names it, e.g. CODE_ACTION, VIEW_FILE, RUN_COMMAND, MQUERY "
                + "(Riptide), PROXY_WEB_SERVER (Browser Preview), MCP_TOOL; UNKNOWN for a tool the vendor did not "
                + "name or this gateway does not know.") String tool,
        @AdaptToScalar(Scalar.Int.class)
        @NonNull @Description("Times the tool was used (cascade_tool_usage count).") Long count) {
}
