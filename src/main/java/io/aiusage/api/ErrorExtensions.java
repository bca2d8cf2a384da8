package io.aiusage.api;

import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import io.smallrye.graphql.api.ErrorExtensionProvider;

/**
 * The extension keys beside {@code code}: {@code vendor}, {@code retryAfterSeconds}, {@code argument},
 * {@code warning}. Loaded through
 * ServiceLoader and shown only because {@code quarkus.smallrye-graphql.error-extension-fields} lists them.
 */
public final class ErrorExtensions {

    private ErrorExtensions() {
    }

    private abstract static class Base implements ErrorExtensionProvider {
        private final String key;
        private final Function<ApiError, JsonValue> value;

        Base(String key, Function<ApiError, JsonValue> value) {
            this.key = key;
            this.value = value;
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public JsonValue mapValueFrom(Throwable exception) {
            return exception instanceof ApiError e ? value.apply(e) : null;
        }
    }

    /** {@code extensions.vendor}: WINDSURF or TABNINE when one vendor caused the error. */
    public static final class VendorKey extends Base {
        public VendorKey() {
            super("vendor", e -> e.vendor() == null ? null : Json.createValue(e.vendor().name()));
        }
    }

    /** {@code extensions.retryAfterSeconds}: how long the vendor asked callers to wait, when it said. */
    public static final class RetryAfterKey extends Base {
        public RetryAfterKey() {
            super("retryAfterSeconds", e -> e.retryAfterSeconds() == null ? null : Json.createValue(e.retryAfterSeconds()));
        }
    }

    /**
     * {@code extensions.warning}: STALE (the vendor failed, its last good data was served) or PARTIAL (part of the
     * vendor's data is unknown, the rest is served); absent on plain failures.
     */
    public static final class WarningKey extends Base {
        public WarningKey() {
            super("warning", e -> e.warning() == null ? null : Json.createValue(e.warning()));
        }
    }

    /** {@code extensions.argument}: the offending argument path, e.g. {@code window.from}. */
    public static final class ArgumentKey extends Base {
        public ArgumentKey() {
            super("argument", e -> e.argument() == null ? null : Json.createValue(e.argument()));
        }
    }
}
