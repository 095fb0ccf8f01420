package org.sweetie.capture.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Conversation;
import org.sweetie.core.Direction;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.core.Network;

class IrssiImportTest extends ImportFixture {

    @Test
    void aQueryLogTakesItsDatesFromTheHeadersAndItsNetworkFromTheFolder() throws Exception {
        Path log = write("irclogs/efnet/gregor.log",
                "--- Log opened Tue Oct 01 23:58:00 2013",
                "23:58 <gregor> hi",
                "23:59 <@Sweetie10> hello",
                "--- Day changed Wed Oct 02 2013",
                "00:01:30 < gregor> where r u from",
                "00:02  * gregor smiles",
                "00:03 -!- gregor [~g@203.0.113.9] has quit [Quit: later]",
                "--- Log closed Wed Oct 02 00:04:00 2013");

        ImportSummary summary = importAll(log);

        assertThat(rejections).isEmpty();
        Conversation gregor = only("gregor");
        assertThat(gregor.key().network()).isEqualTo(Network.irc("efnet"));
        List<Message> messages = store.messages(gregor.id());
        assertThat(messages).extracting(Message::text)
                .containsExactly("hi", "hello", "where r u from", "/me smiles");
        assertThat(messages).extracting(Message::direction)
                .containsExactly(Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND, Direction.INBOUND);
        assertThat(messages.get(0).time()).isEqualTo(Instant.parse("2013-10-01T23:58:00Z"));
        assertThat(messages.get(2).time()).isEqualTo(Instant.parse("2013-10-02T00:01:30Z"));
        assertThat(store.events(gregor.id())).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.QUIT);
            assertThat(e.detail()).contains("~g@203.0.113.9").contains("has quit");
        });
        assertThat(summary.messagesAdded()).isEqualTo(4);
    }

    @Test
    void linesAddedToALogKeepTheDateOfTheHeadersBeforeThem() throws Exception {
        Path log = write("irclogs/efnet/gregor.log",
                "--- Log opened Tue Oct 01 23:58:00 2013",
                "23:58 <gregor> hi",
                "--- Day changed Wed Oct 02 2013",
                "00:01 <gregor> still there?");
        importUnchecked(log);
        java.nio.file.Files.writeString(log, "00:02 <Sweetie10> yes\n", java.nio.file.StandardOpenOption.APPEND);

        ImportSummary again = importAll(log);

        assertThat(again.messagesAdded()).isEqualTo(1);
        assertThat(rejections).isEmpty();
        assertThat(store.messages(only("gregor").id()).getLast().time())
                .isEqualTo(Instant.parse("2013-10-02T00:02:00Z"));
    }

    @Test
    void aLineBeforeAnyDateIsRejectedAndTheNetworkCanBeGiven() throws Exception {
        Path log = write("query-harry.log",
                "--- Log closed Tue Oct 01 23:58:00 2013",
                "12:00 <harry> hi",
                "--- Log opened Tue Oct 01 12:00:00 2013",
                "12:01 <harry> hi again",
                "12:02 garbage without nick");

        importer("undernet").withoutPersonaCheck().importPaths(List.of(log));

        Conversation harry = only("query-harry");
        assertThat(harry.key().network().name()).isEqualTo("undernet");
        assertThat(texts(harry)).containsExactly("hi again");
        assertThat(rejections).extracting(Rejection::line).containsExactly(2L, 5L);
        assertThat(rejections.getFirst().reason()).contains("no date yet");
        assertThat(rejections.get(1).reason()).contains("not an irssi message");
    }

    @Test
    void fromAChannelLogOnlyWhatConcernsThePersonaIsKept() throws Exception {
        Path log = write("irclogs/libera/#kids.log",
                "--- Log opened Tue Oct 01 12:00:00 2013",
                "12:00 -!- ivan [~i@192.0.2.44] has joined #kids",
                "12:00 -!- judy [~j@192.0.2.45] has joined #kids",
                "12:01 <judy> anyone like minecraft?",
                "12:02 <ivan> sweetie10 hi, how old are you?",
                "12:03 <Sweetie10> ivan: im 10",
                "12:03 <Sweetie10> judy, me!",
                "12:04 -!- ivan is now known as ivan_",
                "12:05 <ivan_> SWEETIE10: cool",
                "12:06 <kim> sweetie100 is not you");

        ImportSummary summary = importAll(log);

        Conversation ivan = only("ivan");
        assertThat(ivan.key().channel()).isEqualTo("#kids");
        assertThat(texts(ivan)).containsExactly("sweetie10 hi, how old are you?", "ivan: im 10", "SWEETIE10: cool");
        assertThat(texts(only("judy"))).containsExactly("judy, me!");
        assertThat(store.events(ivan.id())).extracting(e -> e.kind()).containsExactly(EventKind.NICK_CHANGE);
        assertThat(store.account(Network.irc("libera"), "ivan").host()).isEqualTo("~i@192.0.2.44");
        assertThat(summary.skippedLines()).isEqualTo(4);
        assertThat(store.conversations()).hasSize(2);
    }

    /** irssi's own lines are not the partner's: "Starting query", channel totals and the log banners (item 15). */
    @Test
    void irssisOwnStatusLinesAreCountedNotStored() throws Exception {
        Path query = fixture("irssi/examplenet/gina.log");
        Path channel = fixture("irssi/examplenet/#kids.log");

        ImportSummary summary = importAll(query, channel);

        assertThat(store.events(only("gina").id())).isEmpty();
        assertThat(texts(only("gina"))).containsExactly("hi, how old r u?", "im 10");
        assertThat(summary.clientLines()).as("2 banners and Starting query; 2 banners and the channel total")
                .isEqualTo(6);
        assertThat(summary.eventsAdded()).isZero();
        assertThat(rejections).isEmpty();
    }

    /** irssi writes minutes only: the log's order, not the time, places the nick change among the lines. */
    @Test
    void eventsOfTheSameMinuteKeepTheLogsOrder() throws Exception {
        Path log = write("irclogs/efnet/gregor.log",
                "--- Log opened Tue Oct 01 23:58:00 2013",
                "23:58 <Sweetie10> hi",
                "23:58 -!- gregor is now known as greg",
                "23:58 <greg> hello",
                "23:58 <Sweetie10> how are you",
                "23:58 -!- greg [~g@203.0.113.9] has quit [Quit: later]");

        importAll(log);

        assertThat(store.events(only("gregor").id())).extracting(e -> e.kind(), e -> e.afterSeq())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventKind.NICK_CHANGE, 1L),
                        org.assertj.core.groups.Tuple.tuple(EventKind.QUIT, 3L));
    }
}
