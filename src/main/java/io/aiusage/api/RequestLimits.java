package io.aiusage.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.aiusage.config.GraphQLLimits;

/**
 * The limits graphql-java lacks, checked once the document is valid and before any field runs, so a breach never
 * reaches a vendor: aliases per document and operations per document ({@link GraphQLLimits}). It also restates the
 * depth and complexity refusals of SmallRye's instrumentations ({@code quarkus.smallrye-graphql.instrumentation-*})
 * as {@link QueryLimitError}s saying what to change, with the same {@code extensions.code}.
 */
final class RequestLimits extends SimplePerformantInstrumentation {

    private static final Pattern GRAPHQL_JAVA_LIMIT = Pattern.compile(
            "maximum query (depth|complexity) exceeded (\\d+) > (\\d+)");

    private final GraphQLLimits limits;

    RequestLimits(GraphQLLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        Document document = parameters.getExecutionContext().getDocument();
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operations.size() > limits.maxOperations()) {
            throw abort("The document holds " + operations.size() + " operations; at most " + limits.maxOperations()
                    + " are accepted in one request. Send only the operation you run.");
        }
        int aliases = 0;
        for (OperationDefinition operation : operations) {
            aliases += aliases(operation.getSelectionSet());
        }
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            aliases += aliases(fragment.getSelectionSet());
        }
        if (aliases > limits.maxAliases()) {
            throw abort("The document uses " + aliases + " aliases; at most " + limits.maxAliases() + " are accepted "
                    + "in one request. Ask for fewer aliased fields, or split the query.");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().stream().noneMatch(e -> e instanceof AbortExecutionException)) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = result.getErrors().stream().map(RequestLimits::restated).toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    /** graphql-java's "maximum query depth exceeded 14 > 12" as an error that says what to do. */
    private static GraphQLError restated(GraphQLError error) {
        Matcher m = error instanceof AbortExecutionException ? GRAPHQL_JAVA_LIMIT.matcher(error.getMessage()) : null;
        if (m == null || !m.matches()) {
            return error;
        }
        return "depth".equals(m.group(1))
                ? new QueryLimitError("The query nests fields " + m.group(2) + " levels deep; at most " + m.group(3)
                        + " are accepted. Ask for fewer nested levels, or split the query.")
                : new QueryLimitError("The query asks for " + m.group(2) + " fields (its complexity); at most "
                        + m.group(3) + " are accepted. Ask for fewer fields, or split the query.");
    }

    private static AbortExecutionException abort(String message) {
        return new AbortExecutionException(List.of(new QueryLimitError(message)));
    }

    /** Aliased fields in a selection set, fragments' own sets counted where they are defined. */
    private static int aliases(SelectionSet set) {
        if (set == null) {
            return 0;
        }
        int count = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                count += (field.getAlias() == null ? 0 : 1) + aliases(field.getSelectionSet());
            } else if (selection instanceof InlineFragment inline) {
                count += aliases(inline.getSelectionSet());
            }
        }
        return count;
    }
}
