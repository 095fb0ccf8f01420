package org.sweetie.referral;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.ConversationAnalyzer;
import org.sweetie.analysis.CountryAttribution;
import org.sweetie.core.Account;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Flag;
import org.sweetie.core.Message;
import org.sweetie.core.Persona;
import org.sweetie.core.Stage;
import org.sweetie.identity.AccountRef;
import org.sweetie.identity.Link;
import org.sweetie.identity.LinkKey;
import org.sweetie.identity.Profile;
import org.sweetie.identity.Revealed;
import org.sweetie.identity.Source;

/**
 * Assembles a suspect's dossier from the store: the cover (sender, case, bundle, verifier key), how to check the
 * evidence, the persona's cover and the message in which the partner learned her age, every account and identifier
 * with the message it came from, the links, the qualifying messages, who raised each topic, a timeline, the route
 * with its evidence, and the full transcript of every conversation. Reads each conversation once.
 */
public final class DossierAssembler {
    /** What signed the evidence: the verifier key as recipients see it, and the log's size at the checkpoint. */
    public record Signing(String verifierKey, long logSize) {
    }

    private final ConversationStore store;
    private final Analyzer analyzer;
    private final Routing routing;
    private final Sender sender;
    private final Signing signing;
    private final Map<Long, List<Message>> messages = new HashMap<>();
    private final Map<Long, ConversationAnalyzer.Report> reports = new HashMap<>();

    public DossierAssembler(ConversationStore store, Analyzer analyzer, Routing routing, Sender sender,
                            Signing signing) {
        this.store = store;
        this.analyzer = analyzer;
        this.routing = routing;
        this.sender = sender;
        this.signing = signing;
    }

    /** Where the suspect's referral goes: the most confident attribution over their conversations, if sure enough. */
    public Routing.Route route(Profile profile) {
        return routing.route(profile, id -> report(id).country());
    }

    /** The dossier, once the bundle (and so its name and SHA-256) is written. */
    public Dossier dossier(Profile profile, Routing.Route route, String bundleFile, String bundleSha256) {
        int n = profile.suspect().number();
        List<Dossier.Section> sections = new ArrayList<>();
        sections.add(new Dossier.Section("How to check the evidence bundle", checking(bundleFile)));
        sections.add(new Dossier.Section("Summary", summary(profile, route)));
        sections.add(new Dossier.Section("The persona, and where the partner learned her age", persona(profile)));
        sections.add(new Dossier.Section("Accounts, each with its first message", profile.suspect().accounts()
                .stream().<Dossier.Block>map(a -> account(a, profile)).toList()));
        sections.add(new Dossier.Section("Links between the accounts", links(profile)));
        sections.add(new Dossier.Section("Identifiers, each with the message it came from", identifiers(profile)));
        sections.add(new Dossier.Section("Qualifying messages", flagged(profile, "qualified")));
        sections.add(new Dossier.Section("Who raised each topic first", flagged(profile, "initiated")));
        sections.add(new Dossier.Section("Timeline", timeline(profile)));
        sections.add(new Dossier.Section("Country", country(route)));
        List<Dossier.Transcript> transcripts = profile.conversations().stream().map(this::transcript).toList();
        return new Dossier(n, "Referral dossier: suspect " + n, cover(profile, route, bundleFile, bundleSha256),
                sections, transcripts);
    }

    private List<Dossier.Field> cover(Profile profile, Routing.Route route, String bundleFile, String sha256) {
        return List.of(
                new Dossier.Field("Sent by", sender.organisation()),
                new Dossier.Field("Contact", sender.contact()),
                new Dossier.Field("Case reference", sender.caseReference() + ", suspect "
                        + profile.suspect().number()),
                new Dossier.Field("Made", Words.time(sender.made())),
                new Dossier.Field("Routed to", routing.explain(route)),
                new Dossier.Field("Evidence bundle", bundleFile + " (in the same folder as this dossier)"),
                new Dossier.Field("Bundle SHA-256", sha256),
                new Dossier.Field("Verifier key", signing.verifierKey()));
    }

