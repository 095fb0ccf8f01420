package org.sweetie.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.LinkDecision;
import org.sweetie.evidence.AuditEvent;
import org.sweetie.evidence.AuditTrail;
import org.sweetie.evidence.Entries;
import org.sweetie.evidence.EvidenceLog;
import org.sweetie.identity.AccountRef;
import org.sweetie.identity.Link;
import org.sweetie.identity.LinkDecisions;
import org.sweetie.identity.Profile;
import org.sweetie.identity.SuspectBook;
import org.sweetie.web.access.Session;
import org.sweetie.web.view.Shown;
import org.sweetie.web.view.SuspectList;
import org.sweetie.web.view.SuspectRow;
import org.sweetie.web.view.SuspectView;

/**
 * The suspects: the list by referral priority, one suspect with the links that tie their accounts, and the
 * analyst's confirm, reject and split, through the same use case as {@code sweetie suspects}.
 */
final class SuspectPages {
    static final int PAGE_SIZE = 50;

    private final ConversationStore store;
    private final EvidenceLog evidence;
    private final AuditTrail audit;
    private final Access access;
    private final Views views;
    private final Clock clock;
    private final SuspectBook suspects;

    SuspectPages(ConversationStore store, SuspectBook suspects, EvidenceLog evidence, AuditTrail audit, Access access,
                 Views views, Clock clock) {
        this.store = store;
        this.evidence = evidence;
        this.audit = audit;
        this.access = access;
        this.views = views;
        this.clock = clock;
        this.suspects = suspects;
    }

    void list(Context ctx) {
        List<Profile> all = suspects.byPriority();
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(ConversationPages.pageNumber(ctx.queryParam("page")), pages);
        List<SuspectRow> rows = all.subList(Math.min(all.size(), (page - 1) * PAGE_SIZE),
                Math.min(all.size(), page * PAGE_SIZE)).stream().map(SuspectPages::row).toList();
        views.render(ctx, "suspects", Views.frame(Access.session(ctx), "Suspects", Page.SUSPECTS),
                new SuspectList(rows, all.size(), page, pages));
    }

    void show(Context ctx) {
        Session session = Access.session(ctx);
        Profile profile = find(ctx);
        audit.record(new AuditEvent(clock.instant(), session.user(), "view_suspect",
                "suspect " + profile.suspect().number(), access.address(ctx), conversations(profile)));
        views.render(ctx, "suspect", Views.frame(session, "Suspect #" + profile.suspect().number(), Page.SUSPECTS),
                view(profile));
    }

    void decide(Context ctx) {
        Session session = Access.session(ctx);
        Profile profile = find(ctx);
        String account = ctx.formParam("account");
        LinkDecisions.Action action = LinkDecisions.Action.of(ctx.formParam("action")).orElse(null);
        if (action == null || account == null) {
            views.problem(ctx, session, 400, "Decision refused", "A decision needs its action (confirm, reject or "
                    + "split) and its account.");
            return;
        }
        if (profile.suspect().accounts().stream().map(AccountRef::toString).noneMatch(account::equals)) {
            views.problem(ctx, session, 400, "Decision refused", "That account is not one of this suspect's.");
            return;
        }
        String note = ctx.formParam("note") == null ? "" : ctx.formParam("note").strip();
        List<LinkDecision> made = new LinkDecisions(store, suspects,
                d -> evidence.record(Entries.linkDecision(d), null), clock)
                .decide(action, account, ctx.formParam("link"), session.user(), note);
        String suspect = "suspect " + profile.suspect().number();
        audit.record(new AuditEvent(clock.instant(), session.user(), "decision", suspect, access.address(ctx),
                action.key() + ": " + made.size() + (made.size() == 1 ? " link" : " links")));
        session.flash(made.isEmpty() ? "Nothing decided: that link no longer ties this account to another."
                : switch (action) {
                    case CONFIRM -> "Link confirmed.";
                    case REJECT -> "Link rejected: it no longer ties the account to the others.";
                    case SPLIT -> "Account split off: " + made.size() + (made.size() == 1 ? " link" : " links")
                            + " rejected.";
                });
        // a rejection can renumber the suspects: follow the account to the suspect it is in now
        int now = suspects.read().stream()
                .filter(p -> p.suspect().accounts().stream().map(AccountRef::toString).anyMatch(account::equals))
                .map(p -> p.suspect().number()).findFirst().orElse(profile.suspect().number());
        ctx.redirect("/suspects/" + now, HttpStatus.SEE_OTHER);
    }

    private Profile find(Context ctx) {
        long number = ConversationPages.idOf(ctx.pathParam("number"));
        return suspects.read().stream().filter(p -> p.suspect().number() == number).findFirst()
                .orElseThrow(NotFoundResponse::new);
    }

    private static String conversations(Profile p) {
        return "conversations " + p.conversations().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static SuspectRow row(Profile p) {
        return new SuspectRow(p.suspect().number(), p.priority(), p.level().key(), switch (p.qualification()) {
            case "wcst" -> "WCST";
            case "solicitation" -> "solicitation";
            default -> "not qualified";
        }, p.suspect().accounts().stream().map(a -> Shown.of(a.toString())).toList(), p.conversations().size(),
                p.suspect().links().size());
    }

    private SuspectView view(Profile p) {
        // the suspect's own conversations, read once: which account had which
        List<Conversation> had = p.conversations().stream().sorted().map(store::findConversation)
                .flatMap(java.util.Optional::stream).toList();
        List<SuspectView.AccountRow> accounts = p.suspect().accounts().stream().map(a -> account(a, had)).toList();
        List<SuspectView.LinkRow> links = p.suspect().links().stream().map(l -> link(l, had)).toList();
        List<SuspectView.RevealedRow> revealed = p.revealed().stream().map(r -> new SuspectView.RevealedRow(
                r.type().key(), Shown.of(r.normalized()), Shown.of(r.account().toString()),
                new SuspectView.Seen(r.source().conversationId(), r.source().seq()))).toList();
        Set<String> own = p.suspect().accounts().stream().map(AccountRef::toString).collect(Collectors.toSet());
        List<SuspectView.DecisionRow> decisions = store.linkDecisions().stream()
                .filter(d -> own.contains(d.handle() + "@" + d.network()))
                .map(d -> new SuspectView.DecisionRow(ConversationPages.TIME.format(d.time()), d.analyst(),
                        d.decision(), Shown.of(d.keyKind() + " " + d.keyValue()),
                        Shown.of(d.handle() + "@" + d.network()), Shown.of(d.note()))).toList();
        return new SuspectView(row(p), p.returnedAfterWarning(), p.handsOnRisk().size(), accounts, links, revealed,
                decisions);
    }

    private static SuspectView.AccountRow account(AccountRef a, List<Conversation> own) {
        List<Long> conversations = own.stream()
                .filter(c -> c.key().network().equals(a.network()) && c.key().partnerAccount().equals(a.handle()))
                .map(Conversation::id).toList();
        return new SuspectView.AccountRow(a.toString(), Shown.of(a.toString()), conversations);
    }

    private static SuspectView.LinkRow link(Link l, List<Conversation> own) {
        return new SuspectView.LinkRow(LinkDecisions.argument(l), l.key().kind(), Shown.of(l.key().value()),
                l.accounts().stream().map(a -> account(a, own)).toList(),
                l.sources().stream().map(s -> new SuspectView.Seen(s.conversationId(), s.seq())).distinct().toList());
    }
}
