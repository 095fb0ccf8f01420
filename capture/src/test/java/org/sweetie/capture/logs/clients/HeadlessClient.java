package org.sweetie.capture.logs.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.sweetie.capture.live.Deadline;

/**
 * A real IRC client as Debian ships it, run headless by a test: it connects to a local server, joins a channel,
 * takes commands as a user types them and writes its logs in its own format. Tests wait for what it writes, with a
 * deadline; they never sleep.
 */
public abstract class HeadlessClient implements AutoCloseable {
    static final Duration LIMIT = Duration.ofSeconds(30);

    private final String nick;
    private final Path logs;
    private Process process;

    HeadlessClient(String nick, Path logs) {
        this.nick = nick;
        this.logs = logs;
    }

    /** The persona's nick this client connects with. */
    public String nick() {
        return nick;
    }

    /** The folder the client writes its logs to. */
    public Path logs() {
        return logs;
    }

    /** The log of a conversation (a channel, or a query with this nick). */
    public abstract Path log(String target);

    /** Types a command as a user would: {@code /msg bob hi}. */
    public abstract void type(String command) throws IOException;

    abstract String quitCommand();

    void started(Process process) {
        this.process = process;
    }

    Process process() {
        return process;
    }

    /** Waits until the conversation's log holds the text. */
    public void awaitLogged(String target, String text) {
        Path log = log(target);
        Deadline.await(getClass().getSimpleName() + " to log '" + text + "' in " + log, LIMIT,
                () -> read(log).contains(text));
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Starts a program the test needs; when it is not installed the test fails (CI installs it), naming the package.
     */
    static Process start(ProcessBuilder builder, String debianPackage) throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run " + builder.command().getFirst() + " (is Debian's " + debianPackage
                    + " package installed? .ci/run installs it): " + e.getMessage(), e);
        }
    }

    /** Quits as a user would, so the client closes its logs; kills it (and its children) when it does not exit. */
    @Override
    public void close() throws IOException {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        try {
            type(quitCommand());
            Deadline.await(getClass().getSimpleName() + " to quit", LIMIT, () -> !process.isAlive());
        } catch (IOException | AssertionError e) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw e;
        }
    }
}
