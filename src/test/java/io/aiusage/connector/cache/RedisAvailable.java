package io.aiusage.connector.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the Redis tests against the server named by {@code AIUSAGE_TEST_REDIS_URL} ({@code .ci/run} starts one and sets
 * it). Outside CI, without a reachable server, they are skipped with how to run them; in CI they must run, so an
 * unreachable server fails them instead.
 */
public class RedisAvailable implements ExecutionCondition {

    static final String VARIABLE = "AIUSAGE_TEST_REDIS_URL";
    private static final String HOW = "start one (redis-server --port 16379 --save '' --daemonize yes) and set "
            + VARIABLE + "=redis://localhost:16379, or run bash .ci/run, which does both";

    static String url() {
        String url = System.getenv(VARIABLE);
        return url == null || url.isBlank() ? "redis://localhost:16379" : url.strip();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (reachable(url())) {
            return ConditionEvaluationResult.enabled("Redis answers at " + url());
        }
        if (System.getenv("CI") != null) {
            throw new IllegalStateException("CI must run the Redis tests, but no Redis answers at " + url() + ": "
                    + HOW);
        }
        return ConditionEvaluationResult.disabled("No Redis answers at " + url() + "; to run these tests, " + HOW);
    }

    private static boolean reachable(String url) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[5];
            return in.read(answer) > 0 && new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
