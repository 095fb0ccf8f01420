package org.sweetie.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.sweetie.analysis.CountryBook;
import org.sweetie.core.ConversationStats;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Stage;
import org.sweetie.evidence.EvidenceLog;
import org.sweetie.evidence.GuardTally;
import org.sweetie.identity.Level;
import org.sweetie.identity.Profile;
import org.sweetie.identity.SuspectBook;
import org.sweetie.referral.HeadlineTable;
import org.sweetie.referral.Referrals;
import org.sweetie.referral.Routing;
import org.sweetie.web.view.BarChart;
import org.sweetie.web.access.Session;
import org.sweetie.web.view.Dashboard;

/**
 * The supervisors' dashboard. The headline table is the referral module's own ({@link Referrals#headlines}) with
 * the settings {@code sweetie referrals} uses by default (every country, every level, the default routing
 * threshold), so its figures are those of the package's summary.txt on the same store.
 */
final class DashboardPage {
    /** Days shown in the contacts-per-day chart; the table below it holds the same days. */
    static final int DAYS = 120;

    private final ConversationStore store;
    private final EvidenceLog evidence;
    private final CountryBook countries;
    private final SummaryBook summaries;
    private final Views views;
    /** The live deployment's networks and held drafts, shown to supervisors; null in tests of the figures alone. */
    private final DeskPages desk;

    private final SuspectBook suspects;

    /** @param suspects the console's, shared with the suspects' pages: whichever is viewed first reads them */
    DashboardPage(ConversationStore store, SuspectBook suspects, CountryBook countries, EvidenceLog evidence,
                  Views views, DeskPages desk) {
        this.desk = desk;
        this.store = store;
        this.suspects = suspects;
        this.countries = countries;
        this.summaries = new SummaryBook(store);
        this.evidence = evidence;
        this.views = views;
    }

    void show(Context ctx) {
        Session session = Access.session(ctx);
        boolean supervisor = session.role() == org.sweetie.core.Role.SUPERVISOR;
        views.render(ctx, "dashboard", Views.frame(session, "Dashboard", Page.DASHBOARD), figures(),
                desk != null && desk.live() && supervisor ? Map.of("live", desk.live(true)) : Map.of());
    }

    /** The figures and the store's and the evidence log's state they were computed from. */
    private record Computed(long changes, long evidence, Dashboard figures) {
    }

    private Computed computed;

    /**
     * The figures, computed again only when the store's change count or the evidence log's size moved since the last
     * time: computing them reads every conversation (the headline table replays each suspect's country).
     */
    synchronized Dashboard figures() {
        // read first: a change while computing leaves the figures older than the key, so they are computed again
        long changes = store.changes();
        long entries = evidence.size();
        if (computed == null || computed.changes() != changes || computed.evidence() != entries) {
            computed = new Computed(changes, entries, compute());
        }
        return computed.figures();
    }

    private Dashboard compute() {
        HeadlineTable table = headlines();
        List<Dashboard.HeadlineRow> rows = table.rows().stream().map(DashboardPage::row).toList();
        SummaryBook.Tally tally = summaries.tally();
        List<BarChart> charts = List.of(
                BarChart.columns("per-day", "Contacts per day (UTC, by a conversation's first message)",
                        "conversations", perDay(tally.days())),
                BarChart.rows("funnel", "The qualification funnel (conversations)", "conversations",
                        tally.funnel()),
                BarChart.rows("countries", "Contacts by country (suspects, as routed for referral)", "suspects",
                        rows.stream().map(r -> new BarChart.Figure(r.country(), r.contacts())).toList()));
        GuardTally guard = GuardTally.of(evidence);
        return new Dashboard(rows, row(table.total()), charts, DeterrenceFigures.of(store),
                new Dashboard.Guard(guard.decisions(), guard.allowed(), guard.rules().stream()
                        .map(r -> new Dashboard.RuleRow(r.rule(), r.refused(), r.held())).toList()));
    }

    /** Each suspect's part of the headline table, by the profile it was worked out for. */
    private Map<Profile, Referrals.HeadlinePart> parts = new IdentityHashMap<>();

    /**
     * The headline table: {@link Referrals#headlines}' sums, with each suspect's part kept while his profile is the
     * same object. The suspects' book makes a new profile whenever a conversation of his changed, the only thing
     * that can move his route (the country attributions are those of his conversations).
     */
    private HeadlineTable headlines() {
        Routing routing = new Routing(Routing.DEFAULT_MIN_CONFIDENCE);
        var country = countries.reader();
        Map<Profile, Referrals.HeadlinePart> next = new IdentityHashMap<>();
        for (Profile p : suspects.read()) {
            Referrals.HeadlinePart part = parts.get(p);
            if (part == null) {
                part = Referrals.part(p, routing.route(p, id -> country.apply(id).orElse(null)), Level.ANONYMOUS,
                        null);
            }
            next.put(p, part);
        }
        parts = next;
        return Referrals.table(next.values());
    }

    private static Dashboard.HeadlineRow row(HeadlineTable.Row r) {
        return new Dashboard.HeadlineRow(r.folder(), country(r.folder()), r.headline().contacts(),
                r.headline().solicitation(), r.headline().wcst(), r.headline().identified(), r.referred());
    }

    private static String country(String folder) {
        if (folder.equals(Routing.UNASSIGNED)) {
            return "not assigned";
        }
        if (folder.equals("all")) {
            return "all";
        }
        String name = Locale.of("", folder).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(folder) ? folder : name + " (" + folder + ")";
    }

    /** Every day from the first to the last contact, the last {@value #DAYS} of them, days without any as 0. */
    private static List<BarChart.Figure> perDay(java.util.NavigableMap<LocalDate, Long> days) {
        List<BarChart.Figure> figures = new ArrayList<>();
        if (days.isEmpty()) {
            return figures;
        }
        LocalDate last = days.lastKey();
        LocalDate first = days.firstKey();
        if (first.isBefore(last.minusDays(DAYS - 1))) {
            first = last.minusDays(DAYS - 1);
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            figures.add(new BarChart.Figure(d.toString(), days.getOrDefault(d, 0L)));
        }
        return figures;
    }
}
