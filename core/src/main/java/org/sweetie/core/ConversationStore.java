package org.sweetie.core;

import java.util.List;
import java.util.Optional;

/**
 * Where every conversation, message and event is kept. Implementations must make a write durable before the call
 * that commits it returns: capture acknowledges an inbound message only after that.
 *
 * <p>Nothing here updates a message, and a conversation only grows; the one deletion is data minimisation
 * ({@link #delete}), which the evidence log records.
 */
public interface ConversationStore extends AutoCloseable {

    /** Stores the persona if its handle is new and returns the stored one (an existing persona is not changed). */
    Persona persona(Persona persona);

    /** The account with this handle on this network, created on first use. */
    Account account(Network network, String handle);

    /** The account with this handle on this network, if the store has it; unlike {@link #account}, only reads. */
    Optional<Account> findAccount(Network network, String handle);

    /** Records that an account was seen under a display name and, when known, at a host (user@host, full JID). */
    Account sawAccount(Account account, String displayName, String host);

    /**
     * The same for the account with this handle on this network (created on first use), when the caller needs
     * nothing back: the capture writer and the import, for whom reading the account back cost a burst of first
     * contacts about a quarter of each one's cost.
     */
    default void sawAccount(Network network, String handle, String displayName, String host) {
        sawAccount(account(network, handle), displayName, host);
    }

    /** The conversation with this key, created on first use (with its persona and both accounts). */
    Conversation conversation(ConversationKey key);

    Optional<Conversation> findConversation(long id);

    /** Every conversation, in the order they were first stored. */
    List<Conversation> conversations();

    /**
     * The conversations that pass the query, newest first (highest id first), from the store's summaries: at most
     * {@code limit} after skipping {@code offset}.
     */
    List<ConversationStats> conversationStats(ConversationQuery query, long offset, int limit);

    /** How many conversations pass the query. */
    long countConversations(ConversationQuery query);

    /**
     * A number that changes with every committed change to conversations, messages, events, flags, accounts and link
     * decisions, in this process or another: what was computed from them is still valid while it stays the same.
     */
    long changes();

    /**
     * What changed after the given change count (a value {@link #changes} returned, or 0 for everything): the count
     * now, the conversations a change counted after it touched (their creation, messages, events, flags, or their
     * partner's account), lowest id first, and whether a deletion was counted after it. A reader that keeps what it
     * computed from the store reads only those conversations again (and everything after a deletion).
     */
    Changed changedSince(long changes);

    /** See {@link #changedSince}. */
    record Changed(long changes, List<Long> conversations, boolean deleted) {
        public Changed {
            conversations = List.copyOf(conversations);
        }
    }

    /** The ids of the conversations that pass the query, newest first (highest id first), from the summaries. */
    List<Long> conversationIds(ConversationQuery query);

    /** The summaries of the given conversations that the store has, in the order given. */
    List<ConversationStats> conversationStats(List<Long> ids);

    /**
     * When the store last committed something of the conversation (a message, an event, a flag), by the store's
     * clock: for an imported log that is when it was imported, however old its lines are. Empty for an unknown one.
     */
    Optional<java.time.Instant> storedAt(long conversationId);

    /**
     * The ids of the conversations with at least one event of this kind, lowest first: what a figure over one kind
     * of event (the dashboard's warnings) reads instead of every conversation's events.
     */
    List<Long> conversationsWithEvent(EventKind kind);

    /** A conversation's messages in sequence order. */
    List<Message> messages(long conversationId);

    /** A conversation's events in the order stored. */
    List<Event> events(long conversationId);

    /** What the analysis flagged in a conversation, in the order flagged. */
    List<Flag> flags(long conversationId);

    StoreCounts counts();

    /** Earlier imports of a file under this path, or of any file whose first bytes hash to headSha256. */
    List<ImportedFile> importedFiles(String path, String headSha256);

    /**
     * Records an import run (a new one when its id is 0, else the run's progress so far). Inside an appender's unit
     * of work on the same thread it commits with that unit, so the record and the lines it covers never disagree.
     */
    ImportedFile recordImport(ImportedFile file);

    /**
     * Deletes conversations for data minimisation: their messages, events and flags, and then every account no
     * conversation uses any more. Inside an appender's unit of work on the same thread it commits with that unit.
     */
    Purged delete(List<Long> conversationIds);

    /** What a deletion removed, for statistics and the evidence log. */
    record Purged(int conversations, long messages, long events, long flags, int accounts) {
    }

    /** Keeps an analyst's decision on a suspect link. */
    void recordLinkDecision(LinkDecision decision);

    /** Every link decision, in the order made. */
    List<LinkDecision> linkDecisions();

    /** The evidence log's storage, in the same database and transactions as the conversations. */
    EvidenceStorage evidence();

    /** The console's users, in the same database. */
    UserStore users();

    /**
     * Starts a unit of work for appending. Nothing it adds is visible to others or durable until
     * {@link Appender#commit()} returns; closing without committing discards it.
     */
    Appender appender();

    /** Appends one message and makes it durable; empty when a message with its source id was stored before. */
    default Optional<Message> append(Conversation conversation, Message message) {
        try (Appender appender = appender()) {
            Optional<Message> stored = appender.add(conversation, message);
            appender.commit();
            return stored;
        }
    }

    @Override
    void close();

    /**
     * Appends messages and events in bulk. Sequence numbers are given in the order of {@link #add} calls. One appender
     * at a time may write a given conversation.
     */
    interface Appender extends AutoCloseable {
        /** Adds a message at the end of the conversation; empty when its source id is already stored there. */
        Optional<Message> add(Conversation conversation, Message message);

        /** Adds an event to the conversation; false when its source id is already stored there. */
        boolean record(Conversation conversation, Event event);

        /** Adds what the analysis established at one of the conversation's messages. */
        void flag(Conversation conversation, Flag flag);

        /** Makes everything added so far durable; the appender can be used again afterwards. */
        void commit();

        /** Discards what was not committed. */
        @Override
        void close();
    }
}
