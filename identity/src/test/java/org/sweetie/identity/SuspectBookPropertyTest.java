package org.sweetie.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Flag;
import org.sweetie.core.LinkDecision;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.store.Stores;

/**
 * Property: whatever sequence of changes the store goes through (new conversations, lines, identifiers,
 * qualification, warnings, referral marks, nick changes, hosts, decisions, deletions), the suspects a
 * {@link SuspectBook} keeps up to date from what changed equal those {@link Suspects#read} reads from scratch, in the
 * same order and with the same numbers, links, sources and priorities. Seeded: a failure names its seed and step.
 */
class SuspectBookPropertyTest {
    private static final Persona SWEETIE = Persona.ofNicknames(List.of("Sweetie10"));
    private static final Persona LUNA = Persona.ofNicknames(List.of("luna11"));
    private static final Network[] NETWORKS = {Network.irc("libera"), Network.irc("efnet")};
    private static final String[] PARTNERS = {"dave", "davey", "erin", "frank", "gus", "hal", "ivan", "jon"};
    private static final String[] EMAILS = {"dave@example.com", "erin@example.org", "x1@example.net"};
    private static final String[] PHONES = {"+44 7700 900123", "+44 7700 900456"};
    private static final String[] HOSTS = {"~d@192.0.2.1", "~e@198.51.100.7", "u@irccloud.example.net",
        "~f@203.0.113.9"};
    private static final String[] LINES = {"hi", "how old r u", "lol", "can we meet?", "do you have a sister",
        "bye"};
    private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theBookKeptUpToDateEqualsReadingFromScratch() {
        for (long seed = 1; seed <= 12; seed++) {
            run(seed, 70);
        }
    }

    private void run(long seed, int steps) {
        Random random = new Random(seed);
        try (ConversationStore store = Stores.open(dir.resolve("store-" + seed + ".db").toString())) {
            store.persona(SWEETIE);
            store.persona(LUNA);
            CountingStore counted = new CountingStore(store);
            SuspectBook eager = new SuspectBook(counted); // read after every step
            SuspectBook lazy = new SuspectBook(store); // read now and then: many changes at once
            List<Conversation> conversations = new ArrayList<>();
            for (int step = 0; step < steps; step++) {
                String change = change(random, store, conversations, step);
                String where = "seed " + seed + ", step " + step + " (" + change + ")";
                List<Profile> scratch = Suspects.read(store);
                counted.read = 0;
                assertThat(eager.read()).as(where).isEqualTo(scratch);
                if (step > 0 && change.startsWith("a line in")) {
                    assertThat(counted.read).as(where + ": conversations read again").isEqualTo(1);
                }
                assertThat(eager.byPriority()).as(where).isEqualTo(Suspects.byPriority(store));
                if (random.nextInt(5) == 0) {
                    assertThat(lazy.read()).as(where + ", read late").isEqualTo(scratch);
                }
            }
        }
    }

    /** One random change; returns what it was. */
    private static String change(Random random, ConversationStore store, List<Conversation> conversations,
                                 int step) {
        int kind = conversations.isEmpty() ? 0 : random.nextInt(10);
        Instant at = T0.plusSeconds(60L * step);
        switch (kind) {
            case 0, 1 -> {
                Network network = NETWORKS[random.nextInt(NETWORKS.length)];
                Persona persona = random.nextBoolean() ? SWEETIE : LUNA;
                String partner = PARTNERS[random.nextInt(PARTNERS.length)];
                ConversationKey key = random.nextInt(4) == 0
                        ? new ConversationKey(network, persona.handle(), persona.handle(), partner, "#chat")
                        : ConversationKey.privateChat(network, persona, partner);
                Conversation c = store.conversation(key);
                if (!conversations.contains(c)) {
                    conversations.add(c);
                }
                store.append(c, Message.received(at, Author.PARTNER, partner, pick(random, LINES), null, null));
                return "conversation " + c.id() + " with " + partner + "@" + network.name();
            }
            case 2 -> {
                Conversation c = pick(random, conversations);
                store.append(c, Message.received(at, Author.PARTNER, c.key().partnerAccount(), pick(random, LINES),
                        null, null));
                return "a line in " + c.id();
            }
            case 3, 4 -> {
                Conversation c = pick(random, conversations);
                Flag flag = switch (random.nextInt(5)) {
                    case 0, 1 -> new Flag(1, "identifier", "email", pick(random, EMAILS));
                    case 2 -> new Flag(1, "identifier", "phone", pick(random, PHONES));
                    case 3 -> new Flag(1, "identifier", "name", "Dave");
                    default -> new Flag(1, "qualified", random.nextBoolean() ? "wcst" : "solicitation", "");
                };
                try (ConversationStore.Appender unit = store.appender()) {
                    unit.flag(c, flag);
                    unit.commit();
                }
                return flag + " in " + c.id();
            }
            case 5 -> {
                Conversation c = pick(random, conversations);
                String other = pick(random, PARTNERS);
                Event event = switch (random.nextInt(3)) {
                    case 0 -> new Event(at, EventKind.WARNING, "bot", "deterrence warning level 1 of 3", null, null);
                    case 1 -> new Event(at, EventKind.REFERRAL, "ana", "marked for referral", null, null);
                    default -> new Event(at, EventKind.NICK_CHANGE, c.key().partnerAccount(),
                            c.key().partnerAccount() + " is now known as " + other, null, null);
                };
                try (ConversationStore.Appender unit = store.appender()) {
                    unit.record(c, event);
                    unit.commit();
                }
                return event.kind() + " in " + c.id();
            }
            case 6 -> {
                Conversation c = pick(random, conversations);
                String host = pick(random, HOSTS);
                store.sawAccount(store.account(c.key().network(), c.key().partnerAccount()), null, host);
                return "host " + host + " for " + c.key().partnerAccount();
            }
            case 7, 8 -> {
                Conversation c = pick(random, conversations);
                String keyKind = random.nextInt(3) == 0 ? "phone" : "email";
                String value = keyKind.equals("phone") ? pick(random, PHONES) : pick(random, EMAILS);
                String decision = random.nextInt(4) == 0 ? "confirm" : "reject";
                store.recordLinkDecision(new LinkDecision(at, "ana", decision, keyKind, value,
                        c.key().network().name(), c.key().partnerAccount(), "property test"));
                return decision + " " + keyKind + ":" + value + " for " + c.key().partnerAccount();
            }
            default -> {
                Conversation c = pick(random, conversations);
                store.delete(List.of(c.id()));
                conversations.remove(c);
                return "delete " + c.id();
            }
        }
    }

    /** Counts the conversations whose flags are read: what a book reads again after a change. */
    private static final class CountingStore extends org.sweetie.core.ForwardingConversationStore {
        int read;

        CountingStore(ConversationStore store) {
            super(store);
        }

        @Override
        public List<Flag> flags(long conversationId) {
            read++;
            return super.flags(conversationId);
        }
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
