package org.sweetie.persona;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.CountryAttribution;
import org.sweetie.core.Author;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.core.Persona;

/**
 * The automated persona. It never speaks first: it answers a partner's stored message from the script library
 * (small talk, cover facts, confusion or a refusal when a topic comes up, questions that draw out who the partner
 * is when the partner is talkative). When the conversation qualifies it follows the deterrence ladder: the next
 * warning level, then silence; a partner who comes back (on the same account or one linked to it) gets the next
 * level, and the last level marks the
 * partner for referral. A conversation an operator holds is left to the operator, and outside the persona's operating
 * hours the bot is silent. Everything it says goes through the guarded sender.
 */
public final class Responder {
    private final Persona persona;
    private final ConversationStore store;
    private final GuardedSender sender;
    private final ScriptLibrary scripts;
    private final WarningLibrary warnings;
    private final IntentReader reader;
    private final Analyzer analyzer;
    private final Deterrence deterrence;
    private final Typing typing;
    private final Clock clock;
    private final LinkedPartners linked;
    private final java.util.function.Predicate<Instant> atKeyboard;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger answering = new java.util.concurrent.atomic.AtomicInteger();

    public Responder(Persona persona, ConversationStore store, GuardedSender sender, ScriptLibrary scripts,
                     WarningLibrary warnings, Analyzer analyzer, Deterrence deterrence, Typing typing, Clock clock,
                     LinkedPartners linked, java.util.function.Predicate<Instant> atKeyboard) {
        this.persona = persona;
        this.store = store;
        this.sender = sender;
        this.scripts = scripts;
        this.warnings = warnings;
        this.analyzer = analyzer;
        this.reader = new IntentReader(analyzer, org.sweetie.analysis.PhraseBook.load("/persona/guard.txt"));
        this.deterrence = deterrence;
        this.typing = typing;
        this.clock = clock;
        this.linked = linked;
        this.atKeyboard = atKeyboard;
    }

    /** Told of a partner's message once it is stored; answers on a thread of its own, in order per conversation. */
    public void heard(Conversation conversation, Message message) {
        if (message.author().kind() != AuthorKind.PARTNER || !conversation.key().isPrivate()
                || !conversation.key().persona().equals(persona.handle())) {
            return; // the bot speaks only in private, for its own persona
        }
        answering.incrementAndGet();
        Thread.ofVirtual().name("responder-" + conversation.id()).start(() -> {
            try {
                answer(conversation, message);
            } finally {
                answering.decrementAndGet();
            }
        });
    }

    /** True when no answer is being worked on (a session waits for this before it stops the capture). */
    public boolean idle() {
        return answering.get() == 0;
    }

    private void answer(Conversation conversation, Message message) {
        ReentrantLock lock = locks.computeIfAbsent(conversation.id(), id -> new ReentrantLock());
        lock.lock();
        try {
            respond(conversation, message);
        } finally {
            lock.unlock();
        }
    }

    /** The decision for one partner message (public for tests that drive it without threads). */
    public void respond(Conversation conversation, Message message) {
        ConversationState state = ConversationState.of(store.events(conversation.id()), store.flags(conversation.id()));
        if (state.operator() != null || state.handedOver()) {
            return;
        }
        Instant now = clock.instant();
        if (!atKeyboard.test(now)) {
            return; // outside the persona's operating hours she is not at the keyboard: capture only
        }
        if (state.qualified() && deterrence.mode() != Deterrence.Mode.IDENTIFY) {
            deter(conversation, message, state, now);
            return;
        }
        if (state.warnings() > 0) {
            return; // warned: the persona no longer engages
        }
        reply(conversation, message);
    }

    private void deter(Conversation conversation, Message message, ConversationState state, Instant now) {
        if (deterrence.mode() == Deterrence.Mode.HANDOVER) {
            record(conversation, EventKind.OPERATOR, "bot", ConversationState.HANDED_OVER + "the conversation qualified");
            return;
        }
        if (state.warnings() > 0 && !state.returned(now, deterrence.returnGap())) {
            return; // warned in this visit: silence
        }
        int level = warningsToAccount(conversation) + 1;
        if (level > warnings.levels()) {
            return; // past the last level: marked for referral already
        }
        String language = reader.language(message.text(), defaultLanguage());
        String text = warnings.warning(level, partnerCountry(conversation), language);
        Decision decision = sender.send(conversation, message.sender(), Draft.warning(text));
        if (decision.allowed()) {
            record(conversation, EventKind.WARNING, "bot", "deterrence warning level " + level + " of "
                    + warnings.levels());
            if (level == warnings.levels()) {
                record(conversation, EventKind.REFERRAL, conversation.key().partnerAccount(),
                        "marked for referral: the last warning level was reached");
            }
        }
    }

    private void reply(Conversation conversation, Message message) {
        List<Message> history = store.messages(conversation.id());
        long partnerLines = history.stream().filter(m -> m.author().kind() == AuthorKind.PARTNER).count();
        Intent intent;
        if (reader.touchesTopic(message.text())) {
            intent = partnerLines % 2 == 0 ? Intent.REFUSAL : Intent.CONFUSION;
        } else {
            intent = reader.intent(message.text());
            if (intent == Intent.SMALL_TALK && partnerLines >= 3 && partnerLines % 3 == 0) {
                intent = Intent.ELICIT; // a talkative partner: ask who they are
            }
        }
        String language = reader.language(message.text(), defaultLanguage());
        SplittableRandom random = new SplittableRandom(conversation.id() * 31 + message.seq());
        String line = pick(scripts.lines(intent, language), history, random);
        String typed = typing.withTypo(line, random);
        pause(typing.pause(typed, random).toMillis());
        sender.send(conversation, message.sender(), Draft.reply(typed, Author.BOT, message.text()));
    }

    /** A line of the intent the persona has not said yet in this conversation, if there is one. */
    private static String pick(List<String> lines, List<Message> history, SplittableRandom random) {
        List<String> fresh = lines.stream().filter(l -> history.stream()
                .noneMatch(m -> m.author().isPersona() && m.text().equals(l))).toList();
        List<String> from = fresh.isEmpty() ? lines : fresh;
        return from.get(random.nextInt(from.size()));
    }

    /** Warnings already sent to this person: to the partner's account and every account linked to it. */
    private int warningsToAccount(Conversation conversation) {
        java.util.Set<String> accounts = linked.of(conversation);
        return store.conversations().stream()
                .filter(c -> accounts.contains(LinkedPartners.key(c)))
                .mapToInt(c -> (int) store.events(c.id()).stream().filter(ConversationState::isWarning).count())
                .sum();
    }

    private String partnerCountry(Conversation conversation) {
        CountryAttribution country = analyzer.replay(store.messages(conversation.id()),
                store.events(conversation.id())).report().country();
        return country != null && country.confidence() >= 0.5 ? country.country() : null;
    }

    private String defaultLanguage() {
        return persona.languages().isEmpty() ? "en" : persona.languages().getFirst();
    }

    private void record(Conversation conversation, EventKind kind, String actor, String detail) {
        try (ConversationStore.Appender appender = store.appender()) {
            appender.record(conversation, new Event(clock.instant(), kind, actor, detail, null, null));
            appender.commit();
        }
    }

    /** A child takes time to type: the pause before a line goes out (none in tests). */
    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
