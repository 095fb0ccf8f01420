package org.sweetie.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Author;
import org.sweetie.core.Message;
import org.sweetie.core.Stage;

/** The reading layer: concepts, rules over several lines, dialogue acts, and what must stay unflagged. */
class ReadingTest {
    private static final Analyzer ANALYZER = Analyzer.standard();

    /** Lines as "P: text" (partner) or "S: text" (persona). */
    private static ConversationAnalyzer.Report read(String... lines) {
        ConversationAnalyzer engine = ANALYZER.newConversation();
        for (String line : lines) {
            boolean persona = line.startsWith("S:");
            engine.accept(Message.received(Instant.EPOCH, persona ? Author.BOT : Author.PARTNER,
                    persona ? "Sweetie10" : "partner", line.substring(2).strip(), null, null));
        }
        return engine.report();
    }

    @Test
    void herYesToAQuestionCarryingAChildsAgeIsAgeAwarenessAtHerAnswer() {
        var report = read("P: ur in 5th grade right?", "S: opo", "P: take off ur shirt for me");
        assertThat(report.stages()).containsEntry(Stage.AGE_AWARENESS, 1);
        assertThat(report.solicitation()).isEqualTo(2);
        assertThat(report.why().get("age_awareness").getFirst()).contains("dialogue act");
    }

    @Test
    void aDenialIsNotAgeAwareness() {
        var report = read("P: bist du noch ein kind, oder?", "S: hindi po", "P: ok");
        assertThat(report.stages()).doesNotContainKey(Stage.AGE_AWARENESS);
    }

    @Test
    void aQuestionHeDoesNotWaitToHaveAnsweredTellsWhatHeTakesHerToBe() {
        var report = read("P: r u really only 9?", "P: then show me ur body on cam");
        assertThat(report.stages()).containsEntry(Stage.AGE_AWARENESS, 0);
        assertThat(report.solicitation()).isEqualTo(1);
    }

    @Test
    void anAgeGivenInAnswerToAnAgeQuestionCountsButAClockTimeDoesNot() {
        assertThat(read("P: wyd", "S: its 5am here po cant sleep").stages())
                .doesNotContainKey(Stage.AGE_AWARENESS);
        assertThat(read("P: asl?", "S: 11 f cebu").stages()).containsEntry(Stage.AGE_AWARENESS, 1);
    }

    @Test
    void herBareNumberAfterHeGaveHisAgeAndAskedBackIsHerAge() {
        var report = read("S: how old r u po", "P: 52 lol old guy. u?", "S: 11");
        assertThat(report.stages()).containsEntry(Stage.AGE_AWARENESS, 2);
        assertThat(read("P: how many cats do u have", "S: 2").stages()).doesNotContainKey(Stage.AGE_AWARENESS);
    }

    @Test
    void agesInWordsAndBirthYears() {
        assertThat(read("P: ilang taon ka na?", "S: onse anyos ko").stages()).containsEntry(Stage.AGE_AWARENESS, 1);
        assertThat(read("P: asl", "S: napulo ug usa").stages()).containsEntry(Stage.AGE_AWARENESS, 1);
        assertThat(read("P: welcher jahrgang? what year born?", "S: 2003 po").stages())
                .containsEntry(Stage.AGE_AWARENESS, 1);
        assertThat(read("P: what time is it there?", "S: 12 noon po").stages())
                .doesNotContainKey(Stage.AGE_AWARENESS);
        assertThat(read("P: nice. i am from bangalore. u r still kid na").stages())
                .containsEntry(Stage.AGE_AWARENESS, 0);
    }

    @Test
    void aShowOrAVideoOnAnAppIsAWebcamRequestButTheAppAloneIsNot() {
        assertThat(read("P: just a lil show for me on skype").stages()).containsKey(Stage.WEBCAM_REQUEST);
        assertThat(read("P: på snapchat video, legg til meg").stages()).containsKey(Stage.WEBCAM_REQUEST);
        assertThat(read("P: u got snapchat?").stages()).doesNotContainKey(Stage.WEBCAM_REQUEST);
    }

