package io.aiusage.api;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.jboss.logmanager.ExtLogRecord;

/** Collects every record of every logger, at DEBUG and above, while open; levels are restored on close. */
final class LogCapture extends Handler implements AutoCloseable {

    private static final List<String> LOGGERS = List.of("", "io.aiusage", "io.quarkus", "org.jboss", "io.vertx",
            "io.smallrye", "org.eclipse");

    private final StringBuilder sink = new StringBuilder();
    private final List<Level> previous;

    LogCapture() {
        this.previous = LOGGERS.stream().map(name -> Logger.getLogger(name).getLevel()).toList();
        setLevel(Level.ALL);
        LOGGERS.forEach(name -> Logger.getLogger(name).setLevel(org.jboss.logmanager.Level.DEBUG));
        Logger.getLogger("").addHandler(this);
    }

    synchronized String text() {
        return sink.toString();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                : new SimpleFormatter().formatMessage(record);
        sink.append(record.getLoggerName()).append(' ').append(message).append('\n');
        if (record.getThrown() != null) {
            StringWriter out = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(out));
            sink.append(out);
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
