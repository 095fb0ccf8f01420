package org.sweetie.capture.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sweetie.core.Account;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;

/**
 * The import of one log file: reads it line by line, decides for each line which conversation it belongs to and
 * who said it, and appends it. Commits every {@value #COMMIT_EVERY} lines together with the record of how far it
 * got, so a failure part-way keeps what was read before it and a re-run goes on from there.
 *
 * <p>In a channel log only what concerns the persona is kept: a partner's line that names the persona, the
 * persona's line addressed to someone ("alice: hi"), and the joins, parts and nick changes of partners the persona
 * has a conversation with there.
 *
 * <p>Lines and events are handed on in the log's order, so the store places each event among the messages as the log
 * had it, whatever their times. The client's own lines (log banners, dates, "Starting query") are counted, not
 * stored.
 */
final class FileImport {
    private static final int COMMIT_EVERY = 100_000;
    private static final Pattern ADDRESSED = Pattern.compile("^([^\\s:,]+)[:,]\\s");
    private static final String NICK_CHARS = "A-Za-z0-9_\\-\\[\\]\\\\^{}|`";

    private final Persona persona;
    private final LogFile log;
    private final ZoneId zone;
    private final ImportListener listener;
    private final LogImporter.Tally tally;
    private final long bytesBefore;

    /** The persona's nicks in this file, folded and as written: its nicknames and any it changed to. */
    private final Set<String> personaNicks = new HashSet<>();
    private final List<String> personaNames = new ArrayList<>();
    private Pattern mentionsPersona;
    /** A nick taken after a nick change, mapped to the account that took it. */
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, Conversation> conversations = new HashMap<>();
    /** Display names and hosts already recorded per account, so the store hears each once. */
    private final Map<String, Set<String>> noted = new HashMap<>();
    /** Nicks already folded to handles: folding is the most frequent string work of an import. */
    private final Map<String, String> folded = new HashMap<>();
    /** The last user@host seen per channel nick, kept until the nick turns out to be a partner. */
    private final Map<String, String> hosts = new HashMap<>();
    private Destination destination;
    /** True while reading lines an earlier import stored: they update context only. */
    private boolean replaying;
    /** The conversation of the line before, with the partner name it was found by: most lines repeat them. */
    private String lastPartner;
    private Conversation lastConversation;
    private ConversationKey lastConversationKey;

    /**
     * @param continuedAccount the account the file's partner is when the file goes on from another nick's log (see
     *        {@link PartnerContinuity}), else null
     */
    FileImport(Persona persona, LogFile log, ZoneId zone, ImportListener listener, LogImporter.Tally tally,
               long bytesBefore, String continuedAccount) {
        this.persona = persona;
        this.log = log;
        this.zone = zone;
        this.listener = listener;
        this.tally = tally;
        this.bytesBefore = bytesBefore;
        persona.nicknames().forEach(this::personaIsCalled);
        if (continuedAccount != null) {
            aliases.put(Account.handleOf(log.target().partner()), continuedAccount);
        }
    }

    /**
     * Reads the whole file. Lines up to the start are read only for their context (dates, nick changes), since an
     * earlier import stored them already.
     */
    void run(ImportHistory.Start start, Destination into) throws IOException {
        LineParser parser = log.format().parser(zone);
        boolean committed = false;
        try (InputStream in = Files.newInputStream(log.path()); Destination unit = into) {
            destination = unit;
            LogLines lines = new LogLines(in);
            LogLines.Line line;
            while ((line = lines.next()) != null) {
                replaying = line.number() <= start.lines();
                read(parser, line);
                if (line.number() % COMMIT_EVERY == 0 && !replaying) {
                    unit.commit(lines);
                    committed = true;
                    listener.progressed(bytesBefore + lines.position());
                }
            }
            if (lines.lines() > start.lines() || committed) {
                unit.commit(lines);
            }
            listener.progressed(bytesBefore + lines.position());
        }
    }

    private void read(LineParser parser, LogLines.Line line) {
        if (line.problem() != null) {
            reject(line.number(), line.problem());
            return;
        }
        if (line.text().isBlank()) {
            return;
        }
        try {
            switch (parser.parse(line.text())) {
                case Entry.Said said -> take(said, line);
                case Entry.Happened happened -> take(happened, line);
                case Entry.Context context -> tally.clientLines += replaying ? 0 : 1;
                case Entry.ClientStatus status -> tally.clientLines += replaying ? 0 : 1;
            }
        } catch (MalformedLineException | IllegalArgumentException e) {
            reject(line.number(), e.getMessage());
        }
    }

    private void reject(long number, String reason) {
        if (replaying) {
            return; // reported when it was first imported
        }
        tally.rejectedLines++;
        listener.rejected(new Rejection(log.path(), number, reason));
    }

