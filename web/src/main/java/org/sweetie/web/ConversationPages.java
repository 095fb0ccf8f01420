package org.sweetie.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.CountryBook;
import org.sweetie.analysis.ConversationOverview;
import org.sweetie.analysis.Desk;
import org.sweetie.analysis.ConversationPage;
import org.sweetie.analysis.ConversationSummary;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.Flag;
import org.sweetie.core.Message;
import org.sweetie.core.Role;
import org.sweetie.evidence.AuditEvent;
import org.sweetie.evidence.AuditTrail;
import org.sweetie.web.access.Session;
import org.sweetie.web.view.ConversationList;
import org.sweetie.web.view.ConversationRow;
import org.sweetie.web.view.SearchForm;
import org.sweetie.web.view.Shown;
import org.sweetie.web.view.TranscriptView;

/**
 * The workbench's conversations: the list with its search and pages, and one conversation's transcript. Operators
 * see only the conversations on the desk: those that reached the operators (taken over, or handed over by the bot)
 * and those of the desk's personas.
 */
final class ConversationPages {
    static final int PAGE_SIZE = 50;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ConversationStore store;
    private final ConversationOverview overview;
    private final Analyzer analyzer;
    private final AuditTrail audit;
    private final Access access;
    private final Views views;
    private final Set<String> deskPersonas;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ConversationPages(ConversationStore store, Analyzer analyzer, CountryBook countries, AuditTrail audit,
                      Access access, Views views, Set<String> deskPersonas, Clock clock) {
        this.store = store;
        this.overview = new ConversationOverview(store, countries);
        this.analyzer = analyzer;
        this.audit = audit;
        this.access = access;
        this.views = views;
        this.deskPersonas = deskPersonas;
        this.clock = clock;
    }

    void list(Context ctx) {
        Session session = Access.session(ctx);
        String key = ctx.queryParam("search");
        SearchForm form = key == null ? SearchForm.EMPTY : session.kept(key, SearchForm.class).orElse(SearchForm.EMPTY);
        String search = form.isEmpty() ? "" : key;
        int page = pageNumber(ctx.queryParam("page"));
        String error = "";
        ConversationPage found;
        try {
            found = overview.page(form.filter(), visibleTo(session.role()), (page - 1) * PAGE_SIZE, PAGE_SIZE);
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            found = new ConversationPage(List.of(), 0, 0, PAGE_SIZE);
        }
        List<ConversationRow> rows = found.shown().stream().map(ConversationPages::row).toList();
        views.render(ctx, "conversations", Views.frame(session, "Conversations", Page.CONVERSATIONS),
                new ConversationList(form, search, rows, found.total(), found.number(), found.pages(), error));
    }

    /** Keeps the search in the session and shows its first page: what was searched for stays out of the URL. */
    void search(Context ctx) {
        Session session = Access.session(ctx);
        SearchForm form = new SearchForm(ctx.formParams("stage"), ctx.formParam("qualified"),
                ctx.formParam("country"), ctx.formParam("network"), ctx.formParam("persona"), ctx.formParam("from"),
                ctx.formParam("to"), ctx.formParam("identifier"), ctx.formParam("text"));
        if (form.isEmpty()) {
            ctx.redirect("/conversations", HttpStatus.SEE_OTHER);
            return;
        }
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        session.keep(key, form);
        ctx.redirect("/conversations?search=" + key, HttpStatus.SEE_OTHER);
    }

    void transcript(Context ctx) {
        Session session = Access.session(ctx);
        long id = idOf(ctx.pathParam("id"));
        ConversationSummary summary = overview.one(id).orElseThrow(NotFoundResponse::new);
        if (!visibleTo(session.role()).shows(summary)) {
            views.problem(ctx, session, 403, "Not on the desk", "Operators read the conversations on the desk only.");
            return;
        }
        audit.record(new AuditEvent(clock.instant(), session.user(), "view_transcript", "conversation " + id,
                access.address(ctx), ""));
        views.render(ctx, "transcript", Views.frame(session, "Conversation #" + id, Page.CONVERSATIONS),
                transcriptOf(summary));
    }

    private Desk visibleTo(Role role) {
        return role == Role.OPERATOR ? Desk.of(deskPersonas) : Desk.EVERYONE;
    }

    private TranscriptView transcriptOf(ConversationSummary summary) {
        long id = summary.id();
        List<Message> messages = store.messages(id);
        List<Flag> flags = store.flags(id);
        List<Event> events = store.events(id);
        // what produced each stage and qualification: the analysis says it again when the conversation is replayed
        Map<String, List<String>> matched = analyzer.replay(messages, events).report().why();
        List<TranscriptView.FlagRow> flagRows = flags.stream().map(f -> new TranscriptView.FlagRow(f.seq(),
                FlagReasons.what(f), FlagReasons.value(f), FlagReasons.why(f),
                Shown.of(String.join("; ", matched.getOrDefault(FlagReasons.whyKey(f), List.of()))))).toList();
        List<Timed> timed = new ArrayList<>();
        for (Message m : messages) {
            List<Flag> own = flags.stream().filter(f -> f.seq() == m.seq()).toList();
            List<Shown.Mark> marks = own.stream().flatMap(f -> FlagReasons.span(f, m.text().length()).stream())
                    .toList();
            timed.add(new Timed(m.time().toEpochMilli(), m.seq(), new TranscriptView.LineRow(m.seq(),
                    TIME.format(m.time()), author(m), Shown.of(m.sender()), Shown.marked(m.text(), marks),
                    own.stream().map(FlagReasons::what).distinct().toList(),
                    m.author().kind() == AuthorKind.PARTNER)));
        }
        for (Event e : events) {
            timed.add(new Timed(e.time().toEpochMilli(), Long.MAX_VALUE, new TranscriptView.LineRow(0,
                    TIME.format(e.time()), e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    Shown.of(e.actor()), Shown.of(e.detail()), List.of(), false)));
        }
        // messages in their order, each event where its time puts it among them
        timed.sort(Comparator.comparingLong(Timed::millis).thenComparingLong(Timed::seq));
        return new TranscriptView(row(summary), flagRows, timed.stream().map(Timed::line).toList());
    }

    private record Timed(long millis, long seq, TranscriptView.LineRow line) {
    }

    private static String author(Message m) {
        return switch (m.author().kind()) {
            case PARTNER -> "partner";
            case PERSONA_BOT -> "bot";
            case PERSONA_OPERATOR -> "operator " + m.author().operatorId();
        };
    }

    static ConversationRow row(ConversationSummary s) {
        Conversation c = s.conversation();
        String when = s.first() == null ? "no messages" : TIME.format(s.first()) + " to " + TIME.format(s.last());
        String stages = s.stages().isEmpty() ? "none" : s.stages().stream().sorted()
                .map(st -> st.name().toLowerCase(Locale.ROOT).replace('_', ' ')).collect(Collectors.joining(", "));
        String qualification = switch (s.qualification()) {
            case "wcst" -> "WCST";
            case "solicitation" -> "solicitation";
            default -> "no";
        };
        String country = s.country() == null ? "unknown"
                : "%s (%.2f)".formatted(s.country().country(), s.country().confidence());
        return new ConversationRow(c.id(), Shown.of(c.key().network().name()),
                c.key().isPrivate() ? Shown.NOTHING : Shown.of(c.key().channel()), Shown.of(c.key().persona()),
                Shown.of(c.key().partnerAccount()), when, s.messages(), s.events(), stages, qualification, country);
    }

    static int pageNumber(String text) {
        try {
            return text == null ? 1 : Math.max(1, Math.min(Integer.parseInt(text), 1_000_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static long idOf(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }
}
