package io.aiusage.demo;

/**
 * Where a synthetic seat is in its life. The generator gives each vendor's seats a fixed share of each, so every
 * seat status the gateway reports has examples.
 */
public enum Lifecycle {
    /** Used the product recently (in the last 30 days). */
    ACTIVE,
    /** Used it before, but not in the last 30 days. */
    IDLE,
    /** Has a seat and never used it. */
    NEVER_ACTIVE,
    /** Invited (Tabnine) or awaiting approval (Windsurf); never used it. */
    PENDING,
    /** Deactivated (Tabnine) or disabled by an admin (Windsurf) after a period of use. */
    DEACTIVATED
}
