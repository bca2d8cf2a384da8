package io.aiusage.connector.windsurf;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.aiusage.domain.Vendor;
import io.aiusage.connector.RetryAfter;
import io.aiusage.connector.policy.VendorPolicy;
import io.aiusage.domain.port.VendorException;

/**
 * Turns a Windsurf failure into the shared {@link VendorException} family. Windsurf documents its error messages but
 * not its statuses, so the message decides first and the status second. Every message here is a fixed text for API
 * clients: no vendor body and no credential.
 */
final class WindsurfErrors {

    static final String AUTH_FAILED = "Windsurf rejected the service key (check WINDSURF_SERVICE_KEY and its "
            + "permissions)";
    static final String NOT_CONFIGURED = "Windsurf is not configured (set WINDSURF_SERVICE_KEY)";
    static final String RATE_LIMITED = "Windsurf rate limit reached";
    static final String BAD_TIMESTAMP = "Windsurf rejected a timestamp of the time window";
    static final String INVALID_REQUEST = "Windsurf rejected the request as invalid";
    static final String UNREACHABLE = "Windsurf could not be reached or did not answer in time";
    static final String UNREADABLE = "Windsurf sent a response that could not be read";

    private static final Vendor WINDSURF = Vendor.WINDSURF;
    private static final String UNKNOWN_GROUP = "invalid group name:";

    private WindsurfErrors() {
    }

    /**
     * The exception for a Windsurf answer that is not data.
     *
     * @param status     HTTP status (200 when the body carried an {@code error} anyway)
     * @param error      the {@code error} member of the body, or null
     * @param retryAfter the Retry-After header, or null
     */
    static VendorException fromAnswer(int status, String error, String retryAfter, Instant now) {
        String message = error == null ? "" : error.strip();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("invalid service key") || lower.contains("insufficient permissions")) {
            return new VendorException.AuthFailed(WINDSURF, AUTH_FAILED);
        }
        if (lower.startsWith(UNKNOWN_GROUP)) {
            String group = message.substring(UNKNOWN_GROUP.length()).strip();
            return new VendorException.NotFound(WINDSURF, "Windsurf has no group named '" + group + "'");
        }
        if (status == 429 || lower.contains("too many requests")) {
            Duration wait = RetryAfter.parse(retryAfter, now);
            return new VendorException.RateLimited(WINDSURF,
                    wait == null ? RATE_LIMITED : RATE_LIMITED + "; retry after " + wait.toSeconds() + " s", wait);
        }
        if (lower.contains("invalid timestamp format")) {
            return new VendorException.InvalidArgument(WINDSURF, BAD_TIMESTAMP);
        }
        if (status == 401 || status == 403) {
            return new VendorException.AuthFailed(WINDSURF, AUTH_FAILED);
        }
        if (status >= 500) {
            return new VendorException.Unavailable(WINDSURF, "Windsurf is unavailable (HTTP " + status + ")", null,
                    VendorPolicy.retryableStatus(status));
        }
        if (status == 400 || !message.isEmpty()) {
            return new VendorException.InvalidArgument(WINDSURF, INVALID_REQUEST);
        }
        return new VendorException.BadResponse(WINDSURF, "Windsurf answered with unexpected HTTP status " + status,
                null);
    }
}