    private List<Dossier.Block> checking(String bundleFile) {
        String folder = bundleFile.replaceFirst("\\.zip$", "");
        return List.of(
                new Dossier.Paragraph("The evidence bundle " + bundleFile + " holds the conversations in this "
                        + "dossier as they were captured, each message an entry of the sender's evidence log, "
                        + "with a checkpoint of that log signed by the verifier key above. Anyone can check, on "
                        + "any computer and without internet access, that no message in it was changed, removed "
                        + "or put out of order since it was logged. No Sweetie software is needed:"),
                new Dossier.Paragraph("1. Make sure the computer has Python 3 (python.org); nothing else is "
                        + "needed."),
                new Dossier.Paragraph("2. Unzip " + bundleFile + " into a folder named " + folder + " beside "
                        + "it. The bundle holds verify-bundle.py, a short program that uses Python 3 alone; your "
                        + "technical staff can read it."),
                new Dossier.Paragraph("3. Open a command window in the folder that holds this dossier and type: "
                        + "python3 " + folder + "/verify-bundle.py " + bundleFile + " (on Windows: py "
                        + folder + "\\verify-bundle.py " + bundleFile + ")."),
                new Dossier.Paragraph("4. It answers with one line. \"OK\" followed by \"signed by\" and a key "
                        + "means the bundle is complete and unaltered; the key it names must be exactly the "
                        + "verifier key on the first page. \"FAILED\" names what does not hold: then do not rely on "
                        + "the bundle, and contact the sender."),
                new Dossier.Paragraph("5. Confirm the verifier key with the sender through another channel (a "
                        + "phone call to the contact on the first page, a letter): whoever could alter the bundle "
                        + "could alter this dossier too."),
                new Dossier.Paragraph("The SHA-256 on the first page identifies the bundle file itself (sha256sum "
                        + "FILE on Linux, shasum -a 256 FILE on a Mac, certutil -hashfile FILE SHA256 on Windows). "
                        + "The transcripts in this dossier are printed from the same records; the bundle's "
                        + "transcript.txt files are the reference copy. The evidence log held "
                        + Words.count(signing.logSize(), "entry", "entries")
                        + " at the checkpoint signed before this package was made."));
    }

    private List<Dossier.Block> summary(Profile profile, Routing.Route route) {
        return List.of(
                new Dossier.Field("Identification level", profile.level().key()),
                new Dossier.Field("Referral priority", profile.priority() + " (higher first: identification up to 40, "
                        + "qualification up to 30, returning after a warning 10, more personas or networks up to 10, "
                        + "signs of hands-on risk 15)"),
                new Dossier.Field("Qualification", qualification(profile.qualification())),
                new Dossier.Field("Accounts", Words.count(profile.suspect().accounts().size(), "account", "accounts")
                        + " on " + Words.count(profile.networks(), "network", "networks") + ", talking to "
                        + Words.count(profile.personas(), "persona", "personas") + " in "
                        + Words.count(profile.conversations().size(), "conversation", "conversations")),
                new Dossier.Field("Returned after warning", profile.returnedAfterWarning() ? "yes" : "no"),
                new Dossier.Field("Signs of hands-on risk", profile.handsOnRisk().isEmpty() ? "none"
                        : Words.count(profile.handsOnRisk().size(), "message", "messages") + " about siblings or "
                        + "meeting, quoted under Timeline"),
                new Dossier.Field("Country", routing.explain(route)));
    }

    private static String qualification(String key) {
        return switch (key) {
            case "wcst" -> "webcam child sex tourism (WCST): sexual solicitation after learning her age, with a "
                    + "payment offer and a webcam request";
            case "solicitation" -> "sexual solicitation after learning her age";
            default -> "none";
        };
    }

    private List<Dossier.Block> persona(Profile profile) {
        List<Dossier.Block> blocks = new ArrayList<>();
        Map<String, Persona> personas = new LinkedHashMap<>();
        for (long id : profile.conversations()) {
            String handle = conversation(id).key().persona();
            personas.computeIfAbsent(handle, h -> store.persona(Persona.ofNicknames(List.of(h))));
        }
        for (Persona p : personas.values()) {
            blocks.add(new Dossier.Field("Persona", p.handle() + ", known on the networks as "
                    + Words.list(p.nicknames())));
            blocks.add(new Dossier.Field("Stated age", p.statedAge() == null ? "not configured" : p.statedAge()
                    + " years"));
            blocks.add(new Dossier.Field("Cover country", Words.country(p.country())));
            blocks.add(new Dossier.Field("Languages", Words.list(p.languages().stream().map(Words::language)
                    .toList())));
            if (!p.profileText().isBlank()) {
                blocks.add(new Dossier.Field("Profile", p.profileText()));
            }
        }
        blocks.add(new Dossier.Paragraph("Where he learned her age: in each conversation, the message at which "
                + "Sweetie's analysis established that the partner knew she is under 18. That is the persona's "
                + "line stating her age, or the partner's own line when he called her a child first (or asked "
                + "whether she is one, and she did not deny it)."));
        for (long id : profile.conversations()) {
            blocks.add(ageLearned(id));
        }
        return blocks;
    }

