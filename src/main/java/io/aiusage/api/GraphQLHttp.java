package io.aiusage.api;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What {@code /graphql} accepts over HTTP, checked before SmallRye's handler runs (Vert.x routes ordered ahead of
 * it; SmallRye's handler itself is not touched):
 * <ul>
 * <li>with {@code AUTH_MODE=oidc}, a caller without a valid bearer token gets 401 with an UNAUTHENTICATED error
 * (quarkus-oidc verifies the token; its own 401 has no body), on {@code /graphql} and {@code /graphql/*};</li>
 * <li>an operation runs from a POST with {@code Content-Type: application/json}, or from a GET for a query: a
 * cross-site form or {@code text/plain} POST (no CORS preflight) and a mutation by GET run nothing.</li>
 * </ul>
 */
@ApplicationScoped
public class GraphQLHttp {

    static final String PATH = "/graphql";
    /** Ahead of SmallRye's routes (order 0 and up), after Quarkus' CORS and authentication filters. */
    private static final int ORDER = -5;

    private final Access access;

    public GraphQLHttp(Access access) {
        this.access = access;
    }

    void routes(@Observes Router router) {
        router.routeWithRegex("^" + PATH + "(/.*)?$").order(ORDER).handler(this::authenticate).failureHandler(this::failed);
        router.route(PATH).order(ORDER + 1).handler(this::checkRequest);
    }

    private void authenticate(RoutingContext ctx) {
        if (!access.enforced() || ctx.request().method() == HttpMethod.OPTIONS
                || ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            ctx.next();
            return;
        }
        HttpErrors.unauthenticated(ctx, ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null);
    }

    /** quarkus-oidc refused the token (proactive authentication fails the request before any route runs). */
    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            HttpErrors.unauthenticated(ctx, ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null);
        } else if (ctx.statusCode() == 413) {
            HttpErrors.send(ctx, 413, HttpErrors.PAYLOAD_TOO_LARGE, "The request body is larger than the service "
                    + "accepts (quarkus.http.limits.max-body-size); send a shorter query.");
        } else {
            ctx.next();
        }
    }

    private void checkRequest(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.POST) {
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (!isJson(type)) {
                HttpErrors.send(ctx, 415, HttpErrors.UNSUPPORTED_MEDIA_TYPE, (type == null ? "No Content-Type"
                        : "Content-Type " + type) + " is not accepted: POST a JSON GraphQL request with "
                        + "'Content-Type: application/json' (UTF-8), or send a query as a GET.");
                return;
            }
        } else if (method == HttpMethod.GET) {
            if (isMutation(ctx.queryParams().get("query"), ctx.queryParams().get("operationName"))) {
                ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
                HttpErrors.send(ctx, 405, HttpErrors.METHOD_NOT_ALLOWED,
                        "Only queries run from a GET; send mutations and subscriptions as a POST.");
                return;
            }
        } else if (method != HttpMethod.OPTIONS) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, POST");
            HttpErrors.send(ctx, 405, HttpErrors.METHOD_NOT_ALLOWED,
                    method.name() + " is not supported on " + PATH + ": POST a GraphQL request, or GET a query.");
            return;
        }
        ctx.next();
    }

    /** {@code application/json}, with no charset or UTF-8. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].strip().equals(MediaTypes.JSON)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").equals("utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** Whether the operation a GET would run is not a query; a document that does not parse is left to GraphQL. */
    static boolean isMutation(String query, String operationName) {
        if (query == null || query.isBlank()) {
            return false;
        }
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException unparseable) {
            return false;
        }
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> operationName == null || operationName.isBlank() || operationName.equals(op.getName()))
                .anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY);
    }
}
