package io.aiusage.connector;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.Dependent;

import org.jboss.resteasy.reactive.client.api.ClientLogger;

import io.aiusage.config.TabnineConfig;
import io.aiusage.config.WindsurfConfig;
import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * REST client traffic logging ({@code quarkus.rest-client.logging.scope=request-response}) without credentials. The
 * default logger prints bodies and headers verbatim, which would put the Windsurf service key (JSON body
 * {@code service_key}) and the Tabnine token ({@code Authorization} header) into the log. Being a bean, this logger
 * replaces the default one for every REST client of the application. Dependent scope: each client gets its own
 * instance, so one client's body limit does not leak into another's.
 */
@Dependent
public class RedactingClientLogger implements ClientLogger {

    static final String REDACTED = "<redacted>";

    /** A JSON {@code "service_key": "..."} member, up to the closing quote or the end of the text. */
    private static final Pattern SERVICE_KEY = Pattern.compile("(\"service_key\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*");
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization");

    /** The configured credentials, masked wherever they show up in a body (a vendor echoing them, say). */
    private final List<String> secrets;
    private int bodySize;

    public RedactingClientLogger(WindsurfConfig windsurf, TabnineConfig tabnine) {
        this.secrets = Stream.of(windsurf.serviceKey(), tabnine.token()).flatMap(Optional::stream)
                .filter(secret -> !secret.isBlank()).toList();
    }

    @Override
    public void setBodySize(int bodySize) {
        this.bodySize = bodySize;
    }

    @Override
    public void logRequest(HttpClientRequest request, Buffer body, boolean omitBody) {
        String shownBody = omitBody ? "omitted" : body == null || body.length() == 0 ? "empty"
                : "\n" + redactBody(withoutSecrets(body.toString()), bodySize);
        Log.infof("Request: %s %s Headers[%s], Body: %s", request.getMethod(), request.absoluteURI(),
                redactHeaders(request.headers()), shownBody);
    }

    @Override
    public void logResponse(HttpClientResponse response, boolean redirect) {
        response.bodyHandler(body -> Log.infof("%s: %s %s, Status[%d %s], Headers[%s], Body:\n%s",
                redirect ? "Redirect" : "Response", response.request().getMethod(), response.request().absoluteURI(),
                response.statusCode(), response.statusMessage(), redactHeaders(response.headers()),
                redactBody(body == null ? "" : withoutSecrets(body.toString()), bodySize)));
    }

    private String withoutSecrets(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        return result;
    }

    /** The body with every service key masked, then cut to {@code limit} characters (0 or less: no limit). */
    static String redactBody(String body, int limit) {
        String redacted = SERVICE_KEY.matcher(body).replaceAll("$1" + REDACTED);
        return limit > 0 && redacted.length() > limit ? redacted.substring(0, limit) : redacted;
    }

    /** Headers as {@code name=value} pairs, credential-carrying values masked. */
    static String redactHeaders(MultiMap headers) {
        return headers.entries().stream()
                .map(h -> h.getKey() + "="
                        + (SECRET_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT)) ? REDACTED : h.getValue()))
                .collect(Collectors.joining(" "));
    }
}
