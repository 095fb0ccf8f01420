package org.sweetie.app;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sweetie.analysis.Analyzer;
import org.sweetie.analysis.CountryAttribution;
import org.sweetie.core.Account;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Flag;
import org.sweetie.core.Message;
import org.sweetie.core.Printable;
import org.sweetie.identity.AccountRef;
import org.sweetie.identity.Link;
import org.sweetie.identity.Profile;
import org.sweetie.identity.Revealed;
import org.sweetie.identity.Source;
import org.sweetie.referral.CaseExport;
import org.sweetie.referral.Dossier;

/**
 * Assembles a suspect's dossier from the store: every identifier with the message it came from (quoted, with its
 * time), the links, the qualifying messages, who raised each topic, a timeline, the country with its evidence, and
 * what backs it in the evidence log.
 */
final class DossierBuilder {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ConversationStore store;
    private final Analyzer analyzer;
    private final Map<Long, List<Message>> messages = new HashMap<>();

    DossierBuilder(ConversationStore store, Analyzer analyzer) {
        this.store = store;
        this.analyzer = analyzer;
    }

    /** The partner's most likely country over all the suspect's conversations, or null. */
    CountryAttribution country(Profile profile) {
        return profile.conversations().stream()
                .map(id -> analyzer.replay(messages(id), store.events(id)).report().country())
                .filter(java.util.Objects::nonNull)
                .max(Comparator.comparingDouble(CountryAttribution::confidence)).orElse(null);
    }

    Dossier build(Profile profile, CountryAttribution country, String evidence) {
        int n = profile.suspect().number();
        List<Dossier.Section> sections = new ArrayList<>();
        sections.add(new Dossier.Section("Summary", List.of(
                "Identification level: " + profile.level().key(),
                "Referral priority: " + profile.priority() + " (docs/referrals.md)",
                "Qualification: " + profile.qualification(),
                "Accounts: " + profile.suspect().accounts().size() + " on " + profile.networks() + " network(s), "
                        + "talking to " + profile.personas() + " persona(s) in " + profile.conversations().size()
                        + " conversation(s)",
                "Came back after a warning: " + (profile.returnedAfterWarning() ? "yes" : "no"),
                "Signs of hands-on risk (siblings, meeting): " + (profile.handsOnRisk().isEmpty() ? "none"
                        : profile.handsOnRisk().size() + ", quoted under Timeline"),
                "Country: " + (country == null ? "unknown" : country.country() + String.format(
                        " (confidence %.2f)", country.confidence())))));
        sections.add(new Dossier.Section("Accounts", profile.suspect().accounts().stream().map(this::account)
                .toList()));
        sections.add(new Dossier.Section("Links between the accounts", profile.suspect().links().isEmpty()
                ? List.of("one account: no links") : profile.suspect().links().stream().map(this::link).toList()));
        sections.add(new Dossier.Section("Identifiers, each with the message it came from",
                profile.revealed().isEmpty() ? List.of("none revealed") : profile.revealed().stream()
                        .map(this::identifier).toList()));
        sections.add(new Dossier.Section("Qualifying messages", flagged(profile, "qualified")));
        sections.add(new Dossier.Section("Initiation (who raised each topic first)", flagged(profile, "initiated")));
        sections.add(new Dossier.Section("Timeline", timeline(profile)));
        sections.add(new Dossier.Section("Country attribution", country == null ? List.of("no evidence of a country")
                : country.evidence().stream().map(c -> c.country() + String.format(" (weight %.2f): ", c.weight())
                        + c.reason()).toList()));
        sections.add(new Dossier.Section("Evidence", List.of(evidence)));
        return new Dossier(n, "Sweetie referral dossier: suspect " + n, sections);
    }

