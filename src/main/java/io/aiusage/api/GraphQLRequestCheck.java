package io.aiusage.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.MultiMap;

/**
 * Whether a body or a query string is a GraphQL-over-HTTP request: a JSON object with a string {@code query} and, if
 * present and not null, a string {@code operationName} and object {@code variables} and {@code extensions}. SmallRye
 * answers some malformed requests with a generic "Unparseable request" error classified as a Java exception and
 * breaks on others, so they are refused here first with a message saying what is wrong.
 */
final class GraphQLRequestCheck {

    /** A request: its document and operation name, or what is wrong with it. */
    record Checked(String problem, String query, String operationName) {
        static Checked wrong(String problem) {
            return new Checked(problem, null, null);
        }
    }

    private GraphQLRequestCheck() {
    }

    /** A POST body, checked. */
    static Checked body(Buffer body) {
        if (body == null || body.length() == 0 || body.toString().isBlank()) {
            return Checked.wrong("The request body is empty; POST a JSON object such as "
                    + "{\"query\": \"{ vendors { vendor } }\"}.");
        }
        Object json;
        try {
            json = Json.decodeValue(body);
        } catch (DecodeException e) {
            return Checked.wrong("The request body is not valid JSON; POST a JSON object such as "
                    + "{\"query\": \"{ vendors { vendor } }\"}.");
        }
        if (json instanceof JsonArray) {
            return Checked.wrong("The request body is a JSON array: batched requests are not supported; send one "
                    + "{\"query\": ...} object per request.");
        }
        if (!(json instanceof JsonObject request)) {
            return Checked.wrong("The request body must be a JSON object such as "
                    + "{\"query\": \"{ vendors { vendor } }\"}.");
        }
        Object query = request.getValue("query");
        if (!(query instanceof String text) || text.isBlank()) {
            return Checked.wrong(query == null
                    ? "The request has no \"query\"; send the GraphQL document as a string in \"query\"."
                    : "\"query\" must be a non-empty string holding the GraphQL document.");
        }
        Object operationName = request.getValue("operationName");
        return new Checked(problemWithParameters(operationName, request.getValue("variables"),
                request.getValue("extensions")), text, operationName instanceof String name ? name : null);
    }

    /** The query string of a GET, checked. */
    static Checked queryString(MultiMap parameters) {
        String query = parameters.get("query");
        if (query == null || query.isBlank()) {
            return Checked.wrong("A GET needs a non-empty \"query\" parameter holding the GraphQL document "
                    + "(URL-encoded).");
        }
        Object variables;
        Object extensions;
        try {
            variables = decoded(parameters.get("variables"));
            extensions = decoded(parameters.get("extensions"));
        } catch (DecodeException e) {
            return Checked.wrong("\"variables\" and \"extensions\" must be URL-encoded JSON objects.");
        }
        String operationName = parameters.get("operationName");
        return new Checked(problemWithParameters(operationName, variables, extensions), query, operationName);
    }

    private static Object decoded(String json) {
        return json == null || json.isEmpty() ? null : Json.decodeValue(json);
    }

    private static String problemWithParameters(Object operationName, Object variables, Object extensions) {
        if (operationName != null && !(operationName instanceof String)) {
            return "\"operationName\" must be a string (or null), the name of the operation to run.";
        }
        if (variables != null && !(variables instanceof JsonObject)) {
            return "\"variables\" must be a JSON object (or null) mapping variable names to values.";
        }
        if (extensions != null && !(extensions instanceof JsonObject)) {
            return "\"extensions\" must be a JSON object (or null).";
        }
        return null;
    }
}
