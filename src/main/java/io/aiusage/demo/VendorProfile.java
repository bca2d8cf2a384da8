package io.aiusage.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * How one vendor's seats look in the synthetic organisation. Real organisations roll two assistants out differently,
 * so the vendors differ: Windsurf is the assistant most people asked for (more seats, few of them unused, heavy
 * Cascade use), Tabnine the older roll-out with a tail of unanswered invitations, seats nobody opened and lighter use
 * of its agent. {@link OrganisationGenerator}'s Javadoc lists the figures.
 *
 * @param only          share of the organisation's people on this vendor alone
 * @param pending       share of the vendor's seats pending (invited, or awaiting approval)
 * @param deactivated   share deactivated (disabled) after a period of use
 * @param neverActive   share assigned and never used
 * @param idle          share last used 31 to 150 days before the anchor date; the remaining seats are active
 * @param teamWeights   chance of each of the vendor's teams or groups, in their order; the rest are in none
 * @param weekdayChance per person, the chance of working with the assistant on a weekday
 * @param intensity     per person, the factor on the amount of activity of an active day
 * @param agentUsers    share of seats whose holder uses the agent (Windsurf Cascade, Tabnine agent) at all
 * @param agentDays     chance that an agent user uses the agent on an active day
 */
record VendorProfile(double only, double pending, double deactivated, double neverActive, double idle,
        List<Double> teamWeights, Range weekdayChance, Range intensity, double agentUsers, double agentDays) {

    /** Windsurf: the larger roll-out, mostly in use; Cascade on most days of most editor and JetBrains users. */
    static final VendorProfile WINDSURF = new VendorProfile(0.40, 0.03, 0.06, 0.05, 0.08,
            List.of(0.50, 0.12, 0.10, 0.12), new Range(0.55, 0.95), new Range(0.6, 2.2), 0.85, 0.7);

    /** Tabnine: fewer seats, more of them pending, never used or idle; lighter and rarer agent use. */
    static final VendorProfile TABNINE = new VendorProfile(0.25, 0.10, 0.04, 0.14, 0.15,
            List.of(0.20, 0.25, 0.15, 0.08, 0.08, 0.06, 0.04), new Range(0.35, 0.85), new Range(0.3, 1.5), 0.35,
            0.3);

    VendorProfile {
        teamWeights = List.copyOf(teamWeights);
        // under half the seats in the other lifecycles leaves active ones even where each rounds up to one
        if (only < 0 || only > 1 || pending + deactivated + neverActive + idle >= 0.5
                || teamWeights.stream().mapToDouble(Double::doubleValue).sum() > 1) {
            throw new IllegalArgumentException("shares out of range: " + this);
        }
    }

    /** A closed range of doubles. */
    record Range(double from, double to) {

        Range {
            if (from > to) {
                throw new IllegalArgumentException(from + " > " + to);
            }
        }

        /** A value drawn uniformly from the range. */
        double draw(SplittableRandom random) {
            return from + random.nextDouble() * (to - from);
        }
    }
}
