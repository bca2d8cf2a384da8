package io.aiusage.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

/**
 * Errors of batched {@code @Source List<...>} fields. SmallRye cannot return partial data from a batch (it wraps a
 * checked exception into an anonymous "System error", and a failing non-null field would blank its parents), so a
 * batch resolver returns what it has and records its errors here; they are added to {@code errors[]} when the
 * execution ends, formatted like any other error (code, vendor, retryAfterSeconds, argument).
 */
@ApplicationScoped
public class BatchErrors {

    private static final String KEY = BatchErrors.class.getName();

    private final Context context;

    public BatchErrors(Context context) {
        this.context = context;
    }

    /** Installs the reporter; SmallRye fires this event while building its GraphQL engine. */
    void install(@Observes GraphQL.Builder builder) {
        builder.instrumentation(new Reporter());
    }

    /** Records {@code error} for the field being resolved, to be reported beside the data. */
    void record(ApiError error) {
        ExecutionInput input = context.unwrap(ExecutionInput.class);
        DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
        List<GraphQLError> errors = input.getGraphQLContext().computeIfAbsent(KEY, k -> new CopyOnWriteArrayList<>());
        errors.add(new FieldError(env, error));
    }

    /** The error as SmallRye formats a resolver's exception, without graphql-java's "Exception while..." prefix. */
    static final class FieldError extends ExceptionWhileDataFetching {
        FieldError(DataFetchingEnvironment env, ApiError error) {
            super(env.getExecutionStepInfo().getPath(), error, env.getField().getSourceLocation());
        }

        @Override
        public String getMessage() {
            return getException().getMessage();
        }
    }

    /** Appends the recorded errors to the execution result. */
    static final class Reporter extends SimplePerformantInstrumentation {
        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            List<GraphQLError> recorded = parameters.getGraphQLContext().get(KEY);
            if (recorded == null || recorded.isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            return CompletableFuture.completedFuture(result.transform(builder -> builder.addErrors(recorded)));
        }
    }
}
