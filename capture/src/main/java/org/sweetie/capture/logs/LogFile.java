package org.sweetie.capture.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.sweetie.core.Network;

/**
 * A log file recognised for import: its format and, for IRC client logs, the conversation its name stands for.
 * WeeChat names a buffer's log {@code irc.<server>.<nick or #channel>.weechatlog}; irssi's autolog keeps
 * {@code <network>/<nick or #channel>.log}. Sweetie's JSON Lines name the conversation on every line.
 *
 * @param target the file's conversation, or null when every line names its own (JSON Lines)
 */
public record LogFile(Path path, LogFormat format, Entry.Target target) {
    private static final Pattern WEECHAT_LINE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\t.*");

    /** Thrown when a file is not a log Sweetie can import, or its name does not tell whose conversation it is. */
    public static final class NotALogException extends Exception {
        NotALogException(Path path, String reason) {
            super(path + ": " + reason, null, false, false);
        }
    }

    /**
     * Recognises a file by its name and first line.
     *
     * @param network the network to use instead of the one the path names (for irssi logs kept elsewhere), or null
     */
    public static LogFile recognise(Path path, String network) throws IOException, NotALogException {
        String name = path.getFileName().toString();
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return new LogFile(path, LogFormat.JSONL, null);
        }
        if (name.endsWith(".weechatlog")) {
            return new LogFile(path, LogFormat.WEECHAT, weechatTarget(path, name, network));
        }
        String first = firstLine(path);
        if (first.startsWith("--- Log ") || first.startsWith("--- Day changed")) {
            return new LogFile(path, LogFormat.IRSSI, irssiTarget(path, name, network));
        }
        if (WEECHAT_LINE.matcher(first).matches()) {
            return new LogFile(path, LogFormat.WEECHAT, weechatTarget(path, name, network));
        }
        if (first.startsWith("{")) {
            return new LogFile(path, LogFormat.JSONL, null);
        }
        throw new NotALogException(path, "not a WeeChat, irssi or Sweetie JSON Lines log (first line: '"
                + WeechatParser.shorten(first) + "')");
    }

    private static Entry.Target weechatTarget(Path path, String name, String network) throws NotALogException {
        String stem = name.endsWith(".weechatlog") ? name.substring(0, name.length() - ".weechatlog".length()) : name;
        String[] parts = stem.split("\\.", 3);
        if (parts.length < 3 || !parts[0].equals("irc")) {
            throw new NotALogException(path, "cannot tell network and partner from the name; WeeChat names it "
                    + "irc.<server>.<nick or #channel>.weechatlog");
        }
        if (parts[1].equals("server")) {
            throw new NotALogException(path, "a WeeChat server buffer holds no conversation");
        }
        return target(network != null ? network : parts[1], parts[2]);
    }

    private static Entry.Target irssiTarget(Path path, String name, String network) throws NotALogException {
        String stem = name.endsWith(".log") ? name.substring(0, name.length() - ".log".length()) : name;
        Path folder = path.toAbsolutePath().getParent();
        String named = network != null ? network : folder == null ? null : folder.getFileName().toString();
        if (named == null || stem.isBlank()) {
            throw new NotALogException(path, "cannot tell network and partner; irssi keeps <network>/<nick>.log");
        }
        return target(named, stem);
    }

    private static Entry.Target target(String network, String name) {
        Network irc = Network.irc(network);
        return Entry.Target.isChannelName(name) ? new Entry.Target(irc, name, null) : new Entry.Target(irc, null, name);
    }

    private static String firstLine(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(512);
            String text = new String(head, StandardCharsets.ISO_8859_1).replaceFirst("^\u00EF\u00BB\u00BF", "");
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).strip();
        }
    }
}
