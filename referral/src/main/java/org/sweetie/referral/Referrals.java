package org.sweetie.referral;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sweetie.analysis.Analyzer;
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

    public static Outcome write(ConversationStore store, Analyzer analyzer, Settings settings,
                                DossierAssembler.Signing signing, ReferralPackage.Bundles bundles, Path out)
            throws IOException {
        List<Profile> profiles = Suspects.read(store);
        DossierAssembler dossiers = new DossierAssembler(store, analyzer, settings.routing(), settings.sender(),
                signing);
        Map<String, ReferralPackage.Headline> headlines = new HashMap<>();
        List<ReferralPackage.Referral> referrals = new ArrayList<>();
        for (Profile p : profiles) {
            Routing.Route route = dossiers.route(p);
            boolean qualified = !p.qualification().equals("none");
            headlines.merge(route.folder(), new ReferralPackage.Headline(1, qualified ? 1 : 0,
                    p.qualification().equals("wcst") ? 1 : 0, p.level() == Level.IDENTIFIED ? 1 : 0),
                    ReferralPackage.Headline::plus);
            if (qualified && p.level().compareTo(settings.minLevel()) >= 0
                    && (settings.onlyFolder() == null || settings.onlyFolder().equalsIgnoreCase(route.folder()))) {
                referrals.add(new ReferralPackage.Referral(p.suspect().number(), route.folder(),
                        settings.routing().explain(route), p.level().key(), p.priority(), p.qualification(),
                        p.suspect().accounts().stream().map(DossierAssembler::name).toList(), p.revealed().size(),
                        p.conversations(), (bundle, sha) -> dossiers.dossier(p, route, bundle, sha),
                        (bundle, sha) -> dossiers.caseNode(p, bundle, sha)));
            }
        }
        List<Path> written = ReferralPackage.write(out, referrals, headlines, bundles, settings.sender(),
                signing.verifierKey());
        return new Outcome(profiles.size(), referrals, written, Files.readString(out.resolve("summary.txt")));
    }
}
