package io.aiusage.api;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests where headless Chromium and its chromedriver are installed. Outside CI, without them, the
 * tests are skipped with how to run them; in CI they must run, so a missing browser fails them instead.
 */
public class ChromiumAvailable implements ExecutionCondition {

    static final String MISSING = "No headless Chromium with chromedriver found (looked for chromium, "
            + "chromium-browser or google-chrome and chromedriver on the PATH, or CHROME_BIN and CHROMEDRIVER); "
            + "install Debian's packages (apt-get install -y chromium chromium-driver) or run bash .ci/run, which does";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Browser.find().isPresent()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
        }
        if (System.getenv("CI") != null) {
            throw new IllegalStateException("CI must run the browser tests. " + MISSING + ".");
        }
        return ConditionEvaluationResult.disabled(MISSING + ", to run the browser tests.");
    }
}
