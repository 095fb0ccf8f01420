package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.core.Protocol;
import picocli.CommandLine;

/** The command line as a user meets it: exit codes 0/1/2, results on stdout, problems on stderr. */
class CliTest {
    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
    }

    static Run sweetie(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SweetieCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A run with text on stdin (the JVM's one stdin, put back afterwards). */
    static synchronized Run sweetieWithInput(String input, String... args) {
        java.io.InputStream stdin = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return sweetie(args);
        } finally {
            System.setIn(stdin);
        }
    }

    String db() {
        return folder.resolve("store.db").toString();
    }

    /** Each test its own signing key, so no test writes one into the working folder. */
    String key() {
        return folder.resolve("evidence.key").toString();
    }

    /** The test's store opened directly, with the keys of its key file (made on first use, as a command would). */
    org.sweetie.core.ConversationStore openStore() throws java.io.IOException {
        KeyRing.Keys keys = StoreOptions.embedded(db(), Path.of(key()), null).unlock(true);
        return org.sweetie.store.Stores.open(db(), keys.store());
    }

    Path log(String name, String... lines) throws Exception {
        Path file = folder.resolve("logs").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void helpIsThereForEveryCommand() {
        for (String command : new String[] {"import", "analyze", "eval", "conversations", "transcript", "export", "verify", "evidence",
            "demo", "bench", "console", "users", "audit"}) {
            Run run = sweetie(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: sweetie " + command);
        }
        assertThat(sweetie("--help").out()).contains("import", "demo", "transcript");
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhy() {
        Run noCommand = sweetie();
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.err()).contains("name a command");

        Run unknown = sweetie("import", "--persona", "s", "--frobnicate", "x");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--frobnicate");

        Run noPersona = sweetie("import", "--db", db(), "--key", key(), "x.log");
        assertThat(noPersona.exitCode()).isEqualTo(2);
        assertThat(noPersona.err()).contains("--persona");

        Run badZone = sweetie("import", "--db", db(), "--key", key(), "--persona", "s", "--zone", "Mars/Olympus", "x.log");
        assertThat(badZone.exitCode()).isEqualTo(2);
        assertThat(badZone.err()).contains("Mars/Olympus");
    }

    @Test
    void failuresExitWithOneAndNameTheProblem() {
        Run missing = sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10", folder.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("sweetie import: no such file or folder: " + folder.resolve("nope")
                + System.lineSeparator());

        Run badDb = sweetie("conversations", "--db", "jdbc:mysql://127.0.0.1/test");
        assertThat(badDb.exitCode()).isEqualTo(1);
        assertThat(badDb.err()).contains("unsupported database URL");
    }

    @Test
    void importReportsRejectedLinesOnStderrAndASummaryOnStdout() throws Exception {
        Path log = log("irc.libera.alice.weechatlog",
                "2013-10-01 12:00:01\talice\thi",
                "garbage",
                "2013-10-01 12:00:02\tSweetie10\thello");

        Run run = sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10,sweetie_ph", folder.resolve("logs")
                .toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains(log + ":2: expected DATE TIME<TAB>PREFIX<TAB>TEXT");
        assertThat(run.out()).contains("1 conversations, 2 messages and 0 events added").contains("1 lines rejected");

        Run list = sweetie("conversations", "--db", db(), "--key", key());
        assertThat(list.out()).contains("#1 libera: alice (private, persona sweetie10): 2013-10-01 12:00Z to "
                + "2013-10-01 12:00Z; 2 messages, 0 events").contains("stages: none; qualified: no; country: unknown")
                .endsWith("1 conversation" + System.lineSeparator());

        Run transcript = sweetie("transcript", "--db", db(), "--key", key(), "1");
        assertThat(transcript.exitCode()).isZero();
        assertThat(transcript.out()).contains("2013-10-01 12:00:01Z    1 < alice: hi")
                .contains("2013-10-01 12:00:02Z    2 > Sweetie10 (operator imported): hello");

        Run again = sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10", log.toString());
        assertThat(again.out()).contains("0 messages and 0 events added").contains("3 lines already imported");
    }

    @Test
    void aTranscriptShowsHostileTextInsteadOfLettingItActOnTheTerminal() throws Exception {
        log("irc.libera.mallory.weechatlog",
                "2013-10-01 12:00:01\tmallory\t\u001b[2Jcleared \u202eevil\u0007");
        sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10", "--no-persona-check",
                folder.resolve("logs").toString());

        Run transcript = sweetie("transcript", "--db", db(), "--key", key(), "1");

        assertThat(transcript.out()).contains("\\u001b[2Jcleared \\u202eevil\\u0007").doesNotContain("\u001b")
                .doesNotContain("\u202e");
    }

    @Test
    void aTranscriptShowsWhenALineTheServerKeptWasSent() throws Exception {
        Instant received = Instant.parse("2026-11-30T08:00:05Z");
        try (var store = openStore()) {
            Persona persona = store.persona(Persona.ofNicknames(List.of("Sweetie10")));
            Conversation c = store.conversation(ConversationKey.privateChat(new Network("jabber", Protocol.XMPP),
                    persona, "dave@x.test"));
            store.append(c, Message.received(received, Author.PARTNER, "dave@x.test", "you were away", null, "r1",
                    Instant.parse("2026-11-29T22:15:00Z")));
        }

        Run transcript = sweetie("transcript", "--db", db(), "--key", key(), "1");

        assertThat(transcript.out()).contains("2026-11-30 08:00:05Z    1 < dave@x.test (sent 2026-11-29 22:15:00Z): "
                + "you were away");
    }

    @Test
    void conversationsAreListedWithTimeStagesAndQualificationAndFiltered() throws Exception {
        log("irc.libera.alice.weechatlog",
                "2013-10-01 12:00:01\talice\thow old are you?",
                "2013-10-01 12:00:02\tSweetie10\t10",
                "2013-10-01 12:00:03\talice\tshow me naked on cam");
        log("irc.libera.bob.weechatlog",
                "2013-10-02 09:00:01\tbob\thi, how was school?",
                "2013-10-02 09:00:02\tSweetie10\tgood");
        assertThat(sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10",
                folder.resolve("logs").toString()).exitCode()).isZero();

        String all = sweetie("conversations", "--db", db(), "--key", key()).out();
        assertThat(all).contains("#1 libera: alice (private, persona sweetie10): 2013-10-01 12:00Z to 2013-10-01 "
                + "12:00Z; 3 messages, 0 events\n    stages: age-awareness, sexual-solicitation, webcam-request; "
                + "qualified: solicitation; country: unknown").endsWith("2 conversations\n");

        assertThat(sweetie("conversations", "--qualified", "--db", db(), "--key", key()).out())
                .contains("alice").doesNotContain("bob").endsWith("1 of 2 conversations\n");
        assertThat(sweetie("conversations", "--qualified", "wcst", "--db", db(), "--key", key()).out())
                .isEqualTo("0 of 2 conversations\n");
        assertThat(sweetie("conversations", "--stage", "webcam-request,age-awareness", "--db", db(), "--key", key())
                .out()).contains("alice").doesNotContain("bob");
        assertThat(sweetie("conversations", "--partner", "BOB", "--db", db(), "--key", key()).out())
                .contains("bob").doesNotContain("alice");
        assertThat(sweetie("conversations", "--since", "2013-10-02", "--db", db(), "--key", key()).out())
                .contains("bob").doesNotContain("alice");
        assertThat(sweetie("conversations", "--since", "7d", "--db", db(), "--key", key()).out())
                .isEqualTo("0 of 2 conversations\n");

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                sweetie("conversations", "--json", "--db", db(), "--key", key()).out()).get("conversations");
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("stages").toString())
                .isEqualTo("[\"age-awareness\",\"sexual-solicitation\",\"webcam-request\"]");
        assertThat(json.get(0).get("first").asText()).isEqualTo("2013-10-01T12:00:01Z");
        assertThat(json.get(1).get("qualification").asText()).isEqualTo("none");

        Run badStage = sweetie("conversations", "--stage", "naked", "--db", db(), "--key", key());
        assertThat(badStage.exitCode()).isEqualTo(2);
        assertThat(badStage.err()).contains("--stage takes age-awareness, sexual-solicitation").contains("'naked'");
    }

    @Test
    void aFollowedTranscriptPrintsEachLineAsAnotherProcessStoresIt() throws Exception {
        Conversation c;
        try (var store = openStore()) {
            Persona persona = store.persona(Persona.ofNicknames(List.of("Sweetie10")));
            c = store.conversation(ConversationKey.privateChat(new Network("libera", Protocol.IRC), persona, "dave"));
            store.append(c, Message.received(Instant.parse("2026-11-30T08:00:00Z"), Author.PARTNER, "dave", "hi",
                    null, null));
        }
        StringWriter out = new StringWriter();
        CommandLine cli = SweetieCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        Thread follower = Thread.ofVirtual().start(() -> cli.execute("transcript", "--follow", "--poll", "50ms",
                "--db", db(), "--key", key(), "1"));
        try (var writer = openStore()) {
            org.sweetie.capture.live.Deadline.await("the transcript so far", java.time.Duration.ofSeconds(20),
                    () -> out.toString().contains("1 < dave: hi"));
            writer.append(c, Message.received(Instant.parse("2026-11-30T08:00:07Z"), Author.BOT, "Sweetie10",
                    "hello", null, null));
            writer.append(c, Message.received(Instant.parse("2026-11-30T08:00:09Z"), Author.PARTNER, "dave",
                    "where are you from", null, null));
            org.sweetie.capture.live.Deadline.await("the new lines", java.time.Duration.ofSeconds(20),
                    () -> out.toString().contains("3 < dave: where are you from"));
        } finally {
            follower.interrupt();
            follower.join(java.time.Duration.ofSeconds(20));
        }
        assertThat(follower.isAlive()).as("Ctrl-C (an interrupt) ends it").isFalse();
        assertThat(out.toString().lines().filter(l -> l.contains(" < ") || l.contains(" > ")).toList())
                .as("each line once, in order").containsExactly(
                        "  2026-11-30 08:00:00Z    1 < dave: hi",
                        "  2026-11-30 08:00:07Z    2 > Sweetie10 (bot): hello",
                        "  2026-11-30 08:00:09Z    3 < dave: where are you from");
    }

    @Test
    void aReferralBundleIsExportedAndVerifiedAndATamperedOneFails() throws Exception {
        log("irc.libera.alice.weechatlog",
                "2013-10-01 12:00:01\talice\thow old are you?",
                "2013-10-01 12:00:02\tSweetie10\t10",
                "2013-10-01 12:00:03\talice\tadd me on skype alice.example");
        sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10", folder.resolve("logs").toString());

        Run vkey = sweetie("evidence", "key", "--db", db(), "--key", key());
        assertThat(vkey.exitCode()).isZero();
        assertThat(vkey.out().strip()).matches("sweetie-evidence/[0-9a-f]{16}\\+[0-9a-f]{8}\\+[A-Za-z0-9+/=]{44}");

        Path bundle = folder.resolve("referral.zip");
        Run export = sweetie("export", "--db", db(), "--key", key(), "--partner", "libera:alice", "--out",
                bundle.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        // 3 messages, 2 analysis flags (age awareness, the Skype name) and the export itself
        assertThat(export.out()).contains("1 conversations, 6 evidence entries");

        Run verify = sweetie("verify", "--key", vkey.out().strip(), bundle.toString());
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("OK: 6 evidence entries in 1 conversations")
                .contains("3 messages, complete and in order");

        Run otherKey = sweetie("verify", "--key", "sweetie-evidence/0000000000000000+00000000+AQ" + "A".repeat(42)
                + "=", bundle.toString());
        assertThat(otherKey.exitCode()).isEqualTo(1);
        assertThat(otherKey.err()).contains("not by the key given with --key").endsWith(" in " + bundle + "\n")
                .startsWith("FAILED: signed by sweetie-evidence/");

        Path tampered = folder.resolve("tampered.zip");
        rewrite(bundle, tampered, "conversations/1/transcript.txt", "skype alice.example", "skype bob.example");
        Run broken = sweetie("verify", tampered.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).isEqualTo("FAILED: conversations/1/transcript.txt: its SHA-256 is not the one in "
                + "the manifest in " + tampered + "\n");
    }

    @Test
    void exportNeedsAKnownSelectionAndAnOutput() {
        assertThat(sweetie("export", "--db", db(), "--key", key(), "--out", "x.zip").exitCode()).isEqualTo(2);
        Run unknown = sweetie("export", "--db", db(), "--key", key(), "--conversation",
                "99", "--out", folder.resolve("x.zip").toString());
        assertThat(unknown.exitCode()).as("what is asked for is not in the store: a failure, not bad usage")
                .isEqualTo(1);
        assertThat(unknown.err()).contains("no Sweetie store at " + db());
    }

    private static void rewrite(Path from, Path to, String name, String find, String replace) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(from));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
            java.util.zip.ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace(find, replace)
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    @Test
    void analyzePrintsOneJsonDocumentWithTheQualifyingMessages() throws Exception {
        Path log = log("irc.libera.dave.weechatlog",
                "2013-10-01 12:00:01\tdave\thow old r u",
                "2013-10-01 12:00:02\tSweetie10\t10",
                "2013-10-01 12:00:03\tdave\tdo you have a cam?",
                "2013-10-01 12:00:04\tSweetie10\twhat is that?",
                "2013-10-01 12:00:05\tdave\ti pay you 20 dollars for a sexy show",
                "2013-10-01 12:00:06\tdave\tadd me on skype dave.example");
        String[] args = {"analyze", "--db", db(), "--key", key(), "--persona", "Sweetie10", "--json",
            log.toString()};

        Run run = sweetie(args);
        Run again = sweetie(args);

        assertThat(run.exitCode()).as(run.err()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        var conversation = json.get("conversations").get(0);
        assertThat(conversation.get("partner").asText()).isEqualTo("dave");
        assertThat(conversation.get("messages").asInt()).isEqualTo(6);
        assertThat(conversation.get("stages").get("age_awareness").asInt()).isEqualTo(1);
        assertThat(conversation.get("stages").get("webcam_request").asInt()).isEqualTo(2);
        assertThat(conversation.get("solicitation").asInt()).isEqualTo(4);
        assertThat(conversation.get("wcst").asInt()).isEqualTo(4);
        assertThat(conversation.get("initiation").get("webcam").get("by").asText()).isEqualTo("partner");
        assertThat(conversation.get("tainted").asBoolean()).isFalse();
        assertThat(conversation.get("identifiers").get(0).get("type").asText()).isEqualTo("skype");
        assertThat(conversation.get("identifiers").get(0).get("normalized").asText()).isEqualTo("dave.example");
        assertThat(again.out()).isEqualTo(run.out());
    }

    /** The acceptance thresholds of the analysis issue, on the built-in corpus: a regression shows here. */
    @Test
    void theEvaluationMeetsItsTargetsOnTheBuiltInCorpus() {
        Run run = sweetie("eval");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("230 conversations");
        for (String row : run.out().lines().filter(l -> l.startsWith("| solicitation") || l.startsWith("| wcst")
                || l.startsWith("| identifier")).toList()) {
            String[] cells = row.split("\\|");
            double precision = Double.parseDouble(cells[2].strip());
            double recall = Double.parseDouble(cells[3].strip());
            assertThat(precision).as(row).isGreaterThanOrEqualTo(0.98);
            assertThat(recall).as(row).isGreaterThanOrEqualTo(0.95);
        }
        String country = run.out().lines().filter(l -> l.startsWith("country accuracy:")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(country.split(" ")[2])).isGreaterThanOrEqualTo(0.9);
    }

    /** irssi's logs of a partner who changed nick: the new nick's log begins with the change (issue 14, 14, 15). */
    private void ginaAndGigi() throws Exception {
        log("irclogs/examplenet/gina.log",
                "--- Log opened Tue Oct 01 21:58:02 2013",
                "21:58 -!- Irssi: Starting query in examplenet with gina",
                "21:58 <gina> hi, how old r u?",
                "21:59 <Sweetie10> im 10",
                "--- Log closed Tue Oct 01 22:03:41 2013");
        log("irclogs/examplenet/gigi.log",
                "--- Log opened Tue Oct 01 22:01:15 2013",
                "22:01 -!- gina is now known as gigi",
                "22:01 <gigi> do u have a cam?",
                "22:01 <Sweetie10> no",
                "22:02 -!- gigi [~gina@203.0.113.25] has quit [Quit: later]",
                "--- Log closed Tue Oct 01 22:03:41 2013");
    }

    @Test
    void aPartnerWhoChangedNickIsOneConversationFoundByEitherNickInTheLogsOrder() throws Exception {
        ginaAndGigi();
        Run run = sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10",
                folder.resolve("logs").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 conversations, 4 messages and 2 events added")
                .contains("5 client lines not stored");

        assertThat(sweetie("conversations", "--db", db(), "--key", key()).out())
                .contains("#1 examplenet: gina (private, persona sweetie10): 2013-10-01 21:58Z to 2013-10-01 22:01Z; "
                        + "4 messages, 2 events")
                .doesNotContain("#2");
        assertThat(sweetie("transcript", "--db", db(), "--key", key(), "1").out()).containsSubsequence(
                "2013-10-01 21:58:00Z    1 < gina: hi, how old r u?",
                "2013-10-01 21:59:00Z    2 > Sweetie10 (operator imported): im 10",
                "2013-10-01 22:01:00Z      * gina is now known as gigi [nick_change]",
                "2013-10-01 22:01:00Z    3 < gigi: do u have a cam?",
                "2013-10-01 22:01:00Z    4 > Sweetie10 (operator imported): no",
                "2013-10-01 22:02:00Z      * gigi (~gina@203.0.113.25) has quit [Quit: later] [quit]");
        for (String partner : new String[] {"gigi", "examplenet:gina"}) {
            Run export = sweetie("export", "--db", db(), "--key", key(), "--partner", partner, "--out",
                    folder.resolve(partner.replace(':', '-') + ".zip").toString());
            assertThat(export.exitCode()).as(export.err()).isZero();
            assertThat(export.out()).as(partner).contains("1 conversations");
        }
    }

    /** irssi writes minutes only: a nick change logged before a line of the same minute is shown before it. */
    @Test
    void aTranscriptKeepsTheLogsOrderOfLinesOfTheSameMinute() throws Exception {
        log("irclogs/efnet/gregor.log",
                "--- Log opened Tue Oct 01 23:58:00 2013",
                "23:58 <gregor> hi",
                "23:58 <Sweetie10> hello",
                "23:58 -!- gregor is now known as greg",
                "23:58 <greg> where r u from",
                "23:58 -!- greg [~g@203.0.113.9] has quit [Quit: later]");
        sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10", folder.resolve("logs").toString());

        assertThat(sweetie("transcript", "--db", db(), "--key", key(), "1").out()).containsSubsequence(
                "2013-10-01 23:58:00Z    2 > Sweetie10 (operator imported): hello",
                "2013-10-01 23:58:00Z      * gregor is now known as greg [nick_change]",
                "2013-10-01 23:58:00Z    3 < greg: where r u from",
                "2013-10-01 23:58:00Z      * greg (~g@203.0.113.9) has quit [Quit: later] [quit]");
    }

    @Test
    void aLogWithoutThePersonaIsRefusedWithExitOneAndTheOthersAreImported() throws Exception {
        ginaAndGigi();
        Path bob = log("irc.libera.bob.weechatlog",
                "2013-10-01 12:00:01\tbob\thi",
                "2013-10-01 12:00:05\tSweetie11\thello");

        Run run = sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10",
                folder.resolve("logs").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("refused " + bob + ": none of the persona's nicks (Sweetie10) appears in "
                + "it; the nicks that wrote most are bob (1 lines), Sweetie11 (1 lines). Not imported: check "
                + "--persona, or add --no-persona-check if the persona never wrote in this conversation")
                .endsWith("sweetie import: 1 of 3 files refused because none of the persona's nicks appears in them "
                        + "(named above); the other files were imported" + System.lineSeparator());
        assertThat(run.out()).contains("3 files (0 skipped, 0 changed since imported, 1 without the persona), "
                + "1 conversations, 4 messages");

        Run right = sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie11", bob.toString());
        assertThat(right.exitCode()).as(right.err()).isZero();
        assertThat(right.out()).contains("2 messages and 0 events added");
    }

    @Test
    void aDryRunShowsWhoAndWhenInTheZoneGivenAndStoresNothing() throws Exception {
        ginaAndGigi();

        Run dry = sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10", "--zone", "Asia/Manila",
                "--dry-run", folder.resolve("logs").toString());

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        Path logs = folder.resolve("logs").resolve("irclogs").resolve("examplenet");
        assertThat(dry.out()).containsSubsequence(
                "Dry run, nothing is stored. Persona sweetie10 with the nicks Sweetie10; the clock times of WeeChat "
                        + "and irssi logs are read as Asia/Manila.",
                logs.resolve("gina.log") + " (irssi)",
                "  examplenet private with gina (seen as gina), a new conversation",
                "    1 messages by the partner, 1 by the persona as Sweetie10, 0 events",
                "    from 2013-10-01 21:58:00 to 2013-10-01 21:59:00 Asia/Manila = 2013-10-01 13:58:00Z to "
                        + "2013-10-01 13:59:00Z",
                "  3 client lines not stored",
                logs.resolve("gigi.log") + " (irssi, goes on from the log of gina, whose nick change it begins with)",
                "  examplenet private with gina (seen as gina, gigi), a new conversation",
                "    1 messages by the partner, 1 by the persona as Sweetie10, 2 events",
                "Dry run, nothing stored. Would import 2 files");
        assertThat(sweetie("conversations", "--db", db(), "--key", key()).out()).doesNotContain("#1");

        Run real = sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10", "--zone", "Asia/Manila",
                folder.resolve("logs").toString());
        assertThat(real.out()).contains("4 messages and 2 events added").contains("0 lines already imported");
    }

    @Test
    void rejectedLinesQuotingHostileTextAreShownNotObeyed() throws Exception {
        log("irc.libera.mallory.weechatlog", "\u001b]0;pwned\u0007\tmallory\thi"); // quoted as a bad timestamp
        Run run = sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10",
                folder.resolve("logs").toString());
        assertThat(run.err()).contains("\\u001b]0;pwned\\u0007").doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void anUnknownConversationFailsWithASentenceNotTheUsage() throws Exception {
        Path file = log("irc.libera.dave.weechatlog", "2013-10-01 10:00:00\tdave\thi",
                "2013-10-01 10:00:05\tSweetie10\thello");
        assertThat(sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10", file.toString())
                .exitCode()).isZero();
        for (String[] command : List.of(new String[] {"transcript", "42"},
                new String[] {"export", "--out", folder.resolve("x.zip").toString(), "--conversation", "42"},
                new String[] {"export", "--out", folder.resolve("x.zip").toString(), "--partner", "nobody"})) {
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.addAll(List.of("--db", db(), "--key", key()));
            Run run = sweetie(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(command[0]).isEqualTo(1);
            assertThat(run.err()).as(command[0]).containsPattern("no conversation (#42|with partner nobody)")
                    .contains(db()).doesNotContain("Usage:");
        }
    }

    @Test
    void aCommandThatReadsNeverCreatesAStoreAndNamesTheOneItLookedFor() {
        String typo = folder.resolve("sweetei.db").toString();
        for (String[] command : List.of(new String[] {"conversations"}, new String[] {"transcript", "1"},
                new String[] {"suspects"}, new String[] {"export", "--out", folder.resolve("x.zip").toString(),
                    "--conversation", "1"}, new String[] {"purge", "--older-than", "30d"},
                new String[] {"referrals", "--out", folder.resolve("out").toString(), "--organisation", "Demo NGO",
                    "--contact", "demo@example.org"},
                new String[] {"evidence", "checkpoint"})) {
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.addAll(List.of("--db", typo, "--key", key()));
            Run run = sweetie(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(command[0]).isEqualTo(1);
            assertThat(run.err()).as(command[0]).contains("no Sweetie store at " + typo);
            assertThat(Path.of(typo)).as(command[0]).doesNotExist();
        }
    }

    @Test
    void aFileThatIsNoDatabaseIsSaidInOneLine() throws Exception {
        Path notADatabase = Files.writeString(folder.resolve("notes.db"), "not a database\n");
        Run run = sweetie("conversations", "--db", notADatabase.toString(), "--key", key());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("sweetie conversations: cannot open the store " + notADatabase)
                .contains("not a database").doesNotContain("\\u000a").doesNotContain("SQL State").hasLineCount(1);
    }

    @Test
    void aPlaceThatCannotBeWrittenIsNamedNotATemporaryFile() throws Exception {
        Path file = log("irc.libera.dave.weechatlog", "2013-10-01 10:00:00\tdave\thi",
                "2013-10-01 10:00:05\tSweetie10\thello");
        sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10", file.toString());
        Path missing = folder.resolve("no-such-folder").resolve("x.zip");
        Run export = sweetie("export", "--db", db(), "--key", key(), "--conversation", "1", "--out",
                missing.toString());
        assertThat(export.exitCode()).isEqualTo(1);
        assertThat(export.err()).isEqualTo("sweetie export: cannot write " + missing + ": " + missing.getParent()
                + " does not exist\n");
        assertThat(folder.resolve("no-such-folder")).doesNotExist();
    }

    @Test
    void durationsAreWrittenAsInTheDeploymentFile() {
        Run bad = sweetie("purge", "--older-than", "2x", "--db", db(), "--key", key());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("expected a duration like 500ms, 30s, 2m, 1h or 7d, got '2x'")
                .contains("sweetie purge --help").doesNotContain("Usage:");
    }

    @Test
    void theDemoImportsTheSamplesIntoAFreshStoreEachTime() {
        Run first = sweetie("demo", "--data", folder.toString());
        Run second = sweetie("demo", "--data", folder.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("5 files (0 skipped, 0 changed since imported, 0 without the persona), "
                + "6 conversations, "
                + "33 messages and 6 events added");
        assertThat(first.out()).contains("i give you 20 dollars for a sexy show on cam")
                .contains("ich bin aus Köln").contains("(bot): im 10").contains("(operator op-anna)");
        assertThat(second.out()).contains("33 messages and 6 events added");
        assertThat(first.out()).contains("./sweetie console --db " + folder.resolve("demo.db"));
        // then the sandbox crowd (seed 1, 40 partners): the same people say the same things each time
        for (Run run : new Run[] {first, second}) {
            assertThat(run.out()).contains("Sandbox session captured:")
                    .containsPattern("conversations\\s+40\\n")
                    .containsPattern("qualified: WCST\\s+[1-9]")
                    .contains("One of the conversations that qualified as WCST:")
                    .contains("OK: ").contains("complete and in order");
        }
        assertThat(second.out()).contains("Stored: 1 persona, 49 accounts, 46 conversations, ").contains("(bot): This conversation is recorded.").contains("deterrence warning level 1");
        assertThat(first.err()).contains("conversations,").contains("WCST");
    }

    @Test
    void guardCheckDecidesEachDraftFromStdinWithItsRule() {
        Run run = sweetieWithInput("where are you from?\tcebu\ni give you 20 dollars\tok\ni am n a k e d\t"
                + "i am n a k e d\n\tzxqv blorft po\n", "guard", "check", "--json", "--context");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "{\"draft\":\"cebu\",\"decision\":\"allowed\",\"rule\":\"allowed\",\"reason\":\"in the persona's "
                        + "register and no rule refuses it\","
                        + "\"partner\":\"where are you from?\"}",
                "{\"draft\":\"ok\",\"decision\":\"refused\",\"rule\":\"assent\",\"reason\":\"it answers a proposal "
                        + "or request with assent: 'ok'\",\"partner\":\"i give you 20 dollars\"}",
                "{\"draft\":\"i am n a k e d\",\"decision\":\"refused\",\"rule\":\"sexual-content\",\"reason\":\"it "
                        + "has sexual content: 'n a k e d'\",\"partner\":\"i am n a k e d\"}",
                "{\"draft\":\"zxqv blorft po\",\"decision\":\"held\",\"rule\":\"register\",\"reason\":\"'zxqv' "
                        + "is not a word of the persona's register\",\"partner\":\"\"}");
        Run plain = sweetieWithInput("hello\u001b[31m\n", "guard", "check");
        assertThat(plain.out()).startsWith("refused\thidden-text\t").doesNotContain("\u001b");
    }

    @Test
    void runCapturesTheSandboxOfADeploymentFileUntilItsTimeIsUp() throws IOException {
        Path config = Files.writeString(folder.resolve("sweetie.yaml"), """
                personas:
                  - nicknames: [Sweetie10]
                    age: 10
                    country: PH
                    sandbox:
                      - partners: 5
                        concurrent: 5
                        pace: 0ms
                """);
        Run run = sweetie("run", "--config", config.toString(), "--db", db(), "--key", key(), "--for", "PT3S",
                "--summary-every", "1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("sweetie run: sweetie10 on sandbox (sandbox)");
        assertThat(run.out()).containsPattern("conversations\\s+5\\n");
        Run listed = sweetie("conversations", "--db", db(), "--key", key());
        assertThat(listed.out()).contains("sandbox");
    }

    @Test
    void onlyThisUserCanReadANewStoreItsFolderAndItsKey() throws Exception {
        Path data = folder.resolve("new-data");
        Path file = log("irc.libera.dave.weechatlog", "2013-10-01 10:00:00\tdave\thi",
                "2013-10-01 10:00:05\tSweetie10\thello");
        assertThat(sweetie("import", "--db", data.resolve("sweetie.db").toString(), "--key",
                data.resolve("evidence.key").toString(), "--persona", "Sweetie10", file.toString()).exitCode())
                .isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        try (var files = Files.list(data)) {
            for (Path f : files.toList()) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                        .as(f.getFileName().toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void aRunPurgesOnScheduleTheContactsItsRetentionNoLongerKeeps() throws Exception {
        Path logs = Files.createDirectories(folder.resolve("old-logs"));
        Files.writeString(logs.resolve("irc.libera.amy.weechatlog"), "2013-10-01 10:00:00\tamy\thi, nice weather\n"
                + "2013-10-01 10:00:05\tSweetie10\thi\n");
        Files.writeString(logs.resolve("irc.libera.dave.weechatlog"), "2013-10-01 11:00:00\tdave\thow old r u\n"
                + "2013-10-01 11:00:05\tSweetie10\tim 10\n"
                + "2013-10-01 11:00:10\tdave\ti give you 20 dollars for a sexy show on cam\n");
        assertThat(sweetie("import", "--db", db(), "--key", key(), "--persona", "Sweetie10", logs.toString())
                .exitCode()).isZero();
        String deployment = """
                personas:
                  - nicknames: [Sweetie10]
                    sandbox:
                      - partners: 1
                        pace: 0ms
                retention: {after: %s, every: 1s}
                """;
        // imported today: kept for the retention's 30 days, however old its lines are
        Path month = Files.writeString(folder.resolve("month.yaml"), deployment.formatted("30d"));
        Run kept = sweetie("run", "--config", month.toString(), "--db", db(), "--key", key(), "--for", "2s");
        assertThat(kept.exitCode()).as(kept.err()).isZero();
        assertThat(kept.err()).doesNotContain("retention: deleted");
        assertThat(sweetie("conversations", "--db", db(), "--key", key()).out()).contains("libera: amy");

        Path second = Files.writeString(folder.resolve("second.yaml"), deployment.formatted("1s"));
        Run run = sweetie("run", "--config", second.toString(), "--db", db(), "--key", key(), "--for", "3s");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("sweetie: retention: deleted ");
        String listed = sweetie("conversations", "--db", db(), "--key", key()).out();
        assertThat(listed).as("a qualified partner is kept").contains("libera: dave").doesNotContain("amy");
    }

    @Test
    void aRunLogsItsEventsAsJsonLinesWithoutChatContent() throws Exception {
        Path config = Files.writeString(folder.resolve("sweetie.yaml"), """
                personas:
                  - nicknames: [Sweetie10]
                    sandbox:
                      - partners: 2
                        pace: 0ms
                """);
        Path log = folder.resolve("logs").resolve("run.jsonl");
        Run run = sweetie("run", "--config", config.toString(), "--db", db(), "--key", key(), "--for", "1s",
                "--log", log.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> messages = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            messages.add(mapper.readTree(line).get("message").asText());
        }
        assertThat(messages.getFirst()).startsWith("run started: 1 connection(s), store " + db());
        assertThat(messages.getLast()).isEqualTo("run ended");
        String stored = sweetie("transcript", "--db", db(), "--key", key(), "1").out();
        String partnerLine = stored.lines().filter(l -> l.contains(" < ")).findFirst().orElseThrow();
        assertThat(Files.readString(log)).doesNotContain(partnerLine.substring(partnerLine.indexOf(": ") + 2));
    }

    /**
     * Each process keeps the evidence log's tree in memory: a command appending to the log beside a run would take
     * the index the run takes next. Those commands refuse while a run holds the store, and add nothing.
     */
    @Test
    void commandsThatAddToTheEvidenceLogRefuseWhileARunHoldsTheStore() throws Exception {
        Path log = log("irc.examplenet.mark.weechatlog",
                "2013-10-01 21:58:02\tmark\thi, how old r u?",
                "2013-10-01 21:58:30\tSweetie10\tim 10");
        assertThat(sweetie("import", "--persona", "Sweetie10", "--db", db(), "--key", key(), log.toString())
                .exitCode()).isZero();
        long entries;
        try (var store = openStore()) {
            entries = store.evidence().size();
        }
        try (var running = org.sweetie.store.RunLock.claim(db())) {
            for (List<String> command : List.of(
                    List.of("import", "--persona", "Sweetie10", log.toString()),
                    List.of("purge", "--older-than", "0s"),
                    List.of("users", "disable", "nobody"),
                    List.of("suspects", "split", "--account", "mark@examplenet", "--analyst", "ann"),
                    List.of("evidence", "checkpoint"))) {
                List<String> args = new java.util.ArrayList<>(command);
                args.addAll(List.of("--db", db(), "--key", key()));
                Run refused = sweetie(args.toArray(String[]::new));
                assertThat(refused.exitCode()).as(String.join(" ", command)).isEqualTo(1);
                assertThat(refused.err()).as(String.join(" ", command))
                        .contains("another sweetie process is writing to " + db() + " (sweetie run, pid ")
                        .contains("adds to the same evidence log");
            }
        }
        try (var store = openStore()) {
            assertThat(store.evidence().size()).as("nothing added while the run held the store").isEqualTo(entries);
        }
    }

    @Test
    void aSecondRunOnTheSameStoreRefusesToStart() throws IOException {
        Path config = Files.writeString(folder.resolve("sweetie.yaml"), """
                personas:
                  - nicknames: [Sweetie10]
                    sandbox:
                      - partners: 1
                """);
        try (var running = org.sweetie.store.RunLock.claim(db())) {
            Run second = sweetie("run", "--config", config.toString(), "--db", db(), "--key", key(), "--for", "1s");
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err())
                    .startsWith("sweetie run: another sweetie process is writing to " + db() + " (sweetie run, pid ");
            assertThat(second.err()).doesNotContain("sandbox (sandbox)"); // refused before connecting anywhere
        }
    }

    @Test
    void aBrokenDeploymentFileIsAConfigurationErrorNamingTheKey() throws IOException {
        Path config = Files.writeString(folder.resolve("broken.yaml"), """
                personas:
                  - nicknames: [Sweetie10]
                    irc:
                      - network: testnet
                        host: 127.0.0.1
                        port: many
                """);
        Run run = sweetie("run", "--config", config.toString(), "--db", db(), "--key", key());
        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("personas[0].irc[0].port: expected a whole number, got 'many'");
    }

    @Test
    void theImportBenchmarkReportsItsRate() {
        Run run = sweetie("bench", "import", "--lines", "20000");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("generated 20,000 lines").contains("lines/s").contains("peak heap");
        assertThat(run.out()).contains("19980 messages and 20 events added");
    }

    @Test
    void theImportBenchmarkWarmsUpUntimedAndRefusesANegativeWarmUp() {
        Run run = sweetie("bench", "import", "--lines", "3000", "--warm-up", "2000", "--compare");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().split("warmed up on 2,000 lines", -1)).hasSize(3); // before each of the two legs
        assertThat(run.out()).contains("2997 messages and 3 events added").contains("of the store-only rate");

        Run negative = sweetie("bench", "import", "--lines", "3000", "--warm-up", "-1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("--warm-up").contains("-1");
    }

    @Test
    void theConsoleBenchmarkFillsAStoreAndTimesEveryPage() {
        Run run = sweetie("bench", "console", "--conversations", "60", "--messages", "600", "--requests", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("filled SQLite with 60 conversations and 600 messages");
        assertThat(run.out()).contains("list, page 1 ").contains("filtered list").contains("transcript")
                .contains("suspects").contains("a suspect").contains("audit (supervisor)");
        assertThat(run.out()).contains("first view after a change").contains("a new conversation naming a known email")
                .contains("a new line in an old conversation").contains("search by country");
        assertThat(run.err()).contains("filling: 60 conversations, 600 messages");
    }
}
