package io.ddbgitops.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * The logging set-up, in code rather than a {@code logback.xml}: parsing XML at every start (Logback's Joran, SAX
 * and their few hundred classes) cost more of the start-up than anything it configures. Progress of a run goes to
 * stderr; libraries only speak up when something is wrong. The command line then switches format and level
 * ({@link Logging}). A configuration file named with {@code -Dlogback.configurationFile} still wins.
 * Found by Logback through {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}.
 */
public final class LogbackDefaults extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss} [%level] %logger{0} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getStatusManager().add(new NopStatusListener());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName(Logging.APPENDER);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        // Jetty logs its start and stop at info; DynamoDB Local warns, with a stack trace, about every client error
        // it answers (a missing table, say): neither says anything the user needs.
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("com.amazonaws.services.dynamodbv2").setLevel(Level.ERROR);
        context.getLogger("io.ddbgitops").setLevel(Level.INFO);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