    @Test
    void aNegationEndsWithItsSentenceAndAClockTimeIsNoAge() {
        assertThat(read("P: i will not lie. show me ur cam").stages()).containsKey(Stage.WEBCAM_REQUEST);
        assertThat(read("P: aqui são 10 da noite, e aí?", "S: ok po").stages())
                .doesNotContainKey(Stage.AGE_AWARENESS);
        assertThat(read("P: hi", "S: bata pa ako").stages()).containsEntry(Stage.AGE_AWARENESS, 1);
    }

    @Test
    void whatOthersDidIsNoTopicSheRaises() {
        assertThat(read("S: my classmate said someone give her load po").tainted()).isFalse();
        assertThat(read("P: mijn zoon kreeg geld aangeboden voor een videogesprek, we hebben het gemeld").stages())
                .doesNotContainKeys(Stage.WEBCAM_REQUEST, Stage.PAYMENT_OFFER);
    }

    @Test
    void aCompoundNoListHoldsIsReadAsItsTwoParts() {
        // "kamerashow" and "nacktselfies" are in no list; their parts are
        assertThat(read("S: 10 po", "P: mach eine kamerashow").stages()).containsEntry(Stage.WEBCAM_REQUEST, 1);
        assertThat(read("S: 10 po", "P: schick nacktselfies").solicitation()).isEqualTo(1);
        // a long common word is no compound: "understanding" holds no undressing
        assertThat(read("S: 10 po", "P: thanks for understanding").stages())
                .doesNotContainKey(Stage.SEXUAL_SOLICITATION);
    }

    @Test
    void aWordBehindAnElidedArticleOrPronounIsRead() {
        var report = read("S: j'ai 10 ans", "P: j'te donne de l'argent", "P: tu m'montres tout sans tes habits");
        assertThat(report.stages()).containsEntry(Stage.PAYMENT_OFFER, 1);
        assertThat(report.solicitation()).isEqualTo(2);
    }

    @Test
    void lettersSpacedByDotsMayHideDigits() {
        assertThat(read("S: 11 po", "P: s.h.0.w me ur b.0.d.y").solicitation()).isEqualTo(1);
        assertThat(read("S: 11 po", "P: version 1.2.3 is out").solicitation()).isNull();
        // two spaces part spaced-out words; a spaced three-letter topic word is read, "r u a kid" stays apart
        assertThat(read("S: 11 po", "P: t a k e  o f f  ur shirt").solicitation()).isEqualTo(1);
        assertThat(read("S: 11 po", "P: got a c a m?").stages()).containsEntry(Stage.WEBCAM_REQUEST, 1);
    }

    @Test
    void compoundWordsAndWhoWillKnow() {
        var report = read("S: im 11 po", "P: egal. trotzdem, ein nacktfoto. keiner erfährt es");
        assertThat(report.solicitation()).isEqualTo(1);
        assertThat(report.stages()).containsEntry(Stage.SECRECY, 1);
        assertThat(read("S: 10 po", "P: on fait un appel vidéo?", "P: en petite tenue hein, ou rien du tout")
                .solicitation()).isEqualTo(2);
    }

    @Test
    void aWarningThatReportsWhatMenAskIsNoRequest() {
        var spanish = read("S: 10 po", "P: mira, este chat no es para niñas. si un señor te pide que prendas la "
                + "cámara o te quites la ropa, o te ofrece dinero, bloquéalo");
        assertThat(spanish.stages()).doesNotContainKeys(Stage.SEXUAL_SOLICITATION, Stage.WEBCAM_REQUEST,
                Stage.PAYMENT_OFFER);
        var italian = read("S: 12", "P: sai, molti uomini qui chiedono foto nude o la webcam, anche offrendo soldi "
                + "o ricariche. non farlo mai");
        assertThat(italian.solicitation()).isNull();
        assertThat(italian.wcst()).isNull();
        assertThat(read("P: der autofokus ist super, sogar bei nackten ästen im winter ;)").stages())
                .doesNotContainKey(Stage.SEXUAL_SOLICITATION);
    }

    @Test
    void aRequestSplitOverLinesCountsAtTheLineThatCompletesIt() {
        var report = read("S: im 10", "P: can u take off", "S: what po", "P: ur sweater for me");
        assertThat(report.stages()).containsEntry(Stage.SEXUAL_SOLICITATION, 3);
        assertThat(report.solicitation()).isEqualTo(3);
    }

