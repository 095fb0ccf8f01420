package org.sweetie.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sweetie.analysis.Analyzer;
import org.sweetie.core.Author;

/** The guard fails closed: allowed only inside the persona's register, refused by a named rule, else held. */
class ThreeOutcomesTest {
    private static final EntrapmentGuard GUARD = EntrapmentGuard.standard(Analyzer.standard(),
            Set.of("stopitnow.org.uk")).knowing(java.util.List.of("Ana", "Cebu"));

    private static Decision decide(String partnerSaid, String draft) {
        return GUARD.decide(Draft.reply(draft, Author.operator("op-anna"), partnerSaid));
    }

    @Test
    void linesOfHerRegisterAreAllowedInEachOfHerLanguages() {
        for (String line : new String[] {"hello po", "im Ana, from Cebu", "grade 5 po ako", "what is your name?",
            "how old are you po?", "ano trabaho mo?", "asa ka nagpuyo?", "ich male gern", "quiero ser maestra",
            "my favorite color is pink", "nasa school ako kanina"}) {
            assertThat(decide(null, line).outcome()).as(line).isEqualTo(Decision.Outcome.ALLOWED);
        }
    }

    @Test
    void aWordOutsideTheRegisterIsHeldNotAllowed() {
        Decision d = decide(null, "zxqv blorft po");
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.HELD);
        assertThat(d.rule()).isEqualTo("register");
        assertThat(d.reason()).contains("zxqv");
    }

    @Test
    void aRiskyTopicIsHeldUnlessARefusalNamesIt() {
        assertThat(decide(null, "lets move to whatsapp").outcome()).isEqualTo(Decision.Outcome.HELD);
        assertThat(decide("turn on ur cam", "ayoko po mag cam").outcome()).isEqualTo(Decision.Outcome.ALLOWED);
        assertThat(decide("take off ur shirt", "no i will not take off my shirt").outcome())
                .isEqualTo(Decision.Outcome.ALLOWED);
        assertThat(decide("take off ur shirt", "no, but i can show you later").outcome())
                .isEqualTo(Decision.Outcome.REFUSED);
        // a "no" at the start does not excuse what follows it
        assertThat(decide(null, "no lol im naked now").rule()).isEqualTo("sexual-content");
        assertThat(decide(null, "no lol turn on ur cam").outcome()).isEqualTo(Decision.Outcome.REFUSED);
        assertThat(decide(null, "no. i can show you").rule()).isEqualTo("offer");
    }

    @Test
    void afterAProposalAssentDeferralAndHagglingAreRefusedAndSmallTalkIsHeld() {
        String offer = "i give you 500 pesos if you show me on cam";
        assertThat(decide(offer, "sige po").rule()).isEqualTo("assent");
        assertThat(decide(offer, "mamaya na lang po").rule()).isEqualTo("assent");
        assertThat(decide(offer, "only 200??").outcome()).isEqualTo(Decision.Outcome.REFUSED);
        assertThat(decide("włączysz kamerkę wieczorem?", "tak").rule()).isEqualTo("assent");
        assertThat(decide(offer, "i like drawing").outcome()).isEqualTo(Decision.Outcome.HELD);
        // a question may take his proposal further; only one about him goes out on its own
        assertThat(decide("meet me at the jollibee near your school", "what time po?").outcome())
                .isEqualTo(Decision.Outcome.HELD);
        assertThat(decide(offer, "what is your name?").outcome()).isEqualTo(Decision.Outcome.ALLOWED);
    }

    @Test
    void affectionInterestInHisTasteAndOffersAreRefused() {
        assertThat(decide(null, "ur cute 😘").rule()).isEqualTo("affection");
        assertThat(decide(null, "do u like young girls?").rule()).isEqualTo("interest");
        assertThat(decide(null, "what should i wear?").rule()).isEqualTo("offer");
        assertThat(decide(null, "want me to?").rule()).isEqualTo("offer");
        assertThat(decide(null, "vuoi il mio numero?").rule()).isEqualTo("contact");
    }

    @Test
    void aLineAboutHerFamilyOrHomeworkIsNotHisTopic() {
        assertThat(decide(null, "my tita has a new camera, she takes pics of flowers").outcome())
                .isNotEqualTo(Decision.Outcome.REFUSED);
        assertThat(decide(null, "math homework: if a pencil costs 15 pesos how much is 4 pencils?").outcome())
                .isEqualTo(Decision.Outcome.ALLOWED);
        assertThat(decide(null, "papa is asleep, send pic").outcome()).isNotEqualTo(Decision.Outcome.ALLOWED);
        assertThat(decide(null, "i can sneak out when mama is at work").rule()).isEqualTo("meeting");
    }

    @Test
    void aNumberThatIsNoAgeOrGradeIsHeld() {
        assertThat(decide(null, "im 10 po, grade 5").outcome()).isEqualTo(Decision.Outcome.ALLOWED);
        assertThat(decide(null, "300 lang po").outcome()).isNotEqualTo(Decision.Outcome.ALLOWED);
    }
}
