package org.sweetie.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sweetie.analysis.Analyzer;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Role;
import org.sweetie.web.Console;
import org.sweetie.web.ConsoleOptions;
import org.sweetie.web.ConsoleServices;
import org.sweetie.web.LiveDesk;
import org.sweetie.web.access.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Fills a store with synthetic, non-graphic conversations through the real store path "
                + "(analysis and evidence log), starts the console on a free loopback port and requests each "
                + "page over HTTP, reporting per page the first request and p50/p95/max of the rest (round trip "
                + "on loopback)."})
final class ConsoleBench implements Callable<Integer> {
    private static final String PASSWORD = "bench-password-not-secret";
    /** Small talk, and the lines that make stages and a qualification: what the analysis flags as capture would. */
    private static final String[] SMALL_TALK = {"hi there", "how was school today?", "lol ok", "where are you from?",
        "what music do you like", "my cam is broken", "haha you are funny", "bye for now"};
    private static final String[] PERSONA = {"hi", "im 10", "what is that?", "no", "from cebu", "ok"};
    private static final String[] GROOMING = {"how old r u", "do you have a cam?", "r u alone?",
        "i give you 20 dollars for a sexy show", "dont tell anyone ok"};

    /** No deployment runs in the bench: a desk port that only names the bench's persona, so /desk lists its rows. */
    private static final LiveDesk BENCH_DESK = new LiveDesk() {
        @Override
        public Set<String> personas() {
            return Set.of(DemoCommand.PERSONA.handle());
        }
    };

    @Spec
    CommandSpec spec;

    @Option(names = "--conversations", defaultValue = "100000", description = "Conversations (${DEFAULT-VALUE}).")
    int conversations;

    @Option(names = "--messages", defaultValue = "1000000", description = "Messages in all (${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--db", paramLabel = "LOCATION",
            description = "Store to fill (default: a fresh SQLite file in a temporary folder).")
    String db;

    @Option(names = "--requests", defaultValue = "50", description = "Timed requests per page (${DEFAULT-VALUE}).")
    int requests;

    @Override
    public Integer call() throws Exception {
        if (conversations < 1 || messages < conversations || requests < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--conversations and --requests must be 1 or more, --messages at least --conversations");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TempFolder work = new TempFolder("sweetie-bench")) {
            String location = db != null ? db : work.path.resolve("bench.db").toString();
            try (Workspace workspace = StoreOptions.embedded(location, work.path.resolve("bench.keys"),
                    StoreOptions.BENCH_PASSPHRASE.toCharArray()).open()) {
                long start = System.nanoTime();
                long middle = fill(workspace.store(), err);
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf("filled %s with %,d conversations and %,d messages (analysis and evidence log) in %.1f s%n",
                        location.startsWith("jdbc:") ? location : "SQLite", conversations, messages, seconds);
                out.flush();
                var users = UsersCommand.users(workspace);
                users.add(Actor.commandLine(), "bench-analyst", Role.ANALYST, PASSWORD.toCharArray());
                users.add(Actor.commandLine(), "bench-supervisor", Role.SUPERVISOR, PASSWORD.toCharArray());
                try (Console console = Console.start(new ConsoleServices(workspace.store(), workspace.evidence(),
                        Analyzer.standard(), Clock.systemUTC(), problem -> err.println("sweetie " + problem)),
                        new ConsoleOptions("127.0.0.1", 0, false, Duration.ofHours(1), Set.of()), BENCH_DESK)) {
                    measure(console.port(), middle, out);
                    afterChanges(workspace.store(), console.port(), middle, out);
                }
            }
        }
        return 0;
    }

    /** Stores the conversations in units of 200; returns the id of one in the middle. */
    private long fill(ConversationStore store, PrintWriter err) {
        store.persona(DemoCommand.PERSONA);
        Network network = Network.irc("benchnet");
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        long middle = 0;
        int stored = 0;
        ConversationStore.Appender appender = store.appender();
        try {
            for (int k = 0; k < conversations; k++) {
                String partner = "partner_%06d".formatted(k);
                Conversation c = store.conversation(ConversationKey.privateChat(network, DemoCommand.PERSONA,
                        partner));
                if (k == conversations / 2) {
                    middle = c.id();
                }
                int count = messages / conversations + (k < messages % conversations ? 1 : 0);
                Instant at = base.plusSeconds(60L * k);
                for (int i = 0; i < count; i++) {
                    boolean persona = i % 3 == 2;
                    appender.add(c, Message.received(at.plusSeconds(i), persona ? Author.BOT : Author.PARTNER,
                            persona ? "Sweetie10" : partner, persona ? PERSONA[(k + i) % PERSONA.length]
                                    : partnerLine(k, i), null, null));
                }
                stored += count;
                if ((k + 1) % 200 == 0 || k + 1 == conversations) {
                    appender.commit();
                    if ((k + 1) % 5000 == 0 || k + 1 == conversations) {
                        err.printf("\rfilling: %,d conversations, %,d messages", k + 1, stored);
                        err.flush();
                    }
                }
            }
        } finally {
            appender.close();
        }
        err.println();
        return middle;
    }