    private void take(Entry.Said said, LogLines.Line line) {
        Author author = said.author() != null ? said.author()
                : isPersona(said.nick()) ? Author.operator(Author.IMPORTED_OPERATOR) : Author.PARTNER;
        Entry.Target target = said.target() != null ? said.target() : log.target();
        String partner = target.partner() != null ? target.partner()
                : author.isPersona() ? addressee(said.text()) : mentioner(said.nick(), said.text());
        if (partner == null) {
            tally.skippedLines += replaying ? 0 : 1;
            return;
        }
        Conversation conversation = conversation(target.network(), target.channel(), partner);
        note(target.network(), author.isPersona() ? persona.handle() : accountOf(partner), said.nick(), null);
        if (replaying) {
            return;
        }
        // A client log has no protocol line: raw stays empty unless the log kept one (Sweetie's own format).
        Message message = Message.received(said.time(), author, said.nick(), said.text(), said.raw(),
                said.sourceId());
        if (destination.add(conversation, message)) {
            tally.messagesAdded++;
        } else {
            tally.messagesPresent++;
        }
    }

    private void take(Entry.Happened happened, LogLines.Line line) {
        Entry.Target target = happened.target() != null ? happened.target() : log.target();
        boolean personaActs = isPersona(happened.nick())
                || happened.kind() == EventKind.NICK_CHANGE && happened.detail().startsWith("log owner");
        String account = personaActs ? persona.handle()
                : target.partner() != null ? accountOf(target.partner()) : accountOf(happened.nick());
        followNickChange(happened, personaActs, account);
        Conversation conversation = target.partner() != null
                ? conversation(target.network(), target.channel(), target.partner())
                : conversations.get(key(target.network(), target.channel(), account));
        if (happened.host() != null) {
            hosts.put(Account.handleOf(happened.nick()), happened.host());
        }
        if (conversation == null) {
            tally.skippedLines += replaying ? 0 : 1;
            return;
        }
        note(target.network(), account, happened.nick(), happened.host());
        if (replaying) {
            return;
        }
        String detail = happened.host() == null ? happened.detail() : "(" + happened.host() + ") "
                + happened.detail();
        Event event = new Event(happened.time(), happened.kind(), happened.nick(), detail,
                happened.raw() != null ? happened.raw() : line.text(), null);
        if (destination.record(conversation, event)) {
            tally.eventsAdded++;
        }
    }

    private void followNickChange(Entry.Happened happened, boolean personaActs, String account) {
        if (happened.kind() != EventKind.NICK_CHANGE || happened.newNick() == null) {
            return;
        }
        lastPartner = null; // a name may now stand for another account
        if (personaActs) {
            personaIsCalled(happened.newNick());
        } else {
            aliases.put(Account.handleOf(happened.newNick()), account);
        }
    }

    private Conversation conversation(Network network, String channel, String partner) {
        if (partner.equals(lastPartner) && network.equals(lastConversationKey.network())
                && Objects.equals(channel, lastConversationKey.channel())) {
            return lastConversation;
        }
        String account = accountOf(partner);
        Conversation found = conversations.computeIfAbsent(key(network, channel, account), k -> {
            Conversation c = destination.conversation(new ConversationKey(network, persona.handle(),
                    persona.handle(), account, channel));
            tally.conversations.add(c.id());
            listener.conversation(log.path(), c);
            String host = hosts.get(account);
            if (host != null) {
                note(network, account, partner, host);
            }
            return c;
        });
        lastPartner = partner;
        lastConversation = found;
        lastConversationKey = found.key();
        return found;
    }

    private static String key(Network network, String channel, String account) {
        return network.name() + '\0' + (channel == null ? "" : channel) + '\0' + account;
    }

    /** Tells the store about a display name or host of an account the first time this file shows it. */
    private void note(Network network, String account, String name, String host) {
        Set<String> seen = noted.computeIfAbsent(account, a -> new HashSet<>());
        boolean newName = seen.add(name);
        boolean newHost = host != null && seen.add("host " + host);
        if (newName || newHost) {
            destination.sawAccount(network, account, name, host);
        }
    }

    private String accountOf(String nick) {
        String handle = fold(nick);
        return aliases.getOrDefault(handle, handle);
    }

    private boolean isPersona(String nick) {
        return personaNicks.contains(fold(nick));
    }

    private String fold(String nick) {
        if (folded.size() > 100_000) {
            folded.clear(); // a channel with endless new nicks must not grow the memo without bound
        }
        return folded.computeIfAbsent(nick, Account::handleOf);
    }

    private String addressee(String text) {
        Matcher m = ADDRESSED.matcher(text);
        return m.find() && !isPersona(m.group(1)) ? m.group(1) : null;
    }

    private String mentioner(String nick, String text) {
        return mentionsPersona.matcher(text).find() ? nick : null;
    }

    private void personaIsCalled(String nick) {
        if (personaNicks.add(Account.handleOf(nick))) {
            personaNames.add(nick);
            String names = personaNames.stream().map(Pattern::quote).collect(Collectors.joining("|"));
            mentionsPersona = Pattern.compile("(?<![" + NICK_CHARS + "])(?:" + names + ")(?![" + NICK_CHARS + "])",
                    Pattern.CASE_INSENSITIVE);
        }
    }
}
