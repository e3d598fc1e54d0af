package io.ddbgitops.git;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A git smart-HTTP(S) server on loopback with basic auth: the JDK's HTTP server in front of JGit's own
 * UploadPack/ReceivePack (protocol v0, stateless RPC). JGit's servlet test server needs Jetty 12.1,
 * which would clash with the Jetty 12.0 DynamoDB Local runs on.
 */
final class SmartHttpGitServer implements AutoCloseable {
    private static final String UPLOAD = "git-upload-pack";
    private static final String RECEIVE = "git-receive-pack";

    private final Repository repository;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final AtomicInteger pushesArrived = new AtomicInteger();
    private volatile CountDownLatch pushGate = new CountDownLatch(0);
    private volatile Optional<String> refusal = Optional.empty();

    SmartHttpGitServer(Path bareRepository, String user, String password) throws IOException {
        this(bareRepository, user, password, Optional.empty());
    }

    /** With a TLS context, the server speaks HTTPS and {@link #url()} is an https URL. */
    SmartHttpGitServer(Path bareRepository, String user, String password, Optional<SSLContext> tls) throws IOException {
        this.repository = new FileRepositoryBuilder().setGitDir(bareRepository.toFile()).setMustExist(true).build();
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls.isPresent()) {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
            this.server = https;
        } else {
            this.server = HttpServer.create(loopback, 0);
        }
        server.createContext("/repo.git", this::handle).setAuthenticator(new BasicAuthenticator("git") {
            @Override
            public boolean checkCredentials(String u, String p) {
                return user.equals(u) && password.equals(p);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Pushes that arrive from now on wait until {@link #releasePushes()} (or until the server closes). */
    void holdPushes() {
        pushGate = new CountDownLatch(1);
    }

    void releasePushes() {
        pushGate.countDown();
    }

    /** How many pushes (receive-pack requests) have arrived so far, held or not. */
    int pushesArrived() {
        return pushesArrived.get();
    }

    /** From now on a pre-receive hook refuses every ref update with {@code reason}, as a protected branch does. */
    void refusePushes(String reason) {
        refusal = Optional.of(reason);
    }

    /** The repository's URL, without credentials. */
    String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort() + "/repo.git";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/repo.git".length());
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            if ("GET".equals(exchange.getRequestMethod()) && path.equals("/info/refs") && query.startsWith("service=")) {
                advertise(exchange, query.substring("service=".length()));
            } else if ("POST".equals(exchange.getRequestMethod()) && (path.equals("/" + UPLOAD) || path.equals("/" + RECEIVE))) {
                serve(exchange, path.substring(1));
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void advertise(HttpExchange exchange, String service) throws IOException {
        if (!service.equals(UPLOAD) && !service.equals(RECEIVE)) {
            exchange.sendResponseHeaders(403, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-" + service + "-advertisement");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            PacketLineOut packets = new PacketLineOut(out);
            packets.writeString("# service=" + service + "\n");
            packets.end();
            if (service.equals(UPLOAD)) {
                UploadPack upload = new UploadPack(repository);
                upload.setBiDirectionalPipe(false);
                upload.sendAdvertisedRefs(new PacketLineOutRefAdvertiser(packets));
            } else {
                ReceivePack receive = new ReceivePack(repository);
                receive.setBiDirectionalPipe(false);
                receive.sendAdvertisedRefs(new PacketLineOutRefAdvertiser(packets));
            }
        }
    }

    private void serve(HttpExchange exchange, String service) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-" + service + "-result");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            if (service.equals(UPLOAD)) {
                UploadPack upload = new UploadPack(repository);
                upload.setBiDirectionalPipe(false);
                upload.upload(in, out, null);
            } else {
                receive(in, out);
            }
        }
    }

    private void receive(InputStream in, OutputStream out) throws IOException {
        pushesArrived.incrementAndGet();
        try {
            pushGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        ReceivePack receive = new ReceivePack(repository);
        receive.setBiDirectionalPipe(false);
        refusal.ifPresent(reason -> receive.setPreReceiveHook((pack, commands) ->
                commands.forEach(c -> c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, reason))));
        receive.receive(in, out, null);
    }

    @Override
    public void close() {
        releasePushes();
        server.stop(0);
        executor.shutdownNow();
        repository.close();
    }
}