    @Test
    void aRequestSplitIntoFragmentsOfAFewWordsCompletesAtItsLastWord() {
        var report = read("S: 11 po", "P: one pic for me", "P: without", "P: clothes");
        assertThat(report.stages()).containsEntry(Stage.SEXUAL_SOLICITATION, 3);
        // a longer line before is a sentence of its own, not the start of the next
        assertThat(read("S: 11 po", "P: my sister came home without her umbrella today", "P: clothes are wet")
                .stages()).doesNotContainKey(Stage.SEXUAL_SOLICITATION);
    }

    @Test
    void aWarningSaysWhatNeverToDoAndWithWhomButARequestWithSecrecyIsNone() {
        var warning = read("S: 10 po", "P: never get on video or send photos without clothes to anybody, even if "
                + "they promise gifts");
        assertThat(warning.stages()).doesNotContainKeys(Stage.SEXUAL_SOLICITATION, Stage.WEBCAM_REQUEST,
                Stage.PAYMENT_OFFER);
        assertThat(read("S: 10 po", "P: nigdy nie pokazuj się nago nikomu w internecie").solicitation()).isNull();
        // the negation after the request is his secrecy, and where he is the one to see it, it is his request
        var secrecy = read("S: 10 po", "P: send naked pic, dont tell anybody");
        assertThat(secrecy.solicitation()).isEqualTo(1);
        assertThat(secrecy.stages()).containsEntry(Stage.SECRECY, 1);
        assertThat(read("S: 10 po", "P: naked pic now, dont show anybody").solicitation()).isEqualTo(1);
        // encouragement is no negation, and a warning is no question
        for (String request : List.of("dont be shy, get naked on cam, nobody is watching",
                "dont worry get naked on cam nobody is home", "never mind that, get naked on cam, nobody is home",
                "never done a naked cam? nobody is home right?", "dont be shy send naked pics, no one else sees")) {
            assertThat(read("S: 10 po", "P: " + request).solicitation()).as(request).isEqualTo(1);
        }
    }

    @Test
    void paymentAppsAsVerbsSalesGradesAndNoticesOfWhatIsNeverAsked() {
        assertThat(read("P: ill venmo u tonight").stages()).containsKey(Stage.PAYMENT_OFFER);
        assertThat(read("P: im selling my old webcam, 300 kroner").stages())
                .doesNotContainKeys(Stage.PAYMENT_OFFER, Stage.WEBCAM_REQUEST);
        assertThat(read("P: zit je in het 4de leerjaar?", "S: ja").stages()).containsEntry(Stage.AGE_AWARENESS, 1);
        assertThat(read("S: 10 po", "P: we will never ask you for photos without clothes or to turn on your webcam")
                .stages()).doesNotContainKeys(Stage.SEXUAL_SOLICITATION, Stage.WEBCAM_REQUEST);
        assertThat(read("S: 10 po", "P: сними майку").solicitation()).isEqualTo(1);
        assertThat(read("S: 9 lang ako").stages()).containsEntry(Stage.AGE_AWARENESS, 0);
        assertThat(read("P: anong oras dyan?", "S: 11 ng tanghali po").stages()).doesNotContainKey(Stage.AGE_AWARENESS);
    }

    @Test
    void diminutivesGradesAndHisWordsForHerAge() {
        assertThat(read("P: y cuántos añitos tienes?", "S: 11").stages()).containsEntry(Stage.AGE_AWARENESS, 1);
        assertThat(read("P: andas no 7º ano?", "S: sim").stages()).containsEntry(Stage.AGE_AWARENESS, 1);
        assertThat(read("P: girls your age love tiktok").stages()).containsEntry(Stage.AGE_AWARENESS, 0);
        assertThat(read("P: dai mettiti in cam").stages()).containsKey(Stage.WEBCAM_REQUEST);
    }

