package org.sweetie.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.analysis.CountryAttribution;

/** A suspect goes to a country's police only on evidence at or above the threshold; the rest stay with the sender. */
class RoutingTest {
    @TempDir
    Path folder;

    private static CountryAttribution attribution(String country, double confidence, String reason) {
        return new CountryAttribution(country, confidence, List.of(new CountryAttribution.Clue(country, confidence,
                reason, 2)));
    }

    @Test
    void aLanguageAloneDoesNotRouteAndAPhoneNumberDoes() {
        Routing routing = new Routing(Routing.DEFAULT_MIN_CONFIDENCE);
        Routing.Route dutch = routing.route(attribution("NL", 0.20, "writes Dutch"), 6);
        assertThat(dutch.assigned()).isFalse();
        assertThat(dutch.folder()).isEqualTo("unassigned");
        assertThat(routing.explain(dutch)).isEqualTo("not assigned to a country: the best guess, NL, has confidence "
                + "0.20, below the threshold 0.30");
        Routing.Route phone = routing.route(attribution("GB", 0.90, "phone +447700900123"), 1);
        assertThat(phone.folder()).isEqualTo("GB");
        assertThat(routing.explain(phone)).isEqualTo("GB (confidence 0.90, at or above the threshold 0.30)");
        assertThat(routing.route(attribution("AU", 0.30, "it is 9 pm here"), 3).folder()).isEqualTo("AU");
        assertThat(routing.route(null, 0).folder()).isEqualTo("unassigned");
        assertThat(new Routing(0.15).route(attribution("NL", 0.20, "writes Dutch"), 6).folder()).isEqualTo("NL");
    }

    @Test
    void theThresholdIsAProbability() {
        for (double bad : new double[] {0, -0.1, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> new Routing(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("threshold");
        }
    }

    @Test
    void theUnroutedGoToUnassignedWithAReadmeForTheSendersOwnTriage() throws IOException {
        Path out = SyntheticCase.write(folder, new Routing(Routing.DEFAULT_MIN_CONFIDENCE));
        try (var folders = Files.list(out)) {
            assertThat(folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("GB", "unassigned");
        }
        String readme = Files.readString(out.resolve("unassigned/README.txt"));
        assertThat(readme).contains("OWN TRIAGE").contains("NOT TO BE SENT AS IT IS").contains("Interpol")
                .contains("Test NGO (synthetic data)").contains("CASE-2026-0042");
        assertThat(out.resolve("GB/README.txt")).doesNotExist();
        assertThat(Files.readString(out.resolve("summary.txt"))).containsPattern("(?m)^unassigned +2 +1 +1 +0 +1$")
                .containsPattern("(?m)^GB +1 +1 +1 +0 +1$");
    }

    @Test
    void aLowerThresholdRoutesTheDutchWriterToTheNetherlands() throws IOException {
        Path out = SyntheticCase.write(folder, new Routing(0.15));
        try (var folders = Files.list(out)) {
            assertThat(folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("GB", "NL"); // the tutor, left unassigned, did not qualify
        }
        assertThat(Files.readString(out.resolve("NL/index.csv"))).contains("suspect-00002.pdf");
        assertThat(Files.readString(out.resolve("summary.txt"))).containsPattern("(?m)^unassigned +1 +0 +0 +0 +0$");
    }
}
