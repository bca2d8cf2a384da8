package io.aiusage.api;

import java.util.List;
import java.util.Locale;

import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;

/**
 * The response media type of a GraphQL request, as the GraphQL-over-HTTP spec has it:
 * {@code application/graphql-response+json} when the client accepts it (first by preference), otherwise
 * {@code application/json}, also for {@code *}{@code /*}, {@code application/*} and no {@code Accept} at all; always
 * UTF-8. Kept on the routing context, so every answer of the request (SmallRye's or an error of the service's) uses it.
 */
final class MediaTypes {

    static final String JSON = "application/json";
    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String KEY = MediaTypes.class.getName();

    private MediaTypes() {
    }

    /** The type to answer with, or null when the client accepts neither (nor UTF-8). */
    static String negotiate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Accept");
        if (header == null || header.isBlank()) {
            return JSON;
        }
        List<MIMEHeader> accepted = ctx.parsedHeaders().accept();
        for (MIMEHeader range : accepted) {
            String charset = range.parameter("charset");
            if (charset != null && !charset.strip().equalsIgnoreCase("utf-8")) {
                return null;
            }
        }
        for (MIMEHeader range : accepted) {
            if (range.weight() <= 0) {
                continue; // q=0
            }
            String type = range.component().toLowerCase(Locale.ROOT) + "/" + range.subComponent().toLowerCase(Locale.ROOT);
            if (type.equals(GRAPHQL_RESPONSE)) {
                return GRAPHQL_RESPONSE;
            }
            if (type.equals(JSON) || type.equals("*/*") || type.equals("application/*")) {
                return JSON;
            }
        }
        return null;
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
