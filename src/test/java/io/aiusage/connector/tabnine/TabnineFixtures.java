package io.aiusage.connector.tabnine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/** Ids of the fixture organization and helpers to serve Tabnine's documented bodies from WireMock. */
final class TabnineFixtures {

    static final String TOKEN = "tn-test-token-7f3c2a91e4d84b6c";

    static final String ORG = "6f1d7c3a-93a8-4d5e-9b0e-1c2d3e4f5a60";
    static final String PLATFORM = "0b7e2a44-5c1d-4f6e-8a9b-2c3d4e5f6a71";
    static final String DATA = "1c8f3b55-6d2e-4a7f-9bac-3d4e5f6a7b82";
    static final String MOBILE = "2d9a4c66-7e3f-4b80-8cbd-4e5f6a7b8c93";

    /** Admin, active, in Platform. */
    static final String ADA = "a1a1a1a1-0000-4000-8000-000000000001";
    /** Member, active, in no team. */
    static final String BOB = "a1a1a1a1-0000-4000-8000-000000000002";
    /** Invited, not verified yet, in Data. */
    static final String CARA = "a1a1a1a1-0000-4000-8000-000000000003";
    /** Deactivated, in Platform. */
    static final String DAN = "a1a1a1a1-0000-4000-8000-000000000004";
    /** Manager, active, in no team. */
    static final String EVE = "a1a1a1a1-0000-4000-8000-000000000005";

    private TabnineFixtures() {
    }

    /** A body from {@code src/test/resources/tabnine/}. */
    static String fixture(String name) {
        try (InputStream in = TabnineFixtures.class.getResourceAsStream("/tabnine/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET that only matches when it carries the Bearer token. */
    static MappingBuilder tabnineGet(String path) {
        return get(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + TOKEN));
    }

    static RequestPatternBuilder requested(String path) {
        return getRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + TOKEN));
    }

    static ResponseDefinitionBuilder json(String fixture) {
        return jsonBody(200, fixture(fixture));
    }

