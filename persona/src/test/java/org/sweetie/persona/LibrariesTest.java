package org.sweetie.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetie.analysis.Analyzer;
import org.sweetie.core.Persona;

class LibrariesTest {
    private static final EntrapmentGuard GUARD = EntrapmentGuard.standard(Analyzer.standard(),
            WarningLibrary.standardHelpHosts());
    private static final ScriptLibrary.Cover COVER = new ScriptLibrary.Cover(new Persona("sweetie",
            List.of("Sweetie10"), 10, "PH", List.of("en", "tl"), ""), "Sweetie", "Cebu", "philippines", 5);

    @Test
    void theShippedScriptsAndWarningsPassTheGuard() {
        ScriptLibrary scripts = ScriptLibrary.standard(COVER, GUARD);
        assertThat(scripts.lines(Intent.AGE, "en")).contains("im 10");
        assertThat(scripts.lines(Intent.WHERE_FROM, "xx")).as("English when a language has no lines")
                .contains("im from Cebu");
        WarningLibrary warnings = WarningLibrary.standard(GUARD);
        assertThat(warnings.levels()).isEqualTo(3);
        assertThat(warnings.warning(1, "GB", "en")).contains("stopitnow.org.uk");
        assertThat(warnings.warning(2, null, "nl")).contains("stopitnow.nl");
        assertThat(warnings.warning(3, "FR", "xx")).startsWith("Last warning");
    }

    @Test
    void aScriptLineTheGuardRefusesStopsTheLoadNamingIt() throws Exception {
        var yaml = new ObjectMapper(new YAMLFactory()).readTree("""
                intents:
                  greeting: {en: ["hi", "want to see my cam?"]}
                """);
        assertThatThrownBy(() -> ScriptLibrary.parse("test.yaml", yaml, COVER, GUARD))
                .hasMessageStartingWith("test.yaml: intents.greeting.en[1]: the guard refuses 'want to see my cam?'")
                .hasMessageContaining("webcam");
    }

    @Test
    void aWarningThatInvitesIsRefusedEvenThoughItMayNameTheOffence() throws Exception {
        var yaml = new ObjectMapper(new YAMLFactory()).readTree("""
                help: [stopitnow.org]
                levels:
                  1: {en: "Asking a child for a webcam show is a crime. But tell me more, add me on skype x.example"}
                """);
        assertThatThrownBy(() -> WarningLibrary.parse("w.yaml", yaml, GUARD))
                .hasMessageStartingWith("w.yaml: levels.1.en: the guard refuses this warning");
    }
}
