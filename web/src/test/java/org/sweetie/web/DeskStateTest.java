package org.sweetie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Author;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Flag;
import org.sweetie.core.Message;

/** The desk's state rule (docs/console.md): the latest of taken over, handed over, warned, qualified, talking, new. */
class DeskStateTest {
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    static Message partner(int second, String text) {
        return Message.received(T0.plusSeconds(second), Author.PARTNER, "dave", text, null, null);
    }

    static Message bot(int second, String text) {
        return Message.received(T0.plusSeconds(second), Author.BOT, "Sweetie10", text, null, null);
    }

    static Event event(int second, EventKind kind, String actor, String detail) {
        return new Event(T0.plusSeconds(second), kind, actor, detail, null, null);
    }

    static final Flag QUALIFIED = new Flag(1, "qualified", "solicitation", "");

    @Test
    void aPartnerAloneIsNewAndAnAnswerMakesItTalking() {
        assertThat(DeskState.of(List.of(partner(0, "hi")), List.of(), List.of()).state())
                .isEqualTo(DeskState.State.NEW);
        assertThat(DeskState.of(List.of(partner(0, "hi"), bot(1, "hello")), List.of(), List.of()).state())
                .isEqualTo(DeskState.State.TALKING);
    }

    @Test
    void qualifiedThenWarnedAndAReturnIsACue() {
        List<Message> lines = List.of(partner(0, "hi"), bot(1, "hello"));
        DeskState qualified = DeskState.of(lines, List.of(), List.of(QUALIFIED));
        assertThat(qualified.state()).isEqualTo(DeskState.State.QUALIFIED);
        assertThat(qualified.cues()).containsExactly("qualified");
        List<Event> warned = List.of(event(2, EventKind.WARNING, "bot", "deterrence warning level 1 of 3"));
        assertThat(DeskState.of(lines, warned, List.of(QUALIFIED)).state()).isEqualTo(DeskState.State.WARNED);
        assertThat(DeskState.of(lines, warned, List.of(QUALIFIED)).cues()).doesNotContain("returned");
        List<Message> back = List.of(partner(0, "hi"), bot(1, "hello"), partner(60, "hi again"));
        assertThat(DeskState.of(back, warned, List.of(QUALIFIED)).cues()).containsExactly("qualified", "returned");
    }

    @Test
    void handedOverUntilAnOperatorTakesItAndHandsItBack() {
        List<Message> lines = List.of(partner(0, "hi"), bot(1, "hello"));
        Event handed = event(2, EventKind.OPERATOR, "bot", "handed over to the operators: the conversation qualified");
        Event taken = event(3, EventKind.OPERATOR, "olive", "taken over by olive");
        Event back = event(4, EventKind.OPERATOR, "olive", "handed back to the bot by olive");
        DeskState over = DeskState.of(lines, List.of(handed), List.of(QUALIFIED));
        assertThat(over.state()).isEqualTo(DeskState.State.HANDED_OVER);
        assertThat(over.cues()).contains("handed over");
        DeskState held = DeskState.of(lines, List.of(handed, taken), List.of(QUALIFIED));
        assertThat(held.state()).isEqualTo(DeskState.State.TAKEN_OVER);
        assertThat(held.operator()).isEqualTo("olive");
        assertThat(held.cues()).doesNotContain("handed over");
        assertThat(DeskState.of(lines, List.of(handed, taken, back), List.of(QUALIFIED)).state())
                .isEqualTo(DeskState.State.QUALIFIED);
    }
}
