package org.sweetie.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Author;
import org.sweetie.core.Message;
import org.sweetie.core.Stage;
import org.sweetie.core.Topic;

/** Synthetic, non-graphic conversations: "P:" lines are the partner's, "S:" lines the persona's. */
class ScenarioTest {
    private static final Analyzer ANALYZER = Analyzer.standard();

    static ConversationAnalyzer.Report analyse(String... lines) {
        ConversationAnalyzer conversation = ANALYZER.newConversation();
        for (String line : lines) {
            boolean persona = line.startsWith("S:");
            conversation.accept(Message.received(Instant.EPOCH, persona ? Author.BOT : Author.PARTNER,
                    persona ? "Sweetie10" : "partner", line.substring(2).strip(), null, null));
        }
        return conversation.report();
    }

    @Test
    void aWcstConversationIsFlaggedAtTheMessageThatCompletesIt() {
        var report = analyse(
                "P: hi sweetie",
                "S: hi",
                "P: how old r u",
                "S: 10",
                "P: do you have a cam?",
                "S: what is that?",
                "P: i give you 20 dollars for a sexy show",
                "P: dont tell anyone ok");
        assertThat(report.stages()).containsEntry(Stage.AGE_AWARENESS, 3).containsEntry(Stage.WEBCAM_REQUEST, 4)
                .containsEntry(Stage.SEXUAL_SOLICITATION, 6).containsEntry(Stage.PAYMENT_OFFER, 6)
                .containsEntry(Stage.SECRECY, 7);
        assertThat(report.solicitation()).isEqualTo(6);
        assertThat(report.wcst()).isEqualTo(6);
        assertThat(report.tainted()).isFalse();
        assertThat(report.initiation().get(Topic.WEBCAM).message()).isEqualTo(4);
    }

    @Test
    void obfuscationDoesNotHideAStage() {
        assertThat(analyse("S: im 10", "P: send me a pic n@ked").solicitation()).isEqualTo(1);
        assertThat(analyse("S: im 10", "P: show me n a k e d").solicitation()).isEqualTo(1);
        assertThat(analyse("S: im 10", "P: nakeeeeed pls").solicitation()).isEqualTo(1);
        assertThat(analyse("S: im 10", "P: s3xy sh0w?").solicitation()).isEqualTo(1);
        assertThat(analyse("S: im 10", "P: n\u200Ba\u200Bked?").solicitation()).isEqualTo(1);
        assertThat(analyse("S: im 10", "P: ＮＡＫＥＤ").solicitation()).isEqualTo(1);
        assertThat(analyse("P: u want 💵?").stages()).containsKey(Stage.PAYMENT_OFFER);
        assertThat(analyse("P: i send you $$").stages()).containsKey(Stage.PAYMENT_OFFER);
        assertThat(analyse("P: r u alone?").stages()).containsKey(Stage.SECRECY);
    }

    @Test
    void innocentUsesDoNotFire() {
        var report = analyse(
                "P: did you watch the cartoon show yesterday?",
                "P: my cam is broken lol",
                "P: i teach maths, i can give you a free lesson",
                "S: im 10",
                "P: be careful, never send naked pictures to strangers, some men are bad people",
                "P: tell your mom if someone asks you to keep a secret");
        assertThat(report.stages()).containsOnlyKeys(Stage.AGE_AWARENESS);
        assertThat(report.solicitation()).isNull();
        assertThat(report.initiation()).isEmpty();
    }

    @Test
    void aRequestBeforeTheAgeDoesNotQualifyUnlessRepeatedAfterIt() {
        var left = analyse("P: sexy show?", "S: im 10", "P: oh sorry bye");
        assertThat(left.stages()).containsKeys(Stage.SEXUAL_SOLICITATION, Stage.AGE_AWARENESS);
        assertThat(left.solicitation()).isNull();

        var repeated = analyse("P: sexy show?", "S: im 10", "P: so? show me naked");
        assertThat(repeated.solicitation()).isEqualTo(2);
    }

    @Test
    void thePartnerCallingHerAChildIsAgeAwareness() {
        assertThat(analyse("P: you are only 11 right", "P: naked?").solicitation()).isEqualTo(1);
        assertThat(analyse("P: hey little girl", "P: take off your clothes").solicitation()).isEqualTo(1);
        assertThat(analyse("P: are you 25?", "S: no").stages()).doesNotContainKey(Stage.AGE_AWARENESS);
    }

    @Test
    void otherLanguagesAreRead() {
        assertThat(analyse("S: ik ben 10", "P: wil je naakt voor de webcam? ik betaal 15 euro").wcst()).isEqualTo(1);
        assertThat(analyse("S: ich bin 10", "P: bist du allein? zieh dich aus vor der kamera an, 20 euro")
                .stages()).containsKeys(Stage.SECRECY, Stage.SEXUAL_SOLICITATION, Stage.PAYMENT_OFFER);
        assertThat(analyse("S: tengo 10", "P: quiero verte desnuda, te pago").solicitation()).isEqualTo(1);
        assertThat(analyse("S: j'ai 10 ans", "P: montre toi toute nue").solicitation()).isEqualTo(1);
        assertThat(analyse("S: tenho 10 anos", "P: tira a roupa, esta sozinha?").stages())
                .containsKeys(Stage.SEXUAL_SOLICITATION, Stage.SECRECY);
        assertThat(analyse("P: ilang taon ka na?", "S: 10 taon po ako", "P: hubad ka").solicitation())
                .isEqualTo(2);
    }

    @Test
    void thePersonaRaisingATopicFirstTaintsTheConversation() {
        var report = analyse("P: hi", "S: do you have cam?", "P: yes");
        assertThat(report.tainted()).isTrue();
        assertThat(report.taintedBy()).hasValueSatisfying(i -> {
            assertThat(i.topic()).isEqualTo(Topic.WEBCAM);
            assertThat(i.message()).isEqualTo(1);
        });
    }
}
