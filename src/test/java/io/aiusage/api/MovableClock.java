package io.aiusage.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The application's clock in cache tests: it stands still at noon UTC today (so which days are open does not depend
 * on when the tests run) and moves only when a test says so. Enabled only by the profiles that list it in
 * {@code getEnabledAlternatives()}: with a {@code @Priority} it would replace the clock of every test, and a noon that is
 * still to come would make real-time bookkeeping (a vendor's Retry-After pause) look long past.
 */
@Alternative
@Singleton
public class MovableClock extends Clock {

    /** Noon UTC of the real today, so fixtures dated relative to today still line up. */
    static final Instant START = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);

    private volatile Instant now = START;

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
