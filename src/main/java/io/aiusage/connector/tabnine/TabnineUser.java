package io.aiusage.connector.tabnine;

import java.time.Instant;
import java.util.List;

import io.aiusage.domain.Team;

/**
 * One Tabnine user as {@code GET /api/v1/user/{user_id}} describes it: the only read endpoint with
 * {@code createdAt}. {@code teams} holds the user's team (Tabnine documents one), with no member count.
 */
public record TabnineUser(String userId, String organizationId, String email, String role, Instant createdAt,
        Instant updatedAt, List<Team> teams) {

    public TabnineUser {
        teams = List.copyOf(teams);
    }
}
