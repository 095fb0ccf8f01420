package org.sweetie.capture.live.xmpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.sweetie.capture.live.Deadline;

/** A real Prosody (Debian's package) on free loopback ports, with a virtual host and a MUC component. */
public final class Prosody implements AutoCloseable {
    public static final String DOMAIN = "sandbox.test";
    public static final String ROOMS = "rooms.sandbox.test";

    private final Path dir;
    private final Path config;
    private final int port;
    private Process process;

    public Prosody(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        this.port = freePort();
        Files.createDirectories(dir.resolve("data"));
        config = dir.resolve("prosody.cfg.lua");
        Files.writeString(config, """
                run_as_root = true
                daemonize = false
                pidfile = "%1$s/prosody.pid"
                data_path = "%1$s/data"
                interfaces = { "127.0.0.1" }
                c2s_ports = { %2$d }
                s2s_ports = { }
                component_ports = { }
                http_ports = { }
                https_ports = { }
                c2s_require_encryption = false
                allow_unencrypted_plain_auth = true
                authentication = "internal_plain"
                storage = "internal"
                log = { { levels = { min = "info" }, to = "file", filename = "%1$s/prosody.log" } }
                modules_enabled = { "roster"; "saslauth"; "disco"; "ping"; "presence"; "offline"; "version"; }
                modules_disabled = { "tls"; "s2s"; }
                VirtualHost "%3$s"
                Component "%4$s" "muc"
                """.formatted(dir, port, DOMAIN, ROOMS));
        start();
    }

    public int port() {
        return port;
    }

    /** Registers an account (prosodyctl, as an administrator would). */
    public void register(String user, String password) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("prosodyctl", "--config", config.toString(), "register", user, DOMAIN,
                password).redirectErrorStream(true).redirectOutput(dir.resolve("prosodyctl.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IOException("prosodyctl register " + user + " failed: see " + dir.resolve("prosodyctl.log"));
        }
    }

    public void start() throws IOException {
        process = new ProcessBuilder("prosody", "--config", config.toString(), "-F").redirectErrorStream(true)
                .redirectOutput(dir.resolve("prosody.out").toFile()).start();
        Deadline.await("prosody on port " + port, Duration.ofSeconds(20), this::accepts);
    }

    /** Kills the server at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private boolean accepts() {
        if (!process.isAlive()) {
            throw new AssertionError("prosody exited: see " + dir.resolve("prosody.out"));
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
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
