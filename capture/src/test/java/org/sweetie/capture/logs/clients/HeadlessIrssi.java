package org.sweetie.capture.logs.clients;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * irssi 1.4 in a pseudo-terminal made by {@code script} (irssi needs a terminal), with its own home folder and
 * config; commands are typed into the terminal. Its autolog writes {@code irclogs/<network>/<target>.log} in the
 * default theme with the default timestamps ({@code HH:MM}). The one setting changed from irssi's defaults is
 * autolog itself, which every irssi user who keeps logs turns on.
 */
public final class HeadlessIrssi extends HeadlessClient {
    private final String network;
    private final OutputStream terminal;

    public HeadlessIrssi(Path home, String network, int port, String nick, String channel) throws IOException {
        super(nick, home.resolve("irclogs").resolve(network));
        this.network = network;
        Files.createDirectories(home);
        Files.writeString(home.resolve("config"), """
                servers = ( { address = "127.0.0.1"; chatnet = "%1$s"; port = "%2$d"; autoconnect = "yes"; } );
                chatnets = { %1$s = { type = "IRC"; }; };
                channels = ( { name = "%3$s"; chatnet = "%1$s"; autojoin = "yes"; } );
                settings = {
                  core = { real_name = "Sweetie"; user_name = "sweetie"; nick = "%4$s"; };
                  "fe-common/core" = { autolog = "yes"; autolog_path = "%5$s/irclogs/$tag/${0}.log"; };
                };
                """.formatted(network, port, channel, nick, home));
        ProcessBuilder builder = new ProcessBuilder("script", "-q", "-f", "-c",
                "exec irssi --home='" + home + "'", "/dev/null")
                .redirectErrorStream(true).redirectOutput(home.resolve("irssi.out").toFile());
        builder.environment().put("TERM", "xterm");
        builder.environment().put("HOME", home.toString());
        started(start(builder, "irssi"));
        terminal = process().getOutputStream();
    }

    /** irssi names a log after its target in lower case. */
    @Override
    public Path log(String target) {
        return logs().resolve(target.toLowerCase(java.util.Locale.ROOT) + ".log");
    }

    @Override
    public void type(String command) throws IOException {
        terminal.write((command + "\r").getBytes(StandardCharsets.UTF_8));
        terminal.flush();
    }

    @Override
    String quitCommand() {
        return "/quit";
    }
}
