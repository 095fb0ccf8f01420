package org.sweetie.app;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.sweetie.core.LinkDecision;
import org.sweetie.core.Printable;
import org.sweetie.evidence.Entries;
import org.sweetie.identity.AccountRef;
import org.sweetie.identity.Link;
import org.sweetie.identity.Profile;
import org.sweetie.identity.Suspects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The analyst's view of suspects: list them with their links, confirm or reject a link, split an account off. */
@Command(name = "suspects", mixinStandardHelpOptions = true,
        description = {"Without ACTION: lists the suspects (linked partner accounts) with level, priority, "
                + "qualification and the links that tie their accounts.",
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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = storeOptions.open()) {
            List<Profile> profiles = Suspects.read(workspace.store());
            if (action == null) {
                profiles.forEach(p -> print(p, out));
                return 0;
            }
            if (account == null || analyst == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), action
                        + " needs --account and --analyst");
            }
            List<Link> links = linksOf(profiles, account);
            List<Link> chosen = switch (action) {
                case "split" -> links;
                case "confirm", "reject" -> {
                    if (key == null || !key.contains(":")) {
                        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                                action + " needs --link KIND:VALUE");
                    }
                    yield links.stream().filter(l -> (l.key().kind() + ":" + l.key().value()).equals(key)).toList();
                }
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "ACTION must be confirm, reject or split, not '" + action + "'");
            };
            if (chosen.isEmpty()) {
                spec.commandLine().getErr().println("sweetie suspects: no link " + (key == null ? "" : key + " ")
                        + "ties " + Printable.of(account) + " to another account");
                return 1;
            }
            String network = account.substring(account.lastIndexOf('@') + 1);
            String handle = account.substring(0, account.lastIndexOf('@'));
            for (Link link : chosen) {
                LinkDecision d = new LinkDecision(Instant.now(), analyst, action.equals("confirm") ? "confirm"
                        : "reject", link.key().kind(), link.key().value(), network, handle, note);
                workspace.store().recordLinkDecision(d);
                workspace.evidence().record(Entries.linkDecision(d), null);
                out.println(d.decision() + " " + Printable.of(link.key().toString()) + " for " + Printable.of(account)
                        + " by " + Printable.of(analyst));
            }
        }
        return 0;
    }

    private static List<Link> linksOf(List<Profile> profiles, String account) {
        return profiles.stream().flatMap(p -> p.suspect().links().stream())
                .filter(l -> l.accounts().stream().map(AccountRef::toString).anyMatch(account::equals)).toList();
    }

    private static void print(Profile p, PrintWriter out) {
        out.printf("#%d %s, priority %d, %s: %s%n", p.suspect().number(), p.level().key(), p.priority(),
                p.qualification(), printable(p.suspect().accounts()));
        for (Link link : p.suspect().links()) {
            out.println("    linked by " + Printable.of(link.key().toString()) + ": " + printable(link.accounts()));
        }
    }

    /** Accounts as the terminal shows them: a partner chose the handle, so its control characters are escaped. */
    private static String printable(List<AccountRef> accounts) {
        return Printable.of(accounts.stream().map(AccountRef::toString).toList().toString());
    }
}
