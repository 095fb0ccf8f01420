package org.sweetie.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A referral package as CASE/UCO 1.4 JSON-LD: the investigation, its investigative action (Sweetie's capture), the
 * suspects (uco-identity:Person) with their accounts and the identifiers they revealed, each conversation as a
 * MessageThread of Messages (sentTime, from, to, text), and a provenance record per evidence bundle with its
 * SHA-256. IRIs end in name-based UUIDs, so the same data gives the same graph.
 */
public final class CaseExport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the export describes. */
    public record Investigation(String name, String focus, Instant started, Instant ended, List<SuspectNode> suspects) {
        public Investigation {
            suspects = List.copyOf(suspects);
        }
    }

    /** A suspect, their accounts (key: network/handle), the identifiers they revealed, their threads and bundle. */
    public record SuspectNode(int number, List<AccountNode> accounts, List<IdentifierNode> identifiers,
                              List<Thread> threads, String bundleFile, String bundleSha256) {
        public SuspectNode {
            accounts = List.copyOf(accounts);
            identifiers = List.copyOf(identifiers);
            threads = List.copyOf(threads);
        }
    }

    public record AccountNode(String key, String network, String handle) {
    }

    /** @param type an identifier type key (email, phone, skype, ...) */
    public record IdentifierNode(String type, String value) {
    }

    /** A conversation: its label, the two accounts (keys), and its messages in order. */
    public record Thread(long conversation, String label, String partnerKey, String personaKey,
                         List<Line> lines) {
        public Thread {
            lines = List.copyOf(lines);
        }
    }

    /** @param fromPartner true when the partner said it, false when the persona did */
    public record Line(long seq, Instant sent, boolean fromPartner, String text) {
    }

    private final ArrayNode graph = JSON.createArrayNode();

    private CaseExport() {
    }

    public static void write(Investigation investigation, Path file) throws IOException {
        java.nio.file.Files.writeString(file, toJson(investigation), StandardCharsets.UTF_8);
    }

    public static String toJson(Investigation investigation) throws IOException {
        CaseExport export = new CaseExport();
        ObjectNode root = JSON.createObjectNode();
        root.set("@context", context());
        ObjectNode inv = export.node("investigation", investigation.name(), "case-investigation:Investigation");
        inv.put("uco-core:name", investigation.name());
        inv.put("case-investigation:focus", investigation.focus());
        ArrayNode objects = inv.putArray("uco-core:object");
        ObjectNode tool = export.node("tool", "sweetie", "uco-tool:Tool");
        tool.put("uco-core:name", "Sweetie");
        ObjectNode action = export.node("action", investigation.name(), "case-investigation:InvestigativeAction");
        action.put("uco-core:name", "captured");
        action.set("uco-action:instrument", ref(tool));
        action.set("uco-action:startTime", dateTime(investigation.started()));
        action.set("uco-action:endTime", dateTime(investigation.ended()));
        ArrayNode results = action.putArray("uco-action:result");
        objects.add(ref(action));
        for (SuspectNode suspect : investigation.suspects()) {
            export.suspect(suspect, objects, results);
        }
        root.set("@graph", export.graph);
        return JSON.writeValueAsString(root);
    }

    private void suspect(SuspectNode s, ArrayNode objects, ArrayNode results) {
        ObjectNode person = node("suspect", Integer.toString(s.number()), "uco-identity:Person");
        person.put("uco-core:name", "Suspect " + s.number());
        objects.add(ref(person));
        for (AccountNode a : s.accounts()) {
            ObjectNode account = account(a.key(), a.handle(), a.network());
            relate(person, account, "Has_Account");
        }
        for (IdentifierNode i : s.identifiers()) {
            relate(person, identifier(i), "Has_Account");
        }
        for (Thread t : s.threads()) {
            objects.add(ref(thread(t)));
        }
        ObjectNode bundle = node("bundle", s.bundleFile(), "uco-observable:File");
        ArrayNode facets = bundle.putArray("uco-core:hasFacet");
        ObjectNode file = facet("file-facet", s.bundleFile(), "uco-observable:FileFacet");
        file.put("uco-observable:fileName", s.bundleFile());
        facets.add(file);
        ObjectNode content = facet("content-facet", s.bundleFile(), "uco-observable:ContentDataFacet");
        ObjectNode hash = JSON.createObjectNode();
        hash.put("@id", iri("hash", s.bundleFile()));
        hash.put("@type", "uco-types:Hash");
        hash.put("uco-types:hashMethod", "SHA256");
        hash.set("uco-types:hashValue", typed("xsd:hexBinary", s.bundleSha256()));
        content.putArray("uco-observable:hash").add(hash);
        facets.add(content);
        ObjectNode provenance = node("provenance", s.bundleFile(), "case-investigation:ProvenanceRecord");
        provenance.put("case-investigation:exhibitNumber", s.bundleFile());
        provenance.put("uco-core:description", "Evidence bundle of suspect " + s.number() + ": transcripts, "
                + "evidence-log entries with inclusion proofs and a signed checkpoint");
        provenance.putArray("uco-core:object").add(ref(bundle));
        results.add(ref(provenance));
    }

    private ObjectNode account(String key, String handle, String network) {
        ObjectNode account = node("account", key, "uco-observable:ApplicationAccount");
        account.put("uco-core:name", handle + " on " + network);
        ObjectNode facet = facet("account-facet", key, "uco-observable:AccountFacet");
        facet.put("uco-observable:accountIdentifier", handle);
        account.putArray("uco-core:hasFacet").add(facet);
        return account;
    }

    private ObjectNode identifier(IdentifierNode i) {
        String key = i.type() + ":" + i.value();
        return switch (i.type()) {
            case "phone" -> {
                ObjectNode phone = node("phone-account", key, "uco-observable:PhoneAccount");
                ObjectNode facet = facet("phone-facet", key, "uco-observable:PhoneAccountFacet");
                facet.put("uco-observable:phoneNumber", i.value());
                phone.putArray("uco-core:hasFacet").add(facet);
                yield phone;
            }
            case "email" -> {
                ObjectNode email = node("email-address", key, "uco-observable:EmailAddress");
                ObjectNode facet = facet("email-facet", key, "uco-observable:EmailAddressFacet");
                facet.put("uco-observable:addressValue", i.value());
                email.putArray("uco-core:hasFacet").add(facet);
                yield email;
            }
            default -> account(key, i.value(), i.type());
        };
    }

    private ObjectNode thread(Thread t) {
        ObjectNode thread = node("thread", Long.toString(t.conversation()), "uco-observable:MessageThread");
        thread.put("uco-core:name", t.label());
        ObjectNode facet = facet("thread-facet", Long.toString(t.conversation()), "uco-observable:MessageThreadFacet");
        ObjectNode list = JSON.createObjectNode();
        list.put("@id", iri("thread-list", Long.toString(t.conversation())));
        list.put("@type", "uco-types:Thread");
        list.set("co:size", typed("xsd:nonNegativeInteger", Integer.toString(t.lines().size())));
        ArrayNode elements = list.putArray("co:element");
        for (Line line : t.lines()) {
            elements.add(ref(message(t, line)));
        }
        facet.set("uco-observable:messageThread", list);
        ArrayNode participants = facet.putArray("uco-observable:participant");
        participants.add(idRef(iri("account", t.partnerKey())));
        participants.add(idRef(iri("account", t.personaKey())));
        thread.putArray("uco-core:hasFacet").add(facet);
        return thread;
    }

    private ObjectNode message(Thread t, Line line) {
        String key = t.conversation() + "/" + line.seq();
        ObjectNode message = node("message", key, "uco-observable:Message");
        ObjectNode facet = facet("message-facet", key, "uco-observable:MessageFacet");
        facet.put("uco-observable:messageText", line.text());
        String from = line.fromPartner() ? t.partnerKey() : t.personaKey();
        String to = line.fromPartner() ? t.personaKey() : t.partnerKey();
        facet.set("uco-observable:from", idRef(iri("account", from)));
        facet.putArray("uco-observable:to").add(idRef(iri("account", to)));
        facet.set("uco-observable:sentTime", dateTime(line.sent()));
        message.putArray("uco-core:hasFacet").add(facet);
        return message;
    }

    private void relate(ObjectNode source, ObjectNode target, String kind) {
        ObjectNode relation = node("relationship", source.get("@id").asText() + "|" + target.get("@id").asText(),
                "uco-core:Relationship");
        relation.set("uco-core:source", ref(source));
        relation.putArray("uco-core:target").add(ref(target));
        relation.put("uco-core:kindOfRelationship", kind);
        relation.put("uco-core:isDirectional", true);
    }

    /** A node of the graph, added once per IRI. */
    private ObjectNode node(String kind, String key, String type) {
        String id = iri(kind, key);
        for (var existing : graph) {
            if (existing.get("@id").asText().equals(id)) {
                return (ObjectNode) existing;
            }
        }
        ObjectNode node = graph.addObject();
        node.put("@id", id);
        node.put("@type", type);
        return node;
    }

    private static ObjectNode facet(String kind, String key, String type) {
        ObjectNode facet = JSON.createObjectNode();
        facet.put("@id", iri(kind, key));
        facet.put("@type", type);
        return facet;
    }

    private static String iri(String kind, String key) {
        return "kb:" + kind + "-" + UUID.nameUUIDFromBytes((kind + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode ref(ObjectNode node) {
        return idRef(node.get("@id").asText());
    }

    private static ObjectNode idRef(String id) {
        return JSON.createObjectNode().put("@id", id);
    }

    private static ObjectNode dateTime(Instant time) {
        return typed("xsd:dateTime", time.toString());
    }

    private static ObjectNode typed(String type, String value) {
        return JSON.createObjectNode().put("@type", type).put("@value", value);
    }

    private static ObjectNode context() {
        ObjectNode c = JSON.createObjectNode();
        c.put("kb", "urn:sweetie:kb:");
        c.put("co", "http://purl.org/co/");
        c.put("case-investigation", "https://ontology.caseontology.org/case/investigation/");
        c.put("uco-action", "https://ontology.unifiedcyberontology.org/uco/action/");
        c.put("uco-core", "https://ontology.unifiedcyberontology.org/uco/core/");
        c.put("uco-identity", "https://ontology.unifiedcyberontology.org/uco/identity/");
        c.put("uco-observable", "https://ontology.unifiedcyberontology.org/uco/observable/");
        c.put("uco-tool", "https://ontology.unifiedcyberontology.org/uco/tool/");
        c.put("uco-types", "https://ontology.unifiedcyberontology.org/uco/types/");
        c.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        return c;
    }
}
