package org.sweetie.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.Account;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Flag;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.core.Stage;
import org.sweetie.store.Stores;

/**
 * The list read from the store's summaries gives what reading every conversation gave (the list before the
 * summaries, kept here as the reference): the same conversations, counts and summaries, for seeded random stores,
 * filters, desks and pages.
 */
class ConversationPagingEquivalenceTest {
    static final Persona SWEETIE = Persona.ofNicknames(List.of("Sweetie10"));
    static final Persona LUNA = Persona.ofNicknames(List.of("luna11"));
    static final Instant DAY1 = Instant.parse("2026-03-01T10:00:00Z");
    static final String[] LINES = {"hi there", "how old r u", "do you have a cam?", "r u alone?",
        "i give you 20 dollars for a sexy show", "dont tell anyone ok", "where are you from?", "im from Leeds",
        "wil je naakt voor de webcam? ik betaal 15 euro", "lol ok", "what music do you like", "bye for now"};

    @TempDir
    Path folder;
    ConversationStore raw;
    ConversationStore store;
    ConversationOverview overview;
    Analyzer analyzer = Analyzer.standard();

    @BeforeEach
    void open() {
        raw = Stores.open(folder.resolve("store.db").toString());
        raw.persona(SWEETIE);
        raw.persona(LUNA);
        store = new AnalyzingStore(raw, analyzer);
        overview = new ConversationOverview(store, analyzer);
    }

    @AfterEach
    void close() {
        raw.close();
    }

