package io.aiusage.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;

/** One person's prompt credits in the current billing cycle: personal data. */
@Description("One person's prompt credits in the current billing cycle (Windsurf UserPageAnalytics "
        + "promptCreditsUsed). Personal data: needs the people-reader role.")
public record PersonCredits(
        @NonNull @Description("The vendor billing in credits.") Vendor vendor,
        @NonNull @Description("The person's e-mail, trimmed and lower-cased (Person.id).") String email,
        @Description("Display name as the vendor holds it.") String name,
        @AdaptToScalar(Scalar.Int.class)
        @NonNull @Description("Prompt credits used this cycle, as UserPageAnalytics reports them (the vendor does not "
                + "document whether in credits or hundredths of one).") Long promptCreditsUsed) {
}
