package io.aiusage.connector.windsurf;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Wire format of {@code POST /api/v1/UserPageAnalytics}: the seat table of Windsurf's Teams page. */
final class UserPageAnalytics {

    private UserPageAnalytics() {
    }

    /** Timestamps only scope {@code activeDays}; without them Windsurf uses the last year. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Request(String serviceKey, String groupName, Instant startTimestamp, Instant endTimestamp) {
        /** Never the service key: a record prints every component. */
        @Override
        public String toString() {
            return "Request[serviceKey=<redacted>, groupName=" + groupName + ", startTimestamp=" + startTimestamp
                    + ", endTimestamp=" + endTimestamp + "]";
        }
    }

    /** {@code error} is in the documented schema: a failure may arrive with HTTP 200. */
    record Response(List<UserStats> userTableStats, Instant billingCycleStart, Instant billingCycleEnd, String error) {
    }

    /**
     * One seat. Windsurf omits zero and empty fields, sends {@code disableCodeium} only when true and leaves
     * {@code teamStatus} out when it is the protobuf default (UNSPECIFIED). The e-mail is what people are merged on,
     * so a row without one is unusable.
     */
    record UserStats(String name, @JsonProperty(required = true) String email, Instant lastUpdateTime, String apiKey,
            int activeDays, boolean disableCodeium, String role, Instant signupTime, Instant lastAutocompleteUsageTime,
            Instant lastChatUsageTime, Instant lastCommandUsageTime, int promptCreditsUsed, TeamStatus teamStatus) {

        UserStats {
            teamStatus = teamStatus == null ? TeamStatus.USER_TEAM_STATUS_UNSPECIFIED : teamStatus;
        }
    }

    /** Membership state; a value newer than this list decodes as UNKNOWN instead of failing the whole table. */
    enum TeamStatus {
        USER_TEAM_STATUS_UNSPECIFIED,
        USER_TEAM_STATUS_PENDING,
        USER_TEAM_STATUS_APPROVED,
        USER_TEAM_STATUS_REJECTED,
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
