package io.aiusage.api;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ContextNotActiveException;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Marks the HTTP request whose GraphQL result has no {@code data}: the document did not validate, its variables did
 * not coerce, or a query limit refused it. That is a request error, which {@link GraphQLHttp} answers with HTTP 400
 * when the client accepts {@code application/graphql-response+json} (SmallRye answers 200 whatever happened).
 */
final class RequestErrors extends SimplePerformantInstrumentation {

    private static final String KEY = RequestErrors.class.getName();

    private final CurrentVertxRequest requests;

    RequestErrors(CurrentVertxRequest requests) {
        this.requests = requests;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (!result.isDataPresent()) {
            try {
                RoutingContext ctx = requests.getCurrent();
                if (ctx != null) {
                    ctx.put(KEY, Boolean.TRUE);
                }
            } catch (ContextNotActiveException notOverHttp) {
                // not an HTTP request (no status to set)
            }
        }
        return CompletableFuture.completedFuture(result);
    }

    /** Whether the GraphQL result of this request was a request error. */
    static boolean marked(RoutingContext ctx) {
        return Boolean.TRUE.equals(ctx.get(KEY));
    }
}
