package io.aiusage.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The vendor call policy ({@code vendor-policy.*}): one request budget, retry and circuit breaker per vendor, shared
 * by all of that vendor's endpoints and by every request, plus the deadline of each GraphQL request. Tuned through
 * configuration (env vars such as {@code VENDOR_POLICY_TABNINE_BUDGET_RATE}), never by editing annotations.
 */
@ConfigMapping(prefix = "vendor-policy")
public interface VendorPolicyConfig {

    /** How long a GraphQL request waits for its vendors; a vendor not done by then is reported as VENDOR_TIMEOUT. */
    @WithDefault("15s")
    Duration requestDeadline();

    Policy windsurf();

    Policy tabnine();

    /** One vendor's policy. Both vendors share these defaults; application.properties sets Tabnine's budget. */
    interface Policy {
        Budget budget();

        Retry retry();

        Breaker breaker();
    }

    /** Token bucket: {@code rate} calls per {@code period} on average, up to {@code burst} at once. */
    interface Budget {
        /** Calls allowed per period once the burst is spent. */
        @WithDefault("300")
        int rate();

        @WithDefault("1m")
        Duration period();

        /** Calls allowed at once after a quiet spell (the bucket's size). */
        @WithDefault("60")
        int burst();

        /** Longest a call waits for a permit; past that it fails with VENDOR_RATE_LIMITED and retryAfterSeconds. */
        @WithDefault("5s")
        Duration maxWait();
    }

    /** Retries of 429, 502, 503, 504, connection failures and timeouts; never of 400, 401, 403, 404 or bad bodies. */
    interface Retry {
        /** Retries after the first attempt. */
        @WithDefault("2")
        int maxRetries();

        /** Back-off before the first retry; it doubles with each retry, with jitter, up to {@code max-delay}. */
        @WithDefault("500ms")
        Duration delay();

        @WithDefault("4s")
        Duration maxDelay();

        /**
         * Longest {@code Retry-After} waited for. A longer one fails the call at once and holds back every call to the
         * vendor until it has passed.
         */
        @WithDefault("5s")
        Duration retryAfterCap();

        /** No retry starts once this long has passed since the first attempt. */
        @WithDefault("30s")
        Duration maxDuration();
    }

    /** The vendor's circuit breaker, named after the vendor ({@code windsurf}, {@code tabnine}). */
    interface Breaker {
        /** Calls in the rolling window the failure ratio is measured over. */
        @WithDefault("10")
        int requestVolumeThreshold();

        /** Share of failed calls (5xx, connection failures, timeouts) in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker refuses calls before letting a trial call through. */
        @WithDefault("30s")
        Duration delay();

        /** Successful trial calls that close the breaker again. */
        @WithDefault("1")
        int successThreshold();
    }
}
