package io.aiusage.connector.windsurf;

import static io.aiusage.connector.windsurf.WindsurfWireMock.SERVICE_KEY;
import static io.aiusage.connector.windsurf.WindsurfWireMock.json;
import static io.aiusage.connector.windsurf.WindsurfWireMock.post;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.aiusage.domain.port.VendorException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With every logger at DEBUG and REST client traffic logging on (bodies included), a failing call leaves the service
 * key in no log line, no stack trace and no exception message.
 */
@QuarkusTest
@TestProfile(WindsurfWireMockProfile.class)
class WindsurfLoggingTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    WindsurfConnector connector;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @Test
    void theServiceKeyNeverReachesALogLineOrAnExceptionAtDebug() {
        wireMock.stubFor(post("UserPageAnalytics").willReturn(json(401, "{\"error\": \"Invalid service key\"}")));
        wireMock.stubFor(post("GetTeamCreditBalance").willReturn(json(200, "{\"numSeats\": ")));

        StringBuilder logs = new StringBuilder();
        VendorException auth;
        VendorException unreadable;
        try (Capture ignored = new Capture(logs)) {
            auth = assertThrows(VendorException.class, connector::ping);
            unreadable = assertThrows(VendorException.class, connector::creditBalance);
        }

        String captured = logs.toString();
        // the traffic was logged, bodies included, so the absence of the key means something
        assertTrue(captured.contains("/api/v1/UserPageAnalytics"), captured);
        assertTrue(captured.contains("\"service_key\":\"<redacted>\""), captured);
        assertTrue(captured.contains("Invalid service key"), captured);
        assertFalse(captured.contains(SERVICE_KEY), captured);
        for (VendorException e : List.of(auth, unreadable)) {
            assertFalse(stackTrace(e).contains(SERVICE_KEY));
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** Collects every record of every logger, at DEBUG and above, while open. */
    private static final class Capture extends Handler implements AutoCloseable {
        private static final List<String> LOGGERS = List.of("", "io.aiusage", "io.quarkus", "org.jboss");

        private final StringBuilder sink;
        private final List<Level> previous;

        Capture(StringBuilder sink) {
            this.sink = sink;
            this.previous = LOGGERS.stream().map(name -> Logger.getLogger(name).getLevel()).toList();
            setLevel(Level.ALL);
            LOGGERS.forEach(name -> Logger.getLogger(name).setLevel(org.jboss.logmanager.Level.DEBUG));
            Logger.getLogger("").addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                    : new SimpleFormatter().formatMessage(record);
            sink.append(record.getLoggerName()).append(' ').append(message).append('\n');
            if (record.getThrown() != null) {
                sink.append(stackTrace(record.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
            for (int i = 0; i < LOGGERS.size(); i++) {
                Logger.getLogger(LOGGERS.get(i)).setLevel(previous.get(i));
            }
        }
    }
}
