package org.sweetie.evidence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sweetie.core.Author;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.Event;
import org.sweetie.core.Flag;
import org.sweetie.core.Message;

/** The evidence entries Sweetie writes, field by field (docs/evidence.md lists them). */
public final class Entries {
    public static final String MESSAGE = "message";
    public static final String EVENT = "event";
    public static final String EXPORT = "export";
    public static final String FLAG = "flag";
    public static final String GUARD = "guard";
    public static final String PURGE = "purge";
    public static final String LINK_DECISION = "link_decision";
    public static final String AUDIT = "audit";
    public static final String KEY_HANDOVER = "key_handover";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Entries() {
    }

    public static Entry message(Conversation conversation, Message m) {
        List<Entry.Field> fields = conversationFields(conversation);
        fields.add(new Entry.Field("seq", Long.toString(m.seq())));
        fields.add(new Entry.Field("time", time(m.time())));
        fields.add(new Entry.Field("author", switch (m.author().kind()) {
            case PARTNER -> "partner";
            case PERSONA_BOT -> "bot";
            case PERSONA_OPERATOR -> "operator";
        }));
        fields.add(new Entry.Field("operator", m.author().operatorId()));
        fields.add(new Entry.Field("sender", m.sender()));
        fields.add(new Entry.Field("text", m.text()));
        fields.add(new Entry.Field("raw", m.raw()));
        fields.add(new Entry.Field("source_id", m.sourceId()));
        if (m.delayStamp() != null) {
            // only on a line a server kept: every other entry keeps the fields it always had
            fields.add(new Entry.Field("delay_stamp", time(m.delayStamp())));
        }
        return new Entry(MESSAGE, fields);
    }

    public static Entry event(Conversation conversation, Event e) {
        List<Entry.Field> fields = conversationFields(conversation);
        fields.add(new Entry.Field("time", time(e.time())));
        fields.add(new Entry.Field("event", e.kind().name().toLowerCase(Locale.ROOT)));
        fields.add(new Entry.Field("actor", e.actor()));
        fields.add(new Entry.Field("detail", e.detail()));
        fields.add(new Entry.Field("raw", e.raw()));
        return new Entry(EVENT, fields);
    }

    /** An analysis flag: what the engine established at a message. */
    public static Entry flag(Conversation conversation, Flag flag) {
        List<Entry.Field> fields = conversationFields(conversation);
        fields.add(new Entry.Field("seq", Long.toString(flag.seq())));
        fields.add(new Entry.Field("flag", flag.kind()));
        fields.add(new Entry.Field("value", flag.value()));
        fields.add(new Entry.Field("detail", flag.detail()));
        return new Entry(FLAG, fields);
    }

    /**
     * A decision of the entrapment guard on a draft the persona might have said: the draft as written, who wrote it
     * (bot or operator), whether it was a reply or a warning, and the decision with its rule and reason. Refused
     * drafts are evidence too: they show what the persona did not say.
     */
    public static Entry guard(Conversation conversation, Instant time, Author author, String draftKind, String draft,
                              String decision, String rule, String reason) {
        List<Entry.Field> fields = conversationFields(conversation);
        fields.add(new Entry.Field("time", time(time)));
        fields.add(new Entry.Field("author", author.kind() == AuthorKind.PERSONA_BOT ? "bot" : "operator"));
        fields.add(new Entry.Field("operator", author.operatorId()));
        fields.add(new Entry.Field("kind", draftKind));
        fields.add(new Entry.Field("draft", draft));
        fields.add(new Entry.Field("decision", decision)); // allowed, refused or held
        fields.add(new Entry.Field("rule", rule));
        fields.add(new Entry.Field("reason", reason));
        return new Entry(GUARD, fields);
    }

    /** An analyst's decision on a suspect link (docs/referrals.md). */
    public static Entry linkDecision(org.sweetie.core.LinkDecision d) {
        List<Entry.Field> fields = new ArrayList<>();
        fields.add(new Entry.Field("time", time(d.time())));
        fields.add(new Entry.Field("analyst", d.analyst()));
        fields.add(new Entry.Field("decision", d.decision()));
        fields.add(new Entry.Field("key", d.keyKind() + " " + d.keyValue()));
        fields.add(new Entry.Field("network", d.network()));
        fields.add(new Entry.Field("account", d.handle()));
        fields.add(new Entry.Field("note", d.note()));
        return new Entry(LINK_DECISION, fields);
    }

    /**
     * The statement a new signing key signs when it takes over from the old one (sweetie keys rotate --signing).
     */
    public static String handOverStatement(VerifierKey old, VerifierKey next) {
        return "sweetie signing key hand-over\nold " + old + "\nnew " + next + "\n";
    }

