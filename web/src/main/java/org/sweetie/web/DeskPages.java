package org.sweetie.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationQuery;
import org.sweetie.core.ConversationStats;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.Message;
import org.sweetie.core.Role;
import org.sweetie.evidence.AuditEvent;
import org.sweetie.evidence.AuditTrail;
import org.sweetie.web.access.Session;
import org.sweetie.web.view.ChatView;
import org.sweetie.web.view.DeskRow;
import org.sweetie.web.view.DeskView;
import org.sweetie.web.view.Shown;

/**
 * The operators' desk (docs/console.md): the live deployment's conversations by state, its connections, a chat view
 * to take over, speak through the guard and hand back, the held drafts for supervisors, and the Server-Sent Events
 * that keep the open pages current. Every line is said through the deployment's {@link LiveDesk}.
 */
final class DeskPages {
    /** The newest conversations the desk lists. */
    static final int SHOWN = 200;

    private final ConversationStore store;
    private final LiveDesk desk;
    private final AuditTrail audit;
    private final Access access;
    private final Views views;
    private final Clock clock;
    private final Consumer<String> problems;
    private final Set<SseClient> clients = new CopyOnWriteArraySet<>();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param worker where changes are turned into events: the deployment tells of them on its own threads (the
     *     capture's writer among them), which must not wait for the store or the browsers
     */
    DeskPages(ConsoleServices services, LiveDesk desk, AuditTrail audit, Access access, Views views,
              java.util.concurrent.Executor worker) {
        this.store = services.store();
        this.desk = desk;
        this.audit = audit;
        this.access = access;
        this.views = views;
        this.clock = services.clock();
        this.problems = services.problems();
        desk.listen(id -> worker.execute(() -> changed(id)));
    }

    void show(Context ctx) {
        Session session = Access.session(ctx);
        List<DeskRow> rows = newest().stream().map(this::row).toList();
        List<DeskView.Section> sections = new ArrayList<>();
        for (DeskState.State state : DeskState.State.values()) {
            String title = Character.toUpperCase(state.label.charAt(0)) + state.label.substring(1);
            sections.add(new DeskView.Section(key(state), title,
                    rows.stream().filter(r -> r.state().equals(key(state))).toList()));
        }
        DeskView.Live live = live(session.role() == Role.SUPERVISOR);
        views.render(ctx, "desk", Views.frame(session, "Desk", Page.DESK), new DeskView(desk.live(),
                live.connections(), sections.reversed(), live.held(), live.supervisor()));
    }

    /** Whether a deployment is behind the desk. */
    boolean live() {
        return desk.live();
    }

    /** The networks' health and the held drafts now, as the desk and the supervisors' dashboard show them. */
    DeskView.Live live(boolean supervisor) {
        List<DeskView.Health> health = desk.connections().stream().map(c -> new DeskView.Health(
                Shown.of(c.persona()), Shown.of(c.network()), c.connected())).toList();
        List<DeskView.HeldRow> held = desk.held().stream().map(h -> new DeskView.HeldRow(h.draft(),
                h.conversation(), Shown.of(h.author()), Shown.of(h.text()), h.rule() + ": " + h.reason(),
                ConversationPages.TIME.format(h.at()))).toList();
        return new DeskView.Live(health, held, supervisor);
    }

    void chat(Context ctx) {
        Session session = Access.session(ctx);
        Conversation c = conversation(ctx);
        audit.record(new AuditEvent(clock.instant(), session.user(), "view_desk", "conversation " + c.id(),
                access.address(ctx), ""));
        DeskRow row = row(c);
        List<ChatView.Line> lines = lines(c.id(), 0);
        long after = store.messages(c.id()).stream().mapToLong(Message::seq).max().orElse(0);
        views.render(ctx, "chat", Views.frame(session, "Desk #" + c.id(), Page.DESK), new ChatView(row, lines,
                after, session.user().equals(row.operator()), desk.live()));
    }

    /** The lines after a message number, as JSON for the chat page's script (which shows each as text). */
    void newLines(Context ctx) throws JsonProcessingException {
        Conversation c = conversation(ctx);
        long after;
        try {
            after = Long.parseLong(String.valueOf(ctx.queryParam("after")));
        } catch (NumberFormatException e) {
            after = 0;
        }
        List<ChatView.Line> lines = lines(c.id(), after);
        List<Map<String, Object>> shown = lines.stream().map(l -> Map.<String, Object>of("seq", l.seq(),
                "time", l.time(), "who", l.who(), "sender", plain(l.sender()), "text", plain(l.text()),
                "partner", l.partner(), "event", l.event())).toList();
        ctx.contentType("application/json").result(json.writeValueAsString(Map.of("row", row(c), "lines", shown)));
    }

    void takeOver(Context ctx) {
        act(ctx, "take_over", (c, user) -> desk.takeOver(c.id(), user), "You took the conversation over.");
    }

    void handBack(Context ctx) {
        act(ctx, "hand_back", (c, user) -> desk.handBack(c.id(), user), "You handed the conversation back to the bot.");
    }

    void say(Context ctx) {
        String text = ctx.formParam("text") == null ? "" : ctx.formParam("text").strip();
        if (text.isEmpty()) {
            Access.session(ctx).flash("Nothing to say: the line was empty.");
            ctx.redirect("/desk/" + conversation(ctx).id(), HttpStatus.SEE_OTHER);
            return;
        }
        String[] outcome = new String[1];
        act(ctx, "say", (c, user) -> {
            LiveDesk.Said said = desk.say(c.id(), user, text);
            outcome[0] = switch (said.verdict()) {
                case "allowed" -> "Allowed and sent.";
                case "held" -> "Held for a supervisor" + (said.draft() == null ? "" : " as draft #" + said.draft())
                        + ", not sent: " + said.reason() + " (" + said.rule() + ")";
                default -> "Refused, not sent: " + said.reason() + " (" + said.rule() + ")";
            };
        }, null);
        if (outcome[0] != null) {
            Access.session(ctx).flash(outcome[0]);
        }
    }

    /** A supervisor's decision on a held draft; an operator gets 403. */
    void review(Context ctx) {
        Session session = Access.session(ctx);
        if (session.role() != Role.SUPERVISOR) {
            views.problem(ctx, session, 403, "Not for your role", "Only a supervisor approves or rejects a held draft.");
            return;
        }
        long draft = ConversationPages.idOf(ctx.pathParam("draft"));
        boolean approve = "approve".equals(ctx.formParam("action"));
        String note = ctx.formParam("note") == null ? "" : ctx.formParam("note").strip();
        if (note.isEmpty()) {
            note = approve ? "approved on the desk" : "rejected on the desk";
        }
        try {
            LiveDesk.Said said = desk.review(draft, session.user(), approve, note);
            audit.record(new AuditEvent(clock.instant(), session.user(), approve ? "approve_draft" : "reject_draft",
                    "draft " + draft, access.address(ctx), ""));
            session.flash("Draft #" + draft + (approve ? " approved and sent" : " rejected, never sent") + ": "
                    + said.reason());
        } catch (IllegalStateException e) {
            session.flash("Draft #" + draft + ": " + e.getMessage());
        }
        ctx.redirect("/desk", HttpStatus.SEE_OTHER);
    }

    /** The stream of changed rows: each open desk page follows it (EventSource asks with text/event-stream). */
    SseHandler events() {
        return new SseHandler(client -> {
            client.keepAlive();
            client.onClose(() -> clients.remove(client));
            clients.add(client);
            client.sendComment("desk");
            // what may have changed between the page and its stream
            try {
                Watched now = watched();
                client.sendEvent("health", now.health());
                client.sendEvent("held", now.held());
            } catch (JsonProcessingException | RuntimeException e) {
                problems.accept("desk: " + e);
            }
        });
    }

    /** The networks' health and the held drafts as the page's script gets them (JSON, plain text). */
    private record Watched(String health, String held) {
    }

    private Watched last;

    private Watched watched() throws JsonProcessingException {
        DeskView.Live live = live(false);
        List<Map<String, Object>> health = live.connections().stream().map(h -> Map.<String, Object>of(
                "persona", plain(h.persona()), "network", plain(h.network()), "connected", h.connected())).toList();
        List<Map<String, Object>> held = live.held().stream().map(h -> Map.<String, Object>of("draft", h.draft(),
                "conversation", h.conversation(), "author", plain(h.author()), "text", plain(h.text()),
                "why", h.why(), "at", h.at())).toList();
        return new Watched(json.writeValueAsString(health), json.writeValueAsString(held));
    }

    /**
     * Tells the open pages when a network went up or down or the held drafts changed: the deployment tells of
     * neither (a connection drops on its own; drafts are also held and decided through the operators' API), so the
     * worker looks every second, and after every change it hears of.
     */
    synchronized void watch() {
        if (clients.isEmpty()) {
            return;
        }
        try {
            Watched now = watched();
            Watched before = last;
            last = now;
            for (SseClient client : clients) {
                if (before == null || !before.health().equals(now.health())) {
                    client.sendEvent("health", now.health());
                }
                if (before == null || !before.held().equals(now.held())) {
                    client.sendEvent("held", now.held());
                }
            }
        } catch (JsonProcessingException | RuntimeException e) {
            problems.accept("desk: " + e);
        }
    }

    /** Keeps idle streams open through proxies and tells the page the desk is still there. */
    void ping() {
        for (SseClient client : clients) {
            client.sendComment("ping");
        }
    }

    private interface Action {
        void on(Conversation conversation, String user);
    }

    private void act(Context ctx, String what, Action action, String done) {
        Session session = Access.session(ctx);
        Conversation c = conversation(ctx);
        try {
            action.on(c, session.user());
            audit.record(new AuditEvent(clock.instant(), session.user(), what, "conversation " + c.id(),
                    access.address(ctx), ""));
            if (done != null) {
                session.flash(done);
            }
        } catch (IllegalStateException e) {
            session.flash("Not done: " + e.getMessage());
        }
        ctx.redirect("/desk/" + c.id(), HttpStatus.SEE_OTHER);
        changed(c.id());
    }

    private void changed(long id) {
        if (clients.isEmpty()) {
            return;
        }
        watch();
        try {
            Conversation c = store.findConversation(id).filter(this::onDesk).orElse(null);
            if (c == null) {
                return;
            }
            String data = json.writeValueAsString(row(c));
            for (SseClient client : clients) {
                client.sendEvent("conversation", data);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            problems.accept("desk: conversation " + id + ": " + e);
        }
    }

    private Conversation conversation(Context ctx) {
        long id = ConversationPages.idOf(ctx.pathParam("id"));
        return store.findConversation(id).filter(this::onDesk).orElseThrow(NotFoundResponse::new);
    }

    /**
     * The newest {@value #SHOWN} conversations of the deployment's personas, from the store's summaries: a page per
     * persona, newest first, merged (the store matches a handle ignoring case; the desk only its exact handles).
     */
    private List<Conversation> newest() {
        List<Conversation> found = new ArrayList<>();
        for (String persona : desk.personas()) {
            ConversationQuery query = new ConversationQuery(Set.of(), null, null, null, null, null, persona, null);
            store.conversationStats(query, 0, SHOWN).stream().map(ConversationStats::conversation)
                    .filter(this::onDesk).forEach(found::add);
        }
        return found.stream().sorted(Comparator.comparingLong(Conversation::id).reversed()).distinct().limit(SHOWN)
                .toList();
    }

    private boolean onDesk(Conversation c) {
        return desk.personas().contains(c.key().persona());
    }

    private DeskRow row(Conversation c) {
        List<Message> messages = store.messages(c.id());
        DeskState state = DeskState.of(messages, store.events(c.id()), store.flags(c.id()));
        String last = messages.isEmpty() ? "" : ConversationPages.TIME.format(messages.getLast().time());
        return new DeskRow(c.id(), plain(Shown.of(c.key().network().name())), plain(Shown.of(c.key().persona())),
                plain(Shown.of(c.key().partnerAccount())),
                key(state.state()), state.state().label, state.operator(), state.cues(), messages.size(), last);
    }

    private List<ChatView.Line> lines(long id, long after) {
        List<ChatView.Line> lines = new ArrayList<>();
        for (Message m : store.messages(id)) {
            if (m.seq() > after) {
                lines.add(new ChatView.Line(m.seq(), ConversationPages.TIME.format(m.time()), author(m),
                        Shown.of(m.sender()), Shown.of(m.text()), m.author().kind() == AuthorKind.PARTNER, false));
            }
        }
        if (after == 0) {
            for (Event e : store.events(id)) {
                lines.add(new ChatView.Line(0, ConversationPages.TIME.format(e.time()),
                        e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), Shown.of(e.actor()),
                        Shown.of(e.detail()), false, true));
            }
            lines.sort(Comparator.comparing(ChatView.Line::time));
        }
        return lines;
    }

    private static String author(Message m) {
        return switch (m.author().kind()) {
            case PARTNER -> "partner";
            case PERSONA_BOT -> "bot";
            case PERSONA_OPERATOR -> "operator " + m.author().operatorId();
        };
    }

    /** The text as the page shows it, with control and direction characters as their code points. */
    private static String plain(Shown shown) {
        StringBuilder out = new StringBuilder();
        shown.parts().forEach(p -> out.append(p.control() ? "[" + p.text() + "]" : p.text()));
        return out.toString();
    }

    private static String key(DeskState.State state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
