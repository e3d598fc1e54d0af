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
    private final DynamoDBProxyServer proxy;
    private final int port;

    private DynamoDbLocalServer(DynamoDBProxyServer proxy, int port) {
        this.proxy = proxy;
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
