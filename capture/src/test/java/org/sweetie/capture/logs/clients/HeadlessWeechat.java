package org.sweetie.capture.logs.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.sweetie.capture.live.Deadline;

/**
 * WeeChat 3.8 as {@code weechat-headless}: its own home folder, commands given at start ({@code -r}) and then
 * through its FIFO plugin as a user types them. Its logger writes {@code logs/irc.<server>.<buffer>.weechatlog}.
 * The settings changed from WeeChat's defaults: logs are written at once (the default flushes every two minutes) and
 * with the "Beginning of log" and "End of log" lines ({@code logger.file.info_lines}), which some users turn on.
 */
public final class HeadlessWeechat extends HeadlessClient {
    private final Path home;
    private final String server;
    private Path fifo;

    public HeadlessWeechat(Path home, String server, int port, String nick, String channel) throws IOException {
        super(nick, home.resolve("logs"));
        this.home = home;
        this.server = server;
        Files.createDirectories(home);
        String commands = String.join(";",
                "/set logger.file.flush_delay 0",
                "/set logger.file.info_lines on",
                "/set fifo.file.enabled on",
                "/server add " + server + " 127.0.0.1/" + port,
                "/set irc.server." + server + ".nicks " + nick,
                "/set irc.server." + server + ".autojoin " + channel,
                "/connect " + server);
        ProcessBuilder builder = new ProcessBuilder("weechat-headless", "--dir", home.toString(), "-r", commands)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true).redirectOutput(home.resolve("weechat.out").toFile());
        started(start(builder, "weechat-headless"));
        Deadline.await("WeeChat's FIFO in " + home, LIMIT, () -> (fifo = fifoIn(home)) != null);
    }

    private static Path fifoIn(Path home) {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(p -> p.getFileName().toString().startsWith("weechat_fifo")).findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Path log(String target) {
        return logs().resolve("irc." + server + "." + target.toLowerCase(Locale.ROOT) + ".weechatlog");
    }

    /**
     * The command runs in the server's buffer, as when typed there. Opening a FIFO blocks while no one reads it: a
     * WeeChat that died must fail the test, not hang it.
     */
    @Override
    public void type(String command) throws IOException {
        if (!process().isAlive()) {
            throw new IOException("WeeChat exited; see " + home.resolve("weechat.out"));
        }
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    Files.writeString(fifo, "irc.server." + server + " *" + command + "\n", StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("WeeChat did not take '" + command + "' through " + fifo, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted typing into WeeChat", e);
        }
    }

    @Override
    String quitCommand() {
        return "/quit";
    }
}