    /**
     * One conversation in four grooms (stages, some qualify), one in ten names an email shared by a group of three
     * partners (a suspect of three accounts); the rest is small talk.
     */
    private static String partnerLine(int k, int i) {
        if (i == 4 && k % 10 == 0) {
            return "mail me at friend" + (k / 30) + "@example.com";
        }
        if (k % 4 == 1 && i % 3 == 1) {
            return GROOMING[(i / 3) % GROOMING.length];
        }
        return SMALL_TALK[(k + i) % SMALL_TALK.length] + " " + i;
    }

    private void measure(int port, long middle, PrintWriter out) throws IOException, InterruptedException {
        LoopbackBrowser analyst = LoopbackBrowser.login(port, "bench-analyst", PASSWORD, "/conversations");
        LoopbackBrowser supervisor = LoopbackBrowser.login(port, "bench-supervisor", PASSWORD, "/audit");
        String search = analyst.post("/conversations", "stage=webcam-request&stage=age-awareness&qualified=any");
        int deep = Math.max(1, (conversations / 50) / 2);
        Map<String, Page> pages = new LinkedHashMap<>();
        pages.put("list, page 1", new Page(analyst, "/conversations"));
        pages.put("list, page " + deep, new Page(analyst, "/conversations?page=" + deep));
        pages.put("filtered list (2 stages, qualified)", new Page(analyst, search));
        pages.put("transcript", new Page(analyst, "/conversations/" + middle));
        pages.put("suspects", new Page(analyst, "/suspects"));
        pages.put("a suspect", new Page(analyst, "/suspects/2"));
        pages.put("audit (supervisor)", new Page(supervisor, "/audit"));
        pages.put("desk (supervisor, 200 newest)", new Page(supervisor, "/desk"));
        pages.put("dashboard (supervisor)", new Page(supervisor, "/dashboard"));
        pages.put("referrals", new Page(analyst, "/referrals"));
        out.printf("%-40s %9s %9s %9s %9s%n", "page (ms, " + requests + " requests)", "first", "p50", "p95", "max");
        for (var entry : pages.entrySet()) {
            long first = entry.getValue().time();
            long[] times = new long[requests];
            for (int i = 0; i < requests; i++) {
                times[i] = entry.getValue().time();
            }
            Arrays.sort(times);
            out.printf("%-40s %9.1f %9.1f %9.1f %9.1f%n", entry.getKey(), first / 1e6, at(times, 0.50) / 1e6,
                    at(times, 0.95) / 1e6, times[times.length - 1] / 1e6);
            out.flush();
        }
    }

    /**
     * The first view of the pages that keep what they computed, right after a change (what a live capture does all
     * the time): a new conversation whose partner names an email another partner named (it joins a suspect), then
     * a new line in an old conversation; and a search by country, which reads every conversation's country.
     */
    private void afterChanges(ConversationStore store, int port, long middle, PrintWriter out)
            throws IOException, InterruptedException {
        LoopbackBrowser analyst = LoopbackBrowser.login(port, "bench-analyst", PASSWORD, "/conversations");
        LoopbackBrowser supervisor = LoopbackBrowser.login(port, "bench-supervisor", PASSWORD, "/audit");
        out.printf("%-56s %9s %9s%n", "first view after a change (ms)", "suspects", "dashboard");
        Network network = Network.irc("benchnet");
        Instant at = Instant.parse("2026-06-01T00:00:00Z");
        for (int round = 0; round < 3; round++) {
            Conversation c = store.conversation(ConversationKey.privateChat(network, DemoCommand.PERSONA,
                    "newcomer_" + round));
            store.append(c, Message.received(at.plusSeconds(round), Author.PARTNER, "newcomer_" + round,
                    "mail me at friend" + round + "@example.com", null, null));
            long suspects = new Page(analyst, "/suspects").time();
            long dashboard = new Page(supervisor, "/dashboard").time();
            out.printf("%-56s %9.1f %9.1f%n", "a new conversation naming a known email (" + (round + 1) + ")",
                    suspects / 1e6, dashboard / 1e6);
            Conversation old = store.findConversation(middle - round).orElseThrow();
            store.append(old, Message.received(at.plusSeconds(10 + round), Author.PARTNER,
                    old.key().partnerAccount(), "can we meet? " + round, null, null));
            dashboard = new Page(supervisor, "/dashboard").time();
            suspects = new Page(analyst, "/suspects").time();
            out.printf("%-56s %9.1f %9.1f%n", "a new line in an old conversation (" + (round + 1) + ")",
                    suspects / 1e6, dashboard / 1e6);
            out.flush();
        }
        String search = analyst.post("/conversations", "country=PH");
        long first = new Page(analyst, search).time();
        long[] times = new long[Math.min(requests, 10)];
        for (int i = 0; i < times.length; i++) {
            times[i] = new Page(analyst, search).time();
        }
        Arrays.sort(times);
        out.printf("%-56s first %.1f, p50 %.1f, max %.1f (%d requests)%n", "search by country (PH)", first / 1e6,
                at(times, 0.50) / 1e6, times[times.length - 1] / 1e6, times.length);
        out.flush();
    }

    /** The nearest-rank percentile. */
    private static long at(long[] sorted, double fraction) {
        return sorted[Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    private record Page(LoopbackBrowser browser, String path) {
        long time() throws IOException, InterruptedException {
            long start = System.nanoTime();
            browser.get(path);
            return System.nanoTime() - start;
        }
    }
}
