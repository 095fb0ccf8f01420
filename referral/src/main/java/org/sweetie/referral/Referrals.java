package org.sweetie.referral;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.time.Clock;
import org.sweetie.evidence.BundleVerifier;
import org.sweetie.evidence.BundleWriter;
import org.sweetie.evidence.EvidenceLog;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.CountryBook;
import org.sweetie.core.ConversationStore;
import org.sweetie.identity.Level;
import org.sweetie.identity.Profile;
import org.sweetie.identity.Suspects;

/**
 * The referral operation, as the command line (and later a console) runs it: links the partner accounts into
 * suspects, routes each to a country (or {@value Routing#UNASSIGNED}), and writes the packages of those whose
 * conversations qualified at or above the minimum identification level.
 */
public final class Referrals {
    /**
     * What to refer and how.
     *
     * @param onlyFolder a single country code (or {@value Routing#UNASSIGNED}) to write, or null for all
     */
    public record Settings(Sender sender, Routing routing, Level minLevel, String onlyFolder) {
    }

    /** What was written: how many suspects there are, the referrals, the bundle files and the summary. */
    public record Outcome(int suspects, List<ReferralPackage.Referral> referred, List<Path> bundles,
                          String summary) {
        public long folders() {
            return referred.stream().map(ReferralPackage.Referral::folder).distinct().count();
        }
    }

    private Referrals() {
    }

    /**
     * The headline table of summary.txt (contacts, solicitation, WCST, identified, referred, by country), worked out
     * as {@link #write} works it out but without writing anything: the console's dashboard shows these figures, so
     * they are the package's by construction.
     */
    public static HeadlineTable headlines(ConversationStore store, Analyzer analyzer, Routing routing, Level minLevel,
                                          String onlyFolder) {
        return headlines(Suspects.read(store), store, analyzer, routing, minLevel, onlyFolder);
    }

    /**
     * As {@link #headlines(ConversationStore, Analyzer, Routing, Level, String)}, on the suspects as
     * {@link Suspects#read} read them from this store: for a reader that keeps them (the console's
     * {@code SuspectBook}).
     */
    public static HeadlineTable headlines(List<Profile> suspects, ConversationStore store, Analyzer analyzer,
                                          Routing routing, Level minLevel, String onlyFolder) {
        return headlines(suspects, new CountryBook(store, analyzer), routing, minLevel, onlyFolder);
    }

    /**
     * As {@link #headlines(List, ConversationStore, Analyzer, Routing, Level, String)}, with the conversations'
     * countries from a book a long-running reader keeps (the console's): the same attributions a replay gives, so
     * the same routes and figures, without replaying the conversations that did not change.
     */
    public static HeadlineTable headlines(List<Profile> suspects, CountryBook countries, Routing routing,
                                          Level minLevel, String onlyFolder) {
        var country = countries.reader();
        Plan plan = plan(suspects, p -> routing.route(p, id -> country.apply(id).orElse(null)), minLevel,
                onlyFolder);
        Map<String, Integer> referred = new TreeMap<>();
        plan.chosen().forEach(c -> referred.merge(c.route().folder(), 1, Integer::sum));
        return new HeadlineTable(plan.headlines(), referred);
    }

    public static Outcome write(ConversationStore store, Analyzer analyzer, Settings settings,
                                DossierAssembler.Signing signing, ReferralPackage.Bundles bundles, Path out)
            throws IOException {
        List<Profile> profiles = Suspects.read(store);
        DossierAssembler dossiers = new DossierAssembler(store, analyzer, settings.routing(), settings.sender(),
                signing);
        Plan plan = plan(profiles, dossiers::route, settings.minLevel(), settings.onlyFolder());
        List<ReferralPackage.Referral> referrals = new ArrayList<>();
        for (Chosen c : plan.chosen()) {
            Profile p = c.profile();
            Routing.Route route = c.route();
            referrals.add(new ReferralPackage.Referral(p.suspect().number(), route.folder(),
                    settings.routing().explain(route), p.level().key(), p.priority(), p.qualification(),
                    p.suspect().accounts().stream().map(DossierAssembler::name).toList(), p.revealed().size(),
                    p.conversations(), (bundle, sha) -> dossiers.dossier(p, route, bundle, sha),
                    (bundle, sha) -> dossiers.caseNode(p, bundle, sha)));
        }
        List<Path> written = ReferralPackage.write(out, referrals, plan.headlines(), bundles, settings.sender(),
                signing.verifierKey());
        return new Outcome(profiles.size(), referrals, written, Files.readString(out.resolve("summary.txt")));
    }

