package io.aiusage.api;

import org.eclipse.microprofile.graphql.Description;

/** Cursor pagination state of a connection. */
@Description("Cursor pagination state: pass endCursor as `after` to get the next page.")
public record PageInfo(
        @Description("True when more items follow this page.") boolean hasNextPage,
        @Description("Opaque cursor of the last item on this page (on an empty page, the `after` it was asked with).") String endCursor) {
}
