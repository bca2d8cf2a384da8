package io.aiusage.api;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.aiusage.config.VendorPolicyConfig;
import io.aiusage.domain.RequestDeadline;
import io.smallrye.graphql.api.Context;

/**
 * The deadline of the GraphQL execution in progress ({@code vendor-policy.request-deadline} after it began), kept in
 * graphql-java's per-execution context so every field of one request shares it. Outside an execution (a health check,
 * say) a call gets a full deadline of its own.
 */
@ApplicationScoped
public class ExecutionDeadline implements RequestDeadline {

    private static final String DEADLINE = ExecutionDeadline.class.getName() + ".at";

    private final Context context;
    private final Duration length;

    public ExecutionDeadline(Context context, VendorPolicyConfig config) {
        this.context = context;
        this.length = config.requestDeadline();
    }

    @Override
    public Instant at() {
        Instant at = null;
        try {
            at = context.unwrap(ExecutionInput.class).getGraphQLContext().get(DEADLINE);
        } catch (RuntimeException noExecution) {
            // not inside a GraphQL execution: fall through to a deadline of its own
        }
        return at != null ? at : Instant.now().plus(length);
    }

    @Override
    public Duration length() {
        return length;
    }

    /** Starts the deadline when an execution begins, before any resolver runs. */
    Instrumentation starter() {
        return new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                    InstrumentationState state) {
                GraphQLContext execution = parameters.getGraphQLContext();
                execution.put(DEADLINE, Instant.now().plus(length));
                return super.beginExecution(parameters, state);
            }
        };
    }
}
