package org.sweetie.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceReaderTest {
    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static final PlaceReader READER = new PlaceReader(GAZETTEER);

    static List<PlaceReader.Mention> read(String text) {
        return READER.read(Normalized.of(text).plain());
    }

    /** The country the strongest mention points to, or "-" when none. */
    static String country(String text) {
        return read(text).stream().max(java.util.Comparator.comparingDouble(PlaceReader.Mention::weight))
                .map(PlaceReader.Mention::country).orElse("-");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // English, lower-case chat included
            "im from leeds | GB", "i live near manchester | GB", "I'm based in Toronto | CA",
            "greetings from Perth | AU", "i live in texas | US", "im from new york | US",
            "i live in ohio lol | US", "im from the uk | GB", "im from the states | US", "im from holland | NL",
            "im in manila | PH", "i live in surrey | GB", "im from turkey | TR", "i live in bavaria | DE",
            "im from kerala | IN", "i live in queensland | AU", "i live in ontario | CA", "im from scotland | GB",
            "dave from leeds here | GB", "leeds here | GB", "hi, cebu here! | PH",
            // other languages
            "ik woon in Utrecht | NL", "ik woon bij eindhoven | NL", "ich wohne in München | DE",
            "ich wohne in muenchen | DE", "ich komme aus köln | DE", "grüße aus Wien | AT", "soy de Monterrey | MX",
            "vivo en sevilla | ES", "je suis de Lyon | FR", "j'habite à Marseille | FR", "je vis à Bordeaux | FR",
            "je viens d'Allemagne | DE", "sou de Curitiba | BR", "moro em porto alegre | BR", "vivo a Milano | IT",
            "sono di napoli | IT", "jag bor i Göteborg | SE", "jeg bor i Bergen | NO", "jeg bor i aarhus | DK",
            "mieszkam w Krakowie | PL", "mieszkam w Polsce | PL", "я из Москвы | RU", "я живу в Германии | DE",
            "taga cebu ako | PH", "taga-davao ako | PH", "nandito ako sa Cebu | PH", "nasa makati ako | PH",
            "nagpuyo ko sa cebu | PH", "ik woon in Den Haag | NL", "i live in The Hague | NL",
            "i live near Cologne | DE", "ik woon in Keulen | DE",
            // pairs decide between namesakes
            "im from springfield, IL | US", "greetings from Perth, Australia | AU", "i live in Paris, Texas | US",
            "Perth, WA here | AU", "im in london, ontario | CA",
            // nationality
            "im british btw | GB", "i am an aussie | AU", "ich bin Deutscher | DE", "soy mexicano | MX",
            "ik ben nederlander | NL",
    })
    void statedPlacesAreRead(String text, String country) {
        assertThat(country(text)).isEqualTo(country);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "im in bed", "i live in fear lol", "im from work", "estoy en casa", "ich bin in der arbeit",
            "are you in cebu?", "do u live in manila", "i want to visit paris next year", "i was in manila once",
            "im in love with u", "in line at the store", "i'm an english teacher", "ok, pa", "hi, me again",
            "snap ako", "from me to you", "i live in a small town", "taga dito ako", "nasa bahay ako",
            "sono a casa", "ich bin in dich verliebt", "i love the philippines", "i love cebu",
            "wa ko kabalo", "line is busy",
    })
    void wordsThatAreNotPlacesOrAreAboutHerAreNot(String text) {
        assertThat(read(text)).isEmpty();
    }

    @Test
    void aHomeOutweighsAPlaceMentionedInPassingAndABareNameCountsLeast() {
        assertThat(read("im from leeds")).singleElement()
                .satisfies(m -> assertThat(m.weight()).isEqualTo(PlaceReader.HOME));
        assertThat(read("the weather in london is bad")).singleElement()
                .satisfies(m -> assertThat(m.weight()).isEqualTo(PlaceReader.CONTEXT));
        assertThat(read("London is so rainy")).singleElement()
                .satisfies(m -> {
                    assertThat(m.country()).isEqualTo("GB");
                    assertThat(m.weight()).isEqualTo(PlaceReader.BARE);
                });
        // a bare name that is a common word never counts, nor a small town's
        assertThat(read("that was nice")).isEmpty();
        assertThat(read("reading a book")).isEmpty();
    }

    @Test
    void countryNamesComeFromTheJdkInTheProjectsLanguages() {
        assertThat(country("ich komme aus Frankreich")).isEqualTo("FR");
        assertThat(country("soy de Alemania")).isEqualTo("DE");
        assertThat(country("je suis de Belgique")).isEqualTo("BE");
        assertThat(country("jag bor i Norge")).isEqualTo("NO");
        assertThat(country("jestem z Niemiec")).isEqualTo("DE");
        assertThat(GAZETTEER.country("Verenigd Koninkrijk")).contains("GB");
        assertThat(GAZETTEER.country("Países Bajos")).contains("NL");
    }

    @Test
    void theGazetteerKnowsSmallerTownsAndAlternateNames() {
        assertThat(GAZETTEER.country("Köln")).contains("DE");
        assertThat(GAZETTEER.country("Cologne")).contains("DE");
        assertThat(GAZETTEER.country("Munich")).contains("DE");
        assertThat(GAZETTEER.country("München")).contains("DE");
        assertThat(GAZETTEER.country("Den Haag")).contains("NL");
        // a town of 5,000 to 15,000 people, out of the old gazetteer
        assertThat(GAZETTEER.place("yaxley")).isNotNull()
                .satisfies(p -> assertThat(p.population()).isBetween(5_000, 15_000));
        assertThat(country("i live in yaxley")).isEqualTo("GB");
        // a town that small counts after a cue of one's home only, not in passing
        assertThat(read("the pub in yaxley")).isEmpty();
        assertThat(GAZETTEER.abbreviation("wa")).containsExactly("US", "AU");
    }
}
