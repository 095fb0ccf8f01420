package org.sweetie.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import org.sweetie.core.LinkDecision;
import org.sweetie.core.Printable;
import org.sweetie.evidence.Entries;
import org.sweetie.identity.AccountRef;
import org.sweetie.identity.LinkDecisions;
import org.sweetie.identity.Link;
import org.sweetie.identity.Profile;
import org.sweetie.identity.Suspects;
import org.sweetie.store.RunLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The analyst's view of suspects: list them with their links, confirm or reject a link, split an account off. */
@Command(name = "suspects", mixinStandardHelpOptions = true,
        description = {"Without ACTION: lists the suspects (linked partner accounts), highest referral priority first, "
                + "with level, qualification, conversations, accounts and the links that tie them, written as "
                + "--account and --link take them.",
            "confirm|reject --link KIND:VALUE --account HANDLE@NETWORK --analyst NAME: records the analyst's decision "
                + "on one link (a rejected link no longer ties that account); split --account ... --analyst ...: "
                + "rejects every link of the account. Decisions are kept and appended to the evidence log."})
final class SuspectsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", description = "confirm, reject or split")
    String action;

    @Option(names = "--link", paramLabel = "KIND:VALUE", description = "The link, e.g. skype:dave.example")
    String key;

    @Option(names = "--account", paramLabel = "HANDLE@NETWORK")
    String account;

    @Option(names = "--analyst", paramLabel = "NAME")
    String analyst;

    @Option(names = "--note", paramLabel = "TEXT", defaultValue = "")
    String note;

    @Option(names = "--json", description = "Without ACTION: one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = storeOptions.openExisting();
             RunLock claim = action == null ? null : storeOptions.claim("suspects " + action)) {
            if (action == null) {
                List<Profile> byPriority = Suspects.byPriority(workspace.store());
                if (json) {
                    out.println(json(byPriority));
                } else {
                    byPriority.forEach(p -> print(p, out));
                }
                return 0;
            }
            LinkDecisions.Action decided = LinkDecisions.Action.of(action).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "ACTION must be confirm, reject or split, not '" + action + "'"));
            if (account == null || analyst == null) {
                throw new ParameterException(spec.commandLine(), action + " needs --account and --analyst");
            }
            if (decided != LinkDecisions.Action.SPLIT && (key == null || !key.contains(":"))) {
                throw new ParameterException(spec.commandLine(), action + " needs --link KIND:VALUE");
            }
            List<LinkDecision> made;
            try {
                made = new LinkDecisions(workspace.store(), d -> workspace.evidence().record(Entries.linkDecision(d),
                        null), Clock.systemUTC()).decide(decided, account, key, analyst, note);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (made.isEmpty()) {
                spec.commandLine().getErr().println("sweetie suspects: no link " + (key == null ? "" : key + " ")
                        + "ties " + Printable.of(account) + " to another account");
                return 1;
            }
            for (LinkDecision d : made) {
                out.println(d.decision() + " " + Printable.of(d.keyKind() + " " + d.keyValue()) + " for "
                        + Printable.of(account) + " by " + Printable.of(analyst));
            }
        }
        return 0;
    }

    /**
     * A suspect for people: priority first (the list is sorted by it), then the accounts and each link in the form
     * {@code confirm}, {@code reject} and {@code split} take, so it can be pasted into the next command.
     */
    private static void print(Profile p, PrintWriter out) {
        out.printf("#%d priority %d: %s, %s; %s %s%n", p.suspect().number(), p.priority(), p.level().key(),
                switch (p.qualification()) {
                    case "wcst" -> "WCST";
                    case "solicitation" -> "solicitation";
                    default -> "not qualified";
                }, p.conversations().size() == 1 ? "conversation" : "conversations",
                p.conversations().stream().map(id -> "#" + id).collect(Collectors.joining(", ")));
        out.println("    accounts: " + printable(p.suspect().accounts()));
        for (Link link : p.suspect().links()) {
            out.println("    linked by --link " + shellWord(LinkDecisions.argument(link)) + " (accounts "
                    + printable(link.accounts()) + ")");
        }
    }

    /** A word a shell passes on unchanged: bare when safe, else single-quoted; control characters escaped. */
    static String shellWord(String text) {
        String shown = Printable.of(text);
        return shown.matches("[A-Za-z0-9@%+=:,./_-]+") ? shown : "'" + shown.replace("'", "'\\''") + "'";
    }

    /** Accounts as --account takes them (HANDLE@NETWORK); a partner chose the handle: controls are escaped. */
    private static String printable(List<AccountRef> accounts) {
        return accounts.stream().map(a -> shellWord(a.toString())).collect(Collectors.joining(", "));
    }

    private static String json(List<Profile> profiles) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("suspects");
        for (Profile p : profiles) {
            ObjectNode node = list.addObject();
            node.put("suspect", p.suspect().number());
            node.put("priority", p.priority());
            node.put("level", p.level().key());
            node.put("qualification", p.qualification());
            node.put("returned_after_warning", p.returnedAfterWarning());
            p.conversations().forEach(node.putArray("conversations")::add);
            ArrayNode accounts = node.putArray("accounts");
            p.suspect().accounts().forEach(a -> accounts.add(a.toString()));
            ArrayNode links = node.putArray("links");
            for (Link link : p.suspect().links()) {
                ObjectNode l = links.addObject().put("link", LinkDecisions.argument(link));
                ArrayNode linked = l.putArray("accounts");
                link.accounts().forEach(a -> linked.add(a.toString()));
            }
        }
        return mapper.writeValueAsString(root);
    }
}