    static ResponseDefinitionBuilder jsonBody(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Tabnine's error envelope. */
    static ResponseDefinitionBuilder error(int status, String code, String requestId) {
        return jsonBody(status, """
                {"error": "%s", "message": "Tabnine says: %s", "status": %d, "requestId": "%s"}"""
                .formatted(code, code.toLowerCase(), status, requestId));
    }

    /** ISO-8601 start of a UTC day, as the connector sends {@code from}/{@code to}. */
    static String midnight(LocalDate day) {
        return day + "T00:00:00Z";
    }

    /**
     * A v2 user usage answer with one active day per entry (activeUsers 1, 10 completions over 12 lines, 2 chat
     * messages using 100 input / 20 output tokens) and a zero-activity day before the earliest, as Tabnine sends it.
     */
    static String dailyUsage(String userId, LocalDate... activeDays) {
        String zeroDay = Arrays.stream(activeDays).min(LocalDate::compareTo)
                .map(first -> bucket(first.minusDays(1), 0) + ",").orElse("");
        String buckets = Arrays.stream(activeDays).map(day -> bucket(day, 1)).collect(Collectors.joining(","));
        return """
                {"organizationId": "%s", "userId": "%s", "usage": {"granularity": "daily", "data": [%s%s]}}"""
                .formatted(ORG, userId, zeroDay, buckets);
    }

    /**
     * A monthly answer over {@code [from, to)}: one bucket per calendar month (clipped to the span), active when one of
     * {@code activeDays} falls in it. Only its bounds and active users matter to the activity probe.
     */
    static String monthlyUsage(String userId, LocalDate from, LocalDate to, LocalDate... activeDays) {
        List<String> buckets = new java.util.ArrayList<>();
        for (LocalDate start = from; start.isBefore(to);) {
            LocalDate next = start.withDayOfMonth(1).plusMonths(1);
            LocalDate end = next.isBefore(to) ? next : to;
            LocalDate first = start;
            boolean active = Arrays.stream(activeDays).anyMatch(d -> !d.isBefore(first) && d.isBefore(end));
            buckets.add("""
                    {"from": "%s", "to": "%s", "activeUsers": %d}""".formatted(midnight(start), midnight(end),
                    active ? 1 : 0));
            start = end;
        }
        return """
                {"organizationId": "%s", "userId": "%s", "usage": {"granularity": "monthly", "data": [%s]}}"""
                .formatted(ORG, userId, String.join(",", buckets));
    }

    private static String bucket(LocalDate day, int active) {
        return """
                {"from": "%s", "to": "%s", "activeUsers": %d,
                 "codeCompletions": {"activeUsers": %d, "completions": %d, "charsCompleted": 300, "keystrokes": 500, "lines": %d},
                 "chat": {"activeUsers": %d, "messages": %d, "linesAdded": 0,
                          "models": [{"model": "9d2f7a10-1b2c-4d3e-8f90-0a1b2c3d4e5f", "messages": %d, "uniqueUsers": %d, "inputTokens": %d, "outputTokens": %d}]},
                 "agent": {"activeUsers": 0, "messages": 0, "linesAdded": 0, "linesAddedAccepted": 0, "linesRemoved": 0, "linesRemovedAccepted": 0, "models": []},
                 "ides": "vscode", "languages": "java"}"""
                .formatted(midnight(day), midnight(day.plusDays(1)), active, active, 10 * active, 12 * active, active,
                        2 * active, 2 * active, active, 100 * active, 20 * active);
    }

    /** A usage answer (v1 and v2 share the envelope) holding these buckets. */
    static String usageAnswer(String... buckets) {
        return """
                {"organizationId": "%s", "usage": {"granularity": "daily", "data": [%s]}}"""
                .formatted(ORG, String.join(",", buckets));
    }

    /**
     * A v2 bucket over the UTC days {@code [from, to)}: {@code n} active users, 10n completions over 12n lines, 2n chat
     * messages with 100n input and 20n output tokens, n agent messages with 4n lines accepted.
     */
    static String v2Bucket(LocalDate from, LocalDate to, int n) {
        return """
                {"from": "%s", "to": "%s", "activeUsers": %d,
                 "codeCompletions": {"activeUsers": %d, "completions": %d, "charsCompleted": 0, "keystrokes": 0, "lines": %d},
                 "chat": {"activeUsers": %d, "messages": %d, "linesAdded": 0,
                          "models": [{"model": "9d2f7a10-1b2c-4d3e-8f90-0a1b2c3d4e5f", "messages": %d, "uniqueUsers": %d, "inputTokens": %d, "outputTokens": %d}]},
                 "agent": {"activeUsers": %d, "messages": %d, "linesAdded": 0, "linesAddedAccepted": %d, "linesRemoved": 0, "linesRemovedAccepted": 0, "models": []}}"""
                .formatted(midnight(from), midnight(to), n, n, 10 * n, 12 * n, n, 2 * n, 2 * n, n, 100 * n, 20 * n,
                        n, n, 4 * n);
    }

    /**
     * A v1 bucket over the UTC days {@code [from, to)}: {@code n} active users, 7n completions over 8n lines, 3n chat
     * interactions, 2n agent interactions with 5n lines accepted, and no tokens (v1 has none).
     */
    static String v1Bucket(LocalDate from, LocalDate to, int n) {
        return """
                {"from": "%s", "to": "%s", "activeUsers": %d, "productivityFactor": 0.4, "instruct": {"acceptedCount": 0},
                 "codeCompletions": {"activeUsers": %d, "completions": %d, "charsCompleted": 0, "keystrokes": 0, "lines": %d, "automationFactor": 0.3},
                 "chat": {"activeUsers": %d, "interactions": %d, "usefulChatInteractions": 0, "lines": 0, "charsCompleted": 0, "chatConsumptionRate": 0.5},
                 "agent": {"activeUsers": %d, "interactions": %d, "linesAdded": 0, "linesAddedAccepted": %d, "linesRemoved": 0, "linesRemovedAccepted": 0}}"""
                .formatted(midnight(from), midnight(to), n, n, 7 * n, 8 * n, n, 3 * n, n, 2 * n, 5 * n);
    }

    /** One bucket per day of {@code [from, to)}, {@code v1} or v2, with {@code n(day)} active users. */
    static String[] dailyBuckets(boolean v1, LocalDate from, LocalDate to,
            java.util.function.ToIntFunction<LocalDate> n) {
        return from.datesUntil(to).map(day -> v1 ? v1Bucket(day, day.plusDays(1), n.applyAsInt(day))
                : v2Bucket(day, day.plusDays(1), n.applyAsInt(day))).toArray(String[]::new);
    }
}