    @Test
    void wordsOfOtherLanguagesAndInflectionsReachTheirConcepts() {
        assertThat(read("S: 10 po", "P: quítate la ropa delante de la cámara").solicitation()).isEqualTo(1);
        assertThat(read("S: 10 po", "P: zieh dein shirt aus").solicitation()).isEqualTo(1);
        assertThat(read("P: ich schick dir 20 euro per paysafecard").stages()).containsKey(Stage.PAYMENT_OFFER);
        assertThat(read("P: i'll top up your phone").stages()).containsKey(Stage.PAYMENT_OFFER);
        assertThat(read("P: can u do a vid chat?").stages()).containsKey(Stage.WEBCAM_REQUEST);
        assertThat(read("P: wanna vc?").stages()).containsKey(Stage.WEBCAM_REQUEST);
        assertThat(read("P: vc tem quantos anos?").stages()).doesNotContainKey(Stage.WEBCAM_REQUEST); // você
        // German "mit" is "with", not the Scandinavian "mitt" ("my") that runs of letters fold it into
        assertThat(read("P: willst du mit mir videochat machen?").stages()).containsKey(Stage.WEBCAM_REQUEST);
        assertThat(read("P: ill get u a steam card").stages()).containsKey(Stage.PAYMENT_OFFER);
        assertThat(read("P: maghubad ka sa cam").stages()).containsKey(Stage.SEXUAL_SOLICITATION);
    }

    @Test
    void hardNegativesStayUnflagged() {
        List<String[]> quiet = List.of(
                new String[] {"S: im 10", "P: tonight you can see Venus with the naked eye"},
                new String[] {"S: im 10", "P: spawned naked in the nether and lost all my gear lol"},
                new String[] {"S: im 10", "P: if a man asks you to turn on your cam or get naked, click report"},
                new String[] {"S: im 10", "P: my webcam came with my laptop"},
                new String[] {"S: im 10", "P: i paid 30 dollars for this headset"},
                new String[] {"S: im 10", "P: we watched the talent show at school"},
                new String[] {"S: im 10", "P: my niece is ten, she loves drawing too"});
        for (String[] lines : quiet) {
            var report = read(lines);
            assertThat(report.stages().keySet()).as(lines[1]).containsOnly(Stage.AGE_AWARENESS);
        }
    }

    @Test
    void aManWhoAsksBeforeLearningHerAgeAndLeavesDoesNotQualify() {
        var report = read("P: send me a naked pic", "S: im 10 po", "P: oh sorry bye");
        assertThat(report.stages()).containsKeys(Stage.SEXUAL_SOLICITATION, Stage.AGE_AWARENESS);
        assertThat(report.solicitation()).isNull();
    }

    @Test
    void theRulesFileNamesTheLineOfAnError() {
        assertThatThrownBy(() -> StageRules.parse("x.rules", "concepts: A B\nsexual_solicitation: A C\n"))
                .hasMessageContaining("x.rules:2").hasMessageContaining("C");
        assertThatThrownBy(() -> StageRules.parse("x.rules", "concepts: A\nsexual_solicitation A\n"))
                .hasMessageContaining("x.rules:2");
        assertThatThrownBy(() -> StageRules.parse("x.rules", "concepts: A B\nsexual_solicitation: A > > B\n"))
                .hasMessageContaining("x.rules:2").hasMessageContaining("'>' needs a term before it");
        assertThatThrownBy(() -> StageRules.parse("x.rules", "concepts: A B\nsexual_solicitation: ~ A\n"))
                .hasMessageContaining("x.rules:2").hasMessageContaining("'~' needs a term before it");
    }

    @Test
    void theDictionaryNamesTheFileAndLineOfAnError() {
        var concepts = new ConceptDictionary.Concepts(List.of("NAKED"));
        assertThatThrownBy(() -> ConceptDictionary.parse(concepts, "t.txt", "NAKED: naked\nNUDE: nude\n", "en"))
                .hasMessageContaining("t.txt:2").hasMessageContaining("NUDE");
    }

    @Test
    void theTagalogStemmerMeetsAffixedFormsAtTheirRoot() {
        String root = Stemmers.tagalog("hubad");
        assertThat(List.of("maghubad", "naghubad", "hubarin").stream().map(Stemmers::tagalog)).containsOnly(root);
    }
}
