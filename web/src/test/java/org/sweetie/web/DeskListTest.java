package org.sweetie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.analysis.Analyzer;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Message;
import org.sweetie.core.Persona;

/**
 * The desk's list on a real SQLite store, read from the store's summaries: the newest {@value DeskPages#SHOWN}
 * conversations of the deployment's personas, and none of another persona's. The deployment is a port that only
 * names its persona (no deployment runs here).
 */
class DeskListTest {
    private static final Pattern ROW = Pattern.compile("<tr data-conversation=\"(\\d+)\"");
    private static final Persona OTHER = new Persona("ana12", List.of("Ana12"), 12, "PH", List.of("en"), "");

    @Test
    void theDeskListsTheNewestConversationsOfItsPersonasOnly(@TempDir Path folder) throws Exception {
        try (ConsoleFixture fixture = new ConsoleFixture(folder.resolve("store.db").toString(), folder)) {
            ConversationStore store = fixture.raw;
            store.persona(OTHER);
            List<Long> sweetie = new ArrayList<>(List.of(fixture.dave, fixture.davey, fixture.hostile,
                    fixture.takenOver));
            List<Long> other = new ArrayList<>();
            try (ConversationStore.Appender unit = store.appender()) {
                for (int k = 0; k < DeskPages.SHOWN * 2; k++) {
                    // the other persona's between the desk's, so that a list by id alone would show them
                    boolean desk = k % 4 != 3;
                    Conversation c = store.conversation(ConversationKey.privateChat(ConsoleFixture.LIBERA,
                            desk ? ConsoleFixture.SWEETIE : OTHER, "partner_" + k));
                    unit.add(c, Message.received(ConsoleFixture.T0.plusSeconds(k), Author.PARTNER, "partner_" + k,
                            "hello " + k, null, null));
                    (desk ? sweetie : other).add(c.id());
                }
                unit.commit();
            }
            LiveDesk desk = new LiveDesk() {
                @Override
                public Set<String> personas() {
                    return Set.of(ConsoleFixture.SWEETIE.handle());
                }
            };
            try (Console console = Console.start(new ConsoleServices(fixture.store, fixture.evidence,
                    Analyzer.standard(), Clock.systemUTC(), System.err::println), new ConsoleOptions("127.0.0.1", 0,
                    false, Duration.ofMinutes(5), Set.of()), desk)) {
                Http http = new Http("http://127.0.0.1:" + console.port());
                assertThat(http.login("operator", ConsoleFixture.PASSWORD).statusCode()).isEqualTo(303);
                String page = http.get("/desk").body();
                List<Long> shown = new ArrayList<>();
                Matcher row = ROW.matcher(page);
                while (row.find()) {
                    shown.add(Long.parseLong(row.group(1)));
                }
                List<Long> newest = sweetie.stream().sorted((a, b) -> Long.compare(b, a)).limit(DeskPages.SHOWN)
                        .toList();
                assertThat(shown).hasSize(DeskPages.SHOWN).containsExactlyInAnyOrderElementsOf(newest)
                        .doesNotContainAnyElementsOf(other);
            }
        }
    }
}
