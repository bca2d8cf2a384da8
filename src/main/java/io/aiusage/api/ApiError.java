package io.aiusage.api;

import org.eclipse.microprofile.graphql.GraphQLException;

import io.aiusage.domain.Vendor;
import io.aiusage.domain.port.VendorException;
import io.aiusage.domain.port.VendorWarning;
import io.smallrye.graphql.api.ErrorCode;

/**
 * Errors a client sees. Each subclass fixes {@code extensions.code} through {@link ErrorCode}; {@link #vendor()},
 * {@link #retryAfterSeconds()} and {@link #argument()} feed the extra extension keys (see
 * {@link ErrorExtensions}). Being a checked {@link GraphQLException}, its message reaches clients and it may carry
 * partial results, so one failing vendor never blanks the other vendor's data.
 */
public abstract class ApiError extends GraphQLException {

    private final Vendor vendor;
    private final Long retryAfterSeconds;
    private final String argument;
    private String warning;

    protected ApiError(String message, Vendor vendor, Long retryAfterSeconds, String argument, Object partialResults) {
        super(message, partialResults);
        this.vendor = vendor;
        this.retryAfterSeconds = retryAfterSeconds;
        this.argument = argument;
    }

    /**
     * The warning kind ({@code STALE}, {@code PARTIAL}) when this entry accompanies data that did arrive, null for a
     * failure. Warnings carry the failure's own code and vendor, so clients handle both alike.
     */
    public String warning() {
        return warning;
    }

    /** The {@code errors[]} entry for a warning: the failure's code and vendor, plus {@code extensions.warning}. */
    public static ApiError from(VendorWarning warning) {
        ApiError error = from(warning.failure(), warning.message(), null);
        error.warning = warning.kind().name();
        return error;
    }

    public Vendor vendor() {
        return vendor;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String argument() {
        return argument;
    }

    /** The client-facing error for a vendor failure, carrying whatever data the other vendors gave. */
    public static ApiError from(VendorException e, Object partialResults) {
        return from(e, e.getMessage(), partialResults);
    }

    /** As {@link #from(VendorException, Object)}, with a message of the caller's. */
    public static ApiError from(VendorException e, String message, Object partialResults) {
        Vendor vendor = e.vendor();
        return switch (e) {
            case VendorException.AuthFailed a -> new VendorAuthFailed(message, vendor, partialResults);
            case VendorException.RateLimited r -> new VendorRateLimited(message, vendor,
                    r.retryAfter() == null ? null : Math.max(1, r.retryAfter().toSeconds()), partialResults);
            case VendorException.Unavailable u -> new VendorUnavailable(message, vendor, partialResults);
            case VendorException.BadResponse b -> new VendorBadResponse(message, vendor, partialResults);
            case VendorException.NotFound n -> new NotFound(message, vendor, partialResults);
            case VendorException.InvalidArgument i -> new InvalidArgument(message, null, partialResults);
            case VendorException.Timeout t -> new VendorTimeout(message, vendor, partialResults);
        };
    }

    /** A client argument is wrong; the message names the argument and says how to fix it. */
    @ErrorCode("INVALID_ARGUMENT")
    public static final class InvalidArgument extends ApiError {
        public InvalidArgument(String message, String argument) {
            this(message, argument, null);
        }

        InvalidArgument(String message, String argument, Object partialResults) {
            super(message, null, null, argument, partialResults);
        }
    }

    /** A named team, group or person does not exist. */
    @ErrorCode("NOT_FOUND")
    public static final class NotFound extends ApiError {
        NotFound(String message, Vendor vendor, Object partialResults) {
            super(message, vendor, null, null, partialResults);
        }
    }

    /** The caller's token lacks the role a field needs; the message names that role. */
    @ErrorCode("FORBIDDEN")
    public static final class Forbidden extends ApiError {
        Forbidden(String message) {
            super(message, null, null, null, null);
        }
    }

    @ErrorCode("VENDOR_UNAVAILABLE")
    public static final class VendorUnavailable extends ApiError {
        VendorUnavailable(String message, Vendor vendor, Object partialResults) {
            super(message, vendor, null, null, partialResults);
        }
    }

    @ErrorCode("VENDOR_RATE_LIMITED")
    public static final class VendorRateLimited extends ApiError {
        VendorRateLimited(String message, Vendor vendor, Long retryAfterSeconds, Object partialResults) {
            super(message, vendor, retryAfterSeconds, null, partialResults);
        }
    }

    @ErrorCode("VENDOR_AUTH_FAILED")
    public static final class VendorAuthFailed extends ApiError {
        VendorAuthFailed(String message, Vendor vendor, Object partialResults) {
            super(message, vendor, null, null, partialResults);
        }
    }

    @ErrorCode("VENDOR_BAD_RESPONSE")
    public static final class VendorBadResponse extends ApiError {
        VendorBadResponse(String message, Vendor vendor, Object partialResults) {
            super(message, vendor, null, null, partialResults);
        }
    }

    /** The vendor did not answer before the request deadline; the rest of the answer went out without it. */
    @ErrorCode("VENDOR_TIMEOUT")
    public static final class VendorTimeout extends ApiError {
        VendorTimeout(String message, Vendor vendor, Object partialResults) {
            super(message, vendor, null, null, partialResults);
        }
    }
}
