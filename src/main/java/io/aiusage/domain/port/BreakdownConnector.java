package io.aiusage.domain.port;

import java.util.List;

import io.aiusage.domain.BreakdownFacts;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageDimension;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;

/**
 * A vendor's usage split by language, IDE or model, as daily keyed facts the domain rolls up. Optional beside
 * {@link VendorConnector}: a vendor without breakdowns simply has no bean of this type, and one that has them is
 * asked only when its {@link VendorConnector} is configured. Every method may throw a {@link VendorException}.
 */
public interface BreakdownConnector {

    Vendor vendor();

    /** Keyed facts of the organisation ({@code localTeamId} null) or one team over the whole UTC days of the window. */
    Fetched<BreakdownFacts> breakdown(TimeWindow window, UsageDimension dimension, String localTeamId);

    /**
     * Keyed facts per account for many accounts of this vendor at once: rows carry
     * {@link VendorAccount#accountId()}. Bounded like {@link VendorConnector#usageByAccount}: a constant number of
     * calls (Windsurf) or at most one per account (Tabnine).
     */
    Fetched<BreakdownFacts> breakdownByAccount(List<VendorAccount> accounts, TimeWindow window,
            UsageDimension dimension);
}
