package io.aiusage.api;

import io.aiusage.domain.Team;
import io.aiusage.domain.Vendor;

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

    /** A team id that, when {@code vendor} is given too, belongs to that vendor (usage over a team and a vendor). */
    static void requireTeamOf(String id, Vendor vendor, String argument) throws ApiError {
        requireTeam(id, argument);
        if (vendor != null && Team.vendorOf(id) != vendor) {
            throw new ApiError.InvalidArgument(argument + " " + id + " belongs to " + Team.vendorOf(id)
                    + ", not to vendor " + vendor + "; drop one of the two arguments.", argument);
        }
    }
}
