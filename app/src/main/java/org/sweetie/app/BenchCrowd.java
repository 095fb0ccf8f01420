package org.sweetie.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.sweetie.analysis.SyntheticChat;
import org.sweetie.core.Message;

/**
 * The partners of the capture benchmarks (bench capture, bench cluster): plain IRC clients on a local ngircd, each
 * sending a synthetic line every ~interval, tagged so that the line's send time is found again when it is stored.
 */
final class BenchCrowd {
    private static final List<Message> LINES = SyntheticChat.lines(300).stream()
            .filter(m -> !m.author().isPersona()).toList();
    /**
     * ngircd listens with a backlog of 10 (hard-coded) and accepts one connection per turn of its loop: more connects
     * at once overflow the backlog and the kernel's SYN retries (1 s, 3 s, 7 s ... 127 s) stretch the start.
     */
    private static final int CONNECTING_AT_ONCE = 8;

    private final Duration interval;
    private final Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();

    BenchCrowd(Duration interval) {
        this.interval = interval;
    }

    long sent() {
        return sent.sum();
    }

    /** When the line with this text was sent (System.nanoTime), once; null for a line that is not the crowd's. */
    Long sentAt(String text) {
        int mark = text.lastIndexOf(" #");
        return mark > 0 ? sentAt.remove(text.substring(mark + 2)) : null;
    }

    /** One partner: register, wait for the start, then a line to {@code to} every ~interval until the end. */
    Void partner(int port, int n, String to, CountDownLatch connected, CountDownLatch start, AtomicLong until)
            throws IOException, InterruptedException {
        String nick = "partner" + n;
        connecting.acquire();
        Socket socket;
        BufferedReader in;
        OutputStream out;
        try {
            socket = new Socket("127.0.0.1", port);
            out = socket.getOutputStream();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            send(out, "NICK " + nick + "\r\nUSER p" + n + " 0 * :Partner " + n + "\r\n");
            for (String line; (line = in.readLine()) != null && !line.contains(" 001 "); ) {
                if (line.startsWith("PING ")) {
                    send(out, "PONG " + line.substring(5) + "\r\n");
                }
            }
        } finally {
            connecting.release();
        }
        try (socket) {
            Thread.ofVirtual().start(() -> answerPings(in, out));
            connected.countDown();
            start.await();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            // partners start spread over one interval, as people who came at different times
            Thread.sleep(random.nextLong(Math.max(1, interval.toMillis())));
            for (int seq = 0; System.nanoTime() < until.get(); seq++) {
                // the tag is in letters: digits would make every line look like a phone number to the analysis
                String tag = letters(n) + "-" + letters(seq);
                String text = LINES.get((n + seq) % LINES.size()).text() + " #" + tag;
                sentAt.put(tag, System.nanoTime());
                send(out, "PRIVMSG " + to + " :" + text + "\r\n");
                sent.increment();
                Thread.sleep(interval.toMillis() / 2 + random.nextLong(Math.max(1, interval.toMillis())));
            }
            send(out, "QUIT :done\r\n");
        }
        return null;
    }

    /** A number in the letters a to z (0 is "a", 26 is "ba"). */
    static String letters(int number) {
        StringBuilder s = new StringBuilder();
        int rest = number;
        do {
            s.append((char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return s.reverse().toString();
    }

    private static void answerPings(BufferedReader in, OutputStream out) {
        try {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("PING ")) {
                    send(out, "PONG " + line.substring(5) + "\r\n");
                }
            }
        } catch (IOException e) {
            // the partner quit
        }
    }

    private static void send(OutputStream out, String lines) throws IOException {
        synchronized (out) {
            out.write(lines.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
