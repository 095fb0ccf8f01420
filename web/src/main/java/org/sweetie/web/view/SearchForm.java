package org.sweetie.web.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sweetie.analysis.ConversationFilter;
import org.sweetie.core.Stage;

/**
 * The workbench's search, as typed into its form (so the form can show it again), and the filter it means. Dates are
 * days in UTC: from the start of {@code from} to the end of {@code to}.
 */
public record SearchForm(List<String> stages, String qualified, String country, String network, String persona,
                         String from, String to, String identifier, String text) {
    public static final SearchForm EMPTY = new SearchForm(List.of(), "", "", "", "", "", "", "", "");

    public SearchForm {
        stages = stages == null ? List.of() : List.copyOf(stages);
        qualified = blank(qualified);
        country = blank(country);
        network = blank(network);
        persona = blank(persona);
        from = blank(from);
        to = blank(to);
        identifier = blank(identifier);
        text = blank(text);
    }

    /** A stage as the form offers it: its key (age-awareness) and its name for people. */
    public record StageOption(String key, String label) {
    }

    public static List<StageOption> stageOptions() {
        List<StageOption> options = new ArrayList<>();
        for (Stage s : Stage.values()) {
            String key = s.name().toLowerCase(Locale.ROOT).replace('_', '-');
            options.add(new StageOption(key, key.replace('-', ' ')));
        }
        return options;
    }

    public boolean has(String stage) {
        return stages.contains(stage);
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /**
     * The filter this search means.
     *
     * @throws IllegalArgumentException naming the field and what it takes
     */
    public ConversationFilter filter() {
        Set<Stage> wanted = EnumSet.noneOf(Stage.class);
        for (String key : stages) {
            try {
                wanted.add(Stage.valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Stage: there is no stage '" + key + "'.");
            }
        }
        if (!qualified.isEmpty() && !Set.of("any", "solicitation", "wcst").contains(qualified)) {
            throw new IllegalArgumentException("Qualified: any, solicitation or wcst, not '" + qualified + "'.");
        }
        if (!country.isEmpty() && !country.matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException("Country: a two-letter ISO 3166-1 code such as NL, not '" + country
                    + "'.");
        }
        Instant since = from.isEmpty() ? null : day(from, "From").atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = to.isEmpty() ? null
                : day(to, "To").plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
        return new ConversationFilter(wanted, qualified.isEmpty() ? null : qualified, country, since, until, null,
                network, persona, identifier, text);
    }

    private static LocalDate day(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": a date like 2026-03-01, not '" + text + "'.");
        }
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }
}
