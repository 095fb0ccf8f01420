package org.sweetie.capture.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Account;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.Conversation;
import org.sweetie.core.Direction;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.core.Network;

class WeechatImportTest extends ImportFixture {

    Path aliceLog() throws Exception {
        return write("weechat/irc.libera.alice_77.weechatlog",
                "2013-10-01 12:00:00\t-->\talice_77 (~al@198.51.100.7) has joined #kids",
                "2013-10-01 12:00:01\talice_77\thi there",
                "2013-10-01 12:00:05\t@Sweetie10\thello",
                "2013-10-01 12:00:09\talice_77\tasl?",
                "2013-10-01 12:00:09\talice_77\tasl?",
                "2013-10-01 12:00:20\t *\talice_77 waves",
                "2013-10-01 12:00:30\t--\talice_77 is now known as al_away",
                "2013-10-01 12:00:31\tal_away\tstill there?",
                "2013-10-01 12:00:40\tSweetie10\tyes");
    }

    Path bobLog() throws Exception {
        return write("weechat/irc.libera.bob.weechatlog",
                "2013-10-02 08:00:00\tbob\thello kid",
                "2013-10-02 08:00:10\tsweetie_ph\thi");
    }

    @Test
    void aFolderOfPrivateBuffersGivesOneConversationPerPartnerInOrder() throws Exception {
        aliceLog();
        bobLog();
        ImportSummary summary = importAll(folder.resolve("logs"));

        assertThat(summary.conversations()).isEqualTo(2);
        assertThat(summary.messagesAdded()).isEqualTo(9);
        assertThat(rejections).isEmpty();

        Conversation alice = only("alice_77");
        assertThat(alice.key().network()).isEqualTo(Network.irc("libera"));
        assertThat(alice.key().isPrivate()).isTrue();
        List<Message> messages = store.messages(alice.id());
        assertThat(messages).extracting(Message::text).containsExactly("hi there", "hello", "asl?", "asl?",
                "/me waves", "still there?", "yes");
        assertThat(messages).extracting(Message::direction).containsExactly(Direction.INBOUND, Direction.OUTBOUND,
                Direction.INBOUND, Direction.INBOUND, Direction.INBOUND, Direction.INBOUND, Direction.OUTBOUND);
        assertThat(messages).extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(messages.get(0).time()).isEqualTo(Instant.parse("2013-10-01T12:00:01Z"));
        assertThat(messages.get(1).author().kind()).isEqualTo(AuthorKind.PERSONA_OPERATOR);
        assertThat(messages.get(1).sender()).isEqualTo("Sweetie10");

        assertThat(store.messages(only("bob").id())).extracting(Message::direction)
                .containsExactly(Direction.INBOUND, Direction.OUTBOUND);
    }

    @Test
    void joinsAndNickChangesAreEventsAndFollowTheAccount() throws Exception {
        importAll(aliceLog());
        Conversation alice = only("alice_77");
        assertThat(store.events(alice.id())).extracting(e -> e.kind())
                .containsExactly(EventKind.JOIN, EventKind.NICK_CHANGE);
        assertThat(store.events(alice.id()).getFirst().detail()).contains("~al@198.51.100.7");
        Account account = store.account(Network.irc("libera"), "alice_77");
        assertThat(account.host()).isEqualTo("~al@198.51.100.7");
        assertThat(account.displayNames()).contains("alice_77", "al_away");
    }

    @Test
    void importingTwiceChangesNothing() throws Exception {
        aliceLog();
        bobLog();
        importAll(folder.resolve("logs"));
        var before = store.counts();
        List<Message> aliceBefore = store.messages(only("alice_77").id());

        ImportSummary again = importAll(folder.resolve("logs"));

        assertThat(store.counts()).isEqualTo(before);
        assertThat(store.messages(only("alice_77").id())).isEqualTo(aliceBefore);
        assertThat(again.messagesAdded()).isZero();
        assertThat(again.linesAlreadyImported()).isEqualTo(11);
        assertThat(again.eventsAdded()).isZero();
    }

