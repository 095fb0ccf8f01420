package org.sweetie.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.sweetie.core.Durations;
import org.sweetie.evidence.AuditEvent;
import org.sweetie.evidence.AuditTrail;
import org.sweetie.web.view.AuditList;
import org.sweetie.web.view.Shown;

/** The audit for supervisors and admins: who logged in, looked at what, decided what; ids only, no content. */
final class AuditPage {
    static final int MOST = 500;

    private final AuditTrail audit;
    private final Views views;
    private final Clock clock;

    AuditPage(AuditTrail audit, Views views, Clock clock) {
        this.audit = audit;
        this.views = views;
        this.clock = clock;
    }

    void show(Context ctx) {
        String user = trimmed(ctx.queryParam("user"));
        String since = trimmed(ctx.queryParam("since"));
        String error = "";
        Instant from = null;
        if (!since.isEmpty()) {
            var duration = Durations.parse(since);
            if (duration.isPresent()) {
                from = clock.instant().minus(duration.get());
            } else {
                error = "Since: " + Durations.EXAMPLES + ", not '" + since + "'.";
            }
        }
        List<AuditEvent> events = error.isEmpty() ? audit.read(from, user.isEmpty() ? null : user) : List.of();
        List<AuditList.Row> rows = events.reversed().stream().limit(MOST).map(AuditPage::row).toList();
        views.render(ctx, "audit", Views.frame(Access.session(ctx), "Audit", Page.AUDIT),
                new AuditList(rows, user, since, events.size(), error));
    }

    private static AuditList.Row row(AuditEvent e) {
        return new AuditList.Row(ConversationPages.TIME.format(e.time()), Shown.of(e.user()), e.action(),
                e.object(), e.address(), Shown.of(e.detail()));
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
