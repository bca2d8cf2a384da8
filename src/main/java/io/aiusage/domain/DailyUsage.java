package io.aiusage.domain;

import java.time.LocalDate;

/**
 * One row of a vendor's daily usage facts: the figures of one UTC day, for one account ({@code account} set: the
 * vendor's account id) or for a whole scope such as the organisation or a team ({@code account} null).
 * {@code activeUsers} is 1 or 0 on an account row (was this account active that day) and the vendor's own count on a
 * scope row; null on rows that say nothing about activity (e.g. Windsurf chat or Cascade rows).
 */
public record DailyUsage(LocalDate day, String account, Long activeUsers, UsageFigures figures) {

    /** True for an account row that marks its account active on its day. */
    public boolean marksActive() {
        return account != null && activeUsers != null && activeUsers > 0;
    }
}
