package org.sweetie.capture.live.irc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.sweetie.capture.live.Deadline;

/** A real ngircd (Debian's package) on a free loopback port, started and stopped by PID for one test class. */
public final class Ngircd implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    public Ngircd(Path dir) throws IOException {
        this(dir, freePort());
    }

    public Ngircd(Path dir, int port) throws IOException {
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
        process = new ProcessBuilder("/usr/sbin/ngircd", "-n", "-f", dir.resolve("ngircd.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("ngircd.log").toFile()).start();
        Deadline.await("ngircd on port " + port, Duration.ofSeconds(20), this::accepts);
    }

    /** Kills the server at once (SIGKILL), as a crash or an operator would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private boolean accepts() {
        if (!process.isAlive()) {
            throw new AssertionError("ngircd exited: see " + dir.resolve("ngircd.log"));
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
