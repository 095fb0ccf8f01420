package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.capture.live.Deadline;
import org.sweetie.capture.live.irc.LocalNgircd;
import org.sweetie.capture.live.irc.PlainIrcClient;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Message;
import org.sweetie.store.Stores;

/**
 * The backup acceptance test on a real network: {@code sweetie run --config} in a process of its own captures from a
 * real ngircd while partners (plain socket clients) keep talking; a bundle is exported and a backup taken from the
 * same store while lines still arrive; the backup restored elsewhere has a sound log, the bundle verifies under its
 * key, and every line the store had before the backup began is in it.
 */
class LiveBackupTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final List<String> PARTNERS = List.of("amy", "ben");

    @TempDir
    Path folder;

    @Test
    void aBackupTakenFromALiveCaptureOnNgircdRestoresEveryStoredLineAndVerifiesEarlierBundles() throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        String db = data.resolve("sweetie.db").toString();
        String key = data.resolve("keys").toString();
        try (LocalNgircd server = new LocalNgircd(Files.createDirectories(folder.resolve("ngircd")))) {
            Path config = Files.writeString(folder.resolve("deployment.yaml"), """
                    personas:
                      - handle: sweetie
                        nicknames: [Sweetie10]
                        age: 10
                        country: PH
                        languages: [en]
                        irc:
                          - network: testnet
                            host: 127.0.0.1
                            port: %d
                            tls: false
                            channels: ["#chat"]
                    retention: off
                    """.formatted(server.port()));
            List<Process> runs = new ArrayList<>(); // ended in the end, however the test ends
            List<PlainIrcClient> partners = new ArrayList<>();
            List<Talk> talking = new ArrayList<>();
            try {
                for (String nick : PARTNERS) {
                    partners.add(new PlainIrcClient(server.port(), nick, nick, nick + " partner"));
                }
                partners.getFirst().send("JOIN #chat");
                Process first = capture(runs, config, db, key, partners.getFirst());
                Deadline.await("the key file made by the run", LIMIT, () -> Files.exists(Path.of(key)));
                KeyRing.Keys keys = KeyRing.open(Path.of(key), System.getenv("SWEETIE_PASSPHRASE").toCharArray());
                try (ConversationStore live = Stores.open(db, keys.store())) {
                    // A first run captures the conversations a bundle is exported of. The export comes between two
                    // runs: beside a run capturing into the same store it is refused (asserted below).
                    Talk before = talk(talking, partners, live, 1);
                    Deadline.await("lines stored and a checkpoint signed", LIMIT, () -> before.stored().size() >= 4
                            && live.evidence().latestCheckpoint().isPresent());
                    before.stop();
                    first.destroy(); // SIGTERM: the run stores what it holds and ends, as on Ctrl-C
                    assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("the first run ended").isTrue();
                    Path bundle = folder.resolve("before.zip");
                    CliTest.Run exported = CliTest.sweetie("export", "--partner", "amy", "--out", bundle.toString(),
                            "--db", db, "--key", key);
                    assertThat(exported.exitCode()).as(exported.err()).isZero();

                    Process run = capture(runs, config, db, key, partners.getFirst());
                    Talk talk = talk(talking, partners, live, 1000);
                    Deadline.await("lines stored by the second run", LIMIT, () -> talk.stored().size() >= 4);
                    CliTest.Run beside = CliTest.sweetie("export", "--partner", "amy", "--out",
                            folder.resolve("beside.zip").toString(), "--db", db, "--key", key);
                    assertThat(beside.exitCode()).isEqualTo(1);
                    assertThat(beside.err())
                            .startsWith("sweetie export: another sweetie process is writing to " + db + " (sweetie run, pid ")
                            .contains("export adds to the same evidence log");
                    assertThat(folder.resolve("beside.zip")).doesNotExist();
                    Set<String> storedBeforeBackup = new java.util.HashSet<>(before.stored());
                    storedBeforeBackup.addAll(talk.stored());
                    Path backup = folder.resolve("sweetie.backup");
                    CliTest.Run made = CliTest.sweetie("backup", "--out", backup.toString(), "--db", db, "--key", key);
                    assertThat(made.exitCode()).as(made.err()).isZero();
                    int atBackup = talk.stored().size();
                    Deadline.await("lines still stored after the backup", LIMIT,
                            () -> talk.stored().size() >= atBackup + 2);
                    assertThat(run.isAlive()).as("the run captured throughout").isTrue();
                    talk.stop();
                    assertThat(talk.failure()).as("the partners' talk").isNull();

                    String restoredDb = folder.resolve("restored").resolve("sweetie.db").toString();
                    String restoredKey = folder.resolve("restored").resolve("keys").toString();
                    CliTest.Run restored = CliTest.sweetie("restore", backup.toString(), "--db", restoredDb, "--key",
                            restoredKey);
                    assertThat(restored.exitCode()).as(restored.err()).isZero();
                    assertThat(restored.out()).contains("the evidence log holds what its latest checkpoint signed");

                    String verifierKey = CliTest.sweetie("evidence", "key", "--db", restoredDb, "--key", restoredKey)
                            .out().strip();
                    assertThat(verifierKey).isNotBlank();
                    CliTest.Run verified = CliTest.sweetie("verify", bundle.toString(), "--key", verifierKey);
                    assertThat(verified.exitCode()).as(verified.err()).isZero();

                    StringBuilder transcripts = new StringBuilder();
                    KeyRing.Keys restoredKeys = KeyRing.open(Path.of(restoredKey),
                            System.getenv("SWEETIE_PASSPHRASE").toCharArray());
                    List<Long> ids;
                    try (ConversationStore copy = Stores.open(restoredDb, restoredKeys.store())) {
                        ids = copy.conversations().stream().map(Conversation::id).toList();
                    }
                    for (long id : ids) {
                        CliTest.Run transcript = CliTest.sweetie("transcript", Long.toString(id), "--db", restoredDb,
                                "--key", restoredKey);
                        assertThat(transcript.exitCode()).as(transcript.err()).isZero();
                        transcripts.append(transcript.out());
                    }
                    assertThat(storedBeforeBackup).hasSizeGreaterThanOrEqualTo(8);
                    assertThat(storedBeforeBackup).allSatisfy(line -> assertThat(transcripts).contains(line));
                }
            } catch (AssertionError e) {
                StringBuilder said = new StringBuilder(e.getMessage());
                for (int n = 1; n <= runs.size(); n++) {
                    said.append("\nsweetie run #").append(n).append(" said:\n")
                            .append(Files.readString(folder.resolve("run-" + n + ".err")));
                }
                throw new AssertionError(said.toString(), e);
            } finally {
                for (Talk talk : talking) {
                    talk.stop();
                }
                for (PlainIrcClient partner : partners) {
                    partner.close();
                }
                for (Process run : runs) {
                    run.destroy();
                    assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("sweetie run ended").isTrue();
                }
            }
        }
    }

    /**
     * The partners take turns, each line sent once the previous one is stored: talk that keeps going at the pace
     * the capture and ngircd's flood control allow, and the set of lines the store is known to hold.
     */
    private static final class Talk {
        private final List<PlainIrcClient> partners;
        private final ConversationStore live;
        private final Set<String> stored = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean done = new AtomicBoolean();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private Thread thread;

        Talk(List<PlainIrcClient> partners, ConversationStore live) {
            this.partners = partners;
            this.live = live;
        }

        void start(int first) {
            thread = Thread.ofVirtual().start(() -> {
                try {
                    for (int n = first; !done.get(); n++) {
                        PlainIrcClient partner = partners.get(n % partners.size());
                        String nick = PARTNERS.get(n % partners.size());
                        String line = nick + " says hello number " + n + ", how was school today?";
                        partner.privmsg("Sweetie10", line);
                        Deadline.await("'" + line + "' stored", LIMIT, () -> done.get() || holds(nick, line));
                        if (!done.get()) {
                            stored.add(line);
                        }
                    }
                } catch (IOException | RuntimeException | AssertionError e) {
                    failure.set(e);
                }
            });
        }

        private boolean holds(String nick, String line) {
            return live.conversations().stream()
                    .filter(c -> c.key().partnerAccount().equals(nick) && c.key().isPrivate())
                    .anyMatch(c -> live.messages(c.id()).stream().map(Message::text).anyMatch(line::equals));
        }

        Set<String> stored() {
            if (failure.get() != null) {
                throw new AssertionError("the partners' talk failed", failure.get());
            }
            return stored;
        }

        Throwable failure() {
            return failure.get();
        }

        void stop() throws InterruptedException {
            done.set(true);
            if (thread != null) {
                thread.join(LIMIT);
            }
        }
    }

    private static Talk talk(List<Talk> talking, List<PlainIrcClient> partners, ConversationStore live, int first) {
        Talk talk = new Talk(partners, live);
        talking.add(talk);
        talk.start(first);
        return talk;
    }

    /** Starts `sweetie run` and waits until the persona joins the channel the partner is in. */
    private Process capture(List<Process> runs, Path config, String db, String key, PlainIrcClient partner)
            throws IOException {
        long joinsBefore = joins(partner);
        // checkpoints every few entries: the backup lands between checkpoints, with entries after the latest
        Process run = start(folder.resolve("run-" + (runs.size() + 1) + ".err"), "run", "--config", config.toString(), "--db", db, "--key", key, "--for", "120s",
                "--checkpoint-every", "5", "--summary-every", "1");
        runs.add(run);
        Deadline.await("the persona in #chat", LIMIT, () -> {
            assertThat(run.isAlive()).as("sweetie run is running").isTrue();
            return joins(partner) > joinsBefore;
        });
        return run;
    }

    private static long joins(PlainIrcClient partner) {
        return partner.received().stream().filter(l -> l.startsWith(":Sweetie10!") && l.contains(" JOIN ")).count();
    }

    /** The real entry point in a JVM of its own, as the sweetie script starts it; its stderr kept in a file. */
    private Process start(Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Dsweetie.kdf.memoryKib=" + System.getProperty("sweetie.kdf.memoryKib", "65536"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
    }
}
