package io.ddbgitops.local;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** DynamoDB Local running in this JVM as an HTTP server on a free loopback port. */
final class DynamoDbLocalServer implements AutoCloseable {
    /** Held strongly: java.util.logging forgets a logger's level once nothing references the logger. */
    private static final java.util.logging.Logger SQLITE_LOG =
            java.util.logging.Logger.getLogger("com.almworks.sqlite4java");

    private final DynamoDBProxyServer proxy;
    private final int port;

    private DynamoDbLocalServer(DynamoDBProxyServer proxy, int port) {
        this.proxy = proxy;
        this.port = port;
    }

    /** dbDir empty = in memory. */
    static DynamoDbLocalServer start(Optional<Path> dbDir) throws IOException {
        NativeLibraries.ensureSqlite4java();
        quietEngineLogging();
        List<String> args = new ArrayList<>(List.of("-disableTelemetry", "-port", "8000"));
        if (dbDir.isPresent()) {
            Files.createDirectories(dbDir.get());
            args.addAll(List.of("-dbPath", dbDir.get().toString()));
        } else {
            args.add("-inMemory");
        }
        try {
            // ServerRunner.createServerFromCommandLineArgs does the same minus a configuration dump on stdout
            CommandLineInput input = new CommandLineInput(args.toArray(String[]::new));
            if (!input.init()) {
                throw new IOException("DynamoDB Local rejected its arguments " + args);
            }
            DynamoDBProxyServer proxy = ServerRunner.createServer(input);
            // after ServerRunner's static initialiser, which sets this logger to WARNING
            SQLITE_LOG.setLevel(java.util.logging.Level.SEVERE);
            ServerConnector connector = loopbackConnector(proxy);
            proxy.start();
            return new DynamoDbLocalServer(proxy, connector.getLocalPort());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Cannot start DynamoDB Local: " + e.getMessage(), e);
        }
    }

    /**
     * DynamoDB Local has no option for the bind address (it listens on every interface) and needs a fixed port.
     * Before it starts, its Jetty connector is moved to 127.0.0.1 and an ephemeral port, so nothing is exposed
     * and no port has to be guessed free.
     */
    private static ServerConnector loopbackConnector(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field serverField = DynamoDBProxyServer.class.getDeclaredField("server");
        serverField.setAccessible(true);
        Server server = (Server) serverField.get(proxy);
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        return connector;
    }

    /**
     * Jetty logs its start and stop through SLF4J at info, sqlite4java warns about its jar version through
     * java.util.logging; neither says anything the user needs. Explicit user settings win.
     */
    private static void quietEngineLogging() {
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.com.amazonaws.services.dynamodbv2", "warn");
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop DynamoDB Local on port " + port, e);
        }
    }
}
