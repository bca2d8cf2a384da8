package io.aiusage.domain.port;

import java.util.List;
import java.util.Map;

import io.aiusage.domain.DailyUsage;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.Vendor;

/**
 * A vendor that bills its agent per person (Tabnine agent-usage per user). Optional beside {@link VendorConnector}.
 * It costs one call per person per missing run of days, so callers ask for a bounded list of people.
 */
public interface AgentCostConnector {

    Vendor vendor();

    /**
     * Daily agent cost and tokens ({@code cost}, {@code inputTokens}, {@code outputTokens} of each row) of the people
     * with these e-mails (trimmed, lower-cased) over the whole UTC days of {@code window}, by e-mail; a person without
     * an account on this vendor is left out, one whose licence has no agents gets no rows.
     */
    Fetched<Map<String, List<DailyUsage>>> agentCostByEmail(List<String> emails, TimeWindow window);
}
