import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on 127.0.0.1 that delays every byte by half the configured round trip in each direction, so one HTTP
 * request/response exchange costs one round trip more than on loopback (a new connection's first request as well:
 * the TCP handshake itself is not delayed). Bytes are delivered in order at their due time, so several requests on
 * one connection and many connections do not queue behind each other's delay: it is latency, not a bandwidth limit.
 *
 * It also notes, for the start-up measurements, the wall-clock time (epoch nanoseconds) of the first accepted
 * connection ("conn") and of the first client bytes containing a marker string ("mark", e.g. DescribeTable), in an
 * events file. JDK only, no dependencies.
 *
 * Usage: java DelayProxy.java --target PORT --rtt-ms 10 --port-file F [--events F] [--mark STRING]
 */
public final class DelayProxy {
    private static final byte[] EOF = new byte[0];

    private final InetSocketAddress target;
    private final long oneWayNanos;
    private final byte[] mark;
    private final Path events;
    private final AtomicBoolean connSeen = new AtomicBoolean();
    private final AtomicBoolean markSeen = new AtomicBoolean();

    private DelayProxy(int targetPort, double rttMs, String mark, Path events) {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.oneWayNanos = (long) (rttMs * 1_000_000 / 2);
        this.mark = mark == null ? new byte[0] : mark.getBytes(StandardCharsets.US_ASCII);
        this.events = events;
    }

    public static void main(String[] args) throws IOException {
        int targetPort = -1;
        double rtt = 10;
        Path portFile = null;
        Path events = null;
        String mark = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--target" -> targetPort = Integer.parseInt(args[i + 1]);
                case "--rtt-ms" -> rtt = Double.parseDouble(args[i + 1]);
                case "--port-file" -> portFile = Path.of(args[i + 1]);
                case "--events" -> events = Path.of(args[i + 1]);
                case "--mark" -> mark = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (targetPort < 0 || portFile == null) {
            throw new IllegalArgumentException("usage: DelayProxy --target PORT --rtt-ms MS --port-file F "
                    + "[--events F] [--mark STRING]");
        }
        new DelayProxy(targetPort, rtt, mark, events).serve(portFile);
    }

    private void serve(Path portFile) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress())) {
            Path tmp = Path.of(portFile + ".tmp");
            Files.writeString(tmp, Integer.toString(server.getLocalPort()));
            Files.move(tmp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            while (true) {
                Socket client = server.accept();
                if (connSeen.compareAndSet(false, true)) {
                    event("conn");
                }
                start(client);
            }
        }
    }

    private void start(Socket client) {
        Socket upstream = new Socket();
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(target);
            pump(client, upstream, true);
            pump(upstream, client, false);
        } catch (IOException e) {
            close(client);
            close(upstream);
        }
    }

    /** One direction: a reader that stamps each chunk with its due time, a writer that delivers it then. */
    private void pump(Socket from, Socket to, boolean clientToServer) throws IOException {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            byte[] tail = new byte[0];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    long due = System.nanoTime() + oneWayNanos;
                    byte[] bytes = Arrays.copyOf(buffer, n);
                    if (clientToServer && mark.length > 0 && !markSeen.get()) {
                        tail = scan(tail, bytes);
                    }
                    queue.add(new Chunk(due, bytes));
                }
            } catch (IOException closed) {
                // the peer went away: end this direction as if at EOF
            }
            queue.add(new Chunk(System.nanoTime() + oneWayNanos, EOF));
        }, "proxy-read");
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    Chunk chunk = queue.take();
                    long wait;
                    while ((wait = chunk.due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (chunk.bytes == EOF) {
                        to.shutdownOutput();
                        break;
                    }
                    out.write(chunk.bytes);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                close(from);
                close(to);
            }
            closeIfDone(from, to);
        }, "proxy-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    /** Looks for the marker across chunk boundaries; returns the bytes to carry over to the next chunk. */
    private byte[] scan(byte[] tail, byte[] bytes) {
        byte[] joined = new byte[tail.length + bytes.length];
        System.arraycopy(tail, 0, joined, 0, tail.length);
        System.arraycopy(bytes, 0, joined, tail.length, bytes.length);
        outer:
        for (int i = 0; i + mark.length <= joined.length; i++) {
            for (int j = 0; j < mark.length; j++) {
                if (joined[i + j] != mark[j]) {
                    continue outer;
                }
            }
            if (markSeen.compareAndSet(false, true)) {
                event("mark");
            }
            break;
        }
        int keep = Math.min(mark.length - 1, joined.length);
        return Arrays.copyOfRange(joined, joined.length - keep, joined.length);
    }

    private static void closeIfDone(Socket a, Socket b) {
        if (a.isOutputShutdown() && b.isOutputShutdown()) {
            close(a);
            close(b);
        }
    }

    private synchronized void event(String name) {
        if (events == null) {
            return;
        }
        Instant now = Instant.now();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(events, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
            w.println(name + " " + nanos);
        } catch (IOException e) {
            System.err.println("proxy: cannot write " + events + ": " + e);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private record Chunk(long due, byte[] bytes) {}
}
