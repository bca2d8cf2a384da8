package io.aiusage.connector.windsurf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.aiusage.domain.TimeWindow;

/** Wire format of {@code POST /api/v1/Analytics} (Custom Analytics), limited to the queries the connector sends. */
final class CustomAnalytics {

    static final String USER_DATA = "QUERY_DATA_SOURCE_USER_DATA";
    static final String CHAT_DATA = "QUERY_DATA_SOURCE_CHAT_DATA";
    static final String API_KEY = "api_key";
    static final String DATE = "date";
    static final String NUM_ACCEPTANCES = "num_acceptances";
    static final String NUM_LINES_ACCEPTED = "num_lines_accepted";
    static final String NUM_CHATS_RECEIVED = "num_chats_received";

    private CustomAnalytics() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Request(String serviceKey, String groupName, Instant startTimestamp, Instant endTimestamp,
            List<Query> queryRequests) {
        /** Never the service key: a record prints every component. */
        @Override
        public String toString() {
            return "Request[serviceKey=<redacted>, groupName=" + groupName + ", startTimestamp=" + startTimestamp
                    + ", endTimestamp=" + endTimestamp + ", queryRequests=" + queryRequests + "]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Query(String dataSource, List<Selection> selections, List<Filter> filters, List<Aggregation> aggregations) {

        /**
         * SUM of each of {@code fields} grouped by {@code groupBy}, over the UTC days of {@code days} (a whole-day
         * window). Aliases equal the field names, so {@link Row} reads every query's items. Dates are filtered on as
         * well as sent as timestamps: the docs only promise timestamps for PCW data.
         */
        static Query sums(String dataSource, List<String> fields, List<String> groupBy, TimeWindow days) {
            return new Query(dataSource,
                    fields.stream().map(f -> new Selection(f, f, "QUERY_AGGREGATION_SUM")).toList(),
                    List.of(new Filter(DATE, "QUERY_FILTER_GE", days.firstDay().toString()),
                            new Filter(DATE, "QUERY_FILTER_LESS_THAN", days.endDayExclusive().toString())),
                    groupBy.stream().map(f -> new Aggregation(f, f)).toList());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Selection(String field, String name, String aggregationFunction) {
    }

    record Filter(String name, String filter, String value) {
    }

    record Aggregation(String field, String name) {
    }

    /** One result per query request, in request order (results carry nothing else to match them by). */
    record Response(@JsonProperty(required = true) List<QueryResult> queryResults) {
    }

    record QueryResult(List<Item> responseItems) {

        List<Row> rows() {
            return responseItems.stream().map(Item::item).toList();
        }
    }

    record Item(@JsonProperty(required = true) Row item) {
    }

    /**
     * One result row under the aliases the connector asks for. Every value arrives as a JSON string; a query that
     * does not select a figure leaves it 0. Every query groups by date, so a row without one is unusable.
     */
    record Row(@JsonProperty(API_KEY) String apiKey,
            @JsonProperty(value = DATE, required = true) LocalDate date,
            @JsonProperty(NUM_ACCEPTANCES) long acceptances,
            @JsonProperty(NUM_LINES_ACCEPTED) long linesAccepted,
            @JsonProperty(NUM_CHATS_RECEIVED) long chatsReceived) {
    }
}
