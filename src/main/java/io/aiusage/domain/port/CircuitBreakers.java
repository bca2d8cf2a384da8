package io.aiusage.domain.port;

import io.aiusage.domain.Vendor;

/**
 * The state of each vendor's circuit breaker, read by {@code vendors { healthy }} and by operators (health checks and
 * metrics). The vendor call policy in the adapters keeps the breakers; the domain only reads them.
 */
public interface CircuitBreakers {

    /** A breaker's state, as SmallRye Fault Tolerance names them. */
    enum State {
        /** Calls go to the vendor. */
        CLOSED,
        /** Calls fail at once without reaching the vendor, after repeated failures. */
        OPEN,
        /** A few trial calls go through to see whether the vendor is back. */
        HALF_OPEN
    }

    /** The state of {@code vendor}'s breaker; CLOSED for a vendor without one. */
    State state(Vendor vendor);
}