    private Dossier.Item ageLearned(long id) {
        ConversationAnalyzer.Report report = report(id);
        Integer index = report.stages().get(Stage.AGE_AWARENESS);
        if (index == null || index >= messages(id).size()) {
            return new Dossier.Item("Conversation " + id + ": no message shows that he learned her age.", null);
        }
        Message m = messages(id).get(index);
        String why = report.why().getOrDefault("age_awareness", List.of()).stream().findFirst().orElse("");
        String whose = m.author().isPersona() ? "the persona's line" : "the partner's line";
        return new Dossier.Item("Conversation " + id + ", " + whose + (why.isEmpty() ? "" : " (" + why + ")")
                + ":", quote(id, m));
    }

    private Dossier.Item account(AccountRef ref, Profile profile) {
        Account a = store.account(ref.network(), ref.handle());
        String text = name(ref) + " (" + ref.network().protocol().name() + ")" + (a.displayNames().isEmpty() ? ""
                : ", seen as " + Words.list(a.displayNames())) + (a.host() == null ? "" : "; last seen at " + a.host());
        Dossier.Quote first = null;
        for (long id : profile.conversations()) {
            Conversation c = conversation(id);
            if (c.key().network().equals(ref.network()) && c.key().partnerAccount().equals(ref.handle())) {
                first = messages(id).stream().filter(m -> !m.author().isPersona()).findFirst()
                        .map(m -> quote(id, m)).orElse(null);
                if (first != null) {
                    break;
                }
            }
        }
        return new Dossier.Item(text, first);
    }

    private List<Dossier.Block> links(Profile profile) {
        if (profile.suspect().links().isEmpty()) {
            return List.of(new Dossier.Paragraph("One account: no links."));
        }
        List<Dossier.Block> blocks = new ArrayList<>();
        for (Link link : profile.suspect().links()) {
            blocks.add(new Dossier.Item(linkWords(link.key()) + " ties " + Words.list(link.accounts().stream()
                    .map(DossierAssembler::name).toList()) + " together; seen in " + Words.list(link.sources()
                    .stream().map(DossierAssembler::where).distinct().toList()) + ":", null));
            for (Source s : link.sources().stream().distinct().toList()) {
                quote(s).ifPresent(q -> blocks.add(new Dossier.Item("", q)));
            }
        }
        return blocks;
    }

    private static String linkWords(LinkKey key) {
        return switch (key.kind()) {
            case "host" -> "The same user@host " + key.value();
            case "nick" -> "A nick change seen on the network (" + key.value() + ")";
            default -> "The same " + key.kind() + " " + key.value();
        };
    }

    private List<Dossier.Block> identifiers(Profile profile) {
        if (profile.revealed().isEmpty()) {
            return List.of(new Dossier.Paragraph("None revealed."));
        }
        List<Dossier.Block> blocks = new ArrayList<>();
        for (Revealed r : profile.revealed()) {
            String text = r.type().key() + ": " + r.normalized() + ", by " + name(r.account());
            Optional<Dossier.Quote> q = quote(r.source());
            blocks.add(new Dossier.Item(q.isPresent() ? text : text + " (" + where(r.source()) + ")", q.orElse(null)));
        }
        return blocks;
    }

