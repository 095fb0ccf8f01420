package org.sweetie.referral;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.AnalyzingStore;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.identity.Level;
import org.sweetie.store.Stores;

/**
 * Synthetic, non-graphic conversations in a real store, analysed as capture analyses them, and the referral packages
 * written from it. Partner "ivan_x" writes in Cyrillic, Thai, Arabic and Chinese, gives a (fictional) UK phone number
 * and qualifies as WCST; a partner whose nick is markup writes Dutch only and qualifies; "tutor" does not qualify.
 * The evidence bundles are stand-ins (a zip with one file): the app's tests write and verify real ones.
 */
final class SyntheticCase {
    static final Persona PERSONA = new Persona("sweetie10", List.of("Sweetie10", "sweetie_ph"), 10, "PH",
            List.of("en", "tl"), "10 y/o girl from Cebu, likes drawing");
    static final Sender SENDER = new Sender("Test NGO (synthetic data)", "referrals@example.org", "CASE-2026-0042",
            Instant.parse("2026-11-30T12:00:00Z"));
    static final String VERIFIER_KEY = "sweetie-test/0f1e2d3c+1a2b3c4d+AbdIrFZyz2KfLnjJxvnLFyGtO+gWNZWIFKZaiLHv/tq/";
    static final String HOSTILE_NICK = "\"><img src=x onerror=alert(1)>";
    static final String HOSTILE_SENDER = "<script>alert(1)</script>";
    static final String LONG_WORD = "ha".repeat(160);
    /** What ivan_x writes, in order; the persona's lines are in {@link #IVAN_PERSONA}. */
    static final List<String> IVAN = List.of("how old are you?", "привет", "สวัสดี", "مرحبا", "你好",
            "do you have a webcam?", "i give you 20 dollars for a sexy show on cam", "text me +44 7700 900456",
            LONG_WORD, "<a href=\"javascript:alert(1)\">click</a> https://example.com/x");
    static final List<String> IVAN_PERSONA = List.of("im 10", "what is that?");
    static final List<String> DUTCH = List.of("hoe oud ben je?", "wil je naakt voor de webcam? ik betaal 15 euro");
    static final Network EXAMPLENET = Network.irc("examplenet");

    private SyntheticCase() {
    }

    /** Writes the store and the packages into the folder; returns the packages' folder. */
    static Path write(Path folder, Routing routing) throws IOException {
        Path out = folder.resolve("referrals");
        Analyzer analyzer = Analyzer.standard();
        try (ConversationStore store = new AnalyzingStore(Stores.open(folder.resolve("store.db").toString()),
                analyzer)) {
            store.persona(PERSONA);
            Instant t = Instant.parse("2026-11-02T19:00:00Z");
            Conversation ivan = store.conversation(ConversationKey.privateChat(EXAMPLENET, PERSONA, "ivan_x"));
            t = say(store, ivan, t, Author.PARTNER, "ivan_x", IVAN.getFirst());
            t = say(store, ivan, t, Author.BOT, "Sweetie10", IVAN_PERSONA.getFirst());
            for (String line : IVAN.subList(1, 6)) {
                t = say(store, ivan, t, Author.PARTNER, "ivan_x", line);
            }
            t = say(store, ivan, t, Author.operator("op-anna"), "Sweetie10", IVAN_PERSONA.get(1));
            for (String line : IVAN.subList(6, IVAN.size())) {
                t = say(store, ivan, t, Author.PARTNER, "ivan_x", line);
            }
            Conversation dutch = store.conversation(ConversationKey.privateChat(EXAMPLENET, PERSONA, HOSTILE_NICK));
            t = say(store, dutch, t, Author.PARTNER, HOSTILE_SENDER, DUTCH.getFirst());
            t = say(store, dutch, t, Author.BOT, "Sweetie10", "im 10");
            say(store, dutch, t, Author.PARTNER, HOSTILE_SENDER, DUTCH.get(1));
            Conversation tutor = store.conversation(ConversationKey.privateChat(EXAMPLENET, PERSONA, "tutor"));
            say(store, tutor, t, Author.PARTNER, "tutor", "i can help you with fractions");
            Referrals.write(store, analyzer, new Referrals.Settings(SENDER, routing, Level.ANONYMOUS, null),
                    new DossierAssembler.Signing(VERIFIER_KEY, 42), SyntheticCase::standInBundle, out);
        }
        return out;
    }

    private static Instant say(ConversationStore store, Conversation c, Instant t, Author author, String sender,
                               String text) {
        store.append(c, Message.received(t, author, sender, text, null, null));
        return t.plusSeconds(17);
    }

    private static void standInBundle(int suspect, List<Long> conversations, Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("stand-in.txt"));
            zip.write(("stand-in bundle of suspect " + suspect).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
