package io.aiusage.domain;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;

/** Where a seat stands: the licence question every report answers. */
@Description("Where a seat stands. Lifecycle states (PENDING, DEACTIVATED) come from the vendor; the activity "
        + "states (ACTIVE, IDLE, NEVER_USED) are derived from the account's last activity.")
public enum SeatStatus {
    @Description("Assigned and used within the idle threshold (default 30 days).")
    ACTIVE,
    @Description("Assigned and used at some point, but not within the idle threshold.")
    IDLE,
    @Description("Assigned and never used: no activity timestamp at all.")
    NEVER_USED,
    @Description("Invited but not yet accepted (Windsurf teamStatus PENDING, Tabnine invited/unverified).")
    PENDING,
    @Description("Access removed by an admin (Windsurf disableCodeium or REJECTED, Tabnine active=false).")
    DEACTIVATED;

    /** Default number of days without activity after which an assigned seat counts as idle. */
    public static final int DEFAULT_IDLE_AFTER_DAYS = 30;

    /** True for the states that a vendor reports directly rather than ones derived from activity. */
    public boolean isLifecycle() {
        return this == PENDING || this == DEACTIVATED;
    }

    /**
     * The activity-derived status of an assigned seat.
     *
     * @param lastActiveAt last activity of any kind, or null when the account was never used
     * @param now          the reference instant
     * @param idleAfterDays days without activity after which the seat is idle
     */
    public static SeatStatus fromActivity(Instant lastActiveAt, Instant now, int idleAfterDays) {
        if (lastActiveAt == null) {
            return NEVER_USED;
        }
        return lastActiveAt.isBefore(now.minus(Duration.ofDays(idleAfterDays))) ? IDLE : ACTIVE;
    }

    /**
     * Re-derives {@code current} for another idle threshold, keeping lifecycle states as the vendor gave them. An
     * ACTIVE seat without {@code lastActiveAt} is one whose activity could not be read (a connector reports that with a
     * warning): it stays ACTIVE, so a vendor's hiccup never offers a seat in use for reclaiming.
     */
    public static SeatStatus rederive(SeatStatus current, Instant lastActiveAt, Instant now, int idleAfterDays) {
        if (current.isLifecycle() || (current == ACTIVE && lastActiveAt == null)) {
            return current;
        }
        return fromActivity(lastActiveAt, now, idleAfterDays);
    }
}
