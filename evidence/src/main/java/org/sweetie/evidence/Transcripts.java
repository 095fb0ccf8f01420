package org.sweetie.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sweetie.core.Printable;

/**
 * A conversation's transcript, rendered from its evidence entries only, as text for people and as JSON for tools.
 * The exporter and the verifier both render with this class, so the verifier can show that a bundle's transcripts
 * say exactly what its signed entries say.
 */
final class Transcripts {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Transcripts() {
    }

    /** An entry with its leaf index. */
    record Indexed(long index, Entry entry) {
    }

    static byte[] text(long conversationId, List<Indexed> entries) {
        StringBuilder out = new StringBuilder();
        Entry first = entries.isEmpty() ? null : entries.getFirst().entry();
        out.append("Conversation ").append(conversationId);
        if (first != null) {
            // Names chosen on the network (a partner's above all) are escaped like every line below: a line break
            // in one must not add lines to the header, nor a control character act on the reader's terminal.
            out.append(" on ").append(visible(first.get("network"))).append(" (")
                    .append(visible(first.get("protocol"))).append("), ")
                    .append(first.get("channel").isEmpty() ? "private" : "in " + visible(first.get("channel")))
                    .append(", persona ").append(visible(first.get("persona"))).append(" with partner ")
                    .append(visible(first.get("partner")));
        }
        out.append("\nTimes are UTC. '<' is the partner, '>' the persona (bot, or operator with id), '*' an event, "
                + "'!' what Sweetie's analysis flagged. [n] is the entry's leaf index in the evidence log. A line a "
                + "server kept shows its time received and, as '(sent ...)', when the partner sent it.\n\n");
        for (Indexed indexed : entries) {
            Entry e = indexed.entry();
            out.append('[').append(indexed.index()).append("] ").append(e.get("time")).append(' ');
            if (e.kind().equals(Entries.MESSAGE)) {
                boolean partner = e.get("author").equals("partner");
                out.append('#').append(e.get("seq")).append(partner ? " < " : " > ").append(visible(e.get("sender")));
                if (!e.get("delay_stamp").isEmpty()) {
                    out.append(" (sent ").append(visible(e.get("delay_stamp"))).append(')');
                }
                if (!partner) {
                    out.append(" (").append(e.get("author"))
                            .append(e.get("operator").isEmpty() ? "" : " " + visible(e.get("operator"))).append(')');
                }
                out.append(": ").append(visible(e.get("text")));
            } else if (e.kind().equals(Entries.FLAG)) {
                out.append("! analysis at #").append(e.get("seq")).append(": ").append(e.get("flag")).append(' ')
                        .append(e.get("value")).append(e.get("detail").isEmpty() ? "" : " (" + visible(e.get("detail"))
                                + ")");
            } else {
                out.append("* ").append(visible(e.get("actor"))).append(' ').append(visible(e.get("detail")))
                        .append(" [").append(e.get("event")).append(']');
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] json(long conversationId, List<Indexed> entries) {
        ObjectNode root = JSON.createObjectNode();
        root.put("conversation", conversationId);
        Entry first = entries.isEmpty() ? null : entries.getFirst().entry();
        for (String field : List.of("network", "protocol", "persona", "persona_account", "partner", "channel")) {
            String value = first == null ? "" : first.get(field);
            if (value.isEmpty()) {
                root.putNull(field);
            } else {
                root.put(field, value);
            }
        }
        ArrayNode lines = root.putArray("entries");
        for (Indexed indexed : entries) {
            ObjectNode line = lines.addObject();
            line.put("leaf", indexed.index());
            line.put("kind", indexed.entry().kind());
            for (Entry.Field field : indexed.entry().fields()) {
                if (!List.of("conversation", "network", "protocol", "persona", "persona_account", "partner",
                        "channel").contains(field.name())) {
                    line.put(field.name(), field.value());
                }
            }
        }
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a transcript is always JSON", e);
        }
    }

    private static String visible(String s) {
        return Printable.of(s);
    }
}
