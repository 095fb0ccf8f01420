package org.sweetie.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.sweetie.core.Printable;
import org.sweetie.evidence.AuditEvent;
import org.sweetie.evidence.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Prints the audit, oldest first: every console login (ok or failed), every view of a transcript "
                + "or a suspect, every decision, and every change to the users, with who, when (UTC) and from "
                + "where. The audit is part of the evidence log.")
final class AuditCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only the last DURATION (30m, 12h, 7d).")
    Duration since;

    @Option(names = "--user", paramLabel = "NAME", description = "Only what this user did (or tried, for failed "
            + "logins).")
    String user;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = store.openExisting()) {
            List<AuditEvent> events = new AuditTrail(workspace.evidence())
                    .read(since == null ? null : Clock.systemUTC().instant().minus(since), user);
            for (AuditEvent e : events) {
                out.println(line(e));
            }
            out.println(events.size() + (events.size() == 1 ? " event" : " events"));
        }
        return 0;
    }

    /** One event: time, user, action, and what it was on, from where and why when there is any. */
    static String line(AuditEvent e) {
        StringBuilder line = new StringBuilder(TIME.format(e.time())).append(' ').append(Printable.of(e.user()))
                .append(' ').append(e.action());
        if (!e.object().isEmpty()) {
            line.append(' ').append(Printable.of(e.object()));
        }
        if (!e.address().isEmpty()) {
            line.append(" from ").append(Printable.of(e.address()));
        }
        if (!e.detail().isEmpty()) {
            line.append(": ").append(Printable.of(e.detail()));
        }
        return line.toString();
    }
}
