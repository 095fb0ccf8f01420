package org.sweetie.capture.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Persona;

/**
 * A wrong --persona used to be accepted silently: the persona's lines were stored as a partner's, and a re-import
 * with the right nicks said "already imported". Now a file with messages in which none of the persona's nicks
 * appears is refused before anything of it is stored, and a dry run shows who and when first.
 */
class PersonaCheckTest extends ImportFixture {

    private Path bob() throws Exception {
        return write("irc.libera.bob.weechatlog",
                "2013-10-01 12:00:01\tbob\thi",
                "2013-10-01 12:00:05\tSweetie11\thello",
                "2013-10-01 12:00:09\tbob\tasl?",
                "2013-10-01 12:00:12\tSweetie11\t10 f");
    }

    @Test
    void aFileWithoutThePersonasNicksIsRefusedNamingTheNicksItHolds() throws Exception {
        Path bob = bob();

        ImportSummary summary = importAll(bob);

        assertThat(summary.refusedFiles()).isEqualTo(1);
        assertThat(summary.messagesAdded()).isZero();
        assertThat(store.conversations()).isEmpty();
        assertThat(store.importedFiles(bob.toString(), "")).as("not recorded as imported").isEmpty();
        assertThat(refusedFiles).containsExactly(bob + ": none of the persona's nicks (Sweetie10, sweetie_ph) "
                + "appears in it; the nicks that wrote most are bob (2 lines), Sweetie11 (2 lines). Not imported: "
                + "check --persona, or add --no-persona-check if the persona never wrote in this conversation");

        ImportSummary right = importer(Persona.ofNicknames(List.of("Sweetie11")), null).importPaths(List.of(bob));
        assertThat(right.messagesAdded()).as("nothing stood in the way of the right persona").isEqualTo(4);
    }

    @Test
    void aRefusedFileDoesNotStopTheOthers() throws Exception {
        bob();
        write("irc.libera.carl.weechatlog", "2013-10-01 13:00:01\tcarl\thi", "2013-10-01 13:00:02\tSweetie10\thi");

        ImportSummary summary = importAll(folder.resolve("logs"));

        assertThat(summary.files()).isEqualTo(2);
        assertThat(summary.refusedFiles()).isEqualTo(1);
        assertThat(store.conversations()).extracting(c -> c.key().partnerAccount()).containsExactly("carl");
    }

    @Test
    void theCheckLooksAtJoinsAndTheOwnersNickChangeToo() throws Exception {
        Path channel = write("irc.libera.#kids.weechatlog",
                "2013-10-01 12:00:00\t-->\tsweetie_ph (~s@192.0.2.1) has joined #kids",
                "2013-10-01 12:00:01\tdora\thello all");
        Path renamed = write("irc.libera.emil.weechatlog",
                "2013-10-01 12:00:01\temil\thi",
                "2013-10-01 12:00:02\t--\tYou are now known as sweetie_new",
                "2013-10-01 12:00:03\tsweetie_new\thello");

        ImportSummary summary = importAll(channel, renamed);

        assertThat(summary.refusedFiles()).isZero();
        assertThat(texts(only("emil"))).containsExactly("hi", "hello");
    }

    @Test
    void aFileWithoutMessagesIsNotRefused() throws Exception {
        Path quiet = write("irc.libera.fay.weechatlog",
                "2013-10-01 12:00:00\t****  Beginning of log  ****",
                "2013-10-01 12:00:00\t****  End of log  ****");

        assertThat(importAll(quiet).refusedFiles()).isZero();
    }

    /** The file was accepted when first imported: what is appended to it is not checked again. */
    @Test
    void linesAppendedToAFileImportedBeforeAreNotCheckedAgain() throws Exception {
        Path log = write("irc.libera.gus.weechatlog", "2013-10-01 12:00:01\tgus\thi",
                "2013-10-01 12:00:02\tSweetie10\thi");
        importAll(log);
        Files.writeString(log, "2013-10-01 12:05:00\tgus\tstill there?\n", StandardOpenOption.APPEND);

        ImportSummary again = importAll(log);

        assertThat(again.refusedFiles()).isZero();
        assertThat(again.messagesAdded()).isEqualTo(1);
    }

    @Test
    void aDryRunStoresNothingAndShowsWhoAndWhenInTheZoneGiven() throws Exception {
        Path carl = write("irc.libera.carl.weechatlog", "2013-10-01 13:00:01\tcarl\thi",
                "2013-10-01 13:00:02\tSweetie10\thi", "2013-10-01 13:10:00\t<--\tcarl (~c@198.51.100.3) has quit");
        Path bob = bob();
        LogImporter importer = new LogImporter(store, SWEETIE, ZoneId.of("Europe/Berlin"), null,
                new ImportListener() {
                    @Override
                    public void planned(FilePlan plan) {
                        plans.add(plan);
                    }
                }).dryRun();

        ImportSummary summary = importer.importPaths(List.of(carl, bob));

        assertThat(store.conversations()).isEmpty();
        assertThat(store.counts().accounts()).isZero();
        assertThat(store.importedFiles(carl.toString(), "")).isEmpty();
        assertThat(summary.messagesAdded()).isEqualTo(2);
        assertThat(summary.refusedFiles()).isEqualTo(1);
        assertThat(plans).hasSize(2);
        FilePlan carlPlan = plans.stream().filter(p -> p.file().equals(carl.toAbsolutePath())).findFirst()
                .orElseThrow();
        assertThat(carlPlan.refusal()).isNull();
        assertThat(carlPlan.conversations()).singleElement().satisfies(c -> {
            assertThat(c.partner()).isEqualTo("carl");
            assertThat(c.storedId()).isZero();
            assertThat(c.personaNames()).containsExactly("Sweetie10");
            assertThat(c.first()).isEqualTo(Instant.parse("2013-10-01T11:00:01Z"));
            assertThat(c.last()).isEqualTo(Instant.parse("2013-10-01T11:10:00Z"));
            assertThat(c.partnerMessages()).isEqualTo(1);
            assertThat(c.personaMessages()).isEqualTo(1);
            assertThat(c.events()).isEqualTo(1);
        });
        assertThat(plans).filteredOn(p -> p.file().equals(bob.toAbsolutePath())).singleElement()
                .satisfies(p -> assertThat(p.refusal()).contains("bob (2 lines)"));
    }
}
