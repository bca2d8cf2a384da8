package io.aiusage.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;

/**
 * A half-open time window as clients send it. The ends are DateTime in the schema but arrive here as text: SmallRye
 * would otherwise reject a bad value with a message naming a Java class, while {@link Windows} answers
 * INVALID_ARGUMENT naming {@code window.from} and the expected format.
 */
@Input("WindowInput")
@Description("A half-open time window [from, to) in UTC. Both ends are RFC 3339 date-times "
        + "(e.g. 2026-01-01T00:00:00Z); from must be before to and the span at most 366 days.")
public record WindowInput(
        @NonNull @AdaptToScalar(Scalar.DateTime.class) @Description("Start, inclusive (RFC 3339).") String from,
        @NonNull @AdaptToScalar(Scalar.DateTime.class) @Description("End, exclusive (RFC 3339).") String to) {
}
