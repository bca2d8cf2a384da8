package io.aiusage.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.DataFetchingEnvironment;
import io.aiusage.domain.Person;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.api.Context;

/**
 * State of one GraphQL execution, kept in graphql-java's per-execution context:
 * <ul>
 * <li>memoised results, so a field resolved for many parents (e.g. {@code Person.usage} for a page of people) costs
 * one bulk vendor fetch, computed for every person the execution has returned so far. Per-parent resolvers are used
 * instead of SmallRye's {@code @Source List} batching because a batch gets the arguments of the field's first
 * occurrence only ({@code day: usage(DAY) total: usage(TOTAL)} would both be DAY);</li>
 * <li>errors reported once for such a field, added to {@code errors[]} when the execution ends, formatted like any
 * resolver error (code, vendor, retryAfterSeconds, argument), while the field keeps the data that did arrive.</li>
 * </ul>
 */
@ApplicationScoped
public class Execution {

    private static final String ERRORS = Execution.class.getName() + ".errors";
    private static final String PEOPLE = Execution.class.getName() + ".people";
    /** The caller's identity, put there by {@link FieldAccess} when roles are enforced. */
    static final String CALLER = Execution.class.getName() + ".caller";

    private final Context context;

    public Execution(Context context) {
        this.context = context;
    }

    /** The value memoised under {@code key} for this execution, computing it on first use. */
    @SuppressWarnings("unchecked")
    <T> T memo(Object key, Supplier<T> compute) {
        return (T) graphQLContext().computeIfAbsent(key, k -> compute.get());
    }

    /** Remembers people this execution returns, so per-person fields can fetch for all of them at once. */
    void returned(List<Person> people) {
        Map<String, Person> seen = graphQLContext().computeIfAbsent(PEOPLE, k -> new LinkedHashMap<>());
        synchronized (seen) {
            people.forEach(p -> seen.putIfAbsent(p.id(), p));
        }
    }

    /** Every person returned so far, plus {@code current} in case it came from elsewhere. */
    List<Person> returnedWith(Person current) {
        Map<String, Person> seen = graphQLContext().computeIfAbsent(PEOPLE, k -> new LinkedHashMap<>());
        synchronized (seen) {
            seen.putIfAbsent(current.id(), current);
            return new ArrayList<>(seen.values());
        }
    }

    /**
     * Reports {@code error} at the field being resolved, once per field: the same message reported again by the same
     * field under another parent (another person of a page, say) is dropped, so a vendor failure shows as one error,
     * not one per person. Two vendors failing are two errors, each with its own code and vendor.
     */
    void report(ApiError error) {
        DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
        List<FieldError> errors = graphQLContext().computeIfAbsent(ERRORS, k -> new CopyOnWriteArrayList<>());
        FieldError candidate = new FieldError(env, error);
        synchronized (errors) {
            if (errors.stream().noneMatch(known -> known.sameAs(candidate))) {
                errors.add(candidate);
            }
        }
    }

    /** The caller of this execution; null when roles are not enforced ({@code AUTH_MODE=none}). */
    SecurityIdentity caller() {
        return graphQLContext().get(CALLER);
    }

    private GraphQLContext graphQLContext() {
        return context.unwrap(graphql.ExecutionInput.class).getGraphQLContext();
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

        /** The same message at the same field, whatever the list indexes on the way there. */
        boolean sameAs(FieldError other) {
            return Objects.equals(getMessage(), other.getMessage()) && fieldPath().equals(other.fieldPath());
        }

        private List<Object> fieldPath() {
            return getPath().stream().filter(segment -> !(segment instanceof Integer)).toList();
        }
    }

    /** Appends the reported errors to the execution result; installed by {@link GraphQLEngine}. */
    static final class Reporter extends SimplePerformantInstrumentation {
        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            List<GraphQLError> reported = parameters.getGraphQLContext().get(ERRORS);
            if (reported == null || reported.isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            return CompletableFuture.completedFuture(result.transform(builder -> builder.addErrors(reported)));
        }
    }
}
