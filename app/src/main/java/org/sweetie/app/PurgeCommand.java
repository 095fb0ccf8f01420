package org.sweetie.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Retention;
import org.sweetie.identity.Minimisation;
import org.sweetie.store.RunLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Data minimisation by hand: conversations quiet for longer than the given time whose partner is no suspect worth
 * keeping are deleted; the evidence log keeps their leaf hashes and a purge entry with the counts, so what remains
 * stays verifiable.
 */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = {"Deletes conversations (and then accounts no conversation uses) that were quiet for longer "
                + "than --older-than and whose partner is not worth keeping (see --keep). The evidence log records "
                + "the deletion (what and why, with counts) without the deleted content, and keeps every checkpoint "
                + "verifiable. 'sweetie run' does the same on schedule with the deployment's retention."})
final class PurgeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--older-than", required = true, paramLabel = "DURATION",
            description = "Quiet for longer than this, like 30d or 12h.")
    Duration olderThan;

    @Option(names = "--dry-run", description = "Only say what would be deleted.")
    boolean dryRun;

    @Option(names = "--keep", paramLabel = "WHAT", defaultValue = "qualified",
            description = "What is kept however old: qualified (partners who solicited in any conversation, and "
                    + "linked accounts; the default, as the deployment's retention) or stage (also every "
                    + "conversation that reached a stage).")
    String keep;

    @Override
    public Integer call() throws Exception {
        if (olderThan.isNegative()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--older-than must not be negative");
        }
        Retention rule = new Retention(olderThan, switch (keep) {
            case "qualified" -> Retention.Keep.QUALIFIED;
            case "stage" -> Retention.Keep.STAGED;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--keep takes qualified or stage, not '" + keep + "'");
        });
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = storeOptions.openExisting(); RunLock claim = storeOptions.claim("purge")) {
            Minimisation.Plan plan = Minimisation.plan(workspace.store(), rule, Instant.now());
            if (dryRun || plan.purge().isEmpty()) {
                out.println((dryRun ? "would delete " : "nothing to delete: ") + plan.purge().size()
                        + " conversation(s) " + plan.purge() + " quiet since before " + plan.cutoff() + "; kept "
                        + plan.kept() + " of suspects");
                return 0;
            }
            ConversationStore.Purged purged = RetentionPurge.run(workspace, rule, plan, "sweetie purge");
            out.println(RetentionPurge.describe(purged));
        }
        return 0;
    }
}
