package org.sweetie.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Inbound;
import org.sweetie.core.Inbox;

class DeliveryWindowTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static Inbound said(String partner, String text) {
        return new Inbound.Said(T0, partner, null, text, "p@192.0.2.1", null, null, null);
    }

    @Test
    void aFullWindowHoldsTheReaderUntilADeliveryIsStored() throws Exception {
        List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
        Inbox inbox = inbound -> {
            CompletableFuture<Void> stored = new CompletableFuture<>();
            pending.add(stored);
            return stored;
        };
        DeliveryWindow window = new DeliveryWindow(2);
        window.deliver(inbox, said("dave", "one"));
        window.deliver(inbox, said("dave", "two"));
        Thread reader = Thread.ofPlatform().start(() -> window.deliver(inbox, said("dave", "three")));
        Deadline.await("the reader waiting for a place", LIMIT, () -> reader.getState() == Thread.State.WAITING);
        assertThat(pending).hasSize(2);

        pending.getFirst().complete(null);
        reader.join(LIMIT);
        assertThat(reader.isAlive()).isFalse();
        assertThat(pending).hasSize(3);
    }

    /**
     * A refused delivery frees its place and is logged with who and when, never with what was said; a nick with
     * terminal controls in it is shown escaped.
     */
    @Test
    void aDeliveryTheStoreRefusesFreesItsPlaceAndIsLoggedWithoutItsText() throws Exception {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(DeliveryWindow.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            Inbox refusing = inbound -> CompletableFuture.failedFuture(new IllegalStateException("disk full"));
            DeliveryWindow window = new DeliveryWindow(1);
            Thread reader = Thread.ofPlatform().start(() -> {
                window.deliver(refusing, said("dave", "a private line"));
                window.deliver(refusing, said("erin\u001b[2J", "another private line")); // waits for ever if not freed
            });
            reader.join(LIMIT);
            assertThat(reader.isAlive()).as("the refused delivery's place was freed").isFalse();

            Deadline.await("two refusals logged", LIMIT, () -> logged.size() == 2);
            assertThat(logged).extracting(LogRecord::getMessage)
                    .allSatisfy(m -> assertThat(m).contains("could not be stored: disk full")
                            .contains(T0.toString()).doesNotContain("private line").doesNotContain("\u001b"))
                    .anySatisfy(m -> assertThat(m).contains("a line from dave"));
        } finally {
            log.removeHandler(handler);
        }
    }
}
