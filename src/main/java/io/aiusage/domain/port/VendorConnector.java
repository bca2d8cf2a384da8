package io.aiusage.domain.port;

import java.util.List;

import io.aiusage.domain.Granularity;
import io.aiusage.domain.Team;
import io.aiusage.domain.TimeWindow;
import io.aiusage.domain.UsageFacts;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.VendorAccount;

/**
 * Everything the domain needs from one vendor, in vendor-neutral terms. This is the plug-in point for a third vendor
 * (GitHub Copilot, Cursor): implement it as an {@code @ApplicationScoped} bean and the API picks it up.
 * Every method may throw a {@link VendorException}; none ever returns vendor wire types. Data comes back as
 * {@link Fetched}: with its freshness (connectors serve from the window-keyed cache) and the warnings that came with it.
 * Usage comes back as daily facts ({@link UsageFacts}) that the domain rolls up, the same way for every vendor.
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
    Fetched<List<VendorAccount>> accounts(TimeWindow activityWindow);

    /** Teams (Tabnine teams; Windsurf groups from {@code windsurf.groups}). */
    Fetched<List<Team>> teams();

    /** Accounts in one team, by the team's vendor-local id. Throws NotFound for an unknown team. */
    List<VendorAccount> teamMembers(String localTeamId);

    /**
     * Usage facts of the whole organisation ({@code localTeamId} null) or one team over the whole UTC days of
     * {@code window}. Where distinct active users cannot be counted from the rows, the facts carry the vendor's figure
     * for every period of {@link io.aiusage.domain.Periods#of}{@code (window, granularity)}.
     */
    Fetched<UsageFacts> usage(TimeWindow window, Granularity granularity, String localTeamId);

    /**
     * Usage facts per account for many accounts of this vendor at once: rows carry {@link VendorAccount#accountId()}.
     * Implementations keep the number of vendor calls bounded (Windsurf: constant, Tabnine: one per account at most).
     */
    Fetched<UsageFacts> usageByAccount(List<VendorAccount> accounts, TimeWindow window, Granularity granularity);
}
