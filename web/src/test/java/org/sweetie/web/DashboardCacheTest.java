package org.sweetie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.evidence.Entries;

/**
 * The dashboard is kept between views and computed again when the store or the evidence log changed: a guard decision
 * (the evidence log only) and a warning (the store) each show on the next view.
 */
class DashboardCacheTest {
    private static final String GUARD_ROW =
            "<td>no_initiative</td><td class=\"number\">1</td><td class=\"number\">0</td>";
    private static final String WARNED = "1 partner account warned";

    @Test
    void theNextViewShowsWhatTheStoreAndTheEvidenceLogGained(@TempDir Path folder) throws Exception {
        try (ConsoleFixture fixture = new ConsoleFixture(folder.resolve("store.db").toString(), folder)) {
            Http http = new Http(fixture.base());
            assertThat(http.login("supervisor", ConsoleFixture.PASSWORD).statusCode()).isEqualTo(303);
            String before = http.get("/dashboard").body();
            assertThat(before).doesNotContain(GUARD_ROW).doesNotContain(WARNED);
            assertThat(http.get("/dashboard").body()).isEqualTo(before);

            Conversation dave = fixture.store.findConversation(fixture.dave).orElseThrow();
            Instant t = ConsoleFixture.T0.plusSeconds(600);
            fixture.evidence.record(Entries.guard(dave, t, Author.BOT, "reply", "a draft", "refused", "no_initiative",
                    "the persona never raises the topic"), dave.id());
            String guarded = http.get("/dashboard").body();
            assertThat(guarded).contains(GUARD_ROW).doesNotContain(WARNED);

            try (var unit = fixture.store.appender()) {
                unit.record(dave, new Event(t, EventKind.WARNING, "bot", "deterrence warning level 1 of 2", null,
                        null));
                unit.commit();
            }
            assertThat(http.get("/dashboard").body()).contains(GUARD_ROW, WARNED);
        }
    }
}
