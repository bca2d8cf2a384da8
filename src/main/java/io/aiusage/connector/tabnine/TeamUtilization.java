package io.aiusage.connector.tabnine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Seat counts of one Tabnine team as Tabnine itself counts them ({@code GET /api/v1/team/account-utilizations}),
 * decoded as sent. Useful beside the activity-derived counts because it includes invitations.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TeamUtilization(int registered, int deactivated, int invited) {
}