    @Test
    void pagesFromSummariesEqualTheFullScan() {
        int shown = 0;
        int staged = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            fill(random, 40);
            for (int round = 0; round < 40; round++) {
                ConversationFilter filter = randomFilter(random);
                Desk desk = switch (random.nextInt(3)) {
                    case 0 -> Desk.EVERYONE;
                    case 1 -> Desk.of(Set.of());
                    default -> Desk.of(Set.of("luna11"));
                };
                int offset = random.nextInt(20);
                int limit = 1 + random.nextInt(15);
                ConversationPage page = overview.page(filter, desk, offset, limit);
                List<ConversationSummary> all = fullScan(filter, desk);
                List<ConversationSummary> expected = all.subList(Math.min(offset, all.size()),
                        Math.min(offset + limit, all.size())).stream().map(this::withCountry).toList();
                assertThat(page.total()).as("seed %d round %d: %s %s", seed, round, filter, desk)
                        .isEqualTo(all.size());
                assertThat(page.shown()).as("seed %d round %d: %s %s", seed, round, filter, desk)
                        .isEqualTo(expected);
                shown += page.shown().isEmpty() ? 0 : 1;
                staged += page.shown().stream().anyMatch(s -> !s.stages().isEmpty())
                        && !filter.stages().isEmpty() ? 1 : 0;
            }
        }
        // the seeds make stores and filters where the comparison means something
        assertThat(shown).isGreaterThan(20);
        assertThat(staged).isGreaterThan(0);
    }

    @Test
    void theCommandLinesListEqualsTheFullScan() {
        Random random = new Random(7);
        fill(random, 30);
        for (int round = 0; round < 20; round++) {
            ConversationFilter filter = randomFilter(random);
            assertThat(overview.list(filter)).as("round %d: %s", round, filter)
                    .isEqualTo(fullScan(filter, Desk.EVERYONE).reversed().stream().map(this::withCountry).toList());
        }
    }

    private void fill(Random random, int count) {
        for (int i = 0; i < count; i++) {
            Network network = Network.irc(random.nextBoolean() ? "libera" : "efnet");
            Persona persona = random.nextInt(3) == 0 ? LUNA : SWEETIE;
            String partner = "p" + random.nextInt(25);
            Conversation c = store.conversation(random.nextInt(4) == 0
                    ? ConversationKey.inChannel(network, persona, partner, "#chat")
                    : ConversationKey.privateChat(network, persona, partner));
            Instant at = DAY1.plus(java.time.Duration.ofHours(random.nextInt(24 * 10)));
            int lines = random.nextInt(6);
            try (ConversationStore.Appender unit = store.appender()) {
                for (int j = 0; j < lines; j++) {
                    String text = random.nextInt(8) == 0 ? "mail me at " + partner + "@example.com"
                            : LINES[random.nextInt(LINES.length)];
                    boolean bot = random.nextInt(3) == 0;
                    unit.add(c, Message.received(at.plusSeconds(random.nextInt(600) - 60), bot ? Author.BOT
                            : Author.PARTNER, bot ? "Sweetie10" : partner, text, null, null));
                }
                if (random.nextInt(5) == 0) {
                    unit.record(c, new Event(at, EventKind.OPERATOR, "op-1", "taken over by op-1", null, null));
                }
                if (random.nextInt(5) == 0) {
                    unit.record(c, new Event(at, EventKind.JOIN, partner, "joined", null, null));
                }
                unit.commit();
            }
        }
    }

    private static ConversationFilter randomFilter(Random random) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        if (random.nextInt(4) == 0) {
            stages.add(Stage.values()[random.nextInt(Stage.values().length)]);
        }
        String qualified = pick(random, null, null, null, null, "any", "solicitation", "wcst");
        String country = random.nextInt(8) == 0 ? pick(random, "GB", "NL", "PH") : null;
        Instant since = random.nextInt(6) == 0 ? DAY1.plus(java.time.Duration.ofHours(random.nextInt(240))) : null;
        Instant until = random.nextInt(6) == 0 ? DAY1.plus(java.time.Duration.ofHours(random.nextInt(240))) : null;
        String partner = random.nextInt(10) == 0 ? "P" + random.nextInt(25) : null;
        String network = random.nextInt(6) == 0 ? pick(random, "LIBERA", "efnet") : null;
        String persona = random.nextInt(6) == 0 ? pick(random, "luna11", "SWEETIE10") : null;
        String identifier = random.nextInt(8) == 0 ? "p1" : null;
        String text = random.nextInt(8) == 0 ? pick(random, "CAM", "show", "mail") : null;
        return new ConversationFilter(stages, qualified, country, since, until, partner, network, persona,
                identifier, text);
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** The list as it was computed before the summaries: every conversation read, newest first. */
    private List<ConversationSummary> fullScan(ConversationFilter f, Desk desk) {
        List<ConversationSummary> shown = new ArrayList<>();
        for (Conversation c : store.conversations().reversed()) {
            List<Message> messages = store.messages(c.id());
            List<Event> events = store.events(c.id());
            List<Flag> flags = store.flags(c.id());
            ConversationSummary s = summary(c, messages, events, flags);
            var key = c.key();
            boolean stored = s.stages().containsAll(f.stages())
                    && (f.qualified() == null || (f.qualified().equals("wcst") ? s.qualification().equals("wcst")
                            : !s.qualification().equals("none")))
                    && (f.since() == null || s.last() != null && !s.last().isBefore(f.since()))
                    && (f.until() == null || s.first() != null && !s.first().isAfter(f.until()))
                    && (f.partner() == null || key.partnerAccount().equalsIgnoreCase(Account.handleOf(f.partner())))
                    && (f.network() == null || key.network().name().equalsIgnoreCase(f.network()))
                    && (f.persona() == null || key.persona().equalsIgnoreCase(f.persona()));
            if (!stored || !desk.shows(s) || !f.matchesContent(messages, flags)) {
                continue;
            }
            if (f.country() != null) {
                s = s.withCountry(analyzer.replay(messages, events).report().country());
                if (!f.matchesCountry(s)) {
                    continue;
                }
            }
            shown.add(s);
        }
        return shown;
    }

    private ConversationSummary withCountry(ConversationSummary s) {
        return s.country() != null ? s
                : s.withCountry(analyzer.replay(store.messages(s.id()), store.events(s.id())).report().country());
    }

    private static ConversationSummary summary(Conversation c, List<Message> messages, List<Event> events,
                                               List<Flag> flags) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        String qualification = "none";
        for (Flag flag : flags) {
            if (flag.kind().equals("stage")) {
                stages.add(Stage.valueOf(flag.value().toUpperCase(Locale.ROOT)));
            } else if (flag.kind().equals("qualified")) {
                qualification = flag.value().equals("wcst") || qualification.equals("wcst") ? "wcst" : flag.value();
            }
        }
        return new ConversationSummary(c, messages.isEmpty() ? null : messages.getFirst().time(),
                messages.isEmpty() ? null : messages.getLast().time(), messages.size(), events.size(), stages,
                qualification, null, events.stream().anyMatch(e -> e.kind() == EventKind.OPERATOR));
    }
}
