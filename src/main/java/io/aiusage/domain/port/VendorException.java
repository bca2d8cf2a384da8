package io.aiusage.domain.port;

import java.time.Duration;

import io.aiusage.domain.Vendor;

/**
 * A vendor call that did not give usable data. Shared by every connector so the API layer maps failures to one set
 * of error codes. Messages are written for API clients: they never carry a vendor body, a credential or a class name.
 */
public abstract sealed class VendorException extends RuntimeException
        permits VendorException.AuthFailed, VendorException.RateLimited, VendorException.Unavailable,
        VendorException.BadResponse, VendorException.NotFound, VendorException.InvalidArgument,
        VendorException.Timeout {

    private final Vendor vendor;

    protected VendorException(Vendor vendor, String message, Throwable cause) {
        super(message, cause, false, false);
        this.vendor = vendor;
    }

    public Vendor vendor() {
        return vendor;
    }

    /** The GraphQL {@code extensions.code} this failure is reported under. */
    public abstract String code();

    /** Credentials rejected or lacking permission (Windsurf "Invalid service key", 401, 403). Never retried. */
    public static final class AuthFailed extends VendorException {
        public AuthFailed(Vendor vendor, String message) {
            super(vendor, message, null);
        }

        @Override
        public String code() {
            return "VENDOR_AUTH_FAILED";
        }
    }

    /** HTTP 429. {@link #retryAfter()} is the vendor's Retry-After when it sent one. */
    public static final class RateLimited extends VendorException {
        private final Duration retryAfter;

        public RateLimited(Vendor vendor, String message, Duration retryAfter) {
            super(vendor, message, null);
            this.retryAfter = retryAfter;
        }

        /** How long the vendor asked us to wait, or null when it did not say. */
        public Duration retryAfter() {
            return retryAfter;
        }

        @Override
        public String code() {
            return "VENDOR_RATE_LIMITED";
        }
    }

    /** 5xx, connection failure or timeout: worth retrying later. */
    public static final class Unavailable extends VendorException {
        private final boolean retryable;

        public Unavailable(Vendor vendor, String message, Throwable cause) {
            this(vendor, message, cause, true);
        }

        /** {@code retryable} false: a failure a quick retry will not cure (HTTP 500, 501), though the vendor is down. */
        public Unavailable(Vendor vendor, String message, Throwable cause, boolean retryable) {
            super(vendor, message, cause);
            this.retryable = retryable;
        }

        /** True for 502, 503, 504, connection failures and timeouts: the vendor call policy may retry it. */
        public boolean retryable() {
            return retryable;
        }

        @Override
        public String code() {
            return "VENDOR_UNAVAILABLE";
        }
    }

    /** The vendor answered with something we cannot read (invalid JSON, missing required field). */
    public static final class BadResponse extends VendorException {
        public BadResponse(Vendor vendor, String message, Throwable cause) {
            super(vendor, message, cause);
        }

        @Override
        public String code() {
            return "VENDOR_BAD_RESPONSE";
        }
    }

    /** A named team, group or user does not exist at the vendor. */
    public static final class NotFound extends VendorException {
        public NotFound(Vendor vendor, String message) {
            super(vendor, message, null);
        }

        @Override
        public String code() {
            return "NOT_FOUND";
        }
    }

    /** The vendor rejected a parameter (bad timestamp, invalid query). */
    public static final class InvalidArgument extends VendorException {
        public InvalidArgument(Vendor vendor, String message) {
            super(vendor, message, null);
        }

        @Override
        public String code() {
            return "INVALID_ARGUMENT";
        }
    }

    /**
     * The vendor did not answer before the GraphQL request's deadline ({@code vendor-policy.request-deadline}). Raised
     * by the domain, not by a connector: the late call goes on in the background and nothing waits for it.
     */
    public static final class Timeout extends VendorException {
        public Timeout(Vendor vendor, String message) {
            super(vendor, message, null);
        }

        @Override
        public String code() {
            return "VENDOR_TIMEOUT";
        }
    }
}
