package io.aiusage.connector.windsurf;

import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where an add-on credit cap is read: the team, one group (billing {@code group_id}, not the analytics group name) or
 * one user. Windsurf wants exactly one. A team or group cap still applies to each user separately.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditCapScope(
        @JsonProperty("team_level") Boolean teamLevel,
        @JsonProperty("group_id") String groupId,
        @JsonProperty("user_email") String userEmail) {

    public CreditCapScope {
        if (Boolean.FALSE.equals(teamLevel)
                || Stream.of(teamLevel, groupId, userEmail).filter(Objects::nonNull).count() != 1) {
            throw new IllegalArgumentException("A credit cap scope is exactly one of team, group id or user e-mail");
        }
    }

    public static CreditCapScope team() {
        return new CreditCapScope(true, null, null);
    }

    public static CreditCapScope group(String groupId) {
        return new CreditCapScope(null, groupId, null);
    }

    public static CreditCapScope user(String email) {
        return new CreditCapScope(null, null, email);
    }
}
