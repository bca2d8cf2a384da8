package io.aiusage.domain.port;

import io.aiusage.domain.Vendor;

/**
 * Something that went wrong while the data still arrived: the vendor failed and the last good data was served
 * ({@link Kind#STALE}), or a part of the answer could not be read and is left out or unknown ({@link Kind#PARTIAL}).
 * The API reports it in {@code errors[]} like a failure, with the failure's code and vendor, so clients handle both
 * alike; the data stays in the answer.
 */
public record VendorWarning(Kind kind, VendorException failure, String message) {

    /** What the warning says about the data beside it. */
    public enum Kind {
        /** The vendor failed; its last good data (past its cache lifetime) was served. */
        STALE,
        /** Part of the vendor's data could not be read; the rest is complete. */
        PARTIAL
    }

    public Vendor vendor() {
        return failure.vendor();
    }

    /** The vendor failed; what is served is its last good data. */
    public static VendorWarning stale(VendorException failure) {
        return new VendorWarning(Kind.STALE, failure, failure.getMessage()
                + "; serving its last good data instead (freshness.stale is true)");
    }

    /** Part of the data is missing; {@code what} says which part and how the answer treats it. */
    public static VendorWarning partial(VendorException failure, String what) {
        return new VendorWarning(Kind.PARTIAL, failure, what + " (" + failure.getMessage() + ")");
    }
}
