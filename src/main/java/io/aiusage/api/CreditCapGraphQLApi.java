package io.aiusage.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.aiusage.domain.BillingService;
import io.aiusage.domain.CapScope;
import io.aiusage.domain.CreditCap;
import io.aiusage.domain.port.VendorException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The only writes of the API: setting and clearing Windsurf add-on credit caps ({@code UsageConfig}). Both need the
 * admin role ({@link FieldAccess} gates every mutation field), are validated before any vendor call, and are audited
 * in the log by {@link BillingService}. Two mutations rather than one with a nullable cap, so forgetting the cap can
 * never clear one.
 */
@GraphQLApi
public class CreditCapGraphQLApi {

    private final BillingService billing;
    private final Access access;
    private final Execution execution;

    public CreditCapGraphQLApi(BillingService billing, Access access, Execution execution) {
        this.billing = billing;
        this.access = access;
        this.execution = execution;
    }

    @Mutation("setCreditCap")
    @Description("Sets the add-on credit cap at one scope (Windsurf UsageConfig set_add_on_credit_cap): each user of "
            + "the scope may then use at most `cap` add-on credits per billing cycle. Needs the admin role; audited in "
            + "the log (who, what, when). The cached cap of that scope is forgotten, so creditCap reads the new one. "
            + "Returns the cap as set.")
    public CreditCap setCreditCap(
            @Name("scope") @NonNull @Description("Exactly one of team, groupId or userEmail.") CreditCapScopeInput scope,
            @Name("cap") @NonNull @Description("Add-on credits per user per billing cycle, 0 or more.") Integer cap)
            throws ApiError {
        CapScope where = scope.require("scope");
        if (cap < 0) {
            throw new ApiError.InvalidArgument("cap must be 0 or more (got " + cap + "); to remove a cap use "
                    + "clearCreditCap.", "cap");
        }
        return change(where, cap.longValue());
    }

    @Mutation("clearCreditCap")
    @Description("Removes the add-on credit cap at one scope (Windsurf UsageConfig clear_add_on_credit_cap). Needs "
            + "the admin role; audited in the log. The cached cap of that scope is forgotten. Returns the scope with "
            + "cap null.")
    public CreditCap clearCreditCap(
            @Name("scope") @NonNull @Description("Exactly one of team, groupId or userEmail.") CreditCapScopeInput scope)
            throws ApiError {
        return change(scope.require("scope"), null);
    }

    private CreditCap change(CapScope scope, Long cap) throws ApiError {
        try {
            return billing.changeCreditCap(actor(), scope, cap).orElseThrow(() -> new ApiError.NotFound(
                    "No vendor billing in credits is configured (Windsurf: set WINDSURF_SERVICE_KEY); there is no "
                            + "cap to change.", null, null));
        } catch (VendorException e) {
            throw ApiError.from(e, null);
        }
    }

    /** Who the audit line names: the token's principal, or that nobody was checked. */
    private String actor() {
        SecurityIdentity caller = execution.caller();
        if (!access.enforced() || caller == null || caller.isAnonymous()) {
            return "an unauthenticated caller (AUTH_MODE=none)";
        }
        return "\"" + caller.getPrincipal().getName() + "\"";
    }
}