    private List<Dossier.Block> flagged(Profile profile, String kind) {
        List<Dossier.Block> blocks = new ArrayList<>();
        for (long id : profile.conversations()) {
            for (Flag f : store.flags(id)) {
                if (f.kind().equals(kind)) {
                    String text = kind.equals("qualified")
                            ? "Conversation " + id + " qualified as " + level(f.value()) + " at this message:"
                            : "The " + f.value() + " topic was raised first " + f.detail().replace("by ", "by the ")
                            + ", conversation " + id
                            + ":";
                    blocks.add(new Dossier.Item(text, quote(new Source(id, f.seq())).orElse(null)));
                }
            }
        }
        return blocks.isEmpty() ? List.of(new Dossier.Paragraph("None.")) : blocks;
    }

    private static String level(String value) {
        return value.equals("wcst") ? "WCST" : value;
    }

    private List<Dossier.Block> timeline(Profile profile) {
        List<Dossier.Block> blocks = new ArrayList<>();
        for (long id : profile.conversations()) {
            Conversation c = conversation(id);
            List<Message> ms = messages(id);
            if (!ms.isEmpty()) {
                blocks.add(new Dossier.Item(Words.time(ms.getFirst().time()) + ": conversation " + id + " ("
                        + label(c) + ") begins; " + Words.count(ms.size(), "message", "messages") + " until "
                        + Words.time(ms.getLast().time()) + ".", null));
            }
            for (Event e : store.events(id)) {
                if (e.kind() == EventKind.WARNING || e.kind() == EventKind.REFERRAL || e.kind() == EventKind.OPERATOR
                        || e.kind() == EventKind.REFUSED_OFFER) {
                    blocks.add(new Dossier.Item(Words.time(e.time()) + ": conversation " + id + ", "
                            + e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + e.detail(), null));
                }
            }
        }
        for (Source s : profile.handsOnRisk()) {
            blocks.add(new Dossier.Item("Sign of hands-on risk (siblings or meeting):", quote(s).orElse(null)));
        }
        return blocks;
    }

    private List<Dossier.Block> country(Routing.Route route) {
        List<Dossier.Block> blocks = new ArrayList<>();
        blocks.add(new Dossier.Paragraph("Routed to: " + routing.explain(route) + ". The country is the analysis' "
                + "attribution with the highest confidence over the suspect's conversations; a suspect is routed "
                + "to a country only at or above the threshold."));
        CountryAttribution a = route.attribution();
        if (a == null) {
            return blocks;
        }
        blocks.add(new Dossier.Paragraph("The clues, from conversation " + route.conversation() + ", strongest "
                + "first:"));
        List<Message> ms = messages(route.conversation());
        for (CountryAttribution.Clue clue : a.evidence()) {
            String text = String.format(Locale.ROOT, "%s, weight %.2f: %s", Words.country(clue.country()),
                    clue.weight(), clue.reason());
            boolean inMessage = clue.message() >= 0 && clue.message() < ms.size();
            blocks.add(new Dossier.Item(inMessage ? text : text + " (network data)",
                    inMessage ? quote(route.conversation(), ms.get(clue.message())) : null));
        }
        return blocks;
    }

    /** A conversation's messages and events in time order, each line marked with what the analysis flagged. */
    Dossier.Transcript transcript(long id) {
        Conversation c = conversation(id);
        Map<Long, List<String>> marks = new HashMap<>();
        for (Flag f : store.flags(id)) {
            marks.computeIfAbsent(f.seq(), s -> new ArrayList<>()).add(mark(f));
        }
        record Timed(Dossier.Line line, int order) {
        }
        List<Timed> lines = new ArrayList<>();
        for (Message m : messages(id)) {
            lines.add(new Timed(new Dossier.Line(m.time(), m.seq(), speaker(m.author().kind()), who(m), m.text(),
                    m.delayStamp(), marks.getOrDefault(m.seq(), List.of())), lines.size()));
        }
        List<Event> events = store.events(id);
        for (Event e : events) {
            lines.add(new Timed(new Dossier.Line(e.time(), 0, Dossier.Speaker.EVENT, e.actor(), e.actor() + " "
                    + e.detail() + " (" + e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")", null,
                    List.of()), lines.size()));
        }
        lines.sort(Comparator.comparing((Timed t) -> t.line().time()).thenComparingInt(Timed::order));
        String title = "Conversation " + id + ": " + label(c) + ", " + Words.count(messages(id).size(), "message",
                "messages") + ", " + Words.count(events.size(), "event", "events");
        return new Dossier.Transcript(id, title, lines.stream().map(Timed::line).toList());
    }

