package io.aiusage.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock Windsurf that answers Custom Analytics and CascadeAnalytics for whatever window it is asked, with
 * figures that depend only on the day: so a cached answer and a cold one can be compared over any window. Each day
 * {@code k1} is active, {@code k2} on even epoch days, {@code k3} on every third: distinct users differ by period.
 */
public class WindsurfDays implements ResponseDefinitionTransformerV2 {

    static final String NAME = "windsurf-days";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        try {
            JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
            LocalDate from = day(body.get("start_timestamp").asText());
            LocalDate to = day(body.get("end_timestamp").asText());
            String answer = event.getRequest().getUrl().endsWith("/CascadeAnalytics") ? cascade(from, to)
                    : analytics(from, to);
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withBody(answer).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate day(String timestamp) {
        return LocalDate.ofInstant(Instant.parse(timestamp), ZoneOffset.UTC);
    }

    private static List<String> users(long epochDay) {
        List<String> users = new ArrayList<>(List.of("k1"));
        if (epochDay % 2 == 0) {
            users.add("k2");
        }
        if (epochDay % 3 == 0) {
            users.add("k3");
        }
        return users;
    }

    private static String analytics(LocalDate from, LocalDate to) {
        List<String> completions = new ArrayList<>();
        List<String> chats = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            long e = d.toEpochDay();
            for (String user : users(e)) {
                completions.add("{\"item\": {\"api_key\": \"%s\", \"date\": \"%s\", \"num_acceptances\": \"%d\", "
                        .formatted(user, d, e % 5 + 1) + "\"num_lines_accepted\": \"%d\"}}".formatted(2 * (e % 5 + 1)));
                chats.add("{\"item\": {\"api_key\": \"%s\", \"date\": \"%s\", \"num_chats_received\": \"%d\"}}"
                        .formatted(user, d, e % 3));
            }
        }
        return "{\"queryResults\": [{\"responseItems\": [" + String.join(",", completions)
                + "]}, {\"responseItems\": [" + String.join(",", chats) + "]}]}";
    }

    private static String cascade(LocalDate from, LocalDate to) {
        List<String> lines = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            long e = d.toEpochDay();
            lines.add("{\"day\": \"%sT00:00:00Z\", \"linesAccepted\": \"%d\"}".formatted(d, e % 7));
            runs.add("{\"day\": \"%sT00:00:00Z\", \"messagesSent\": \"%d\", \"promptsUsed\": \"%d\"}"
                    .formatted(d, e % 4, 25 * (e % 3)));
        }
        return "{\"queryResults\": [{\"cascadeLines\": {\"cascadeLines\": [" + String.join(",", lines)
                + "]}}, {\"cascadeRuns\": {\"cascadeRuns\": [" + String.join(",", runs) + "]}}]}";
    }
}
