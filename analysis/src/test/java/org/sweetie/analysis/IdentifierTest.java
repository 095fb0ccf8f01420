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
        assertThat(in("P: my number is (202) 555-0142")).isEmpty();
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
}
