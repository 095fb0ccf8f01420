package org.sweetie.persona;

import java.time.Clock;
import java.util.List;
import org.sweetie.core.Author;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;

/**
 * Human take-over: an operator takes a conversation from the bot, speaks in it (through the same guard, with the
 * operator's identity on every line) and hands it back. Each step is an event in the conversation, so in the
 * evidence.
 */
public final class OperatorDesk {
    private final ConversationStore store;
    private final GuardedSender sender;
    private final Clock clock;

    public OperatorDesk(ConversationStore store, GuardedSender sender, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.clock = clock;
    }

    public void takeOver(Conversation conversation, String operator) {
        String holder = state(conversation).operator();
        if (holder != null && !holder.equals(operator)) {
            throw new IllegalStateException("conversation #" + conversation.id() + " is held by " + holder);
        }
        record(conversation, operator, ConversationState.TAKEN_OVER + operator);
    }

    /** Says a line as the operator; the conversation must be taken over by that operator. */
    public Decision say(Conversation conversation, String operator, String text) {
        String holder = state(conversation).operator();
        if (!operator.equals(holder)) {
            throw new IllegalStateException("take conversation #" + conversation.id() + " over first"
                    + (holder == null ? "" : " (it is held by " + holder + ")"));
        }
        List<Message> messages = store.messages(conversation.id());
        Message last = messages.reversed().stream().filter(m -> m.author().kind() == AuthorKind.PARTNER)
                .findFirst().orElse(null);
        String to = last != null ? last.sender() : conversation.key().partnerAccount();
        return sender.send(conversation, to, Draft.reply(text, Author.operator(operator),
                last == null ? null : last.text()));
    }

    public void handBack(Conversation conversation, String operator) {
        if (!operator.equals(state(conversation).operator())) {
            throw new IllegalStateException("conversation #" + conversation.id() + " is not held by " + operator);
        }
        record(conversation, operator, ConversationState.HANDED_BACK + operator);
    }

    private ConversationState state(Conversation conversation) {
        return ConversationState.of(store.events(conversation.id()), store.flags(conversation.id()));
    }

    private void record(Conversation conversation, String operator, String detail) {
        try (ConversationStore.Appender appender = store.appender()) {
            appender.record(conversation, new Event(clock.instant(), EventKind.OPERATOR, operator, detail, null, null));
            appender.commit();
        }
    }
}
