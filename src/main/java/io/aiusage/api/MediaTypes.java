package io.aiusage.api;

import io.vertx.ext.web.RoutingContext;

/** The response media type chosen for a GraphQL request, kept on its routing context. */
final class MediaTypes {

    static final String JSON = "application/json";
    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String KEY = MediaTypes.class.getName();

    private MediaTypes() {
    }

    static void choose(RoutingContext ctx, String mediaType) {
        ctx.put(KEY, mediaType);
    }

    /** The chosen media type; application/json until one was chosen. */
    static String chosen(RoutingContext ctx) {
        String chosen = ctx.get(KEY);
        return chosen == null ? JSON : chosen;
    }
}