    /** The suspect's part of the CASE/UCO export: accounts, revealed identifiers, conversations as threads. */
    CaseExport.SuspectNode caseNode(Profile profile, String bundleFile, String bundleSha256) {
        List<CaseExport.AccountNode> accounts = new ArrayList<>();
        List<CaseExport.Thread> threads = new ArrayList<>();
        for (AccountRef a : profile.suspect().accounts()) {
            accounts.add(new CaseExport.AccountNode(key(a.network().name(), a.handle()), a.network().name(),
                    a.handle()));
        }
        for (long id : profile.conversations()) {
            Conversation c = store.findConversation(id).orElseThrow();
            String network = c.key().network().name();
            String persona = key(network, c.key().personaAccount());
            accounts.add(new CaseExport.AccountNode(persona, network, c.key().personaAccount()));
            threads.add(new CaseExport.Thread(id, c.label(), key(network, c.key().partnerAccount()), persona,
                    messages(id).stream().map(m -> new CaseExport.Line(m.seq(), m.time(),
                            m.author().kind() == org.sweetie.core.AuthorKind.PARTNER, m.text())).toList()));
        }
        List<CaseExport.IdentifierNode> identifiers = profile.revealed().stream()
                .filter(r -> org.sweetie.identity.LinkKey.identifier(r.type(), r.normalized()).isPresent())
                .map(r -> new CaseExport.IdentifierNode(r.type().key(), r.normalized())).distinct().toList();
        return new CaseExport.SuspectNode(profile.suspect().number(), accounts.stream().distinct().toList(),
                identifiers, threads, bundleFile, bundleSha256);
    }

    private static String key(String network, String handle) {
        return network + "/" + handle;
    }

    private String account(AccountRef ref) {
        Account a = store.account(ref.network(), ref.handle());
        return ref.handle() + " on " + ref.network().name() + " (" + ref.network().protocol().name().toLowerCase()
                + "): seen as " + String.join(", ", a.displayNames()) + (a.host() == null ? ""
                : "; last seen at " + a.host());
    }

    private String link(Link link) {
        return link.key() + ": " + link.accounts().stream().map(AccountRef::toString).toList() + " (seen in "
                + link.sources().stream().map(DossierBuilder::where).toList() + ")";
    }

    private String identifier(Revealed r) {
        return r.type().key() + ": " + r.normalized() + " by " + r.account() + ", " + quote(r.source());
    }

    private List<String> flagged(Profile profile, String kind) {
        List<String> lines = new ArrayList<>();
        for (long id : profile.conversations()) {
            for (Flag f : store.flags(id)) {
                if (f.kind().equals(kind)) {
                    lines.add(f.value() + (f.detail().isEmpty() ? "" : " " + f.detail()) + ": "
                            + quote(new Source(id, f.seq())));
                }
            }
        }
        return lines.isEmpty() ? List.of("none") : lines;
    }

    private List<String> timeline(Profile profile) {
        List<String> lines = new ArrayList<>();
        for (long id : profile.conversations()) {
            Conversation c = store.findConversation(id).orElseThrow();
            List<Message> ms = messages(id);
            if (!ms.isEmpty()) {
                lines.add(TIME.format(ms.getFirst().time()) + " conversation #" + id + " (" + c.label()
                        + ") begins; " + ms.size() + " messages until " + TIME.format(ms.getLast().time()));
            }
            for (Event e : store.events(id)) {
                if (e.kind() == EventKind.WARNING || e.kind() == EventKind.REFERRAL || e.kind() == EventKind.OPERATOR
                        || e.kind() == EventKind.REFUSED_OFFER) {
                    lines.add(TIME.format(e.time()) + " #" + id + " " + e.kind().name().toLowerCase() + ": "
                            + Printable.of(e.detail()));
                }
            }
        }
        profile.handsOnRisk().forEach(s -> lines.add("hands-on risk: " + quote(s)));
        return lines;
    }

    private String quote(Source source) {
        if (source.seq() == 0) {
            return where(source) + " (network data)";
        }
        return messages(source.conversationId()).stream().filter(m -> m.seq() == source.seq()).findFirst()
                .map(m -> where(source) + ", " + TIME.format(m.time()) + ", " + m.sender() + ": \""
                        + Printable.of(m.text()) + "\"")
                .orElse(where(source));
    }

    private static String where(Source s) {
        return "#" + s.conversationId() + (s.seq() == 0 ? "" : " message " + s.seq());
    }

    private List<Message> messages(long id) {
        return messages.computeIfAbsent(id, store::messages);
    }
}
