package org.sweetie.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.persona.Decision;
import org.sweetie.persona.GuardedSender;
import org.sweetie.persona.HoldQueue;
import org.sweetie.persona.OperatorDesk;

/**
 * The operators' API of a running deployment, on loopback only: take a conversation over, speak in it (through the
 * guard, as the operator), hand it back. A random token, written to a file only the deployment's user can read,
 * must be sent as a bearer token: other local users cannot speak as the persona.
 *
 * <pre>
 * POST /conversations/{id}/takeover  {"operator": "op-anna"}
 * POST /conversations/{id}/say       {"operator": "op-anna", "text": "..."}  -> {"decision", "rule", "reason"}
 * POST /conversations/{id}/handback  {"operator": "op-anna"}
 * GET  /drafts                        -> {"held": [{"draft", "conversation", "author", "text", "rule", "reason"}]}
 * POST /drafts/{n}/approve            {"supervisor": "sup-ben", "reason": "..."}  -> {"decision", "rule", "reason"}
 * POST /drafts/{n}/reject             {"supervisor": "sup-ben", "reason": "..."}
 * </pre>
 * A draft the guard held ("decision": "held", with its "draft" number) is said only when a supervisor who did not
 * write it approves it.
 */
final class OperatorApi implements AutoCloseable {
    private static final Pattern PATH = Pattern.compile("/conversations/(\\d+)/(takeover|say|handback)");
    private static final Pattern DRAFT = Pattern.compile("/drafts/(\\d+)/(approve|reject)");

    private final HttpServer server;
    private final ConversationStore store;
    private final Map<String, OperatorDesk> desks;
    private final HoldQueue holds;
    private final byte[] token;
    private final Path tokenFile;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param desks the operators' desk of each voiced persona, by persona handle
     */
    OperatorApi(InetSocketAddress address, Path tokenFile, ConversationStore store, Map<String, OperatorDesk> desks,
                HoldQueue holds) throws IOException {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the operator API listens on loopback only, not " + address);
        }
        this.store = store;
        this.desks = Map.copyOf(desks);
        this.holds = holds;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        this.token = secret.getBytes(StandardCharsets.UTF_8);
        // bound first: a second run that cannot have the port must not replace the running one's token
        server = HttpServer.create(address, 16);
        this.tokenFile = tokenFile;
        writeToken(tokenFile, secret);
        server.createContext("/conversations/", this::handle);
        server.createContext("/drafts", this::drafts);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void writeToken(Path file, String secret) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret + "\n");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange)) {
                reply(exchange, 401, error("a valid bearer token is needed (see the token file)"));
                return;
            }
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!exchange.getRequestMethod().equals("POST") || !path.matches()) {
                reply(exchange, 404, error("POST /conversations/{id}/takeover|say|handback"));
                return;
            }
            JsonNode body = json.readTree(exchange.getRequestBody());
            String operator = body == null ? "" : body.path("operator").asText("");
            if (operator.isBlank()) {
                reply(exchange, 400, error("\"operator\" is missing"));
                return;
            }
            Conversation conversation = store.findConversation(Long.parseLong(path.group(1))).orElse(null);
            OperatorDesk desk = conversation == null ? null : desks.get(conversation.key().persona());
            if (desk == null) {
                reply(exchange, 404, error("no conversation #" + path.group(1) + " of a persona with a voice here"));
                return;
            }
            act(exchange, desk, conversation, path.group(2), operator, body.path("text").asText(""));
        }
    }

    /** The supervisors' queue: what waits, and approving or rejecting one draft. */
    private void drafts(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange)) {
                reply(exchange, 401, error("a valid bearer token is needed (see the token file)"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET") && path.equals("/drafts")) {
                ObjectNode answer = json.createObjectNode();
                var list = answer.putArray("held");
                for (HoldQueue.Held held : holds.waiting()) {
                    list.addObject().put("draft", held.id()).put("conversation", held.conversation().id())
                            .put("author", held.draft().author().operatorId()).put("text", held.draft().text())
                            .put("rule", held.decision().rule()).put("reason", held.decision().reason())
                            .put("at", held.at().toString());
                }
                reply(exchange, 200, answer);
                return;
            }
            Matcher draft = DRAFT.matcher(path);
            if (!exchange.getRequestMethod().equals("POST") || !draft.matches()) {
                reply(exchange, 404, error("GET /drafts, or POST /drafts/{n}/approve|reject"));
                return;
            }
            JsonNode body = json.readTree(exchange.getRequestBody());
            String supervisor = body == null ? "" : body.path("supervisor").asText("");
            String reason = body == null ? "" : body.path("reason").asText("");
            if (supervisor.isBlank() || reason.isBlank()) {
                reply(exchange, 400, error("\"supervisor\" and \"reason\" are both needed"));
                return;
            }
            try {
                Decision d = GuardedSender.review(holds, Long.parseLong(draft.group(1)), supervisor,
                        draft.group(2).equals("approve"), reason);
                reply(exchange, 200, json.createObjectNode().put("decision", d.verdict()).put("rule", d.rule())
                        .put("reason", d.reason()));
            } catch (IllegalStateException e) {
                reply(exchange, 409, error(e.getMessage()));
            }
        }
    }

    private void act(HttpExchange exchange, OperatorDesk desk, Conversation conversation, String action,
                     String operator, String text) throws IOException {
        try {
            switch (action) {
                case "takeover" -> desk.takeOver(conversation, operator);
                case "handback" -> desk.handBack(conversation, operator);
                default -> {
                    Decision d = desk.say(conversation, operator, text);
                    ObjectNode answer = json.createObjectNode().put("decision", d.verdict()).put("rule", d.rule())
                            .put("reason", d.reason());
                    holds.idOf(d.draft()).ifPresent(id -> answer.put("draft", id));
                    reply(exchange, 200, answer);
                    return;
                }
            }
            reply(exchange, 200, json.createObjectNode().put("conversation", conversation.id()).put("done", action));
        } catch (IllegalStateException e) {
            reply(exchange, 409, error(e.getMessage()));
        }
    }

    private boolean authorised(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") && MessageDigest.isEqual(token,
                header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }

    private void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            Files.deleteIfExists(tokenFile); // a token lying around outlives the API it opened
        } catch (IOException e) {
            System.getLogger(OperatorApi.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot delete the operator token " + tokenFile + ": " + e.getMessage());
        }
    }
}
