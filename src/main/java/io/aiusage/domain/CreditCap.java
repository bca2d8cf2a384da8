package io.aiusage.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;

/** The add-on credit cap set at one scope. */
@Description("The add-on credit cap at one scope (Windsurf GetUsageConfig add_on_credit_cap). A cap limits each user "
        + "separately, also when set for the team or a group: it is not a shared pool.")
public record CreditCap(
        @NonNull @Description("The vendor holding the cap.") Vendor vendor,
        @Description("True when this is the team-wide cap.") boolean team,
        @Description("The billing group id (Windsurf group_id, not the analytics group name), for a group's cap.")
        String groupId,
        @Description("The user's e-mail, for one user's cap.") String userEmail,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Add-on credits each user of this scope may use per billing cycle; null when no cap is set at "
                + "this scope.") Long cap) {

    /** The cap {@code cap} (null: none) at {@code scope}. */
    public static CreditCap of(Vendor vendor, CapScope scope, Long cap) {
        return new CreditCap(vendor, scope.team(), scope.groupId(), scope.userEmail(), cap);
    }
}
