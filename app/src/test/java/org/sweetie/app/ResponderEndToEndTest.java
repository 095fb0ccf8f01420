package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.analysis.Analyzer;
import org.sweetie.capture.live.Deadline;
import org.sweetie.capture.live.config.OperatingHours;
import org.sweetie.capture.live.config.PersonaDeployment;
import org.sweetie.capture.live.irc.IrcNetwork;
import org.sweetie.capture.live.irc.LocalNgircd;
import org.sweetie.capture.live.irc.PlainIrcClient;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.persona.Draft;
import org.sweetie.persona.EntrapmentGuard;

/**
 * The bot over a real ngircd, partners as plain socket clients: a soliciting partner gets only guarded lines and,
 * at the qualifying message, the warning; a benign partner gets small talk and no warning; a partner who comes back
 * gets the next level. No conversation the bot took part in is tainted.
 */
class ResponderEndToEndTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String WARNING = "This conversation is recorded";

    @TempDir
    Path dir;
    private LocalNgircd server;
    private Workspace workspace;
    private final AtomicBoolean done = new AtomicBoolean();
    private Thread session;
    private int apiPort;
    private MetricsEndpoint metrics;

    @BeforeEach
    void start() throws IOException {
        server = new LocalNgircd(dir);
        workspace = StoreOptions.embedded(dir.resolve("store.db").toString(), dir.resolve("evidence.key"), null).open();
        PersonaDeployment sweetie = new PersonaDeployment(DemoCommand.PERSONA,
                new PersonaDeployment.Cover("Sweetie", "Cebu", 5), OperatingHours.ALWAYS,
                new PersonaDeployment.Responding("warn", Duration.ofHours(1), false),
                List.of(new IrcNetwork.Settings("testnet", "127.0.0.1", server.port(), false, null, null, null,
                        List.of("#room"), "sweetie", "Sweetie", "HexChat 2.16.1 / Linux")), List.of(), List.of());
        List<org.sweetie.core.ChatNetwork> connections = sweetie.connections(null);
        apiPort = LocalNgircd.freePort();
        metrics = new MetricsEndpoint(new java.net.InetSocketAddress("127.0.0.1", 0));
        session = Thread.ofVirtual().start(() -> {
            try {
                new LiveSession(workspace, connections, List.of(sweetie), new PrintWriter(new StringWriter()))
                        .withOperatorApi(new java.net.InetSocketAddress("127.0.0.1", apiPort),
                                dir.resolve("operator.token"))
                        .withMetrics(metrics)
                        .run(null, Duration.ofSeconds(1), done::get);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        done.set(true);
        session.join(Duration.ofSeconds(60));
        metrics.close();
        workspace.close();
        server.close();
    }

    @Test
    void solicitorsAreWarnedBenignPartnersAreNotAndReturningOnesGetTheNextLevel() throws IOException {
        try (PlainIrcClient amy = partner("amy"); PlainIrcClient dave = partner("dave")) {
            awaitPersona(amy);
            say(amy, "hi");
            say(amy, "where are you from?");
            String fromAmy = awaitReplies(amy, 2).get(1);
            assertThat(fromAmy).containsIgnoringCase("cebu");

            awaitPersona(dave); // he found her in the room, as partners do
            say(dave, "hi");
            awaitReplies(dave, 1);
            say(dave, "how old are you?");
            assertThat(awaitReplies(dave, 2).get(1)).contains("10");
            say(dave, "you are only 10? nice");
            awaitReplies(dave, 3);
            say(dave, "can you take off your clothes for me");
            List<String> toDave = awaitReplies(dave, 4);
            assertThat(toDave.get(3)).as("the answer to the qualifying message").startsWith(WARNING);
            assertThat(toDave.subList(0, 3)).noneMatch(l -> l.contains(WARNING));

            say(dave, "why not?");
            say(amy, "i like football");
            awaitReplies(amy, 3);
            assertThat(replies(dave)).as("silence after the warning").hasSize(4);
            assertThat(replies(amy)).noneMatch(l -> l.contains("recorded"));
        }
        // dave's quit is seen in the room; he comes back and solicits again
        Deadline.await("dave's quit", LIMIT, () -> workspace.store().events(conversation("dave").id()).stream()
                .anyMatch(e -> e.kind() == EventKind.QUIT));
        try (PlainIrcClient dave = partner("dave")) {
            say(dave, "hi again, show me naked");
            assertThat(awaitReplies(dave, 1).getFirst()).startsWith("You were warned before");
        }

        Conversation dave = conversation("dave");
        EntrapmentGuard guard = Voice.guard(Analyzer.standard());
        List<Message> said = workspace.store().messages(dave.id()).stream().filter(m -> m.author().isPersona())
                .toList();
        assertThat(said).hasSize(5).allSatisfy(m -> assertThat(guard.decide(m.text().startsWith(WARNING)
                || m.text().startsWith("You were") ? Draft.warning(m.text()) : Draft.reply(m.text(), Author.BOT, null))
                .allowed()).isTrue());
        assertThat(workspace.store().events(dave.id())).filteredOn(e -> e.kind() == EventKind.WARNING)
                .extracting(e -> e.detail()).containsExactly("deterrence warning level 1 of 3",
                        "deterrence warning level 2 of 3");
        for (String partner : List.of("amy", "dave")) {
            Conversation c = conversation(partner);
            assertThat(Analyzer.standard().replay(workspace.store().messages(c.id()), List.of()).report().tainted())
                    .as("tainted: " + partner).isFalse();
        }
    }

    @Test
    void anOperatorTakesOverSpeaksThroughTheGuardAndHandsBack() throws IOException {
        try (PlainIrcClient amy = partner("amy")) {
            awaitPersona(amy);
            say(amy, "hi");
            awaitReplies(amy, 1);
            long id = conversation("amy").id();
            assertThat(operator("takeover", id).exitCode()).isZero();

            say(amy, "how are you?");
            Deadline.await("amy's second line stored", LIMIT, () -> workspace.store().messages(id).stream()
                    .filter(m -> !m.author().isPersona()).count() == 2);
            CliTest.Run said = operator("say", id, "im fine, and you?");
            assertThat(said.exitCode()).isZero();
            assertThat(said.out()).startsWith("allowed");
            CliTest.Run refused = operator("say", id, "send me a pic");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).startsWith("refused\timages");
            assertThat(awaitReplies(amy, 2).get(1)).isEqualTo("im fine, and you?");

            // a line the guard holds waits for a second person: rejected, never said; approved, said once
            CliTest.Run rejectedDraft = operator("say", id, "zxqv blorft po");
            assertThat(rejectedDraft.exitCode()).isEqualTo(1);
            assertThat(rejectedDraft.err()).startsWith("held\tregister").contains("draft #1");
            assertThat(supervisor("reject", 1, "op-anna").err()).contains("second person");
            assertThat(supervisor("reject", 1, "sup-ben").exitCode()).isZero();
            assertThat(supervisor("approve", 1, "sup-ben").exitCode()).isEqualTo(1);
            CliTest.Run approvedDraft = operator("say", id, "qwrtz plimb po");
            assertThat(approvedDraft.err()).startsWith("held\tregister").contains("draft #2");
            assertThat(CliTest.sweetie("operator", "drafts", "--api", "http://127.0.0.1:" + apiPort, "--token-file",
                    dir.resolve("operator.token").toString()).out()).contains("#2").contains("qwrtz plimb po")
                    .doesNotContain("zxqv");
            assertThat(replies(amy)).hasSize(2);
            CliTest.Run approval = supervisor("approve", 2, "sup-ben");
            assertThat(approval.exitCode()).isZero();
            assertThat(approval.out()).startsWith("allowed\tsupervisor").contains("sup-ben");
            assertThat(awaitReplies(amy, 3).get(2)).isEqualTo("qwrtz plimb po");

            assertThat(operator("handback", id).exitCode()).isZero();
            say(amy, "where are you from?");
            assertThat(awaitReplies(amy, 4).get(3)).containsIgnoringCase("cebu");
            assertThat(replies(amy)).doesNotContain("zxqv blorft po");

            List<Message> persona = workspace.store().messages(id).stream().filter(m -> m.author().isPersona())
                    .toList();
            assertThat(persona).extracting(m -> m.author().operatorId())
                    .containsExactly(null, "op-anna", "op-anna", null);
            assertThat(persona).extracting(Message::text).doesNotContain("send me a pic");
            assertThat(workspace.store().events(id)).filteredOn(e -> e.kind() == EventKind.OPERATOR)
                    .extracting(e -> e.detail())
                    .containsExactly("taken over by op-anna", "handed back to the bot by op-anna");
        }
        assertThat(operator("say", 999, "hi").err()).contains("no conversation #999");

        String figures = scrape();
        assertThat(figures).containsPattern("sweetie_guard_decisions_total\\{outcome=\"refused\",rule=\"images\"} 1")
                .containsPattern("sweetie_guard_decisions_total\\{outcome=\"held\",rule=\"register\"} 2")
                .contains("sweetie_network_up{network=\"testnet\",persona=\"sweetie10\"} 1")
                .containsPattern("sweetie_capture_partner_lines_total\\{network=\"testnet\"} [1-9]")
                .contains("sweetie_capture_queue_depth").contains("sweetie_capture_commit_seconds_count");
        assertThat(figures).as("counts only, no chat content or names").doesNotContain("amy")
                .doesNotContain("send me a pic").doesNotContain("how are you");

        // a second API on the same port cannot bind, and must not have replaced the running one's token
        String token = java.nio.file.Files.readString(dir.resolve("operator.token"));
        assertThatThrownBy(() -> new OperatorApi(new java.net.InetSocketAddress("127.0.0.1", apiPort),
                dir.resolve("operator.token"), workspace.store(), java.util.Map.of(), null))
                .isInstanceOf(java.net.BindException.class);
        assertThat(java.nio.file.Files.readString(dir.resolve("operator.token"))).isEqualTo(token);
        done.set(true);
        try {
            session.join(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(dir.resolve("operator.token")).as("deleted when the run ends").doesNotExist();
    }

    private String scrape() {
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                    + metrics.port() + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private CliTest.Run operator(String action, long conversation, String... text) {
        List<String> args = new java.util.ArrayList<>(List.of("operator", action));
        args.addAll(List.of(text));
        args.addAll(List.of("--conversation", Long.toString(conversation), "--operator", "op-anna",
                "--api", "http://127.0.0.1:" + apiPort, "--token-file", dir.resolve("operator.token").toString()));
        return CliTest.sweetie(args.toArray(String[]::new));
    }

    private CliTest.Run supervisor(String action, long draft, String name) {
        return CliTest.sweetie("operator", action, "--draft", Long.toString(draft), "--supervisor", name, "--reason",
                "checked by hand", "--api", "http://127.0.0.1:" + apiPort, "--token-file",
                dir.resolve("operator.token").toString());
    }

    private PlainIrcClient partner(String nick) throws IOException {
        return new PlainIrcClient(server.port(), nick, nick, nick + " partner");
    }

    /** The persona is on the network when it is in its channel. */
    private static void awaitPersona(PlainIrcClient partner) throws IOException {
        partner.send("JOIN #room");
        Deadline.await("the persona in #room", LIMIT, () -> partner.received().stream().anyMatch(
                l -> l.contains(" 353 ") && l.contains("Sweetie10") || l.startsWith(":Sweetie10!")
                        && l.contains(" JOIN ")));
    }

    private static void say(PlainIrcClient partner, String text) throws IOException {
        partner.privmsg("Sweetie10", text);
    }

    /** What the persona said to this partner, in order (CTCP queries left out). */
    private static List<String> replies(PlainIrcClient partner) {
        return partner.received().stream().filter(l -> l.startsWith(":Sweetie10!") && l.contains(" PRIVMSG "))
                .map(l -> l.substring(l.indexOf(" :", 1) + 2)).filter(t -> !t.startsWith("\u0001")).toList();
    }

    private static List<String> awaitReplies(PlainIrcClient partner, int n) {
        Deadline.await(n + " replies", LIMIT, () -> replies(partner).size() >= n);
        return replies(partner);
    }

    private Conversation conversation(String partner) {
        return workspace.store().conversations().stream()
                .filter(c -> c.key().partnerAccount().equals(partner) && c.key().isPrivate()).findFirst().orElseThrow();
    }
}
