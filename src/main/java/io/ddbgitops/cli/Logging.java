package io.ddbgitops.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Switches the Logback set-up of {@link LogbackDefaults} to what the command line asked for: the format of the lines on
 * stderr (text as always, or one JSON object per line for log collectors) and how much our own code says.
 * Libraries stay at the levels the file gives them.
 */
final class Logging {
    static final String APPENDER = "STDERR";
    private static final String OURS = "io.ddbgitops";
    private static final String IGNORE = "[ignore]";

    enum Format { TEXT, JSON }

    private Logging() {
    }

    static void configure(Format format, boolean verbose, boolean quiet) {
        if (verbose && quiet) {
            throw new IllegalArgumentException("--verbose and --quiet exclude each other");
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J backend was put on the class path on purpose: leave it alone
        }
        context.getLogger(OURS).setLevel(verbose ? Level.DEBUG : quiet ? Level.WARN : Level.INFO);
        if (format == Format.JSON) {
            ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            ConsoleAppender<ILoggingEvent> stderr = (ConsoleAppender<ILoggingEvent>) root.getAppender(APPENDER);
            if (stderr != null) {
                stderr.stop();
                stderr.setEncoder(json(context));
                stderr.start();
            }
        }
    }

    static Format format(String value) {
        try {
            return Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--log-format must be text or json, not '" + value + "'");
        }
    }

    /**
     * time (ISO-8601 with zone), level, logger, message, the MDC (table, run_id) and exception: the names log
     * pipelines expect, without the thread and version noise.
     */
    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        LogstashFieldNames names = encoder.getFieldNames();
        names.setTimestamp("time");
        names.setLogger("logger");
        names.setStackTrace("exception");
        names.setVersion(IGNORE);
        names.setThread(IGNORE);
        names.setLevelValue(IGNORE);
        encoder.setIncludeContext(false);
        encoder.start();
        return encoder;
    }
}