    /**
     * Writes the packages from the store, with each suspect's bundle made from the evidence log, and verifies every
     * bundle as a recipient would before returning: the operation of {@code sweetie referrals} and of the console.
     */
    public static Outcome writeVerified(ConversationStore store, EvidenceLog evidence, Analyzer analyzer,
                                        Settings settings, Path out) throws IOException {
        DossierAssembler.Signing signing = new DossierAssembler.Signing(evidence.verifierKey().toString(),
                evidence.checkpoint().size());
        BundleWriter writer = new BundleWriter(evidence, Clock.systemUTC());
        Outcome outcome = write(store, analyzer, settings, signing, (suspect, conversations, file) ->
                writer.write(conversations, "referral of suspect " + suspect + ", case "
                        + settings.sender().caseReference(), file), out);
        for (Path bundle : outcome.bundles()) {
            try {
                BundleVerifier.verify(bundle);
            } catch (BundleVerifier.BundleException e) {
                throw new IllegalStateException(bundle + " does not verify: " + e.getMessage(), e);
            }
        }
        return outcome;
    }

    /** The headline counts of every suspect by folder, and the suspects to refer with their routes. */
    private record Plan(Map<String, ReferralPackage.Headline> headlines, List<Chosen> chosen) {
    }

    private record Chosen(Profile profile, Routing.Route route) {
    }

    private static Plan plan(List<Profile> profiles, Function<Profile, Routing.Route> router, Level minLevel,
                             String onlyFolder) {
        Map<String, ReferralPackage.Headline> headlines = new HashMap<>();
        List<Chosen> chosen = new ArrayList<>();
        for (Profile p : profiles) {
            Routing.Route route = router.apply(p);
            HeadlinePart part = part(p, route, minLevel, onlyFolder);
            headlines.merge(part.folder(), part.headline(), ReferralPackage.Headline::plus);
            if (part.referred()) {
                chosen.add(new Chosen(p, route));
            }
        }
        return new Plan(headlines, chosen);
    }

    /**
     * One suspect's part in the headline table: his folder, what he counts for there, and whether he is referred
     * (qualified, identified at least at the minimum level, in the folder asked for).
     */
    public record HeadlinePart(String folder, ReferralPackage.Headline headline, boolean referred) {
    }

    /** A suspect's part, on his route: what {@link #write} and {@link #headlines} add up, one suspect at a time. */
    public static HeadlinePart part(Profile p, Routing.Route route, Level minLevel, String onlyFolder) {
        boolean qualified = !p.qualification().equals("none");
        Level level = p.level();
        return new HeadlinePart(route.folder(), new ReferralPackage.Headline(1, qualified ? 1 : 0,
                p.qualification().equals("wcst") ? 1 : 0, level == Level.IDENTIFIED ? 1 : 0),
                qualified && level.compareTo(minLevel) >= 0
                        && (onlyFolder == null || onlyFolder.equalsIgnoreCase(route.folder())));
    }

    /**
     * The headline table of every suspect's part: for a reader that keeps the parts of suspects that did not change
     * (the console's dashboard), the same sums as {@link #headlines}.
     */
    public static HeadlineTable table(Iterable<HeadlinePart> parts) {
        Map<String, ReferralPackage.Headline> headlines = new HashMap<>();
        Map<String, Integer> referred = new TreeMap<>();
        for (HeadlinePart part : parts) {
            headlines.merge(part.folder(), part.headline(), ReferralPackage.Headline::plus);
            if (part.referred()) {
                referred.merge(part.folder(), 1, Integer::sum);
            }
        }
        return new HeadlineTable(headlines, referred);
    }
}
