package org.sweetie.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Author;
import org.sweetie.core.Message;

/** Places and clocks as they come up in longer lines. */
class CountryInTalkTest {
    private static final Analyzer ANALYZER = Analyzer.standard();

    private static String country(String time, String line) {
        ConversationAnalyzer engine = ANALYZER.newConversation();
        engine.accept(Message.received(Instant.parse(time), Author.PARTNER, "partner", line, null, null));
        CountryAttribution attribution = engine.report().country();
        return attribution == null ? null : attribution.country();
    }

    @Test
    void aSecondPersonInAnotherSentenceOrAfterThePlaceDoesNotMakeThePlaceHers() {
        assertThat(country("2013-10-01T12:00:00Z", "please stay close to your family. we did a fundraiser at work in "
                + "Brisbane")).isEqualTo("AU");
        assertThat(country("2013-10-01T12:00:00Z", "i am in kolkata and have daughter your age")).isEqualTo("IN");
        assertThat(country("2013-10-01T12:00:00Z", "are you in brisbane?")).isNull();
    }

    @Test
    void placesAfterCuesOfMoreLanguages() {
        assertThat(country("2013-10-01T12:00:00Z", "Sou professora em Lisboa.")).isEqualTo("PT");
        assertThat(country("2013-10-01T12:00:00Z", "quezon city ako. may fb ka?")).isEqualTo("PH");
    }

    @Test
    void declinedCityNamesAndAnObjectPronounBeforeThePlace() {
        assertThat(country("2013-10-01T12:00:00Z", "to dobrze. jestem z wrocławia, modlimy się za was"))
                .isEqualTo("PL");
        assertThat(country("2013-10-01T12:00:00Z", "ya iz novosibirska. a ty?")).isEqualTo("RU");
        assertThat(country("2013-10-01T12:00:00Z", "te mando 1000 pesos x western union desde guadalajara jalisco"))
                .isEqualTo("MX");
    }

    @Test
    void hereInSaysWhereHeIsAndFlagsAndCurrencySignsCount() {
        assertThat(country("2013-10-01T12:00:00Z", "yeah, gonna shoot the fall leaves here in vermont"))
                .isEqualTo("US");
        assertThat(country("2013-10-01T12:00:00Z", "vacation in Cebu! flying from Calgary, Alberta, via Vancouver"))
                .isEqualTo("CA");
        assertThat(country("2013-10-01T12:00:00Z", "hei! I am Ingrid, your sponsor 🇳🇴")).isEqualTo("NO");
        assertThat(country("2013-10-01T12:00:00Z", "i give u S$50, can buy many things")).isEqualTo("SG");
        assertThat(country("2013-10-01T12:00:00Z", "ako si kuya Jun, OFW dito sa Dubai")).isEqualTo("AE");
    }

    @Test
    void clockTimesSaidInWords() {
        assertThat(country("2013-11-12T17:14:00Z", "here it is quarter to 11 at night yaar")).isEqualTo("IN");
        assertThat(country("2014-01-22T04:00:00Z", "it's half past midnight here, can't sleep")).isEqualTo("CA");
        assertThat(country("2013-07-10T11:00:00Z", "it's half 8 here, telly's rubbish lol")).isEqualTo("AU");
        assertThat(country("2013-10-08T11:00:00Z", "it's 1 in the morning here lol")).isEqualTo("US");
        assertThat(country("2013-10-02T13:00:00Z", "its 3 here")).isNull();
    }
}
