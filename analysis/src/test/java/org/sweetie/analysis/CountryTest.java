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
                .containsExactly("phone +447700900123", "lives in leeds");
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

    /** A table of documentation addresses only (RFC 5737): 203.0.113.0/24 stands for Australia here. */
    static IpCountries testTable() throws Exception {
        return IpCountries.parse(new java.io.ByteArrayInputStream("3405803776,3405804031,AU\n".getBytes()));
    }

    @Test
    void anAddressInTheTextOrFromTheConnectionPointsToItsCountry() throws Exception {
        Analyzer analyzer = Analyzer.withIpTable(testTable());
        ConversationAnalyzer conversation = analyzer.newConversation();
        conversation.accept(org.sweetie.core.Message.received(java.time.Instant.EPOCH,
                org.sweetie.core.Author.PARTNER, "p", "my ip is 203.0.113.77 lol", null, null));
        assertThat(conversation.report().country().country()).isEqualTo("AU");
        assertThat(conversation.report().country().evidence()).extracting(CountryAttribution.Clue::reason)
                .containsExactly("ip 203.0.113.77 (DB-IP)");

        ConversationAnalyzer connected = analyzer.newConversation();
        connected.sawAddress("203.0.113.8");
        connected.sawAddress("198.51.100.1");
        assertThat(connected.report().country().country()).isEqualTo("AU");
        assertThat(connected.report().country().evidence()).singleElement()
                .satisfies(c -> assertThat(c.message()).isEqualTo(-1));
    }

    @Test
    void theShippedTableLoadsAndKnowsNothingOfDocumentationAddresses() {
        IpCountries table = IpCountries.load();
        assertThat(table.country("203.0.113.77")).isEmpty();
        assertThat(table.country("not an address")).isEmpty();
    }

    @Test
    void theHourHeSaysItIsGivesHisOffset() {
        ConversationAnalyzer conversation = Analyzer.standard().newConversation();
        conversation.accept(org.sweetie.core.Message.received(java.time.Instant.parse("2013-10-02T17:05:00Z"),
                org.sweetie.core.Author.PARTNER, "p", "its 3am here, cant sleep", null, null));
        CountryAttribution country = conversation.report().country();
        assertThat(country.country()).isEqualTo("AU");
        assertThat(country.evidence().getFirst().reason()).contains("UTC+10.0");

        ConversationAnalyzer europe = Analyzer.standard().newConversation();
        europe.accept(org.sweetie.core.Message.received(java.time.Instant.parse("2013-10-02T17:05:00Z"),
                org.sweetie.core.Author.PARTNER, "p", "it's 6 pm here", null, null));
        assertThat(europe.report().country()).isNull();
    }

    @Test
    void aClueSaidTwiceCountsOnce() {
        CountryAttribution country = ScenarioTest.analyse("P: text me +44 7700 900123", "P: +44 7700 900123 ok?",
                "P: i live in Perth").country();
        assertThat(country.evidence()).hasSize(2);
        assertThat(country.country()).isEqualTo("GB");
    }
}
