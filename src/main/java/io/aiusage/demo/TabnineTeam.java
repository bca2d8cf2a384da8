package io.aiusage.demo;

/**
 * A Tabnine team of the demo organisation.
 *
 * @param id            deterministic UUID
 * @param syncedGroupId the IdP group the team is synced from, or null
 * @param defaultTeam   the team new users join
 */
public record TabnineTeam(String id, String name, String syncedGroupId, boolean defaultTeam) {
}
