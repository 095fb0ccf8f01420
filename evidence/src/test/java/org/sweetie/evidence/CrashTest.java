package org.sweetie.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sweetie.core.EvidenceStorage;
import org.sweetie.core.Message;

/**
 * A process appending through the evidence log is killed with SIGKILL; after a restart every acknowledged message is
 * there with its entry, the tree matches the last checkpoint, and the log goes on from there.
 */
class CrashTest extends EvidenceFixture {

    @Test
    void afterKillNineTheLogHoldsEveryAcknowledgedEntryAndMatchesItsLastCheckpoint() throws Exception {
        raw.close();
        raw = null;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), AppendUntilKilled.class.getName(), folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Long> acknowledged = new ArrayList<>();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 180 && (line = out.readLine()) != null) {
                acknowledged.add(Long.parseLong(line.strip()));
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(180);

        reopen(CheckpointPolicy.DEFAULT, null);
        var alice = chatWith("alice");
        List<Long> stored = raw.messages(alice.id()).stream().map(Message::seq).toList();
        assertThat(stored).containsAll(acknowledged);
        assertThat(raw.evidence().entriesOf(alice.id())).hasSize(stored.size());
        assertThat(log.size()).isEqualTo(stored.size());

        EvidenceStorage.Checkpoint last = raw.evidence().latestCheckpoint().orElseThrow();
        CheckpointText checkpoint = CheckpointText.parse(SignedNote.parse(last.signedNote()).text());
        assertThat(checkpoint.size()).isGreaterThanOrEqualTo(175).isLessThanOrEqualTo(log.size());
        assertThat(log.subtrees().hash(0, checkpoint.size())).isEqualTo(checkpoint.root());
        assertThat(ProofVerifier.consistency(checkpoint.size(), log.size(), checkpoint.root(), log.root(),
                Proofs.consistency(log.subtrees(), checkpoint.size(), log.size()))).isTrue();

        store.append(alice, Message.received(T0, org.sweetie.core.Author.PARTNER, "alice", "after", null, null));
        assertThat(log.size()).isEqualTo(stored.size() + 1);
    }
}