    @Test
    void aCopyUnderAnotherNameIsRecognisedByItsBytes() throws Exception {
        Path log = aliceLog();
        String padding = "2013-10-01 11:00:00\talice_77\tpadding so the file has a full head\n".repeat(80);
        Files.writeString(log, padding + Files.readString(log));
        importAll(log);
        Path copy = Files.copy(log, folder.resolve("copy-of-alice.weechatlog"));
        Files.move(copy, folder.resolve("irc.libera.alice_77.weechatlog"));

        ImportSummary again = importAll(folder.resolve("irc.libera.alice_77.weechatlog"));

        assertThat(again.messagesAdded()).isZero();
        assertThat(again.linesAlreadyImported()).isEqualTo(89);
    }

    @Test
    void aLogWhoseImportedLinesChangedIsRefusedAndNamed() throws Exception {
        Path log = aliceLog();
        importAll(log);
        Files.writeString(log, Files.readString(log).replace("asl?", "ASL?"));

        ImportSummary again = importAll(log);

        assertThat(again.changedFiles()).isEqualTo(1);
        assertThat(again.messagesAdded()).isZero();
        assertThat(skippedFiles).singleElement().asString().contains(log.toString())
                .contains("changed since it was imported").contains("no longer have SHA-256");
        assertThat(texts(only("alice_77"))).contains("asl?").doesNotContain("ASL?");
    }

    /** A client killed mid-write, or an editor, leaves the last line without LF: its bytes count once. */
    @Test
    void aLogWhoseLastLineHasNoNewlineIsRecordedByItsExactBytesAndUnchangedOnTheNextImport() throws Exception {
        Path log = folder.resolve("irc.libera.alice_77.weechatlog");
        byte[] bytes = ("2013-10-01 12:00:01\talice_77\thi there\n"
                + "2013-10-01 12:00:05\tSweetie10\thello").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(log, bytes);
        importAll(log);

        String head = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(bytes));
        assertThat(store.importedFiles(log.toString(), head)).singleElement().satisfies(f -> {
            assertThat(f.bytes()).isEqualTo(bytes.length);
            assertThat(f.sha256()).isEqualTo(head);
        });
        ImportSummary again = importAll(log);

