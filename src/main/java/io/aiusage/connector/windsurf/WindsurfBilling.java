package io.aiusage.connector.windsurf;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.aiusage.connector.cache.Dataset;
import io.aiusage.connector.cache.VendorCache;
import io.aiusage.domain.CapScope;
import io.aiusage.domain.CreditBalance;
import io.aiusage.domain.CreditCap;
import io.aiusage.domain.PersonCredits;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.CreditConnector;
import io.aiusage.domain.port.Fetched;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Windsurf's prompt credits: the current cycle's balance ({@code GetTeamCreditBalance}), each seat's credits
 * ({@code UserPageAnalytics promptCreditsUsed}, from the same cached seat table as accounts) and add-on credit caps
 * ({@code GetUsageConfig}, set with {@code UsageConfig}). All of it is data without a window, cached for
 * {@code cache.windsurf.reference-ttl}; a cap the gateway changes is forgotten at once, so the next read asks Windsurf.
 */
@ApplicationScoped
@RegisterForReflection(targets = WindsurfBilling.Cap.class) // cached as JSON in Redis
class WindsurfBilling implements CreditConnector {

    private static final Vendor WINDSURF = Vendor.WINDSURF;
    static final Dataset<Cap> CAPS = Dataset.of(WINDSURF, "usage-config", new TypeReference<Cap>() {
    }, new Cap(null));
    /** Caps have no window; the variant names what is held: the cap in force now. */
    static final String CURRENT = "current";

    private final WindsurfClient client;
    private final WindsurfCached cached;
    private final VendorCache cache;

    WindsurfBilling(WindsurfClient client, WindsurfCached cached, VendorCache cache) {
        this.client = client;
        this.cached = cached;
        this.cache = cache;
    }

    /** A cap as cached: {@code value} null when none is set at its scope (GetUsageConfig answered {@code {}}). */
    record Cap(Long value) {
    }

    @Override
    public Vendor vendor() {
        return WINDSURF;
    }

    @Override
    public Fetched<CreditBalance> creditBalance() {
        return cached.balance().map(b -> new CreditBalance(WINDSURF, b.billingCycleStart(), b.billingCycleEnd(),
                b.promptCreditsPerSeat(), b.numSeats(), b.promptCreditsPerSeat() * b.numSeats(),
                b.addOnCreditsAvailable(), b.addOnCreditsUsed()));
    }

    /** The organisation's seat table over Windsurf's default window (the cycle's credits do not depend on it). */
    @Override
    public Fetched<List<PersonCredits>> creditsByPerson() {
        return cached.seats(null).map(rows -> rows.stream().map(row -> new PersonCredits(WINDSURF, row.email(),
                row.name(), (long) row.promptCreditsUsed())).toList());
    }

    @Override
    public Fetched<CreditCap> creditCap(CapScope scope) {
        return cache.entry(CAPS, key(scope), CURRENT, () -> {
            Integer cap = client.usageConfig(wire(scope)).addOnCreditCap();
            return new Cap(cap == null ? null : cap.longValue());
        }).map(cap -> CreditCap.of(WINDSURF, scope, cap.value()));
    }

    @Override
    public CreditCap setCreditCap(CapScope scope, long cap) {
        client.setUsageConfig(wire(scope), cap);
        cache.invalidate(CAPS, key(scope), CURRENT);
        return CreditCap.of(WINDSURF, scope, cap);
    }

    @Override
    public CreditCap clearCreditCap(CapScope scope) {
        client.setUsageConfig(wire(scope), null);
        cache.invalidate(CAPS, key(scope), CURRENT);
        return CreditCap.of(WINDSURF, scope, null);
    }

    private static CreditCapScope wire(CapScope scope) {
        return scope.team() ? CreditCapScope.team()
                : scope.groupId() != null ? CreditCapScope.group(scope.groupId())
                        : CreditCapScope.user(scope.userEmail().strip());
    }

    /** One entry per scope, whatever the case or spaces of an e-mail, so a change always forgets what was read. */
    private static String key(CapScope scope) {
        return scope.userEmail() == null ? scope.toString()
                : "user:" + scope.userEmail().strip().toLowerCase(Locale.ROOT);
    }
}
