package io.aiusage.connector.tabnine;

import java.time.YearMonth;

/**
 * Seat counts of the Tabnine organization in one month ({@code GET /api/v1/organization/account-utilizations}).
 * {@code month} is a real {@link YearMonth}: Tabnine's zero-based month number (0 = January) is converted once here.
 */
public record OrganizationUtilization(YearMonth month, int registered, int deactivated, int active, int pending) {
}
