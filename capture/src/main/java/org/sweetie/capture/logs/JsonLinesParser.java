package org.sweetie.capture.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.sweetie.core.Author;
import org.sweetie.core.EventKind;
import org.sweetie.core.Network;
import org.sweetie.core.Protocol;

/**
 * Sweetie's own log format, one JSON object per line (docs/import.md):
 * <pre>
 * {"type":"message","time":"2013-10-01T12:00:01Z","network":"libera","partner":"alice","from":"alice","text":"hi"}
 * {"type":"event","time":"2013-10-01T12:00:00Z","network":"libera","partner":"alice","kind":"join",
 *  "actor":"alice","detail":"has joined #room","host":"~alice@198.51.100.7"}
 * </pre>
 * Optional: "channel" (absent for private), "author" (partner, bot or operator, with "operator" naming the
 * operator), "protocol" (irc, the default, xmpp or sandbox), "raw" (the protocol line), "id" (a source id, unique in the conversation), and for events "host"
 * (user@host) and "new_nick" (for a nick change).
 */
final class JsonLinesParser implements LineParser {
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Entry parse(String line) throws MalformedLineException {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new MalformedLineException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new MalformedLineException("expected a JSON object");
        }
        Instant time = time(node);
        var target = new Entry.Target(network(node), optional(node, "channel"), text(node, "partner"));
        String raw = optional(node, "raw");
        return switch (text(node, "type")) {
            case "message" -> new Entry.Said(time, text(node, "from"), text(node, "text"), author(node), target, raw,
                    optional(node, "id"));
            case "event" -> new Entry.Happened(time, kind(node), text(node, "actor"), text(node, "detail"),
                    optional(node, "host"), optional(node, "new_nick"), target, raw);
            default -> throw new MalformedLineException("\"type\" must be \"message\" or \"event\"");
        };
    }

    private static Instant time(JsonNode node) throws MalformedLineException {
        String value = text(node, "time");
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedLineException("\"time\" is not an ISO 8601 time with offset: '" + value + "'");
        }
    }

    private static Network network(JsonNode node) throws MalformedLineException {
        String protocol = optional(node, "protocol");
        try {
            return new Network(text(node, "network"),
                    protocol == null ? Protocol.IRC : Protocol.valueOf(protocol.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new MalformedLineException("\"protocol\" must be irc, xmpp or sandbox, or \"network\" is blank");
        }
    }

    private static Author author(JsonNode node) throws MalformedLineException {
        String author = optional(node, "author");
        if (author == null) {
            return null;
        }
        return switch (author) {
            case "partner" -> Author.PARTNER;
            case "bot" -> Author.BOT;
            case "operator" -> {
                String operator = optional(node, "operator");
                yield Author.operator(operator == null ? Author.IMPORTED_OPERATOR : operator);
            }
            default -> throw new MalformedLineException("\"author\" must be partner, bot or operator");
        };
    }

    private static EventKind kind(JsonNode node) throws MalformedLineException {
        String kind = text(node, "kind");
        try {
            return EventKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MalformedLineException("unknown event kind '" + kind + "'");
        }
    }

    private static String text(JsonNode node, String field) throws MalformedLineException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedLineException("missing \"" + field + "\"");
        }
        if (!value.isTextual()) {
            throw new MalformedLineException("\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    private static String optional(JsonNode node, String field) throws MalformedLineException {
        return node.hasNonNull(field) ? text(node, field) : null;
    }
}