    private static String label(Conversation c) {
        return c.key().network().name() + " (" + c.key().network().protocol().name() + "), "
                + (c.key().isPrivate() ? "private chat" : "in channel " + c.key().channel()) + ", between "
                + c.key().partnerAccount() + " and the persona " + c.key().persona();
    }

    private static String mark(Flag f) {
        String value = f.value().replace('_', ' ');
        return switch (f.kind()) {
            case "stage" -> "stage: " + value;
            case "qualified" -> "QUALIFIED: " + level(f.value());
            case "initiated" -> "raised first: " + value + ", " + f.detail().replace("by ", "by the ");
            case "identifier" -> "identifier: " + value + " " + f.detail();
            default -> f.kind() + ": " + value + (f.detail().isEmpty() ? "" : " " + f.detail());
        };
    }

    private static Dossier.Speaker speaker(AuthorKind kind) {
        return switch (kind) {
            case PARTNER -> Dossier.Speaker.PARTNER;
            case PERSONA_BOT -> Dossier.Speaker.BOT;
            case PERSONA_OPERATOR -> Dossier.Speaker.OPERATOR;
        };
    }

    private static String who(Message m) {
        return switch (m.author().kind()) {
            case PARTNER -> m.sender();
            case PERSONA_BOT -> m.sender() + " (bot)";
            case PERSONA_OPERATOR -> m.sender() + " (operator " + m.author().operatorId() + ")";
        };
    }

    /** The suspect's part of the CASE/UCO export: accounts, revealed identifiers, conversations as threads. */
    public CaseExport.SuspectNode caseNode(Profile profile, String bundleFile, String bundleSha256) {
        List<CaseExport.AccountNode> accounts = new ArrayList<>();
        List<CaseExport.Thread> threads = new ArrayList<>();
        for (AccountRef a : profile.suspect().accounts()) {
            accounts.add(new CaseExport.AccountNode(key(a.network().name(), a.handle()), a.network().name(),
                    a.handle()));
        }
        for (long id : profile.conversations()) {
            Conversation c = conversation(id);
            String network = c.key().network().name();
            String persona = key(network, c.key().personaAccount());
            accounts.add(new CaseExport.AccountNode(persona, network, c.key().personaAccount()));
            threads.add(new CaseExport.Thread(id, c.label(), key(network, c.key().partnerAccount()), persona,
                    messages(id).stream().map(m -> new CaseExport.Line(m.seq(), m.time(),
                            m.author().kind() == AuthorKind.PARTNER, m.text())).toList()));
        }
        List<CaseExport.IdentifierNode> identifiers = profile.revealed().stream()
                .filter(r -> LinkKey.identifier(r.type(), r.normalized()).isPresent())
                .map(r -> new CaseExport.IdentifierNode(r.type().key(), r.normalized())).distinct().toList();
        return new CaseExport.SuspectNode(profile.suspect().number(), accounts.stream().distinct().toList(),
                identifiers, threads, bundleFile, bundleSha256);
    }

    private static String key(String network, String handle) {
        return network + "/" + handle;
    }

    /** An account as people read it: "dave_uk on examplenet", "jan@chat.example.org on chat.example.org". */
    static String name(AccountRef ref) {
        return ref.handle() + " on " + ref.network().name();
    }

    private Optional<Dossier.Quote> quote(Source source) {
        if (source.seq() == 0) {
            return Optional.empty();
        }
        return messages(source.conversationId()).stream().filter(m -> m.seq() == source.seq()).findFirst()
                .map(m -> quote(source.conversationId(), m));
    }

    private static Dossier.Quote quote(long conversation, Message m) {
        return new Dossier.Quote(conversation, m.seq(), m.time(), who(m), m.text());
    }

    private static String where(Source s) {
        return "conversation " + s.conversationId() + (s.seq() == 0 ? " (network data)" : ", message " + s.seq());
    }

    private Conversation conversation(long id) {
        return store.findConversation(id).orElseThrow(() -> new IllegalStateException("no conversation " + id));
    }

    private List<Message> messages(long id) {
        return messages.computeIfAbsent(id, store::messages);
    }

    private ConversationAnalyzer.Report report(long id) {
        return reports.computeIfAbsent(id, i -> analyzer.replay(messages(i), store.events(i)).report());
    }
}
