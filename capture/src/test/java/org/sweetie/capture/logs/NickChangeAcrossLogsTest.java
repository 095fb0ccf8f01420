package org.sweetie.capture.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Account;
import org.sweetie.core.Conversation;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.core.Network;

/**
 * WeeChat and irssi close a query's log when the partner changes nick and go on in a file named after the new nick,
 * which begins with the nick change (issue 14, item 14). The partner stays one account with one conversation.
 */
class NickChangeAcrossLogsTest extends ImportFixture {
    private static final Network EXAMPLENET = Network.irc("examplenet");

    private Path gina() throws Exception {
        return fixture("irssi/examplenet/gina.log");
    }

    private Path gigi() throws Exception {
        return fixture("irssi/examplenet/gigi.log");
    }

    @Test
    void aQueryLogThatBeginsWithTheNickChangeGoesOnWithTheOldNicksConversation() throws Exception {
        gina();
        gigi(); // sorts first: it is imported after the file it goes on from all the same
        fixture("irssi/examplenet/#kids.log");

        ImportSummary summary = importAll(folder.resolve("logs"));

        assertThat(store.conversations()).extracting(c -> c.key().partnerAccount()).containsExactly("gina");
        Conversation gina = only("gina");
        assertThat(store.messages(gina.id())).extracting(Message::sender, Message::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("gina", "hi, how old r u?"),
                org.assertj.core.groups.Tuple.tuple("Sweetie10", "im 10"),
                org.assertj.core.groups.Tuple.tuple("gigi", "do u have a cam?"),
                org.assertj.core.groups.Tuple.tuple("Sweetie10", "no"));
        assertThat(store.events(gina.id())).extracting(Event::kind, Event::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EventKind.NICK_CHANGE, "is now known as gigi"),
                org.assertj.core.groups.Tuple.tuple(EventKind.QUIT, "(~gina@203.0.113.25) has quit [Quit: later]"));
        Account account = store.account(EXAMPLENET, "gina");
        assertThat(account.displayNames()).containsExactlyInAnyOrder("gina", "gigi");
        assertThat(account.host()).isEqualTo("~gina@203.0.113.25");
        assertThat(summary.conversations()).isEqualTo(1);
    }

    @Test
    void theOldNicksLogImportedInAnEarlierRunIsGoneOnWith() throws Exception {
        importAll(gina());
        importAll(gigi());

        assertThat(store.conversations()).singleElement()
                .satisfies(c -> assertThat(texts(c)).containsExactly("hi, how old r u?", "im 10", "do u have a cam?",
                        "no"));
    }

    @Test
    void theOldNicksLogImportedInALaterRunJoinsTheNewNicksLines() throws Exception {
        importAll(gigi());
        importAll(gina());

        assertThat(store.conversations()).singleElement().satisfies(c -> {
            assertThat(c.key().partnerAccount()).isEqualTo("gina");
            assertThat(texts(c)).containsExactlyInAnyOrder("hi, how old r u?", "im 10", "do u have a cam?", "no");
        });
    }

    @Test
    void weechatLogsOfANickChangeAreOnePartnerToo() throws Exception {
        fixture("weechat/irc.examplenet.ivan.weechatlog");
        fixture("weechat/irc.examplenet.iv.weechatlog");
        fixture("weechat/irc.examplenet.#kids.weechatlog");

        importAll(folder.resolve("logs"));

        assertThat(store.conversations()).singleElement().satisfies(c -> {
            assertThat(c.key().partnerAccount()).isEqualTo("ivan");
            assertThat(texts(c)).containsExactly("hello", "hi", "u there?", "back", "ok");
        });
        assertThat(store.account(EXAMPLENET, "ivan").displayNames()).containsExactlyInAnyOrder("ivan", "iv");
    }

    /** a, then b beginning "a is now known as b", then c beginning "b is now known as c": all a's. */
    @Test
    void aChainOfNickChangesIsOnePartnerWhateverOrderTheFilesAreFoundIn() throws Exception {
        write("irclogs/examplenet/zack.log", "--- Log opened Tue Oct 01 10:00:00 2013",
                "10:00 <zack> one", "10:01 <Sweetie10> hi zack");
        write("irclogs/examplenet/yves.log", "--- Log opened Tue Oct 01 10:02:00 2013",
                "10:02 -!- zack is now known as yves", "10:02 <yves> two", "10:02 <Sweetie10> hi yves");
        write("irclogs/examplenet/xeno.log", "--- Log opened Tue Oct 01 10:03:00 2013",
                "10:03 -!- yves is now known as xeno", "10:03 <xeno> three", "10:04 <Sweetie10> ok");

        importAll(folder.resolve("logs"));

        assertThat(store.conversations()).singleElement().satisfies(c -> {
            assertThat(c.key().partnerAccount()).isEqualTo("zack");
            assertThat(texts(c)).containsExactly("one", "hi zack", "two", "hi yves", "three", "ok");
        });
    }

    /** The persona never answered yves: that file is refused, and xeno's still goes on with zack's account. */
    @Test
    void aRefusedFileInTheMiddleOfAChainStillLinksTheFilesAfterIt() throws Exception {
        write("irclogs/examplenet/zack.log", "--- Log opened Tue Oct 01 10:00:00 2013",
                "10:00 <zack> one", "10:01 <Sweetie10> hi zack");
        write("irclogs/examplenet/yves.log", "--- Log opened Tue Oct 01 10:02:00 2013",
                "10:02 -!- zack is now known as yves", "10:02 <yves> two");
        write("irclogs/examplenet/xeno.log", "--- Log opened Tue Oct 01 10:03:00 2013",
                "10:03 -!- yves is now known as xeno", "10:03 <xeno> three", "10:04 <Sweetie10> ok");

        ImportSummary summary = importAll(folder.resolve("logs"));

        assertThat(summary.refusedFiles()).isEqualTo(1);
        assertThat(refusedFiles).singleElement().asString().contains("yves.log").contains("yves (1 lines)");
        assertThat(store.conversations()).singleElement()
                .satisfies(c -> assertThat(texts(c)).containsExactly("one", "hi zack", "three", "ok"));
    }

    @Test
    void aLaterRunFindsTheAccountByANickItWasSeenUnder() throws Exception {
        importAll(write("irclogs/examplenet/zack.log", "--- Log opened Tue Oct 01 10:00:00 2013",
                "10:00 <zack> one", "10:01 <Sweetie10> hi zack"));
        importAll(write("irclogs/examplenet/yves.log", "--- Log opened Tue Oct 01 10:02:00 2013",
                "10:02 -!- zack is now known as yves", "10:02 <yves> two", "10:02 <Sweetie10> hi yves"));
        importAll(write("irclogs/examplenet/xeno.log", "--- Log opened Tue Oct 01 10:03:00 2013",
                "10:03 -!- yves is now known as xeno", "10:03 <xeno> three", "10:04 <Sweetie10> ok"));

        assertThat(store.conversations()).singleElement()
                .satisfies(c -> assertThat(c.key().partnerAccount()).isEqualTo("zack"));
    }

    @Test
    void onlyTheFilesOwnPartnerChangingNickGoesOnFromAnotherLog() throws Exception {
        write("irclogs/examplenet/olga.log", "--- Log opened Tue Oct 01 10:00:00 2013",
                "10:00 -!- mike is now known as mikey", "10:00 <olga> hi", "10:01 <Sweetie10> hello");

        importAll(folder.resolve("logs"));

        assertThat(store.conversations()).extracting(c -> c.key().partnerAccount()).containsExactly("olga");
        assertThat(store.events(only("olga").id())).extracting(Event::actor).containsExactly("mike");
    }

    @Test
    void theNickChangeKeepsItsPlaceBeforeTheLinesOfTheSameMinute() throws Exception {
        gina();
        gigi();

        importAll(folder.resolve("logs"));

        List<Message> messages = store.messages(only("gina").id());
        assertThat(messages.get(2).time()).isEqualTo(store.events(only("gina").id()).getFirst().time());
        assertThat(store.events(only("gina").id())).extracting(Event::afterSeq).containsExactly(2L, 4L);
    }
}
