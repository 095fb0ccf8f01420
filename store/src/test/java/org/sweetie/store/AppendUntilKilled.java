package org.sweetie.store;

import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Message;

/** Child process of the kill -9 test: appends forever, printing each sequence number once it is durable. */
public final class AppendUntilKilled {
    private AppendUntilKilled() {
    }

    public static void main(String[] args) {
        // the parent's keys: its id and the data and index keys in hex (a test's keys, never a deployment's)
        var hex = java.util.HexFormat.of();
        ConversationStore store = Stores.open(args[0], new StoreKeys(args[1], hex.parseHex(args[2]),
                hex.parseHex(args[3])));
        store.persona(StoreContract.SWEETIE);
        var conversation = store.conversation(
                ConversationKey.privateChat(StoreContract.LIBERA, StoreContract.SWEETIE, "alice"));
        for (int i = 0; ; i++) {
            Message stored = store.append(conversation, StoreContract.partnerSays(i, "line " + i, "k" + i))
                    .orElseThrow();
            System.out.println(stored.seq());
            System.out.flush();
        }
    }
}
