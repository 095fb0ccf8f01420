package org.sweetie.core;

import java.util.List;
import java.util.Optional;

/**
 * A conversation store that passes every call to another: the base of the decorators that add to what storing does
 * (the evidence log, the analysis), which override {@link #appender()} and leave the rest alone.
 */
public abstract class ForwardingConversationStore implements ConversationStore {
    protected final ConversationStore store;

    protected ForwardingConversationStore(ConversationStore store) {
        this.store = store;
    }

    @Override
    public Persona persona(Persona persona) {
        return store.persona(persona);
    }

    @Override
    public Account account(Network network, String handle) {
        return store.account(network, handle);
    }

    @Override
    public Optional<Account> findAccount(Network network, String handle) {
        return store.findAccount(network, handle);
    }

    @Override
    public Account sawAccount(Account account, String displayName, String host) {
        return store.sawAccount(account, displayName, host);
    }

    @Override
    public void sawAccount(Network network, String handle, String displayName, String host) {
        store.sawAccount(network, handle, displayName, host);
    }

    @Override
    public Conversation conversation(ConversationKey key) {
        return store.conversation(key);
    }

    @Override
    public List<ConversationStats> conversationStats(ConversationQuery query, long offset, int limit) {
        return store.conversationStats(query, offset, limit);
    }

    @Override
    public long countConversations(ConversationQuery query) {
        return store.countConversations(query);
    }

    @Override
    public List<Long> conversationsWithEvent(EventKind kind) {
        return store.conversationsWithEvent(kind);
    }

    @Override
    public long changes() {
        return store.changes();
    }

    @Override
    public Changed changedSince(long changes) {
        return store.changedSince(changes);
    }

    @Override
    public List<Long> conversationIds(ConversationQuery query) {
        return store.conversationIds(query);
    }

    @Override
    public List<ConversationStats> conversationStats(List<Long> ids) {
        return store.conversationStats(ids);
    }

    @Override
    public Optional<java.time.Instant> storedAt(long conversationId) {
        return store.storedAt(conversationId);
    }

    @Override
    public Optional<Conversation> findConversation(long id) {
        return store.findConversation(id);
    }

    @Override
    public List<Conversation> conversations() {
        return store.conversations();
    }

    @Override
    public List<Message> messages(long conversationId) {
        return store.messages(conversationId);
    }

    @Override
    public List<Event> events(long conversationId) {
        return store.events(conversationId);
    }

    @Override
    public List<Flag> flags(long conversationId) {
        return store.flags(conversationId);
    }

    @Override
    public StoreCounts counts() {
        return store.counts();
    }

    @Override
    public List<ImportedFile> importedFiles(String path, String headSha256) {
        return store.importedFiles(path, headSha256);
    }

    @Override
    public ImportedFile recordImport(ImportedFile file) {
        return store.recordImport(file);
    }

    @Override
    public EvidenceStorage evidence() {
        return store.evidence();
    }

    @Override
    public Appender appender() {
        return store.appender();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public Purged delete(List<Long> conversationIds) {
        return store.delete(conversationIds);
    }

    @Override
    public void recordLinkDecision(LinkDecision decision) {
        store.recordLinkDecision(decision);
    }

    @Override
    public List<LinkDecision> linkDecisions() {
        return store.linkDecisions();
    }

    @Override
    public UserStore users() {
        return store.users();
    }
}
