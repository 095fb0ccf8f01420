package org.sweetie.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.sweetie.analysis.CountryAttribution;
import org.sweetie.referral.Routing;

/**
 * How often a country attribution is right at each confidence, which is what the referral routing's threshold
 * ({@link Routing#DEFAULT_MIN_CONFIDENCE}) was chosen from: a package sent to the wrong country's police is a
 * disclosure to someone who should not have it, so the threshold sits where wrong routes become rare.
 */
final class RoutingTable {
    private static final double[] FLOORS = {0.0, 0.25, Routing.DEFAULT_MIN_CONFIDENCE};

    private final int[] right = new int[FLOORS.length];
    private final int[] wrong = new int[FLOORS.length];
    private final int[] unlabelled = new int[FLOORS.length];

    /** Counts one attribution against the country the corpus labels (null: the corpus does not say). */
    void count(CountryAttribution attribution, String labelled) {
        if (attribution == null) {
            return;
        }
        int band = 0;
        for (int i = 0; i < FLOORS.length; i++) {
            if (attribution.confidence() + 1e-9 >= FLOORS[i]) {
                band = i;
            }
        }
        if (labelled == null) {
            unlabelled[band]++;
        } else if (attribution.country().equals(labelled)) {
            right[band]++;
        } else {
            wrong[band]++;
        }
    }

    void print(PrintWriter out) {
        out.println("country attributions by confidence (routing threshold "
                + String.format(Locale.ROOT, "%.2f", Routing.DEFAULT_MIN_CONFIDENCE) + "):");
        out.println("  confidence    labelled  right  wrong         not labelled");
        for (int i = 0; i < FLOORS.length; i++) {
            String band = i + 1 < FLOORS.length
                    ? String.format(Locale.ROOT, "%.2f-%.2f", FLOORS[i], FLOORS[i + 1])
                    : String.format(Locale.ROOT, ">= %.2f", FLOORS[i]);
            int labelled = right[i] + wrong[i];
            out.printf(Locale.ROOT, "  %-12s  %8d  %5d  %5d (%4.1f %%)  %12d%n", band, labelled, right[i], wrong[i],
                    labelled == 0 ? 0.0 : 100.0 * wrong[i] / labelled, unlabelled[i]);
        }
    }
}