        assertThat(again.changedFiles()).isZero();
        assertThat(skippedFiles).isEmpty();
        assertThat(again.messagesAdded()).isZero();
        assertThat(again.linesAlreadyImported()).isEqualTo(2);
    }

    @Test
    void whatALogSaidBeforeTheNewLinesStillCounts() throws Exception {
        Path log = write("irc.libera.erin.weechatlog",
                "2013-10-01 12:00:01\terin\thi",
                "2013-10-01 12:00:02\t--\tYou are now known as sweetie_new");
        importAll(log);
        Files.writeString(log, "2013-10-01 12:00:03\tsweetie_new\thello\n", StandardOpenOption.APPEND);

        importAll(log);

        assertThat(store.messages(only("erin").id())).extracting(Message::direction)
                .containsExactly(Direction.INBOUND, Direction.OUTBOUND);
    }

    @Test
    void aLogThatGrewAddsOnlyItsNewLines() throws Exception {
        Path log = aliceLog();
        importAll(log);
        Files.writeString(log, "2013-10-01 12:01:00\talice_77\tbye\n", StandardOpenOption.APPEND);

        ImportSummary again = importAll(log);

        assertThat(again.messagesAdded()).isEqualTo(1);
        assertThat(texts(only("alice_77"))).hasSize(8).endsWith("bye");
        assertThat(store.messages(only("alice_77").id()).getLast().seq()).isEqualTo(8);
    }

    @Test
    void malformedLinesAreReportedWithFileLineAndReasonAndTheRestIsImported() throws Exception {
        Path log = write("irc.libera.carol.weechatlog",
                "2013-10-01 12:00:01\tcarol\tfirst",
                "this is not a weechat line",
                "2013-13-01 12:00:02\tcarol\tbad month",
                "2013-10-01 12:00:03\tcarol\tlast");

        ImportSummary summary = importUnchecked(log);

        assertThat(texts(only("carol"))).containsExactly("first", "last");
        assertThat(summary.rejectedLines()).isEqualTo(2);
        assertThat(rejections).extracting(Rejection::line).containsExactly(2L, 3L);
        assertThat(rejections.getFirst().toString())
                .isEqualTo(log.toAbsolutePath() + ":2: expected DATE TIME<TAB>PREFIX<TAB>TEXT");
        assertThat(rejections.get(1).reason()).contains("bad timestamp").contains("2013-13-01");
    }

    @Test
    void latin1AndWindowsLinesAreReadAsWhatTheyMeanNextToUtf8Lines() throws Exception {
        Path log = folder.resolve("irc.libera.dave.weechatlog");
        byte[] utf8 = "2013-10-01 12:00:01\tdave\tcafé ☕\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] latin1 = "2013-10-01 12:00:02\tdave\tcafé à Köln\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] windows = {'2', '0', '1', '3', '-', '1', '0', '-', '0', '1', ' ', '1', '2', ':', '0', '0', ':', '0',
            '3', '\t', 'd', 'a', 'v', 'e', '\t', '5', (byte) 0x80, ' ', (byte) 0x81, '\r', '\n'};
        Files.write(log, concat(utf8, latin1, windows));

        importUnchecked(log);

        assertThat(texts(only("dave"))).containsExactly("café ☕", "café à Köln", "5€ \u0081");
    }

    @Test
    void thePersonaKeepsItsLinesAfterItChangesNick() throws Exception {
        Path log = write("irc.libera.erin.weechatlog",
                "2013-10-01 12:00:01\terin\thi",
                "2013-10-01 12:00:02\t--\tYou are now known as sweetie_new",
                "2013-10-01 12:00:03\tsweetie_new\thello");
        importAll(log);
        assertThat(store.messages(only("erin").id())).extracting(Message::direction)
                .containsExactly(Direction.INBOUND, Direction.OUTBOUND);
    }

    @Test
    void filesThatAreNotLogsAreSkippedWithAReason() throws Exception {
        write("notes.txt", "hello world");
        write("irc.server.libera.weechatlog", "2013-10-01 12:00:01\t--\tWelcome");
        ImportSummary summary = importAll(folder.resolve("logs"));
        assertThat(summary.skippedFiles()).isEqualTo(2);
        assertThat(skippedFiles).anyMatch(r -> r.contains("server buffer"))
                .anyMatch(r -> r.contains("not a WeeChat, irssi or Sweetie JSON Lines log"));
    }

    @Test
    void aLineLongerThanTheLimitIsRejectedWithoutStoppingTheFile() throws Exception {
        Path log = folder.resolve("irc.libera.frank.weechatlog");
        String huge = "2013-10-01 12:00:01\tfrank\t" + "x".repeat(LogLines.MAX_LINE_BYTES + 10);
        Files.writeString(log, huge + "\n2013-10-01 12:00:02\tfrank\tshort\n");
        importUnchecked(log);
        assertThat(texts(only("frank"))).containsExactly("short");
        assertThat(rejections).singleElement().extracting(Rejection::reason).asString().contains("longer than");
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** WeeChat's log banners and its irc plugin's own lines are not the partner's events (item 15). */
    @Test
    void weechatsLogBannersAndConnectionLinesAreCountedNotStored() throws Exception {
        Path log = fixture("weechat/irc.examplenet.ivan.weechatlog");
        Path after = write("irc.examplenet.ivan.weechatlog",
                "2013-10-02 18:05:00\tivan\tare you back?",
                "2013-10-02 18:05:09\t--\tirc: disconnected from server",
                "2013-10-02 18:05:30\t--\tirc: reconnecting to server in 10 seconds",
                "2013-10-02 18:06:00\tSweetie10\tyes");

        ImportSummary summary = importAll(log, after);

        assertThat(rejections).isEmpty();
        assertThat(summary.clientLines()).isEqualTo(4);
        Conversation ivan = only("ivan");
        assertThat(store.events(ivan.id())).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.OTHER);
            assertThat(e.actor()).as("the partner WeeChat says is away").isEqualTo("ivan");
            assertThat(e.detail()).isEqualTo("[ivan] is away: brb");
            assertThat(e.afterSeq()).isEqualTo(3);
        });
    }
}
