package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.analysis.Analyzer;
import org.sweetie.capture.live.config.OperatingHours;
import org.sweetie.capture.live.config.PersonaDeployment;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Outlet;

/** A partner who comes back on another account that the suspect linking ties to the first gets the next level. */
class LinkedWarningTest {
    @TempDir
    Path folder;

    @Test
    void theWarningLevelCountsWhatLinkedAccountsWereSent() throws Exception {
        try (Workspace workspace = StoreOptions.embedded(folder.resolve("store.db").toString(),
                folder.resolve("evidence.key"), null).open()) {
            List<String> said = new CopyOnWriteArrayList<>();
            // an in-process outlet: what the persona says is recorded and stored, nothing goes on a network
            Outlet outlet = (conversation, to, line) -> {
                said.add(line.text());
                workspace.store().append(conversation, line);
                return CompletableFuture.completedFuture(null);
            };
            PersonaDeployment deployment = new PersonaDeployment(DemoCommand.PERSONA,
                    new PersonaDeployment.Cover("Sweetie", "Cebu", 5), OperatingHours.ALWAYS,
                    new PersonaDeployment.Responding("warn", Duration.ofHours(1), false), List.of(), List.of(),
                    List.of());
            Voice voice = Voice.of(deployment, workspace, outlet, Analyzer.standard(), Clock.systemUTC(), new org.sweetie.persona.HoldQueue());

            Message last = partner(workspace, "dave_uk", "add me on skype dave.example.uk", "you are only 10? nice",
                    "can you take off your clothes for me");
            voice.responder().respond(conversation(workspace, "dave_uk"), last);
            assertThat(said).singleElement().asString().startsWith("This conversation is recorded");

            Message again = partner(workspace, "davey", "my skype is dave.example.uk", "you are 10 right?",
                    "can you take off your clothes for me");
            voice.responder().respond(conversation(workspace, "davey"), again);
            assertThat(said).hasSize(2);
            assertThat(said.get(1)).startsWith("You were warned before");
        }
    }

    @Test
    void outsideThePersonasHoursTheBotIsSilent() throws Exception {
        try (Workspace workspace = StoreOptions.embedded(folder.resolve("store.db").toString(),
                folder.resolve("evidence.key"), null).open()) {
            List<String> said = new CopyOnWriteArrayList<>();
            Outlet outlet = (conversation, to, line) -> {
                said.add(line.text());
                return CompletableFuture.completedFuture(null);
            };
            java.time.LocalTime later = java.time.LocalTime.now(java.time.ZoneOffset.UTC).plusHours(2);
            OperatingHours closed = new OperatingHours(later, later.plusHours(1), java.time.ZoneOffset.UTC);
            PersonaDeployment deployment = new PersonaDeployment(DemoCommand.PERSONA,
                    new PersonaDeployment.Cover("Sweetie", "Cebu", 5), closed,
                    new PersonaDeployment.Responding("warn", Duration.ofHours(1), false), List.of(), List.of(),
                    List.of());
            Voice voice = Voice.of(deployment, workspace, outlet, Analyzer.standard(), Clock.systemUTC(), new org.sweetie.persona.HoldQueue());
            Message hi = partner(workspace, "amy", "hi, where are you from?");
            voice.responder().respond(conversation(workspace, "amy"), hi);
            assertThat(said).isEmpty();
        }
    }

    private static Message partner(Workspace workspace, String nick, String... lines) {
        Conversation c = conversation(workspace, nick);
        Message stored = null;
        for (int i = 0; i < lines.length; i++) {
            stored = workspace.store().append(c, Message.received(Instant.parse("2026-01-01T10:00:00Z")
                    .plusSeconds(i), Author.PARTNER, nick, lines[i], null, null)).orElseThrow();
        }
        return stored;
    }

    private static Conversation conversation(Workspace workspace, String nick) {
        workspace.store().persona(DemoCommand.PERSONA);
        return workspace.store().conversation(ConversationKey.privateChat(Network.irc("examplenet"),
                DemoCommand.PERSONA, nick));
    }
}
