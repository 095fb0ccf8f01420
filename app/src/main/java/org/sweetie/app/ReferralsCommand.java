package org.sweetie.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.CountryAttribution;
import org.sweetie.core.EvidenceStorage;
import org.sweetie.evidence.BundleVerifier;
import org.sweetie.evidence.BundleWriter;
import org.sweetie.identity.AccountRef;
import org.sweetie.identity.Level;
import org.sweetie.identity.Profile;
import org.sweetie.identity.Suspects;
import org.sweetie.referral.ReferralPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Referral packages per country: dossiers, evidence bundles, an index by priority, and the headline table. */
@Command(name = "referrals", mixinStandardHelpOptions = true,
        description = {"Links the partner accounts into suspects and writes the referral packages for the "
                + "authorities: one folder per attributed country (and 'unknown'), with a PDF dossier and an evidence "
                + "bundle per suspect whose conversations qualified, an index.csv sorted by priority, and summary.txt "
                + "with the headline table (contacts, solicitation, WCST, identified) by country; each country folder "
                + "also has case.jsonld, its referrals in CASE/UCO 1.4 JSON-LD.",
            "Every bundle is verified as a recipient would before the command ends."})
final class ReferralsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the packages to.")
    Path out;

    @Option(names = "--country", paramLabel = "CC", description = "Only this country (ISO 3166-1 alpha-2, or "
            + "'unknown').")
    String country;

    @Option(names = "--min-level", defaultValue = "anonymous", paramLabel = "LEVEL",
            description = "Only suspects at or above this identification level: anonymous, reachable, named, "
                    + "identified (default: ${DEFAULT-VALUE}).")
    String minLevel;

    @Override
    public Integer call() throws IOException {
        Level min;
        try {
            min = Level.valueOf(minLevel.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--min-level must be anonymous, reachable, named or identified, not '" + minLevel + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        java.time.Instant started = java.time.Instant.now();
        try (Workspace workspace = storeOptions.open()) {
            List<Profile> profiles = Suspects.read(workspace.store());
            DossierBuilder dossiers = new DossierBuilder(workspace.store(), Analyzer.standard());
            EvidenceStorage.Checkpoint checkpoint = workspace.evidence().checkpoint();
            String evidence = "Evidence bundle beside this dossier (suspect-NNNNN-bundle.zip): the transcripts, every "
                    + "evidence entry of the suspect's conversations with its inclusion proof, and a checkpoint signed "
                    + "by " + workspace.evidence().verifierKey().name() + " (verifier key: "
                    + workspace.evidence().verifierKey() + "). Check it with: sweetie verify FILE. The log had "
                    + checkpoint.size() + " entries at the checkpoint before this package.";
            Map<String, ReferralPackage.Headline> headlines = new HashMap<>();
            List<ReferralPackage.Referral> referrals = new ArrayList<>();
            Map<Integer, List<Long>> conversations = new HashMap<>();
            for (Profile p : profiles) {
                CountryAttribution attributed = dossiers.country(p);
                String cc = attributed == null ? "unknown" : attributed.country();
                boolean qualified = !p.qualification().equals("none");
                headlines.merge(cc, new ReferralPackage.Headline(1, qualified ? 1 : 0,
                        p.qualification().equals("wcst") ? 1 : 0, p.level() == Level.IDENTIFIED ? 1 : 0),
                        (a, b) -> new ReferralPackage.Headline(a.contacts() + b.contacts(),
                                a.solicitation() + b.solicitation(), a.wcst() + b.wcst(),
                                a.identified() + b.identified()));
                if (qualified && p.level().compareTo(min) >= 0 && (country == null || country.equalsIgnoreCase(cc))) {
                    referrals.add(new ReferralPackage.Referral(p.suspect().number(), cc, p.level().key(),
                            p.priority(), p.qualification(), String.join(" ", p.suspect().accounts().stream()
                            .map(AccountRef::toString).toList()), p.revealed().size(),
                            dossiers.build(p, attributed, evidence),
                            (bundle, sha) -> dossiers.caseNode(p, bundle, sha)));
                    conversations.put(p.suspect().number(), p.conversations());
                }
            }
            BundleWriter writer = new BundleWriter(workspace.evidence(), Clock.systemUTC());
            List<Path> bundles = ReferralPackage.write(this.out, referrals, headlines, (suspect, file) ->
                    writer.write(conversations.get(suspect), "referral of suspect " + suspect, file), started);
            for (Path bundle : bundles) {
                try {
                    BundleVerifier.verify(bundle);
                } catch (BundleVerifier.BundleException e) {
                    throw new IllegalStateException(bundle + " does not verify: " + e.getMessage(), e);
                }
            }
            out.println(profiles.size() + " suspects; " + referrals.size() + " referred in "
                    + referrals.stream().map(ReferralPackage.Referral::country).distinct().count()
                    + " country folder(s) under " + this.out + "; all " + bundles.size() + " bundles verify");
            out.print(java.nio.file.Files.readString(this.out.resolve("summary.txt")));
            out.flush();
        }
        return 0;
    }
}
