package org.sweetie.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Flag;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.core.Protocol;
import org.sweetie.store.Stores;

/** Linking on a real store, with flags as the analysis writes them. */
class SuspectsTest {
    private static final Persona SWEETIE = Persona.ofNicknames(List.of("Sweetie10"));
    private static final Network LIBERA = Network.irc("libera");
    private static final Network JABBER = new Network("jabber", Protocol.XMPP);

    @TempDir
    Path dir;
    private ConversationStore store;

    @BeforeEach
    void open() {
        store = Stores.open(dir.resolve("store.db").toString());
        store.persona(SWEETIE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void strongIdentifiersLinkAccountsAndAFirstNameWithACityDoesNot() {
        // one person, two nicks, the same Skype name
        said(LIBERA, "dave_uk", "add me on skype dave.example", flag("skype", "dave.example"));
        said(LIBERA, "davey", "skype: dave.example", flag("skype", "dave.example"));
        // another, two networks, the same phone number
        said(LIBERA, "tom77", "text me +44 7700 900123", flag("phone", "+447700900123"));
        said(JABBER, "tom@example.org", "my number +44 7700 900123", flag("phone", "+447700900123"));
        // two people who share only a first name and a city
        said(LIBERA, "peter_a", "i am Peter from Leeds", flag("name", "Peter"), flag("location", "Leeds"));
        said(LIBERA, "peter_b", "Peter here, Leeds", flag("name", "Peter"), flag("location", "Leeds"));

        List<Profile> profiles = Suspects.read(store);

        assertThat(profiles).extracting(p -> p.suspect().accounts().stream().map(AccountRef::toString).toList())
                .containsExactlyInAnyOrder(List.of("dave_uk@libera", "davey@libera"),
                        List.of("tom77@libera", "tom@example.org@jabber"), List.of("peter_a@libera"),
                        List.of("peter_b@libera"));
        Profile dave = profiles.stream().filter(p -> p.suspect().accounts().size() == 2
                && p.suspect().accounts().getFirst().handle().equals("dave_uk")).findFirst().orElseThrow();
        assertThat(dave.suspect().links()).singleElement().satisfies(link -> {
            assertThat(link.key()).isEqualTo(new LinkKey("skype", "dave.example"));
            assertThat(link.sources()).hasSize(2);
        });
        assertThat(dave.level()).isEqualTo(Level.REACHABLE);
        Profile peter = profiles.stream().filter(p -> p.suspect().accounts().getFirst().handle().equals("peter_a"))
                .findFirst().orElseThrow();
        assertThat(peter.level()).isEqualTo(Level.NAMED);
    }

    @Test
    void aRejectedLinkSplitsTheSuspectAgain() {
        SuspectIndex index = new SuspectIndex();
        AccountRef a = new AccountRef(LIBERA, "a");
        AccountRef b = new AccountRef(LIBERA, "b");
        AccountRef c = new AccountRef(LIBERA, "c");
        LinkKey shared = new LinkKey("email", "x@example.com");
        index.add(a, shared, new Source(1, 1));
        index.add(b, shared, new Source(2, 1));
        index.add(c, new LinkKey("phone", "+447700900001"), new Source(3, 1));
        index.add(b, new LinkKey("phone", "+447700900001"), new Source(2, 2));
        assertThat(index.suspects()).hasSize(1);
        index.reject(shared, b);
        assertThat(index.suspects()).extracting(s -> s.accounts().size()).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void levelsFollowWhatWasRevealed() {
        said(LIBERA, "anon", "hi");
        said(LIBERA, "both", "mail x@example.com or +44 7700 900124", flag("email", "x@example.com"),
                flag("phone", "+447700900124"));
        said(LIBERA, "full", "i am Mark from Leeds, skype mark.example", flag("name", "Mark"),
                flag("location", "Leeds"), flag("skype", "mark.example"));
        List<Profile> profiles = Suspects.read(store);
        assertThat(profiles).extracting(p -> p.suspect().accounts().getFirst().handle() + " " + p.level().key())
                .containsExactly("anon anonymous", "both identified", "full identified");
    }

    private static Flag flag(String type, String normalized) {
        return new Flag(1, "identifier", type, normalized);
    }

    private void said(Network network, String partner, String text, Flag... flags) {
        Conversation c = store.conversation(ConversationKey.privateChat(network, SWEETIE, partner));
        try (ConversationStore.Appender appender = store.appender()) {
            appender.add(c, Message.received(Instant.parse("2026-01-01T10:00:00Z"), Author.PARTNER, partner, text,
                    null, null));
            for (Flag f : flags) {
                appender.flag(c, f);
            }
            appender.commit();
        }
    }
}
