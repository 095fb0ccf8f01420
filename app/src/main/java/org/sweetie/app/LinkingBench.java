package org.sweetie.app;

import java.io.PrintWriter;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.sweetie.core.IdentifierType;
import org.sweetie.core.Network;
import org.sweetie.identity.AccountRef;
import org.sweetie.identity.LinkKey;
import org.sweetie.identity.Source;
import org.sweetie.identity.SuspectIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "linking", mixinStandardHelpOptions = true,
        description = "Links N synthetic accounts showing M identifiers (a quarter of them shared between accounts) "
                + "into suspects, and reports the time: the suspect index alone, as it runs on new identifiers.")
final class LinkingBench implements Callable<Integer> {
    private static final IdentifierType[] STRONG = {IdentifierType.EMAIL, IdentifierType.PHONE, IdentifierType.SKYPE,
        IdentifierType.PAYPAL, IdentifierType.SNAPCHAT, IdentifierType.KIK};

    @Spec
    CommandSpec spec;

    @Option(names = "--accounts", defaultValue = "100000", description = "Accounts (${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--identifiers", defaultValue = "300000", description = "Identifiers (${DEFAULT-VALUE}).")
    int identifiers;

    @Override
    public Integer call() {
        Network[] networks = {Network.irc("net-a"), Network.irc("net-b"), Network.irc("net-c")};
        SplittableRandom random = new SplittableRandom(7);
        System.gc();
        long start = System.nanoTime();
        SuspectIndex index = new SuspectIndex();
        for (int i = 0; i < identifiers; i++) {
            int account = random.nextInt(accounts);
            // three in four identifiers are an account's own; one in four is one another account showed too
            int owner = random.nextInt(4) == 0 ? random.nextInt(accounts) : account;
            IdentifierType type = STRONG[owner % STRONG.length];
            LinkKey key = LinkKey.identifier(type, type.key() + "-" + owner + "@example.com").orElseThrow();
            index.add(new AccountRef(networks[account % 3], "partner" + account), key, new Source(account, i));
        }
        int suspects = index.suspects().size();
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf("linked %,d accounts (%,d showed an identifier) with %,d identifiers into %,d suspects in %.2f s%n",
                accounts, index.accountCount(), identifiers, suspects, seconds);
        out.printf("heap in use %,d MiB; Java %s, %d processors%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        return 0;
    }
}
