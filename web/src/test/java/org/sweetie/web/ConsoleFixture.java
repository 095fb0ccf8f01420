package org.sweetie.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.AnalyzingStore;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.core.Role;
import org.sweetie.evidence.AuditTrail;
import org.sweetie.evidence.CheckpointPolicy;
import org.sweetie.evidence.EvidenceLog;
import org.sweetie.evidence.KeyFile;
import org.sweetie.store.Stores;
import org.sweetie.web.access.Actor;
import org.sweetie.web.access.Passwords;
import org.sweetie.web.access.Users;

/**
 * A console started in-process on a free port over a real store (SQLite in a temporary folder, or a PostgreSQL
 * schema), opened as the command line opens it (analysis and evidence log), with one user per role and synthetic,
 * non-graphic conversations: a partner who links two accounts by a Skype name, a hostile partner who writes markup,
 * and a conversation an operator took over.
 */
final class ConsoleFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    static final Persona SWEETIE = new Persona("sweetie10", List.of("Sweetie10"), 10, "PH", List.of("en"), "");
    static final Network LIBERA = Network.irc("libera");
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final String HOSTILE = "look <script>alert(1)</script> and <img src=x onerror=alert(1)> "
            + "or <a href=\"javascript:alert(1)\">click</a> javascript:alert(2) \u202Eevil\u202C bell\u0007";

    final ConversationStore raw;
    final EvidenceLog evidence;
    final ConversationStore store;
    final Console console;
    final long dave;
    final long davey;
    final long hostile;
    final long takenOver;

    /** Users by role: the name is the role's key. */
    static String user(Role role) {
        return role.key();
    }

    ConsoleFixture(String location, Path folder) throws Exception {
        raw = Stores.open(location);
        raw.persona(SWEETIE);
        evidence = new EvidenceLog(raw, KeyFile.loadOrCreate(folder.resolve("evidence.key")),
                CheckpointPolicy.DEFAULT, null, Clock.systemUTC());
        store = new AnalyzingStore(evidence.recording(), Analyzer.standard());
        Users users = new Users(raw.users(), new Passwords(), new AuditTrail(evidence), Clock.systemUTC());
        for (Role role : Role.values()) {
            users.add(new Actor("test", ""), user(role), role, PASSWORD.toCharArray());
        }
        dave = said("dave_uk", "hi how old r u", "im 10", "do you have a cam?", "why",
                "i pay you 20 dollars for a sexy show", "no", "add me on skype dave.example.uk").id();
        davey = said("davey", "hello", "hi", "my skype: dave.example.uk").id();
        hostile = said("mallory", HOSTILE).id();
        Conversation erin = said("erin", "hey", "hello");
        try (var unit = store.appender()) {
            unit.record(erin, new Event(T0.plusSeconds(60), EventKind.OPERATOR, "olive", "taken over by olive",
                    null, null));
            unit.commit();
        }
        takenOver = erin.id();
        console = Console.start(new ConsoleServices(store, evidence, Analyzer.standard(), Clock.systemUTC(),
                System.err::println), new ConsoleOptions("127.0.0.1", 0, false, Duration.ofMinutes(30), Set.of()));
    }

    String base() {
        return "http://127.0.0.1:" + console.port();
    }

    /** Partner and persona take turns, the partner first. */
    Conversation said(String partner, String... lines) {
        Conversation c = store.conversation(ConversationKey.privateChat(LIBERA, SWEETIE, partner));
        for (int i = 0; i < lines.length; i++) {
            boolean persona = i % 2 == 1;
            store.append(c, Message.received(T0.plusSeconds(i), persona ? Author.BOT : Author.PARTNER,
                    persona ? "Sweetie10" : partner, lines[i], null, null));
        }
        return c;
    }

    @Override
    public void close() {
        console.close();
        raw.close();
    }
}
