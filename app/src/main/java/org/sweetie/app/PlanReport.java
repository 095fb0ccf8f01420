package org.sweetie.app;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.sweetie.capture.logs.FilePlan;
import org.sweetie.capture.logs.LogFormat;
import org.sweetie.core.Persona;
import org.sweetie.core.Printable;

/**
 * What a dry run of {@code sweetie import} prints per file: who talks with whom and when, in the zone the clock
 * times were read in and in UTC, so that a wrong --persona or --zone shows before anything is stored.
 */
final class PlanReport {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final ZoneId zone;

    PlanReport(PrintWriter out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    void heading(Persona persona) {
        out.println("Dry run, nothing is stored. Persona " + Printable.of(persona.handle()) + " with the nicks "
                + Printable.of(String.join(", ", persona.nicknames())) + "; the clock times of WeeChat and irssi "
                + "logs are read as " + zone.getId() + ".");
    }

    void print(FilePlan plan) {
        out.println(Printable.of(plan.file().toString()) + " (" + format(plan.format())
                + (plan.continues() == null ? "" : ", goes on from the log of " + Printable.of(plan.continues())
                + ", whose nick change it begins with") + ")");
        if (plan.refusal() != null) {
            out.println("  not imported: none of the persona's nicks appears in it");
            return;
        }
        for (FilePlan.ConversationPlan c : plan.conversations()) {
            conversation(c);
        }
        List<String> counts = new ArrayList<>();
        count(counts, plan.linesAlreadyImported(), "lines imported before");
        count(counts, plan.clientLines(), "client lines not stored");
        count(counts, plan.skippedLines(), "channel lines not about the persona");
        count(counts, plan.rejectedLines(), "lines rejected");
        if (plan.conversations().isEmpty()) {
            counts.addFirst("nothing new");
        }
        if (!counts.isEmpty()) {
            out.println("  " + String.join(", ", counts));
        }
    }

    private void conversation(FilePlan.ConversationPlan c) {
        out.println("  " + Printable.of(c.network().name()) + (c.channel() == null ? " private" : " "
                + Printable.of(c.channel())) + " with " + Printable.of(c.partner()) + " (seen as "
                + Printable.of(String.join(", ", c.partnerNames())) + "), "
                + (c.storedId() > 0 ? "adds to conversation #" + c.storedId() : "a new conversation"));
        out.println("    " + c.partnerMessages() + " messages by the partner, " + c.personaMessages()
                + " by the persona" + (c.personaNames().isEmpty() ? "" : " as "
                + Printable.of(String.join(", ", c.personaNames()))) + ", " + c.events() + " events");
        if (c.first() != null) {
            out.println("    from " + local(c.first()) + " to " + local(c.last()) + " " + zone.getId() + " = "
                    + UTC.format(c.first()) + " to " + UTC.format(c.last()));
        }
    }

    private String local(Instant time) {
        return LOCAL.format(time.atZone(zone));
    }

    private static void count(List<String> counts, long n, String what) {
        if (n > 0) {
            counts.add(n + " " + what);
        }
    }

    private static String format(LogFormat format) {
        return switch (format) {
            case WEECHAT -> "WeeChat";
            case IRSSI -> "irssi";
            case JSONL -> "Sweetie JSON Lines";
        };
    }
}
