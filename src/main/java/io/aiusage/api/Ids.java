package io.aiusage.api;

import io.aiusage.domain.Team;

/** Validation of vendor-qualified ids. */
final class Ids {

    private Ids() {
    }

    static void requireTeam(String id, String argument) throws ApiError {
        if (Team.vendorOf(id) == null || Team.localIdOf(id).isBlank()) {
            throw new ApiError.InvalidArgument(argument + " must be a vendor-qualified team id such as "
                    + "TABNINE:<team uuid> or WINDSURF:<group name> (got \"" + id + "\"); list them with teams { id }.",
                    argument);
        }
    }
}
