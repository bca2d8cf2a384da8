package io.aiusage.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import io.aiusage.domain.CapScope;

/** Where a credit cap is read or set, as clients send it: exactly one member. */
@Input("CreditCapScope")
@Description("Where an add-on credit cap applies: set exactly one of team (true), groupId or userEmail. A team or "
        + "group cap still limits each user separately.")
public record CreditCapScopeInput(
        @Description("true: the whole team's cap (Windsurf team_level).") Boolean team,
        @Description("A group's cap, by its billing group id (Windsurf group_id, which is not the analytics group "
                + "name).") String groupId,
        @Description("One user's cap, by e-mail (Windsurf user_email). Reading it is personal data.")
        String userEmail) {

    /** The scope, or INVALID_ARGUMENT naming {@code argument} unless exactly one member is set. */
    CapScope require(String argument) throws ApiError {
        boolean byTeam = Boolean.TRUE.equals(team);
        boolean byGroup = groupId != null && !groupId.isBlank();
        boolean byUser = userEmail != null && !userEmail.isBlank();
        int set = (byTeam ? 1 : 0) + (byGroup ? 1 : 0) + (byUser ? 1 : 0);
        if (set != 1) {
            throw new ApiError.InvalidArgument(argument + " must set exactly one of team: true, groupId or userEmail "
                    + "(got " + (set == 0 ? "none" : set) + "); a cap applies to one scope at a time.", argument);
        }
        return byTeam ? CapScope.ofTeam() : byGroup ? CapScope.ofGroup(groupId.strip())
                : CapScope.ofUser(userEmail.strip());
    }
}
