package io.aiusage.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * How one vendor's seats look in the synthetic organisation: lifecycle shares, team weights, how often and how hard
 * people work, how many use the agent. {@link OrganisationGenerator}'s Javadoc lists the figures.
 *
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
record VendorProfile(double pending, double deactivated, double neverActive, double idle,
        List<Double> teamWeights, Range weekdayChance, Range intensity, double agentUsers, double agentDays) {

    /** Windsurf: Cascade on most days of most editor and JetBrains users. */
    static final VendorProfile WINDSURF = new VendorProfile(0.06, 0.05, 0.08, 0.12,
            List.of(0.40, 0.20, 0.15, 0.15), new Range(0.5, 0.95), new Range(0.4, 2.0), 0.85, 0.7);

    /** Tabnine: its agent used by about half the users, on under half their days. */
    static final VendorProfile TABNINE = new VendorProfile(0.06, 0.05, 0.08, 0.12,
            List.of(0.12, 0.22, 0.18, 0.12, 0.12, 0.10, 0.06), new Range(0.5, 0.95), new Range(0.4, 2.0), 0.55,
            0.45);

    VendorProfile {
        teamWeights = List.copyOf(teamWeights);
        // under half the seats in the other lifecycles leaves active ones even where each rounds up to one
        if (pending + deactivated + neverActive + idle >= 0.5
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
