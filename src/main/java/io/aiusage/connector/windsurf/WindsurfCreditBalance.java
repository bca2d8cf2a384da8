package io.aiusage.connector.windsurf;

import java.time.Instant;

/**
 * The team's prompt credits for the current billing cycle, as {@code GetTeamCreditBalance} reports them (this record
 * is also the wire shape). Add-on credits are recomputed every cycle: they are not lifetime totals.
 */
public record WindsurfCreditBalance(
        long promptCreditsPerSeat,
        long numSeats,
        long addOnCreditsAvailable,
        long addOnCreditsUsed,
        Instant billingCycleStart,
        Instant billingCycleEnd) {
}
