package io.aiusage.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When the answer to the current request must go out, whatever the vendors still owe. The API layer starts it when a
 * GraphQL execution begins, so every wait of that request (several root fields, per-person fields) shares one deadline;
 * {@link Concurrently#each} stops waiting for a vendor once it passes.
 */
public interface RequestDeadline {

    /** The instant the current request's answer is due; outside a request, one full deadline from now. */
    Instant at();

    /** The configured length of a request's deadline, for messages. */
    Duration length();
}
