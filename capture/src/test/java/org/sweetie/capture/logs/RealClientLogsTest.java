package org.sweetie.capture.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Account;
import org.sweetie.core.Conversation;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.store.Stores;
import org.sweetie.capture.live.irc.LocalNgircd;
import org.sweetie.capture.live.irc.PlainIrcClient;
import org.sweetie.capture.logs.clients.HeadlessClient;
import org.sweetie.capture.logs.clients.HeadlessIrssi;
import org.sweetie.capture.logs.clients.HeadlessWeechat;

/**
 * Logs written by the real WeeChat and irssi (Debian's weechat-headless and irssi), each a persona on a real ngircd,
 * talking with a partner who changes nick; then imported. The clients write the logs during {@link #talk()}, once
 * for all tests here. Without the clients the tests fail: CI installs them.
 */
class RealClientLogsTest extends ImportFixture {
    private static final String NETWORK = "testnet";

    static Path weechatLogs;
    static Path irssiLogs;
    private static Path dir;

    @BeforeAll
    static void talk() throws IOException {
        dir = java.nio.file.Files.createTempDirectory("sweetie-real-clients");
        try (LocalNgircd server = new LocalNgircd(dir);
             HeadlessWeechat weechat = new HeadlessWeechat(dir.resolve("weechat"), NETWORK, server.port(),
                     "Sweetie10", "#room");
             HeadlessIrssi irssi = new HeadlessIrssi(dir.resolve("irssi"), NETWORK, server.port(), "Sweetie11",
                     "#room")) {
            List<HeadlessClient> personas = List.of(weechat, irssi);
            for (HeadlessClient persona : personas) {
                persona.awaitLogged("#room", persona.nick());
            }
            try (PlainIrcClient hank = new PlainIrcClient(server.port(), "hank", "hank", "Hank")) {
                hank.send("JOIN #room");
                // a client hears of a partner's nick change only through a channel they share
                personas.forEach(p -> p.awaitLogged("#room", "hank"));
                for (HeadlessClient persona : personas) {
                    hank.privmsg(persona.nick(), "hi " + persona.nick());
                    persona.awaitLogged("hank", "hi " + persona.nick());
                    persona.type("/msg hank hello hank");
                    persona.awaitLogged("hank", "hello hank");
                }
                hank.send("NICK hal"); // a name that sorts before the old one: its file is found first
                personas.forEach(p -> p.awaitLogged("hal", "hank is now known as hal"));
                for (HeadlessClient persona : personas) {
                    hank.privmsg(persona.nick(), "still there?");
                    persona.awaitLogged("hal", "still there?");
                    persona.type("/msg hal yes");
                    persona.awaitLogged("hal", "yes");
                }
                hank.send("QUIT :bye");
                personas.forEach(p -> p.awaitLogged("hal", "has quit"));
            }
            try (PlainIrcClient zed = new PlainIrcClient(server.port(), "zed", "zed", "Zed")) {
                for (HeadlessClient persona : personas) {
                    zed.privmsg(persona.nick(), "anyone?"); // never answered
                    persona.awaitLogged("zed", "anyone?");
                }
            }
        }
        weechatLogs = dir.resolve("weechat").resolve("logs");
        irssiLogs = dir.resolve("irssi").resolve("irclogs");
    }

