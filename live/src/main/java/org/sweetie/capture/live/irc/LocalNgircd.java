package org.sweetie.capture.live.irc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real ngircd (Debian's package) on a loopback port, started and stopped by PID: the server the capture
 * benchmark and the IRC tests talk to. Open to any number of connections from one address, which a public network
 * would not be.
 */
public final class LocalNgircd implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private final Path dir;
    private final int port;
    private Process process;

    public LocalNgircd(Path dir) throws IOException {
        this(dir, freePort());
    }

    public LocalNgircd(Path dir, int port) throws IOException {
        this.dir = dir;
        this.port = port;
        Files.writeString(dir.resolve("ngircd.conf"), """
                [Global]
                Name = irc.sandbox.test
                Info = Sweetie test server
                Listen = 127.0.0.1
                Ports = %d
                ServerUID = 65534
                ServerGID = 65534
                MotdPhrase = test server
                [Limits]
                MaxConnections = 0
                MaxConnectionsIP = 0
                MaxJoins = 0
                MaxNickLength = 30
                PingTimeout = 120
                PongTimeout = 20
                [Options]
                PAM = no
                Ident = no
                DNS = no
                """.formatted(port));
        start();
    }

    public int port() {
        return port;
    }

    /** Starts the server and waits until it accepts connections. */
    public void start() throws IOException {
        // a raised file limit: the benchmark holds thousands of connections
        process = new ProcessBuilder("sh", "-c", "ulimit -n 16384 2>/dev/null; exec /usr/sbin/ngircd -n -f \"$0\"",
                dir.resolve("ngircd.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("ngircd.log").toFile()).start();
        long end = System.nanoTime() + START_LIMIT.toNanos();
        while (!accepts()) {
            if (System.nanoTime() > end) {
                throw new IOException("ngircd did not listen on port " + port + " within " + START_LIMIT);
            }
            try {
                Thread.sleep(20); // polling for the port
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting ngircd", e);
            }
        }
    }

    /** Kills the server at once (SIGKILL), as a crash or an operator would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private boolean accepts() {
        if (!process.isAlive()) {
            throw new IllegalStateException("ngircd exited: see " + dir.resolve("ngircd.log")
                    + " (is Debian's ngircd package installed?)");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
