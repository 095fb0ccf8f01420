package org.sweetie.capture.logs;

import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.Event;
import org.sweetie.core.Message;
import org.sweetie.core.Network;

/** Where the import of one file puts what it reads: into the store, or for a dry run only into a plan. */
interface Destination extends AutoCloseable {

    /** The conversation with this key (created on first use when storing). */
    Conversation conversation(ConversationKey key);

    /** An account was seen under a name and, when known, at a host. */
    void sawAccount(Network network, String handle, String name, String host);

    /** Adds a message; false when one with its source id is stored already. */
    boolean add(Conversation conversation, Message message);

    /** Adds an event; false when one with its source id is stored already. */
    boolean record(Conversation conversation, Event event);

    /** Makes what was read so far durable, together with the record of how far the file was read. */
    void commit(LogLines lines);

    /** Discards what was not committed. */
    @Override
    void close();
}
