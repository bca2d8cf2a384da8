package io.aiusage.connector.cache;

import java.time.Duration;

/**
 * One vendor's request budget: {@code permits} calls per {@code period}, at most {@code burst} at once after a quiet
 * spell, and how long a call may wait for a permit before it fails as rate limited. The vendor call policy's
 * configuration supplies these.
 */
public record BudgetLimits(int permits, Duration period, int burst, Duration maxWait) {

    public BudgetLimits {
        if (permits < 1 || burst < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("A request budget needs at least one permit, a burst of at least one "
                    + "and a positive period");
        }
    }

    /** Time between two permits. */
    Duration interval() {
        return period.dividedBy(permits);
    }
}
