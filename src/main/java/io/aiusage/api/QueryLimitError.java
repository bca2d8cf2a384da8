package io.aiusage.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

/**
 * A request refused by a query limit (depth, complexity, aliases, operations) before any field ran, so before any
 * vendor call. {@code extensions} has the keys of every other error: {@code code} QUERY_LIMIT_EXCEEDED.
 */
record QueryLimitError(String message) implements GraphQLError {

    static final String CODE = "QUERY_LIMIT_EXCEEDED";

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorType.ExecutionAborted;
    }

    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", CODE);
        extensions.put("vendor", null);
        extensions.put("retryAfterSeconds", null);
        extensions.put("argument", null);
        return extensions;
    }
}
