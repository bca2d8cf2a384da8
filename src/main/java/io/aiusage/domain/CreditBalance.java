package io.aiusage.domain;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;

/** A credit-billed vendor's prompt credits in the current billing cycle. */
@Description("Prompt credits of the current billing cycle (Windsurf GetTeamCreditBalance). Only the current cycle "
        + "is known: add-on credits are recomputed at the start of every cycle, they are not lifetime totals.")
public record CreditBalance(
        @NonNull @Description("The vendor billing in credits.") Vendor vendor,
        @NonNull @Description("Start of the current billing cycle (billingCycleStart, UTC).") Instant cycleStart,
        @NonNull @Description("End of the current billing cycle (billingCycleEnd, UTC).") Instant cycleEnd,
        @AdaptToScalar(Scalar.Int.class)
        @NonNull @Description("Prompt credits each seat gets per cycle (promptCreditsPerSeat).") Long promptCreditsPerSeat,
        @AdaptToScalar(Scalar.Int.class)
        @NonNull @Description("Seats billed this cycle (numSeats).") Long seats,
        @AdaptToScalar(Scalar.Int.class)
        @NonNull @Description("Prompt credits included this cycle: promptCreditsPerSeat x seats.") Long promptCredits,
        @AdaptToScalar(Scalar.Int.class)
        @NonNull @Description("Add-on credits still available this cycle (addOnCreditsAvailable).")
        Long addOnCreditsAvailable,
        @AdaptToScalar(Scalar.Int.class)
        @NonNull @Description("Add-on credits used this cycle (addOnCreditsUsed).") Long addOnCreditsUsed) {
}
