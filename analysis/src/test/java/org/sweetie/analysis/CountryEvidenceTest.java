package org.sweetie.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweetie.core.Author;
import org.sweetie.core.Message;

/** Country attribution by weighted evidence: phones, places, time remarks, currencies, and how they are weighed. */
class CountryEvidenceTest {

    static CountryAttribution country(String... lines) {
        return ScenarioTest.analyse(lines).country();
    }

    static CountryAttribution at(String time, String text) {
        ConversationAnalyzer conversation = Analyzer.standard().newConversation();
        conversation.accept(Message.received(Instant.parse(time), Author.PARTNER, "p", text, null, null));
        return conversation.report().country();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "call me (312) 555-0147 | US", "my cell is 416-555-0123 | CA", "text me 07700 900123 | GB",
            "my number 0491 570 110 | AU", "+1 (604) 555-0199 | CA", "whatsapp +44 7700 900456 | GB"})
    void phonesInNationalFormTellTheirCountryByShape(String text, String expected) {
        CountryAttribution country = country("P: " + text);
        assertThat(country.country()).isEqualTo(expected);
        assertThat(country.evidence().getFirst().reason()).startsWith("phone +");
    }

    @Test
    void aStatedHomeOrAPhoneOutranksCurrenciesHoweverManyTimesTheyAreNamed() {
        CountryAttribution home = country("P: i live near manchester", "P: i give you 50 usd",
                "P: or 60 us dollars", "P: 100 usd ok?");
        assertThat(home.country()).isEqualTo("GB");
        assertThat(home.evidence()).extracting(CountryAttribution.Clue::country).contains("US", "GB");
        CountryAttribution phone = country("P: 20 pounds for you", "P: 30 quid more", "P: my number 0491 570 110");
        assertThat(phone.country()).isEqualTo("AU");
        // both sides of the conflict stay listed, strongest first
        assertThat(phone.evidence()).extracting(CountryAttribution.Clue::reason)
                .containsExactly("phone +61491570110", "currency 'pounds'", "currency 'quid'");
    }

    @Test
    void aRegionIsAsStrongAsACityAndAStateAfterACityDecides() {
        CountryAttribution region = country("P: i live in ohio", "P: i give you 20 pounds");
        assertThat(region.country()).isEqualTo("US");
        assertThat(country("P: greetings from springfield, IL").country()).isEqualTo("US");
        assertThat(country("P: im from Paris, Texas").country()).isEqualTo("US");
        assertThat(country("P: im from Paris").country()).isEqualTo("FR");
    }

    @Test
    void aPartnerInThePhilippinesIsPlacedThereButHerPlacesNamedInPassingAreNot() {
        assertThat(country("P: im in the philippines for work").country()).isEqualTo("PH");
        assertThat(country("P: nandito ako sa cebu ngayon").country()).isEqualTo("PH");
        assertThat(country("P: is it hot in cebu?", "P: manila must be nice")).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "i send 500 rand | ZA", "50 chf for you | CH", "i pay 40 nzd | NZ", "te dou 100 reais | BR",
            "100 swiss francs | CH", "20 aussie dollars | AU", "₹2000 | IN", "500 rupees | IN"})
    void currenciesThatNameACountry(String text, String expected) {
        CountryAttribution country = country("P: " + text);
        assertThat(country.country()).isEqualTo(expected);
        assertThat(country.confidence()).isLessThan(0.5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"50 euro for you", "20 bucks", "500 pesos", "€50", "100 dollars",
            "it was real fun", "the yen for adventure"})
    void sharedCurrenciesAndWordsSayNothing(String text) {
        assertThat(country("P: " + text)).isNull();
    }

    @ParameterizedTest(name = "{1} at {0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "2013-10-02T17:05:00Z | its 3am here | AU | UTC+10.0",
            "2013-10-02T17:05:00Z | it's 3 in the morning here lol | AU | UTC+10.0",
            "2013-10-02T17:05:00Z | here its 3am | AU | UTC+10.0",
            "2013-10-03T03:00:00Z | hier ist es 22 uhr | US | UTC-5.0",
            "2013-10-03T02:00:00Z | aqui son las 11 de la noche | BR | UTC-3.0",
            "2013-10-02T18:00:00Z | bij mij is het 4 uur 's nachts | AU | UTC+10.0",
            "2013-10-02T21:30:00Z | ici il est 3h du matin | IN | UTC+5.5",
            "2013-10-02T17:00:00Z | u mnie jest 3 w nocy | AU | UTC+10.0",
            "2013-10-02T17:00:00Z | у меня 3 часа ночи | AU | UTC+10.0",
            "2013-10-02T02:00:00Z | dito alas 11 ng gabi | BR | UTC-3.0",
            "2013-10-02T17:00:00Z | aqui são 3 da manhã | AU | UTC+10.0",
            "2013-10-02T17:00:00Z | qui sono le 3 di notte | AU | UTC+10.0",
            "2013-10-02T17:00:00Z | här är klockan 3 | AU | UTC+10.0",
            "2013-10-02T18:00:00Z | here it's noon | US | ''"})
    void theHourHeSaysItIsInManyLanguages(String time, String text, String expected, String offset) {
        CountryAttribution country = at(time, text);
        assertThat(country).isNotNull();
        assertThat(country.country()).isEqualTo(expected);
        assertThat(country.evidence().getFirst().reason()).startsWith("says it is").contains(offset);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2013-10-02T21:00:00Z | ici il est 23h",
            "2013-10-02T13:00:00Z | here it's morning", "2013-10-02T13:00:00Z | its 3 here"})
    void anOffsetSharedByManyCountriesOrAnUnclearHourSaysNothing(String time, String text) {
        assertThat(at(time, text)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"call me at 10pm EST | US", "my timezone is AEST | AU",
            "im on pst | US", "at 9 pm ist | IN", "its eastern time for me | US", "i am at GMT-5 | US",
            "8pm bst ok? | GB"})
    void timeZoneNamesWithATimeOrACue(String text, String expected) {
        CountryAttribution country = country("P: " + text);
        assertThat(country.country()).isEqualTo(expected);
        assertThat(country.evidence().getFirst().reason()).startsWith("time zone");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"c'est la vie, il est beau", "das ist gut", "psst come here",
            "i am at GMT+1", "meet at 9 cet", "the best"})
    void wordsThatLookLikeZonesAndZonesOfManyCountriesSayNothing(String text) {
        assertThat(country("P: " + text)).isNull();
    }

    @Test
    void languagesBeyondTheFirstFiveAreTheWeakestClue() {
        CountryAttribution italian = country("P: ciao bella, quanti anni hai? sono di qui");
        assertThat(italian.country()).isEqualTo("IT");
        assertThat(italian.evidence()).extracting(CountryAttribution.Clue::reason).containsExactly("writes Italian");
        CountryAttribution polish = country("P: jestem tutaj, gdzie jestes? czy masz kamerke");
        assertThat(polish.country()).isEqualTo("PL");
        assertThat(polish.confidence()).isLessThan(0.5);
        // a place outranks the language he writes
        assertThat(country("P: jestem z Niemiec, czy masz kamerke").country()).isEqualTo("DE");
    }

    @Test
    void twoWordsOfALanguageCountInOneLineAndThreeDifferentOnesOverSeveral() {
        assertThat(country("P: hei hei").country()).isEqualTo("NO");
        assertThat(country("P: ciao", "S: hello po", "P: sono stanco", "P: dove sei?").country()).isEqualTo("IT");
        assertThat(country("P: privet", "S: hi", "P: kak dela?", "P: poka").country()).isEqualTo("RU");
        assertThat(country("P: ciao", "S: hello po", "P: sono stanco")).isNull();
        // the odd words of another language in English talk say nothing
        assertThat(country("P: wat's up", "P: ben and i were at the shop", "P: ciao for now")).isNull();
        // a language alone stays under the threshold a referral is routed at
        assertThat(country("P: ciao", "P: sono stanco", "P: dove sei?").confidence()).isLessThan(0.3);
    }

    @Test
    void currencyWordsWithAccentsAreFoundAsTheTextIsRead() {
        // the text is read without accents ("й" is "и" and a breve): the table must be read so too
        CountryAttribution rubles = country("P: дам 500 рублей");
        assertThat(rubles.country()).isEqualTo("RU");
        assertThat(rubles.evidence()).extracting(CountryAttribution.Clue::reason).contains("currency 'рублеи'");
        assertThat(country("P: 300₽ ok").country()).isEqualTo("RU");
        assertThat(country("P: i pay in ₽ ok?").country()).isEqualTo("RU");
        assertThat(country("P: dam ci 50 złotych").country()).isEqualTo("PL");
    }
}
