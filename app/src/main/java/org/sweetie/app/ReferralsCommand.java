package org.sweetie.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sweetie.analysis.Analyzer;
import org.sweetie.identity.Level;
import org.sweetie.referral.Referrals;
import org.sweetie.referral.Routing;
import org.sweetie.referral.Sender;
import org.sweetie.store.RunLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Referral packages per country: dossiers, evidence bundles, transcripts, an index by priority, the headline table. */
@Command(name = "referrals", mixinStandardHelpOptions = true,
        description = {"Links the partner accounts into suspects and writes the referral packages for the "
                + "authorities: one folder per country a suspect is routed to with enough confidence (see "
                + "--min-confidence), and 'unassigned' for the rest (the sender's own triage, never sent as it is). "
                + "Each folder holds, per suspect whose conversations qualified, a PDF/A dossier and an evidence "
                + "bundle; each conversation's transcript as a web page; index.html (open it in any browser, "
                + "offline), index.csv sorted by priority, and case.jsonld (CASE/UCO 1.4 JSON-LD). summary.txt has "
                + "the headline table (contacts, solicitation, WCST, identified) by country.",
            "Every bundle is verified as a recipient would before the command ends."})
final class ReferralsCommand implements Callable<Integer> {
    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("'SWEETIE-'uuuuMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "A new or empty folder to write the packages to.")
    Path out;

    @Option(names = "--country", paramLabel = "CC", description = "Only this country (ISO 3166-1 alpha-2, or "
            + "'unassigned').")
    String country;

    @Option(names = "--min-level", defaultValue = "anonymous", paramLabel = "LEVEL",
            description = "Only suspects at or above this identification level: anonymous, reachable, named, "
                    + "identified (default: ${DEFAULT-VALUE}).")
    String minLevel;

    @Option(names = "--min-confidence", defaultValue = "0.30", paramLabel = "P",
            description = "Route a suspect to a country only when the country attribution is at least this "
                    + "confident, from above 0 to 1 (default: ${DEFAULT-VALUE}; docs/referrals.md says how it was "
                    + "chosen); the others go to 'unassigned'.")
    double minConfidence;

    @Option(names = "--organisation", paramLabel = "NAME", defaultValue = "${env:SWEETIE_ORGANISATION}",
            description = "The sending organisation, on every dossier and index (or $SWEETIE_ORGANISATION). "
                    + "Required.")
    String organisation;

    @Option(names = "--contact", paramLabel = "TEXT", defaultValue = "${env:SWEETIE_CONTACT}",
            description = "How the recipient reaches the sender: an email address, a phone number, a name (or "
                    + "$SWEETIE_CONTACT). Required.")
    String contact;

    @Option(names = "--case-reference", paramLabel = "REF",
            description = "The sender's reference for this package (default: SWEETIE-<date>-<time> of the run, "
                    + "UTC).")
    String caseReference;

    @Override
    public Integer call() throws IOException {
        Referrals.Settings settings = settings(Instant.now());
        if (java.nio.file.Files.isDirectory(this.out)) {
            try (var files = java.nio.file.Files.list(this.out)) {
                if (files.findAny().isPresent()) {
                    throw new ParameterException(spec.commandLine(), "--out " + this.out + " is not empty: write "
                            + "each package to a new folder, so no file of an earlier package mixes in");
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = storeOptions.openExisting(); RunLock claim = storeOptions.claim("referrals")) {
            Referrals.Outcome outcome = refer(workspace, settings, this.out);
            out.println(outcome.suspects() + " suspects; " + outcome.referred().size() + " referred in "
                    + outcome.folders() + " folder(s) under " + this.out + "; all " + outcome.bundles().size()
                    + " bundles verify");
            out.print(outcome.summary());
            out.flush();
        }
        return 0;
    }

    private Referrals.Settings settings(Instant now) {
        Level min;
        try {
            min = Level.valueOf(minLevel.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "--min-level must be anonymous, reachable, named or identified, not '" + minLevel + "'");
        }
        if (organisation == null || organisation.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--organisation is required (or $SWEETIE_ORGANISATION): "
                    + "the dossiers name who sends them");
        }
        if (contact == null || contact.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--contact is required (or $SWEETIE_CONTACT): the "
                    + "recipient must be able to reach the sender and confirm the verifier key");
        }
        try {
            Sender sender = new Sender(organisation, contact, caseReference == null ? REFERENCE.format(now)
                    : caseReference, now);
            return new Referrals.Settings(sender, new Routing(minConfidence), min, country);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().startsWith("the routing")
                    ? "--min-confidence: " + e.getMessage() : e.getMessage());
        }
    }

    /** Writes the packages from the workspace's store and verifies every bundle as a recipient would. */
    static Referrals.Outcome refer(Workspace workspace, Referrals.Settings settings, Path out) throws IOException {
        return Referrals.writeVerified(workspace.store(), workspace.evidence(), Analyzer.standard(), settings, out);
    }
}
