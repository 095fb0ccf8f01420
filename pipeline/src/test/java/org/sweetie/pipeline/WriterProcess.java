package org.sweetie.pipeline;

import java.util.concurrent.CountDownLatch;
import org.sweetie.capture.live.Capture;
import org.sweetie.core.ConversationStore;
import org.sweetie.store.Stores;

/** A writer in its own JVM, for the tests that kill it with SIGKILL: args BOOTSTRAP TOPIC_PREFIX STORE. */
public final class WriterProcess {
    private WriterProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConversationStore store = Stores.open(args[2]);
        Capture capture = new Capture(store);
        new Writer(new Topics(args[0], args[1]), capture, store).start();
        System.out.println("writer started");
        new CountDownLatch(1).await(); // until killed
    }
}
