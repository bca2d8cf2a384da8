package io.aiusage.connector.tabnine;

import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.ProcessingException;

import com.fasterxml.jackson.core.JacksonException;

import io.aiusage.connector.RetryAfter;
import io.aiusage.connector.policy.VendorPolicy;
import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorActivity;
import io.aiusage.domain.port.VendorException;
import io.quarkus.logging.Log;

/**
 * Tabnine's failures as the shared {@link VendorException} family: HTTP statuses, unreadable answers and connection
 * failures, each with a message that says what to do. Log lines name the request and Tabnine's {@code requestId},
 * never the token or a response body (a parser's message quotes the body, so only its type is logged).
 */
final class TabnineErrors {

    private static final Vendor TABNINE = Vendor.TABNINE;

    private TabnineErrors() {
    }

    static VendorException translate(String what, String notFound, RuntimeException e, VendorActivity activity) {
        Throwable unreadable = findCause(e, JacksonException.class);
        if (unreadable != null) {
            // the parser's message quotes the body, so only its type is logged
            Log.warnf("Tabnine %s: the answer is not the documented JSON (%s)", what,
                    unreadable.getClass().getSimpleName());
            return new VendorException.BadResponse(TABNINE,
                    "Tabnine sent an unreadable answer to the " + what + " request", null);
        }
        if (e instanceof TabnineHttpException http) {
            return translate(what, notFound, http, activity);
        }
        if (e instanceof ProcessingException) {
            Log.warnf("Tabnine %s: no answer (%s)", what, rootCause(e).getClass().getSimpleName());
            return new VendorException.Unavailable(TABNINE, "Tabnine could not be reached for the " + what
                    + " request (connection failed or timed out)", e);
        }
        throw e;
    }

    private static VendorException translate(String what, String notFound, TabnineHttpException http,
            VendorActivity activity) {
        int status = http.status();
        if (status == 404) {
            Log.debugf("Tabnine %s: HTTP 404 %s (requestId %s)", what, http.error(), http.requestId());
            return new VendorException.NotFound(TABNINE,
                    notFound != null ? notFound : "Tabnine has no " + what + " (HTTP 404)");
        }
        Log.warnf("Tabnine %s: HTTP %d %s (requestId %s)", what, status, http.error(), http.requestId());
        if (status == 401) {
            return new VendorException.AuthFailed(TABNINE,
                    "Tabnine rejected the access token (HTTP 401); check TABNINE_TOKEN");
        }
        if (status == 403) {
            return new VendorException.AuthFailed(TABNINE,
                    "Tabnine refused the " + what + " request (HTTP 403); the token needs the Admin role");
        }
        if (status == 429) {
            Instant now = Instant.now();
            Duration wait = RetryAfter.parse(http.retryAfter(), now);
            if (wait != null) {
                activity.rateLimited(TABNINE, now.plus(wait));
            }
            return new VendorException.RateLimited(TABNINE, wait == null ? "Tabnine is rate limiting requests"
                    : "Tabnine is rate limiting requests; retry after " + wait.toSeconds() + "s", wait);
        }
        if (status >= 500) {
            return new VendorException.Unavailable(TABNINE,
                    "Tabnine failed to answer the " + what + " request (HTTP " + status + ")", null,
                    VendorPolicy.retryableStatus(status));
        }
        return new VendorException.InvalidArgument(TABNINE,
                "Tabnine rejected the " + what + " request (HTTP " + status + ")");
    }

    private static Throwable findCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
