package org.sweetie.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountryTest {

    @Test
    void aPhoneAndAPlaceAgreeAndTheEvidenceIsListed() {
        CountryAttribution country = ScenarioTest.analyse("P: i live in Leeds", "P: text me +44 7700 900123")
                .country();
        assertThat(country.country()).isEqualTo("GB");
        assertThat(country.confidence()).isEqualTo(1.0);
        assertThat(country.evidence()).extracting(CountryAttribution.Clue::reason)
                .containsExactly("phone +447700900123", "lives in Leeds");
    }

    @Test
    void theLargestPlaceOfANameDecidesAndCurrenciesCount() {
        assertThat(ScenarioTest.analyse("P: i live in Perth").country().country()).isEqualTo("AU");
        assertThat(ScenarioTest.analyse("P: i give you 20 pounds").country().country()).isEqualTo("GB");
        assertThat(ScenarioTest.analyse("P: i give you 500 pesos").country()).isNull();
    }

    @Test
    void aWeakClueAloneGivesLowConfidenceAndStrongerCluesWin() {
        CountryAttribution language = ScenarioTest.analyse("P: hoe oud ben je? ik ben niet oud").country();
        assertThat(language.country()).isEqualTo("NL");
        assertThat(language.confidence()).isLessThan(0.5);
        CountryAttribution mixed = ScenarioTest.analyse("P: ik woon in Utrecht, ben je alleen?",
                "P: my number +61 491 570 006").country();
        assertThat(mixed.country()).isEqualTo("AU");
        assertThat(mixed.evidence()).hasSize(3);
    }

    @Test
    void nationalNumbersAreReadInTheCountryTheEvidencePointsTo() {
        var report = ScenarioTest.analyse("P: i live in Manchester", "P: call 07700 900456");
        assertThat(report.identifiers()).extracting(i -> i.normalized()).contains("+447700900456");
    }
}
