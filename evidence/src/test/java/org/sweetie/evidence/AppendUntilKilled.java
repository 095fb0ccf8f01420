package org.sweetie.evidence;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.sweetie.core.Author;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Message;
import org.sweetie.store.Stores;

/** Child process of the kill -9 test: appends through the evidence log forever, printing each acknowledged seq. */
public final class AppendUntilKilled {
    private AppendUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        ConversationStore raw = Stores.open(folder.resolve("store.db").toString());
        raw.persona(EvidenceFixture.SWEETIE);
        EvidenceLog log = new EvidenceLog(raw, KeyFile.loadOrCreate(folder.resolve("evidence.key")),
                new CheckpointPolicy(25, Duration.ofDays(1)), null, Clock.systemUTC());
        ConversationStore store = log.recording();
        var conversation = store.conversation(ConversationKey.privateChat(EvidenceFixture.LIBERA,
                EvidenceFixture.SWEETIE, "alice"));
        for (int i = 0; ; i++) {
            Message stored = store.append(conversation, Message.received(EvidenceFixture.T0.plusSeconds(i),
                    Author.PARTNER, "alice", "line " + i, null, null)).orElseThrow();
            System.out.println(stored.seq());
            System.out.flush();
        }
    }
}
