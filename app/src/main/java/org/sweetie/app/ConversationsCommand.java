package org.sweetie.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.ConversationFilter;
import org.sweetie.analysis.ConversationOverview;
import org.sweetie.analysis.ConversationSummary;
import org.sweetie.core.Conversation;
import org.sweetie.core.Durations;
import org.sweetie.core.Printable;
import org.sweetie.core.Stage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "conversations", mixinStandardHelpOptions = true,
        description = {"Lists the stored conversations: when they ran, their length, the stages reached, "
                + "qualification and the partner's most likely country. Filters combine (all must hold).",
            "Stages: age-awareness, sexual-solicitation, webcam-request, payment-offer, secrecy."})
final class ConversationsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--stage", paramLabel = "STAGE", split = ",",
            description = "Only conversations that reached this stage (repeat or separate with commas for all of "
                    + "several).")
    List<String> stages = List.of();

    @Option(names = "--qualified", paramLabel = "LEVEL", arity = "0..1", fallbackValue = "any",
            description = "Only qualified conversations: any (the default when no LEVEL is given), solicitation, "
                    + "or wcst.")
    String qualified;

    @Option(names = "--country", paramLabel = "CC", description = "Only partners most likely in this country "
            + "(ISO 3166-1 alpha-2, e.g. NL).")
    String country;

    @Option(names = "--since", paramLabel = "WHEN", description = "Only conversations with a message since then: "
            + "a duration back from now (30m, 12h, 7d) or a date (2026-11-01, UTC).")
    String since;

    @Option(names = "--partner", paramLabel = "HANDLE", description = "Only conversations with this partner "
            + "account (any network; case-insensitive).")
    String partner;

    @Option(names = "--json", description = "One JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ConversationFilter filter = filter();
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = store.openExisting()) {
            List<ConversationSummary> shown = new ConversationOverview(workspace.store(), Analyzer.standard())
                    .list(filter);
            if (json) {
                out.println(json(shown));
                return 0;
            }
            shown.forEach(s -> print(s, out));
            int all = workspace.store().conversations().size();
            out.println(shown.size() == all ? count(all, "conversation") : shown.size() + " of "
                    + count(all, "conversation"));
        }
        return 0;
    }

    private ConversationFilter filter() {
        Set<Stage> wanted = new LinkedHashSet<>();
        for (String s : stages) {
            wanted.add(stage(s));
        }
        if (qualified != null && !Set.of("any", "solicitation", "wcst").contains(qualified.toLowerCase(Locale.ROOT))) {
            throw usage("--qualified takes any, solicitation or wcst, not '" + qualified + "'");
        }
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw usage("--country takes a two-letter ISO 3166-1 code such as NL, not '" + country + "'");
        }
        return new ConversationFilter(wanted, qualified == null ? null : qualified.toLowerCase(Locale.ROOT),
                country, since == null ? null : since(since, Clock.systemUTC()), partner);
    }

    private Stage stage(String name) {
        String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Stage s : Stage.values()) {
            if (s.name().equals(key)) {
                return s;
            }
        }
        throw usage("--stage takes age-awareness, sexual-solicitation, webcam-request, payment-offer or secrecy, "
                + "not '" + name + "'");
    }

    private Instant since(String text, Clock clock) {
        var duration = Durations.parse(text);
        if (duration.isPresent()) {
            return clock.instant().minus(duration.get());
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException again) {
                throw usage("--since takes " + Durations.EXAMPLES + " back from now, or a date like 2026-11-01, "
                        + "not '" + text + "'");
            }
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static void print(ConversationSummary s, PrintWriter out) {
        Conversation c = s.conversation();
        String when = s.first() == null ? "no messages" : TIME.format(s.first()) + " to " + TIME.format(s.last());
        out.printf("#%d %s (%s, persona %s): %s; %s, %s%n", c.id(), Printable.of(c.label()),
                c.key().isPrivate() ? "private" : "channel", Printable.of(c.key().persona()), when,
                count(s.messages(), "message"), count(s.events(), "event"));
        out.printf("    stages: %s; qualified: %s; country: %s%n", stages(s.stages()), switch (s.qualification()) {
            case "wcst" -> "WCST";
            case "solicitation" -> "solicitation";
            default -> "no";
        }, s.country() == null ? "unknown" : "%s (confidence %.2f)".formatted(s.country().country(),
                s.country().confidence()));
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String stages(Set<Stage> stages) {
        return stages.isEmpty() ? "none" : stages.stream().sorted().map(ConversationsCommand::name)
                .collect(Collectors.joining(", "));
    }

    private static String name(Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String json(List<ConversationSummary> shown) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("conversations");
        for (ConversationSummary s : shown) {
            Conversation c = s.conversation();
            ObjectNode node = list.addObject();
            node.put("id", c.id());
            node.put("network", c.key().network().name());
            node.put("channel", c.key().channel());
            node.put("persona", c.key().persona());
            node.put("partner", c.key().partnerAccount());
            node.put("first", s.first() == null ? null : s.first().toString());
            node.put("last", s.last() == null ? null : s.last().toString());
            node.put("messages", s.messages());
            node.put("events", s.events());
            ArrayNode stageList = node.putArray("stages");
            s.stages().stream().sorted().map(ConversationsCommand::name).forEach(stageList::add);
            node.put("qualification", s.qualification());
            if (s.country() == null) {
                node.putNull("country");
            } else {
                node.putObject("country").put("code", s.country().country())
                        .put("confidence", s.country().confidence());
            }
        }
        return mapper.writeValueAsString(root);
    }
}
