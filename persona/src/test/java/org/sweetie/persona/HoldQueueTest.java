package org.sweetie.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.sweetie.analysis.Analyzer;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;

/** A held draft is said only after a second person approves it, never after a rejection; every step is recorded. */
class HoldQueueTest {
    private static final EntrapmentGuard GUARD = EntrapmentGuard.standard(Analyzer.standard(), Set.of());
    private final List<String> said = new ArrayList<>();
    private final List<Decision> recorded = new ArrayList<>();
    private final HoldQueue holds = new HoldQueue();
    private final Conversation conversation = new Conversation(7, ConversationKey.privateChat(Network.irc("test"),
            Persona.ofNicknames(List.of("Ana10")), "dave"));
    private final GuardedSender sender = new GuardedSender(GUARD, (c, d) -> recorded.add(d),
            (c, to, line) -> {
                said.add(line.text());
                return CompletableFuture.completedFuture(null);
            }, Clock.fixed(Instant.parse("2013-10-01T10:00:00Z"), ZoneOffset.UTC), holds);

    private long holdOne() {
        Decision d = sender.send(conversation, "dave", Draft.reply("zxqv blorft po", Author.operator("op-anna"), null));
        assertThat(d.held()).isTrue();
        assertThat(said).isEmpty();
        return holds.idOf(d.draft()).orElseThrow();
    }

    @Test
    void anApprovedDraftIsSaidOnceAndTheApprovalIsEvidence() {
        long id = holdOne();
        Decision approval = GuardedSender.review(holds, id, "sup-ben", true, "a nonsense word, harmless");
        assertThat(said).containsExactly("zxqv blorft po");
        assertThat(approval.rule()).isEqualTo("supervisor");
        assertThat(recorded).extracting(Decision::verdict).containsExactly("held", "allowed");
        assertThat(recorded.get(1).reason()).contains("sup-ben").contains("#" + id);
        assertThatThrownBy(() -> GuardedSender.review(holds, id, "sup-ben", true, "again"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no held draft");
        assertThat(said).hasSize(1);
    }

    @Test
    void aRejectedDraftIsNeverSaid() {
        long id = holdOne();
        GuardedSender.review(holds, id, "sup-ben", false, "not her register");
        assertThatThrownBy(() -> GuardedSender.review(holds, id, "sup-cat", true, "changed my mind"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(said).isEmpty();
        assertThat(recorded).extracting(Decision::verdict).containsExactly("held", "refused");
    }

    @Test
    void theAuthorCannotApproveHerOwnDraft() {
        long id = holdOne();
        assertThatThrownBy(() -> GuardedSender.review(holds, id, "op-anna", true, "fine"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("second person");
        assertThat(holds.find(id)).isPresent();
        assertThat(said).isEmpty();
    }
}
