package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.evidence.ZipLayout;

/**
 * The commands as a separate JVM runs them, the way a recipient and an operator do: what they print must reach
 * stdout before the process exits, and a hostile bundle must end in one FAILED line, also with a small heap.
 */
class RecipientVerifyTest {
    @TempDir
    Path folder;
    Path bundle;

    record Exit(int code, String out, String err, long millis) {
    }

    @BeforeEach
    void exportABundle() throws IOException {
        Path log = folder.resolve("logs").resolve("irc.libera.alice.weechatlog");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "2013-10-01 12:00:01\talice\thow old are you?\n2013-10-01 12:00:02\tSweetie10\t10\n");
        CliTest.sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10", log.toString());
        bundle = folder.resolve("referral.zip");
        assertThat(CliTest.sweetie("export", "--db", db(), "--key", key(), "--partner", "libera:alice", "--out",
                bundle.toString()).exitCode()).isZero();
    }

    @Test
    void verifyPrintsItsWholeReportAndTheSigningKeyBeforeExiting() throws Exception {
        String vkey = CliTest.sweetie("evidence", "key", "--db", db(), "--key", key()).out().strip();

        Exit verified = sweetie(List.of(), "verify", bundle.toString());

        assertThat(verified.code()).as(verified.err()).isZero();
        assertThat(verified.out()).startsWith("OK: ").contains("signed by\n    " + vkey + "\n")
                .contains("2 messages, complete and in order")
                .endsWith("Compare the key with the one the sender gave you through another channel.\n");
    }

    @Test
    void evidenceCheckpointPrintsTheSignedNoteBeforeExiting() throws Exception {
        Exit checkpoint = sweetie(List.of(), "evidence", "checkpoint", "--db", db(), "--key", key());

        assertThat(checkpoint.code()).as(checkpoint.err()).isZero();
        assertThat(checkpoint.out()).matches("(?s)sweetie-evidence/[0-9a-f]{16}\n\\d+\n\\S{44}\n\n\u2014 .+\n");
    }

    @Test
    void runPrintsItsClosingSummaryBeforeExiting() throws Exception {
        Path config = Files.writeString(folder.resolve("sweetie.yaml"), """
                personas:
                  - nicknames: [Sweetie10]
                    age: 10
                    country: PH
                    sandbox:
                      - partners: 2
                        concurrent: 2
                        pace: 0ms
                """);
        Exit run = sweetie(List.of(), "run", "--config", config.toString(), "--db", db(), "--key", key(), "--for",
                "PT1S", "--operator-token", folder.resolve("operator.token").toString());

        assertThat(run.code()).as(run.err()).isZero();
        // what is checked is that the summary is printed and flushed; how many of the two sandbox partners spoke
        // within the second depends on the machine's load
        assertThat(run.out()).startsWith("Captured on this deployment's networks:\n")
                .containsPattern("conversations\\s+[0-2]\\n").containsPattern("partner countries");
    }

    /** The acceptance of issue 14: 2 MiB inflating to 2 GiB, one line, within 10 s, in 256 MiB of heap. */
    @Test
    void aZipBombIsOneFailedLineWithinTenSecondsInASmallHeap() throws Exception {
        Path bomb = folder.resolve("bomb.zip");
        ZipLayout.bomb(bomb, "conversations/1/transcript.json", 2L << 30, 2L << 30);
        Path understated = folder.resolve("understated.zip");
        ZipLayout.bomb(understated, "conversations/1/transcript.json", 2L << 30, 4_000);

        for (Path zip : List.of(bomb, understated)) {
            Exit refused = sweetie(List.of("-Xmx256m"), "verify", zip.toString());

            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err()).startsWith("FAILED: conversations/1/transcript.json: ").contains("zip bomb")
                    .endsWith(" in " + zip + "\n").hasLineCount(1);
            assertThat(refused.millis()).isLessThan(10_000);
        }
    }

    @Test
    void aTruncatedForgedOrMissingBundleIsOneFailedLineNamingTheFile() throws Exception {
        byte[] genuine = Files.readAllBytes(bundle);
        Path half = Files.write(folder.resolve("half.zip"), Arrays.copyOf(genuine, genuine.length / 2));
        Path appended = Files.write(folder.resolve("appended.zip"),
                (new String(genuine, StandardCharsets.ISO_8859_1) + "more").getBytes(StandardCharsets.ISO_8859_1));

        for (Path broken : List.of(half, appended, folder.resolve("missing.zip"), folder)) {
            Exit refused = sweetie(List.of(), "verify", broken.toString());

            assertThat(refused.code()).as(broken.toString()).isEqualTo(1);
            assertThat(refused.err()).startsWith("FAILED: ").endsWith(" in " + broken + "\n").hasLineCount(1);
        }
    }

    private String db() {
        return folder.resolve("store.db").toString();
    }

    private String key() {
        return folder.resolve("evidence.key").toString();
    }

    /** sweetie in a JVM of its own, through Main, so System.exit and the real stdout are what is tested. */
    private Exit sweetie(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = folder.resolve("stdout.txt");
        Path err = folder.resolve("stderr.txt");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sweetie " + String.join(" ", args) + " did not end within 60 s");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Exit(process.exitValue(), Files.readString(out), Files.readString(err), millis);
    }
}