    @AfterAll
    static void removeLogs() throws IOException {
        if (dir != null) {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final Persona WEECHAT_PERSONA = Persona.ofNicknames(List.of("Sweetie10"));
    private static final Persona IRSSI_PERSONA = Persona.ofNicknames(List.of("Sweetie11"));

    private ImportSummary importAs(Persona persona, Path... paths) throws IOException {
        return importer(persona, null).importPaths(List.of(paths));
    }

    /** Issue 14, item 14: the new nick's log goes on with the old nick's account and conversation. */
    @Test
    void aPartnerWhoChangesNickStaysOneAccountAndOneConversationInWeechatLogs() throws IOException {
        ImportSummary summary = importAs(WEECHAT_PERSONA, weechatLogs);

        assertThat(rejections).isEmpty();
        assertHankIsOnePartner("Sweetie10");
        assertThat(summary.conversations()).isEqualTo(1);
    }

    @Test
    void aPartnerWhoChangesNickStaysOneAccountAndOneConversationInIrssiLogs() throws IOException {
        ImportSummary summary = importAs(IRSSI_PERSONA, irssiLogs);

        assertThat(rejections).isEmpty();
        assertHankIsOnePartner("Sweetie11");
        assertThat(summary.conversations()).isEqualTo(1);
    }

    private void assertHankIsOnePartner(String persona) {
        assertThat(store.conversations()).extracting(c -> c.key().partnerAccount()).containsExactly("hank");
        Conversation hank = only("hank");
        assertThat(hank.key().isPrivate()).isTrue();
        assertThat(store.messages(hank.id())).extracting(Message::sender, Message::text).containsExactly(
                tuple("hank", "hi " + persona), tuple(persona, "hello hank"), tuple("hal", "still there?"),
                tuple(persona, "yes"));
        assertThat(store.messages(hank.id())).extracting(m -> m.author().isPersona())
                .containsExactly(false, true, false, true);
        Account account = store.account(Network.irc(NETWORK), "hank");
        assertThat(account.displayNames()).containsExactlyInAnyOrder("hank", "hal");
        assertThat(account.host()).isEqualTo("~hank@127.0.0.1");
    }

    /**
     * Issue 14, item 15: irssi writes minutes only, so the nick change, hal's line, the persona's answer and hal's
     * quit all have the same time; each event keeps its place among the messages as the log has it.
     */
    @Test
    void eventsKeepTheirPlaceAmongTheMessagesAsTheLogHasThem() throws IOException {
        for (var client : List.of(java.util.Map.entry(WEECHAT_PERSONA, weechatLogs),
                java.util.Map.entry(IRSSI_PERSONA, irssiLogs))) {
            closeStore();
            store = Stores.open(folder.resolve(client.getKey().handle() + ".db").toString());
            importAs(client.getKey(), client.getValue());

            assertThat(store.events(only("hank").id())).extracting(Event::kind, Event::actor, Event::afterSeq)
                    .containsExactly(tuple(EventKind.NICK_CHANGE, "hank", 2L), tuple(EventKind.QUIT, "hal", 4L));
        }
    }

    /** The clients' own lines (log banners, "Starting query") are not the partner's events. */
    @Test
    void theClientsOwnLinesAreCountedNotStored() throws IOException {
        ImportSummary weechat = importAs(WEECHAT_PERSONA, weechatLogs.resolve("irc.testnet.hank.weechatlog"),
                weechatLogs.resolve("irc.testnet.hal.weechatlog"));
        ImportSummary irssi = importAs(IRSSI_PERSONA, irssiLogs.resolve(NETWORK).resolve("hank.log"),
                irssiLogs.resolve(NETWORK).resolve("hal.log"));

        assertThat(weechat.clientLines()).as("Beginning and End of log, twice").isEqualTo(4);
        assertThat(irssi.clientLines()).as("Log opened and closed twice, Starting query once").isEqualTo(5);
        assertThat(store.conversations()).allSatisfy(c -> assertThat(store.events(c.id()))
                .extracting(Event::kind).containsExactly(EventKind.NICK_CHANGE, EventKind.QUIT));
        assertThat(weechat.rejectedLines() + irssi.rejectedLines()).isZero();
    }

    /** The persona check: a wrong --persona stores nothing and names the nicks the logs hold. */
    @Test
    void aWrongPersonaIsRefusedFileByFileNamingTheNicksInEach() throws IOException {
        ImportSummary summary = importAs(Persona.ofNicknames(List.of("Sweetie99")), irssiLogs);

        assertThat(summary.refusedFiles()).isEqualTo(3);
        assertThat(store.conversations()).isEmpty();
        assertThat(refusedFiles).anySatisfy(r -> assertThat(r).startsWith(irssiLogs.resolve(NETWORK)
                .resolve("hank.log") + ": none of the persona's nicks (Sweetie99) appears in it")
                .contains("Sweetie11 (1 lines)").contains("hank (1 lines)"));
        assertThat(refusedFiles).noneMatch(r -> r.contains("#room.log"));
    }

    @Test
    void aQueryThePersonaNeverAnsweredIsRefusedAndTheOtherFilesAreImported() throws IOException {
        ImportSummary summary = importAs(IRSSI_PERSONA, irssiLogs);

        assertThat(summary.refusedFiles()).isEqualTo(1);
        assertThat(refusedFiles).singleElement().asString()
                .startsWith(irssiLogs.resolve(NETWORK).resolve("zed.log").toString()).contains("zed (1 lines)");
        assertThat(texts(only("hank"))).hasSize(4);

        ImportSummary checked = importer(IRSSI_PERSONA, null).withoutPersonaCheck().importPaths(List.of(irssiLogs));
        assertThat(checked.refusedFiles()).isZero();
        assertThat(texts(only("zed"))).containsExactly("anyone?");
    }

    /** The old nick's log may come in an earlier run or a later one: the partner is one account either way. */
    @Test
    void theNewNicksLogJoinsTheOldNicksConversationWhicheverIsImportedFirst() throws IOException {
        Path hank = weechatLogs.resolve("irc.testnet.hank.weechatlog");
        Path hal = weechatLogs.resolve("irc.testnet.hal.weechatlog");
        importAs(WEECHAT_PERSONA, hal);
        importAs(WEECHAT_PERSONA, hank);
        assertThat(store.conversations()).singleElement().satisfies(c ->
                assertThat(store.messages(c.id())).hasSize(4));

        closeStore();
        store = Stores.open(folder.resolve("other-order.db").toString());
        importAs(WEECHAT_PERSONA, hank);
        importAs(WEECHAT_PERSONA, hal);
        assertThat(store.conversations()).singleElement().satisfies(c ->
                assertThat(store.messages(c.id())).extracting(Message::text)
                        .containsExactly("hi Sweetie10", "hello hank", "still there?", "yes"));
    }

    @Test
    void aDryRunShowsWhoAndWhenAndStoresNothing() throws IOException {
        ImportSummary summary = importer(IRSSI_PERSONA, null).dryRun().importPaths(List.of(irssiLogs));

        assertThat(store.conversations()).isEmpty();
        assertThat(store.counts().messages()).isZero();
        assertThat(summary.messagesAdded()).isEqualTo(4);
        FilePlan hal = plans.stream().filter(p -> p.file().endsWith("hal.log")).findFirst().orElseThrow();
        assertThat(hal.format()).isEqualTo(LogFormat.IRSSI);
        assertThat(hal.continues()).isEqualTo("hank");
        assertThat(hal.conversations()).singleElement().satisfies(c -> {
            assertThat(c.partner()).isEqualTo("hank");
            assertThat(c.partnerNames()).containsExactly("hank", "hal");
            assertThat(c.personaNames()).containsExactly("Sweetie11");
            assertThat(c.personaMessages()).isEqualTo(1);
            assertThat(c.partnerMessages()).isEqualTo(1);
            assertThat(c.events()).isEqualTo(2);
            assertThat(c.first()).isNotNull().isBeforeOrEqualTo(c.last());
        });
        assertThat(plans).filteredOn(p -> p.refusal() != null).singleElement()
                .satisfies(p -> assertThat(p.file().getFileName()).hasToString("zed.log"));
    }
}
