package io.aiusage.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * What {@code /graphql} accepts over HTTP, checked by Vert.x routes ordered ahead of SmallRye's handler (which is
 * not touched):
 * <ul>
 * <li>with {@code AUTH_MODE=oidc}, a caller without a valid bearer token gets 401 with an UNAUTHENTICATED error
 * (quarkus-oidc verifies the token; its own 401 has no body), on {@code /graphql}, {@code /graphql/*} and the CSV
 * export {@code /export/*};</li>
 * <li>an operation runs from a POST with {@code Content-Type: application/json}, or from a GET for a query: a
 * cross-site form or {@code text/plain} POST (no CORS preflight) and a mutation by GET run nothing;</li>
 * <li>a body or query string that is not a GraphQL request, and a document that does not parse, get a clear error:
 * SmallRye would answer them with a generic one classified as a Java exception.</li>
 * </ul>
 */
@ApplicationScoped
public class GraphQLHttp {

    static final String PATH = "/graphql";
    /** Ahead of SmallRye's routes (order 0 and up), after Quarkus' CORS and authentication filters. */
    private static final int ORDER = -5;

    private final Access access;
    private final MemorySize maxBodySize;
    private final ParserOptions parserOptions;

    public GraphQLHttp(Access access,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens",
                    defaultValue = "15000") int maxTokens) {
        this.access = access;
        this.maxBodySize = maxBodySize;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(maxTokens));
    }

    void routes(@Observes Router router) {
        router.routeWithRegex("^" + PATH + "(/.*)?$").order(ORDER).handler(this::authenticate).failureHandler(this::failed);
        // the CSV export reveals what GraphQL does, so it asks for the same token (its roles: ExportResource)
        router.route(ExportResource.PATH + "/*").order(ORDER).handler(this::authenticate).failureHandler(this::failed);
        router.route(PATH).order(ORDER + 1).handler(this::checkMethod);
        // the body is read here, within the same limit as SmallRye's own route, which then finds it read
        router.route(HttpMethod.POST, PATH).order(ORDER + 2)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue()))
                .handler(ctx -> checkRequest(ctx, GraphQLRequestCheck.body(ctx.body().buffer())));
        router.route(HttpMethod.GET, PATH).order(ORDER + 2)
                .handler(ctx -> checkRequest(ctx, GraphQLRequestCheck.queryString(ctx.queryParams())));
    }

    /**
     * Authentication is not proactive ({@code quarkus.http.auth.proactive=false}): only the GraphQL and export paths
     * ask for the caller's identity, so the demo emulator's Tabnine endpoints keep reading their own bearer tokens.
     */
    private void authenticate(RoutingContext ctx) {
        if (!access.enforced() || ctx.request().method() == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        boolean tokenSent = ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(identity -> {
            if (identity == null || identity.isAnonymous()) {
                HttpErrors.unauthenticated(ctx, tokenSent);
            } else {
                ctx.next();
            }
        }, refused -> HttpErrors.unauthenticated(ctx, true));
    }

    /** quarkus-oidc refused the token while authenticating (a failure of the request rather than of the Uni). */
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

    private void checkMethod(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String mediaType = MediaTypes.negotiate(ctx);
        if (mediaType == null) {
            HttpErrors.send(ctx, 406, HttpErrors.NOT_ACCEPTABLE, "The Accept header allows neither "
                    + MediaTypes.GRAPHQL_RESPONSE + " nor " + MediaTypes.JSON + " (UTF-8); accept one of them.");
            return;
        }
        MediaTypes.choose(ctx, mediaType);
        if (method != HttpMethod.OPTIONS) {
            // SmallRye picks its content type from Accept on its own: it gets the negotiated one
            ctx.request().headers().set(HttpHeaders.ACCEPT, mediaType);
            ctx.addHeadersEndHandler(ignored -> answerAs(ctx, mediaType));
        }
        if (method == HttpMethod.POST) {
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (!isJson(type)) {
                HttpErrors.send(ctx, 415, HttpErrors.UNSUPPORTED_MEDIA_TYPE, (type == null ? "No Content-Type"
                        : "Content-Type " + type) + " is not accepted: POST a JSON GraphQL request with "
                        + "'Content-Type: application/json' (UTF-8), or send a query as a GET.");
                return;
            }
        } else if (method != HttpMethod.GET && method != HttpMethod.OPTIONS) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, POST");
            HttpErrors.send(ctx, 405, HttpErrors.METHOD_NOT_ALLOWED,
                    method.name() + " is not supported on " + PATH + ": POST a GraphQL request, or GET a query.");
            return;
        }
        ctx.next();
    }

    private void checkRequest(RoutingContext ctx, GraphQLRequestCheck.Checked request) {
        if (request.problem() != null) {
            HttpErrors.send(ctx, 400, HttpErrors.BAD_REQUEST, request.problem());
            return;
        }
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(request.query())
                    .parserOptions(parserOptions).build());
        } catch (InvalidSyntaxException e) {
            HttpErrors.syntax(ctx, e);
            return;
        }
        String name = request.operationName();
        if (name != null && !name.isBlank() && document.getDefinitionsOfType(OperationDefinition.class).stream()
                .noneMatch(op -> name.equals(op.getName()))) {
            // a document error like a syntax error, answered before anything runs
            HttpErrors.requestError(ctx, HttpErrors.GRAPHQL_VALIDATION_FAILED, "The document has no operation named "
                    + "\"" + name + "\"; operationName must name one of its operations.");
            return;
        }
        if (ctx.request().method() == HttpMethod.GET) {
            if (!runsAQuery(document, name)) {
                ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
                HttpErrors.send(ctx, 405, HttpErrors.METHOD_NOT_ALLOWED,
                        "Only queries run from a GET; send mutations and subscriptions as a POST.");
                return;
            }
            if (name != null && !name.isBlank()) {
                selectOperation(ctx, document, name);
            }
            encodeAgain(ctx);
        }
        ctx.next();
    }

    /**
     * SmallRye's GET handler passes the query text as the operation name, so a GET naming one operation of several
     * fails. The query parameter is narrowed here to that operation (and the fragments) and the name dropped, which
     * runs the same operation.
     */
    private static void selectOperation(RoutingContext ctx, Document document, String name) {
        Document selected = document.transform(builder -> builder.definitions(document.getDefinitions().stream()
                .filter(d -> !(d instanceof OperationDefinition op) || name.equals(op.getName())).toList()));
        ctx.queryParams().set("query", AstPrinter.printAst(selected));
        ctx.queryParams().remove("operationName");
    }

    /**
     * SmallRye URL-decodes the GET parameters Vert.x has already decoded, so a query holding {@code %} fails (HTTP
     * 500) and one holding {@code +} changes meaning. Encoding them once more here gives SmallRye back exactly what
     * the client sent.
     */
    private static void encodeAgain(RoutingContext ctx) {
        for (String parameter : List.of("query", "operationName", "variables", "extensions")) {
            String value = ctx.queryParams().get(parameter);
            if (value != null) {
                ctx.queryParams().set(parameter, URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Just before the headers go out: the negotiated media type, and 400 for a request error (no {@code data})
     * when the client accepts application/graphql-response+json; SmallRye answers 200 whatever happened.
     */
    private static void answerAs(RoutingContext ctx, String mediaType) {
        HttpServerResponse response = ctx.response();
        response.headers().set(HttpHeaders.CONTENT_TYPE, mediaType + "; charset=utf-8");
        if (response.getStatusCode() == 200 && MediaTypes.GRAPHQL_RESPONSE.equals(mediaType)
                && RequestErrors.marked(ctx)) {
            response.setStatusCode(400);
        }
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

    /** Whether the operation a GET selects is a query (several operations without a name: left to GraphQL). */
    static boolean runsAQuery(Document document, String operationName) {
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> operationName == null || operationName.isBlank() || operationName.equals(op.getName()))
                .allMatch(op -> op.getOperation() == OperationDefinition.Operation.QUERY);
    }
}
