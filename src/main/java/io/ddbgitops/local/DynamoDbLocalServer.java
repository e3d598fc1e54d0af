package io.ddbgitops.local;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.server.AbstractLocalDynamoDBServerHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** DynamoDB Local running in this JVM as an HTTP server on a free loopback port. */
final class DynamoDbLocalServer implements AutoCloseable {
    /** Held strongly: java.util.logging forgets a logger's level once nothing references the logger. */
    private static final java.util.logging.Logger SQLITE_LOG =
            java.util.logging.Logger.getLogger("com.almworks.sqlite4java");

    private final DynamoDBProxyServer proxy;
    private final Map<?, ?> databases;
    private final int port;

    private DynamoDbLocalServer(DynamoDBProxyServer proxy, Map<?, ?> databases, int port) {
        this.proxy = proxy;
        this.databases = databases;
        this.port = port;
    }

    /** dbDir empty = in memory. */
    static DynamoDbLocalServer start(Optional<Path> dbDir) throws IOException {
        NativeLibraries.ensureSqlite4java();
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
            Map<?, ?> databases = databases(proxy);
            proxy.start();
            return new DynamoDbLocalServer(proxy, databases, connector.getLocalPort());
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
        Server server = (Server) field(DynamoDBProxyServer.class, "server").get(proxy);
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        return connector;
    }

    /**
     * DynamoDB Local's stop lets its background jobs (stream shard rollover, TTL) finish their sleep on non-daemon
     * threads, which keeps the JVM alive for minutes after close. Its per-database clients can interrupt them;
     * they sit in the request handler's map of databases.
     */
    private static Map<?, ?> databases(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Object serverHandler = field(DynamoDBProxyServer.class, "serverHandler").get(proxy);
        Object requestHandler = field(AbstractLocalDynamoDBServerHandler.class, "primaryHandler").get(serverHandler);
        return (Map<?, ?>) field(LocalDynamoDBRequestHandler.class, "dbRequestHandlers").get(requestHandler);
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
            for (Object database : databases.values()) {
                ((AmazonDynamoDBLocal) database).shutdownNow();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop DynamoDB Local on port " + port, e);
        }
    }
}
