package org.sweetie.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.sweetie.core.Identifier;
import org.sweetie.core.IdentifierType;

class IdentifierTest {

    static java.util.List<Identifier> in(String... lines) {
        return ScenarioTest.analyse(lines).identifiers();
    }

    @Test
    void handlesFollowTheirPlatformsName() {
        assertThat(in("P: add me on skype dave.example.uk", "P: my snap is Dave_77", "P: kik: zed.example",
                "P: @davetg on telegram", "P: insta @Dave.Pics"))
                .extracting(Identifier::type, Identifier::normalized, Identifier::message)
                .containsExactly(tuple(IdentifierType.SKYPE, "dave.example.uk", 0),
                        tuple(IdentifierType.SNAPCHAT, "dave_77", 1), tuple(IdentifierType.KIK, "zed.example", 2),
                        tuple(IdentifierType.TELEGRAM, "davetg", 3), tuple(IdentifierType.INSTAGRAM, "dave.pics", 4));
    }

    @Test
    void politeFillersLegacyDiscordTagsAndPlatformWordsThatAreNotHandles() {
        assertThat(in("P: add my kik pls: rob.example88", "P: discord: quietfox#0042", "P: skype call with video?"))
                .extracting(Identifier::type, Identifier::normalized)
                .containsExactly(tuple(IdentifierType.KIK, "rob.example88"),
                        tuple(IdentifierType.DISCORD, "quietfox#0042"));
    }

    @Test
    void spansPointAtTheTextAsWritten() {
        String line = "add me on skype dave.example.uk";
        Identifier skype = in("P: " + line).getFirst();
        assertThat(line.substring(skype.start(), skype.end())).isEqualTo("dave.example.uk");
    }

    @Test
    void phonesAreE164AndOrdinaryNumbersAreNot() {
        assertThat(in("P: text me +44 7700 900123", "P: it was 2013 and i paid 20 dollars",
                "P: call 07700 900456"))
                .extracting(Identifier::type, Identifier::normalized, Identifier::message)
                .containsExactly(tuple(IdentifierType.PHONE, "+447700900123", 0),
                        tuple(IdentifierType.PHONE, "+447700900456", 2));
        assertThat(in("P: my number is (202) 555-0142")).extracting(Identifier::normalized)
                .containsExactly("+12025550142");
        assertThat(in("P: call me 555-0142")).isEmpty();
        assertThat(in("P: whatsapp +61 491 570 110")).extracting(Identifier::type)
                .containsExactlyInAnyOrder(IdentifierType.PHONE, IdentifierType.WHATSAPP);
    }

    @Test
    void paymentHandlesAndEmails() {
        assertThat(in("P: my paypal is dave.pays@example.com", "P: email me Dave@Example.NET",
                "P: cashapp $DaveCash", "P: venmo dave-v"))
                .extracting(Identifier::type, Identifier::normalized)
                .containsExactly(tuple(IdentifierType.PAYPAL, "dave.pays@example.com"),
                        tuple(IdentifierType.EMAIL, "dave@example.net"), tuple(IdentifierType.CASHAPP, "$davecash"),
                        tuple(IdentifierType.VENMO, "dave-v"));
    }

    @Test
    void cryptoAddressesNeedAValidChecksum() {
        assertThat(in("P: btc 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")).extracting(Identifier::type)
                .containsExactly(IdentifierType.CRYPTO);
        assertThat(in("P: btc 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")).isEmpty();
        assertThat(in("P: bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")).extracting(Identifier::type)
                .containsExactly(IdentifierType.CRYPTO);
        // EIP-55's own test address, then the same with one letter's case flipped
        assertThat(in("P: eth 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).extracting(Identifier::normalized)
                .containsExactly("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        assertThat(in("P: eth 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).isEmpty();
    }

    @Test
    void selfReportedFacts() {
        assertThat(in("P: my name is Dave Example", "P: im 45", "P: i live in Manchester", "P: i work as a teacher"))
                .extracting(Identifier::type, Identifier::value)
                .containsExactly(tuple(IdentifierType.NAME, "Dave Example"), tuple(IdentifierType.AGE, "45"),
                        tuple(IdentifierType.LOCATION, "Manchester"), tuple(IdentifierType.OCCUPATION, "teacher"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"snap ako", "kik mo", "line lang", "ig po", "fb ko",
            "sa skype tayo", "line is busy", "in line", "stand in line with me", "tg", "wa ko kabalo",
            "add me on fb later", "my snap is down", "skype me", "x", "u have ig?", "send it on wa pls",
            "ig mo naman", "kik ka ba?", "line na lang tayo", "my line is dead", "skype ok?", "snap is fun",
            "sige sa fb", "whatsapp naman", "i dont use snap anymore", "tg na lang po", "fb acc ko"})
    void wordsAfterAPlatformsNameAreNotHandles(String line) {
        assertThat(in("P: " + line)).isEmpty();
    }

    @Test
    void handleShapedTokensAfterAPlatformsNameAreFound() {
        assertThat(in("P: add me on skype dave.example", "P: my snap is night_owl.ex", "P: kik: z_rider",
                "P: @handle_7 on telegram", "P: tg @abc_12", "P: wechat id: abc123", "P: line id abc_99",
                "P: ig: @foo.bar", "P: line: davekim", "P: skype davexample", "P: add my snap davey_77 po"))
                .extracting(Identifier::type, Identifier::normalized)
                .containsExactly(tuple(IdentifierType.SKYPE, "dave.example"),
                        tuple(IdentifierType.SNAPCHAT, "night_owl.ex"), tuple(IdentifierType.KIK, "z_rider"),
                        tuple(IdentifierType.TELEGRAM, "handle_7"), tuple(IdentifierType.TELEGRAM, "abc_12"),
                        tuple(IdentifierType.WECHAT, "abc123"), tuple(IdentifierType.LINE, "abc_99"),
                        tuple(IdentifierType.INSTAGRAM, "foo.bar"), tuple(IdentifierType.LINE, "davekim"),
                        tuple(IdentifierType.SKYPE, "davexample"), tuple(IdentifierType.SNAPCHAT, "davey_77"));
    }

    @Test
    void aPlainWordAfterAnAmbiguousPlatformNeedsAnIdCue() {
        assertThat(IdentifierExtractor.handleShaped("line", " ", "davekim")).isFalse();
        assertThat(IdentifierExtractor.handleShaped("line", " id ", "davekim")).isTrue();
        assertThat(IdentifierExtractor.handleShaped("skype", " ", "davekim")).isTrue();
        assertThat(IdentifierExtractor.handleShaped("skype", " is ", "busy")).isFalse();
        assertThat(IdentifierExtractor.handleShaped("tg", " ", "@ab")).isFalse();
    }

    @Test
    void nationalNumbersByTheirShape() {
        assertThat(in("P: call me (312) 555-0147", "P: text 07700 900123", "P: 0491 570 110 is my cell",
                "P: it costs 1500 and i am 45"))
                .extracting(Identifier::type, Identifier::normalized)
                .containsExactly(tuple(IdentifierType.PHONE, "+13125550147"),
                        tuple(IdentifierType.PHONE, "+447700900123"), tuple(IdentifierType.PHONE, "+61491570110"),
                        tuple(IdentifierType.AGE, "45"));
    }
}
