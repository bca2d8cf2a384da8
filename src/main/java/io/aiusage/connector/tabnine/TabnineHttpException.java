package io.aiusage.connector.tabnine;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * An HTTP error answer from Tabnine, as the REST client saw it. Internal only: {@link TabnineClient} turns it into a
 * {@link io.aiusage.domain.port.VendorException} once it knows which team or user the call was about.
 */
final class TabnineHttpException extends RuntimeException {

    /** Tabnine's error code for a feature the licence does not include (agent usage). */
    static final String FEATURE_NOT_AVAILABLE = "FEATURE_NOT_AVAILABLE";

    private final int status;
    private final String error;
    private final String requestId;
    private final String retryAfter;

    TabnineHttpException(int status, TabnineWire.ErrorBody body, String retryAfter) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.error = body == null ? null : body.error();
        this.requestId = body == null ? null : body.requestId();
        this.retryAfter = retryAfter;
    }

    /** Reads the status, Tabnine's error envelope (when the body is one) and Retry-After. */
    static TabnineHttpException of(Response response) {
        return new TabnineHttpException(response.getStatus(), envelope(response),
                response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    private static TabnineWire.ErrorBody envelope(Response response) {
        if (!response.hasEntity()) {
            return null;
        }
        try {
            return response.readEntity(TabnineWire.ErrorBody.class);
        } catch (RuntimeException notAnEnvelope) {
            // a proxy's HTML page or an empty body: the status alone has to do
            return null;
        }
    }

    int status() {
        return status;
    }

    /** Tabnine's machine-readable code ({@code UNAUTHORIZED}, {@code NOT_FOUND}, ...), or null. */
    String error() {
        return error;
    }

    String requestId() {
        return requestId;
    }

    String retryAfter() {
        return retryAfter;
    }

    boolean featureNotAvailable() {
        return status == 403 && FEATURE_NOT_AVAILABLE.equals(error);
    }
}
