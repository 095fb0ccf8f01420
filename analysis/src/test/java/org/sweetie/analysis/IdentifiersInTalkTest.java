package org.sweetie.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Author;
import org.sweetie.core.Identifier;
import org.sweetie.core.IdentifierType;
import org.sweetie.core.Message;

/** Identifiers given the way people give them in talk: after the platform came up, written out, disguised. */
class IdentifiersInTalkTest {
    private static final Analyzer ANALYZER = Analyzer.standard();

    private static List<Identifier> revealed(String... partnerLines) {
        ConversationAnalyzer engine = ANALYZER.newConversation();
        for (String line : partnerLines) {
            engine.accept(Message.received(Instant.EPOCH, Author.PARTNER, "partner", line, null, null));
        }
        return engine.report().identifiers().stream().filter(i -> i.type() != IdentifierType.NAME
                && i.type() != IdentifierType.LOCATION && i.type() != IdentifierType.AGE).toList();
    }

    private static List<String> values(List<Identifier> identifiers) {
        return identifiers.stream().map(i -> i.type().key() + ":" + i.normalized()).toList();
    }

    @Test
    void aHandleGivenAfterThePlatformCameUpIsThatPlatformsHandle() {
        assertThat(values(revealed("u got telegram? im night_owl_77"))).containsExactly("telegram:night_owl_77");
        assertThat(values(revealed("tienes snap?", "el mío es tapatio.ex"))).containsExactly("snapchat:tapatio.ex");
        assertThat(values(revealed("har du discord? jeg er nordlys_ex"))).containsExactly("discord:nordlys_ex");
        assertThat(values(revealed("am on X if ye want, @paisley_ex, mostly football")))
                .containsExactly("x:paisley_ex");
        assertThat(values(revealed("may fb ka? add mo ko, jun.qc.ex"))).containsExactly("facebook:jun.qc.ex");
    }

    @Test
    void aHandleOnALineOfItsOwnAfterThePlatformCameUp() {
        assertThat(values(revealed("ye on snapchat?", "add me so", "ciaran.k.ex"))).containsExactly("snapchat:ciaran.k.ex");
        assertThat(values(revealed("add me on discord for the server chat: tincho_ros#2231")))
                .containsExactly("discord:tincho_ros#2231");
    }

    @Test
    void cyrillicPlatformNamesSpacedDotsAndLeetspeakWords() {
        assertThat(values(revealed("включи камеру, мой скайп sergei_m1975"))).containsExactly("skype:sergei_m1975");
        assertThat(values(revealed("skype: piotr . wrona_77"))).containsExactly("skype:piotr.wrona_77");
        assertThat(revealed("we can video chat on skype", "gotta do it w/o ur clothes on tho, n4k3d")).isEmpty();
    }

    @Test
    void phoneNumbersSaidInWords() {
        assertThat(values(revealed("or text me, oh seven seven double oh, nine double oh, three one two")))
                .containsExactly("phone:+447700900312");
        assertThat(revealed("i have seven cats and two dogs, nine fish")).isEmpty();
    }

    @Test
    void bareHostsWalletsByShapeAndLaughterIsNoHandle() {
        assertThat(values(revealed("check out my profile example.net/u/Macca_Bris")))
                .containsExactly("url:example.net/u/macca_bris");
        assertThat(values(revealed("i put photos on my blog baikal-frames.example.net")))
                .containsExactly("url:baikal-frames.example.net");
        assertThat(values(revealed("add me on skype dave.example.uk"))).containsExactly("skype:dave.example.uk");
        assertThat(values(revealed("moi koshelek: bc1qw8exmp7e2sz0tq9r3lvjh5k6dn4xcfgy8ua2mq")))
                .containsExactly("crypto:bc1qw8exmp7e2sz0tq9r3lvjh5k6dn4xcfgy8ua2mq");
        assertThat(revealed("bora no zap?", "whatsapp kkkk")).isEmpty();
        assertThat(revealed("add me on snap", "then n.a.k.e.d")).isEmpty();
    }

    @Test
    void writtenOutEmailsInMoreLanguages() {
        assertThat(values(revealed("write my email: jarek kropka nowak małpa example kropka net")))
                .containsExactly("email:jarek.nowak@example.net");
        assertThat(values(revealed("mail me: henk punt visser apenstaartje example punt net")))
                .containsExactly("email:henk.visser@example.net");
    }

    @Test
    void withoutAPlatformInTheTalkOrWithoutAHandleShapeNothingIsRead() {
        assertThat(revealed("im tired_of_work lol")).isEmpty();
        assertThat(revealed("u got telegram? im tired")).isEmpty();
        assertThat(revealed("skype is down today", "mine is fine")).isEmpty();
    }

    @Test
    void anEmailOrHandleWithItsDotsAndAtWrittenOutIsRead() {
        assertThat(values(revealed("mail me: hannes.graz (at) example (dot) net")))
                .containsExactly("email:hannes.graz@example.net");
        assertThat(values(revealed("email me: brad dot kessler at example dot com")))
                .containsExactly("email:brad.kessler@example.com");
        assertThat(values(revealed("hast du skype? meins: ralf(punkt)bi(punkt)example")))
                .containsExactly("skype:ralf.bi.example");
    }

    @Test
    void aPhoneWithLetterOOrSpacedDigitsIsRead() {
        assertThat(values(revealed("my nr o7700 9OO 518 on viber"))).contains("phone:+447700900518");
        assertThat(values(revealed("msg me on 0 4 9 1 5 7 0 1 3 3"))).contains("phone:+61491570133");
        assertThat(revealed("the score was 3 1 0 2 in the end")).isEmpty();
    }
}