    /**
     * A change of the checkpoint signing key: the old and the new verifier key, and the new key's signature of
     * {@link #handOverStatement}. The log signs it in a checkpoint with the old key (the hand-over checkpoint), so
     * whoever trusts the old key can check that the log itself announced the new one; every later checkpoint is
     * signed with the new key. Bundles exported before keep verifying with the old key: their checkpoints are theirs.
     */
    public static Entry keyHandOver(Instant time, VerifierKey old, VerifierKey next, SignedNote signedByNext) {
        List<Entry.Field> fields = new ArrayList<>();
        fields.add(new Entry.Field("time", time(time)));
        fields.add(new Entry.Field("old_key", old.toString()));
        fields.add(new Entry.Field("new_key", next.toString()));
        fields.add(new Entry.Field("new_key_signature", signedByNext.encoded()));
        return new Entry(KEY_HANDOVER, fields);
    }

    /** Who did what in the console or on the command line (docs/console.md); names ids, never content. */
    public static Entry audit(AuditEvent e) {
        List<Entry.Field> fields = new ArrayList<>();
        fields.add(new Entry.Field("time", time(e.time())));
        fields.add(new Entry.Field("user", e.user()));
        fields.add(new Entry.Field("action", e.action()));
        fields.add(new Entry.Field("object", e.object()));
        fields.add(new Entry.Field("address", e.address()));
        fields.add(new Entry.Field("detail", e.detail()));
        return new Entry(AUDIT, fields);
    }

    /**
     * A purge for data minimisation: when, why, which conversations (their ids only) and how much was deleted. The
     * deleted content itself is not in it.
     */
    public static Entry purge(Instant time, String reason, List<Long> conversationIds,
                              org.sweetie.core.ConversationStore.Purged purged, int entriesRedacted) {
        List<Entry.Field> fields = new ArrayList<>();
        fields.add(new Entry.Field("time", time(time)));
        fields.add(new Entry.Field("reason", reason));
        fields.add(new Entry.Field("conversations", Integer.toString(purged.conversations())));
        fields.add(new Entry.Field("messages", Long.toString(purged.messages())));
        fields.add(new Entry.Field("events", Long.toString(purged.events())));
        fields.add(new Entry.Field("flags", Long.toString(purged.flags())));
        fields.add(new Entry.Field("accounts", Integer.toString(purged.accounts())));
        fields.add(new Entry.Field("entries_redacted", Integer.toString(entriesRedacted)));
        for (long id : conversationIds) {
            fields.add(new Entry.Field("conversation", Long.toString(id)));
        }
        return new Entry(PURGE, fields);
    }

    /**
     * What an export hands over: per conversation its id and how many messages it has, so a recipient can tell that
     * none is missing.
     */
    public static Entry export(Instant time, String purpose, List<ExportedConversation> conversations) {
        List<Entry.Field> fields = new ArrayList<>();
        fields.add(new Entry.Field("time", time(time)));
        fields.add(new Entry.Field("purpose", purpose));
        for (ExportedConversation c : conversations) {
            fields.add(new Entry.Field("conversation", c.id() + " " + c.messages() + " " + c.events()));
        }
        return new Entry(EXPORT, fields);
    }

    /** A conversation in an export: its id and counts. */
    public record ExportedConversation(long id, long messages, long events) {
        static ExportedConversation parse(String value) {
            String[] parts = value.split(" ");
            if (parts.length != 3) {
                throw new IllegalArgumentException("an exported conversation is 'ID MESSAGES EVENTS': " + value);
            }
            return new ExportedConversation(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                    Long.parseLong(parts[2]));
        }
    }

    private static List<Entry.Field> conversationFields(Conversation conversation) {
        ConversationKey key = conversation.key();
        List<Entry.Field> fields = new ArrayList<>();
        fields.add(new Entry.Field("conversation", Long.toString(conversation.id())));
        fields.add(new Entry.Field("network", key.network().name()));
        fields.add(new Entry.Field("protocol", key.network().protocol().name().toLowerCase(Locale.ROOT)));
        fields.add(new Entry.Field("persona", key.persona()));
        fields.add(new Entry.Field("persona_account", key.personaAccount()));
        fields.add(new Entry.Field("partner", key.partnerAccount()));
        fields.add(new Entry.Field("channel", key.channel()));
        return fields;
    }

    /**
     * An instant as {@code 2013-10-01T00:00:00.000Z}. Written out by hand for years 0000-9999, the ones a chat can be
     * in: the formatter took two fifths of building an entry, and every stored line builds one.
     */
    static String time(Instant time) {
        long seconds = time.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            return TIME.format(time);
        }
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(days);
        char[] out = new char[24];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        out[19] = '.';
        put(out, 20, time.getNano() / 1_000_000, 3);
        out[23] = 'Z';
        return new String(out);
    }

    private static final long YEAR_0 = java.time.LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long YEAR_10000 = java.time.LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400;

    private static void put(char[] out, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
