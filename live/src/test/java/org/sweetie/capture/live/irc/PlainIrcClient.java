package org.sweetie.capture.live.irc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sweetie.capture.live.Deadline;

/**
 * A chat partner as a plain IRC client over a socket: none of Sweetie's code and no IRC library, so the tests see
 * the persona as any other client on the network would.
 */
public final class PlainIrcClient implements AutoCloseable {
    private final Socket socket;
    private final Writer out;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Thread reader;

    public PlainIrcClient(int port, String nick, String user, String realName) throws IOException {
        socket = new Socket("127.0.0.1", port);
        out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        reader = Thread.ofVirtual().start(() -> read(in));
        send("NICK " + nick);
        send("USER " + user + " 0 * :" + realName);
        awaitLine(" 001 ", Duration.ofSeconds(20));
    }

    private void read(BufferedReader in) {
        try {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("PING ")) {
                    send("PONG " + line.substring(5));
                }
                received.add(line);
            }
        } catch (IOException e) {
            // the socket was closed: the test ends the client or killed the server
        }
    }

    public synchronized void send(String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    public void privmsg(String target, String text) throws IOException {
        send("PRIVMSG " + target + " :" + text);
    }

    /** Waits for a line containing the text and returns it. */
    public String awaitLine(String containing, Duration limit) {
        String[] found = new String[1];
        Deadline.await("a line with '" + containing + "'", limit, () -> {
            for (String line : received) {
                if (line.contains(containing)) {
                    found[0] = line;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    public boolean isConnected() {
        return reader.isAlive();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
