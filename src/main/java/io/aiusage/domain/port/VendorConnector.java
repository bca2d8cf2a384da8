package io.aiusage.domain.port;

import java.util.List;
import java.util.Map;

import io.aiusage.domain.Granularity;
import io.aiusage.domain.Team;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageBucket;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;

/**
 * Everything the domain needs from one vendor, in vendor-neutral terms. This is the plug-in point for a third vendor
 * (GitHub Copilot, Cursor): implement it as an {@code @ApplicationScoped} bean and the API picks it up.
 * Every method may throw a {@link VendorException}; none ever returns vendor wire types.
 */
public interface VendorConnector {

    Vendor vendor();

    /** True when credentials are set (or demo mode provides them). An unconfigured vendor is left out, never an error. */
    boolean configured();

    /** True when this vendor is served by the built-in emulator. */
    boolean demo();

    /** One cheap authenticated call proving reachability and credentials. */
    void ping();

    /**
     * Every seat on the vendor. {@code activityWindow} scopes window-dependent figures (Windsurf activeDays); null
     * means the vendor's default (Windsurf: the last year).
     */
    List<VendorAccount> accounts(TimeWindow activityWindow);

    /** Teams (Tabnine teams; Windsurf groups from {@code windsurf.groups}). */
    List<Team> teams();

    /** Accounts in one team, by the team's vendor-local id. Throws NotFound for an unknown team. */
    List<VendorAccount> teamMembers(String localTeamId);

    /**
     * Usage of the whole organisation ({@code localTeamId} null) or one team, one bucket per period of
     * {@link io.aiusage.domain.Periods#of}, in period order.
     */
    List<UsageBucket> usage(TimeWindow window, Granularity granularity, String localTeamId);

    /**
     * Usage per account for many accounts of this vendor at once, keyed by {@link VendorAccount#accountId()}; each
     * list holds one bucket per period. Implementations keep the number of vendor calls bounded (Windsurf: constant).
     */
    Map<String, List<UsageBucket>> usageByAccount(List<VendorAccount> accounts, TimeWindow window,
            Granularity granularity);
}
