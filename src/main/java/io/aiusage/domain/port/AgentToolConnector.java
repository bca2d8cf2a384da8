package io.aiusage.domain.port;

import java.util.List;

import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.ToolUsage;
import io.aiusage.domain.Vendor;

/** A vendor whose agent reports which tools it used (Windsurf Cascade). Optional beside {@link VendorConnector}. */
public interface AgentToolConnector {

    Vendor vendor();

    /** Tool counts over the whole UTC days of {@code window}, for the organisation ({@code localTeamId} null) or a team. */
    Fetched<List<ToolUsage>> toolUsage(TimeWindow window, String localTeamId);
}
