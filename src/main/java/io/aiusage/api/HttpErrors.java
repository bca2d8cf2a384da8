package io.aiusage.api;

import java.util.List;

import graphql.parser.InvalidSyntaxException;
import io.aiusage.domain.Vendor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Errors answered at the HTTP level, before GraphQL runs (no token, a refused media type, a body that is not a
 * GraphQL request), shaped like every other error of the API: {@code {"errors": [{"message", "extensions": {code,
 * vendor, retryAfterSeconds, argument}}]}}, without {@code data}, as the GraphQL-over-HTTP spec has it for request
 * errors.
 */
final class HttpErrors {

    static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    static final String BAD_REQUEST = "BAD_REQUEST";
    static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    static final String GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    static final String GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";

    private HttpErrors() {
    }

    /** Ends the exchange with {@code status} and one error; the content type is the negotiated one. */
    static void send(RoutingContext ctx, int status, String code, String message) {
        send(ctx, status, error(code, message));
    }

    /**
     * A document that does not parse: a request error, so 400 with application/graphql-response+json and 200 with
     * application/json, as the GraphQL-over-HTTP spec recommends for each.
     */
    static void syntax(RoutingContext ctx, InvalidSyntaxException e) {
        JsonObject error = error(GRAPHQL_PARSE_FAILED, e.getMessage());
        if (e.getLocation() != null) {
            error.put("locations", new JsonArray().add(new JsonObject().put("line", e.getLocation().getLine())
                    .put("column", e.getLocation().getColumn())));
        }
        send(ctx, requestErrorStatus(ctx), error);
    }

    /** Another error of the document itself, answered like {@link #syntax}. */
    static void requestError(RoutingContext ctx, String code, String message) {
        send(ctx, requestErrorStatus(ctx), error(code, message));
    }

    private static int requestErrorStatus(RoutingContext ctx) {
        return MediaTypes.GRAPHQL_RESPONSE.equals(MediaTypes.chosen(ctx)) ? 400 : 200;
    }

    private static JsonObject error(String code, String message) {
        return error(code, message, null, null, null);
    }

    /** One error in the API's shape; also used by answers outside GraphQL (the CSV export). */
    static JsonObject error(String code, String message, Vendor vendor, Long retryAfterSeconds, String argument) {
        JsonObject extensions = new JsonObject().put("code", code).put("vendor", vendor == null ? null : vendor.name())
                .put("retryAfterSeconds", retryAfterSeconds).put("argument", argument);
        return new JsonObject().put("message", message).put("extensions", extensions);
    }

    /** {@code {"errors": [...]}}, as a request error's body. */
    static String body(List<JsonObject> errors) {
        return new JsonObject().put("errors", new JsonArray(List.copyOf(errors))).encode();
    }

    private static void send(RoutingContext ctx, int status, JsonObject error) {
        JsonObject body = new JsonObject().put("errors", new JsonArray().add(error));
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.chosen(ctx) + "; charset=utf-8")
                .end(body.encode());
    }

    /** 401 with the RFC 6750 challenge: no token, or one that was refused. */
    static void unauthenticated(RoutingContext ctx, boolean tokenSent) {
        ctx.response().putHeader("WWW-Authenticate",
                tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        send(ctx, 401, UNAUTHENTICATED, tokenSent
                ? "The bearer token was refused (expired, issued by another issuer or for another audience, or not "
                        + "signed by the issuer's keys); get a new access token from your identity provider."
                : "Authentication required: send an access token from the configured OIDC issuer as "
                        + "'Authorization: Bearer <token>'.");
    }
}
