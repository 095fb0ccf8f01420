package org.sweetie.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sweetie.core.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Human take-over from the command line: talks to the operator API of a running `sweetie run`. */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = {"Takes a conversation over from the bot, speaks in it as the operator (every line passes the "
                + "entrapment guard and is stored with the operator's id) and hands it back, in a running "
                + "`sweetie run` (its operator API). A line the guard holds (not known to be safe) waits for a "
                + "supervisor: `drafts` lists what waits, `approve` or `reject` decides one (--draft, --supervisor, "
                + "--reason); the supervisor must not be the one who wrote it.",
            "Exit codes: 0 done (or the line was allowed and sent), 1 the guard refused or held the line or the API "
                + "refused the step (reason on stderr), 2 bad usage."})
final class OperatorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION",
            description = "takeover, say, handback (an operator); drafts, approve, reject (a supervisor)")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT", description = "What to say (with say).")
    String text;

    @Option(names = "--conversation", paramLabel = "ID", description = "With takeover, say, handback.")
    Long conversation;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who you are, e.g. op-anna.")
    String operator;

    @Option(names = "--draft", paramLabel = "N", description = "The held draft to approve or reject.")
    Long draft;

    @Option(names = "--supervisor", paramLabel = "NAME", description = "Who decides on the held draft.")
    String supervisor;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the supervisor approves or rejects it.")
    String reason;

    @Option(names = "--api", defaultValue = "http://127.0.0.1:7311", paramLabel = "URL",
            description = "The running deployment's operator API (default: ${DEFAULT-VALUE}).")
    URI api;

    @Option(names = "--token-file", defaultValue = "data/operator.token", paramLabel = "FILE",
            description = "The token `sweetie run` wrote (default: ${DEFAULT-VALUE}).")
    Path tokenFile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!action.matches("takeover|say|handback|drafts|approve|reject")) {
            throw usage("ACTION must be takeover, say, handback, drafts, approve or reject, not '" + action + "'");
        }
        if (action.equals("say") == (text == null)) {
            throw usage(action.equals("say") ? "say needs the TEXT to say" : action + " takes no TEXT");
        }
        boolean review = action.equals("approve") || action.equals("reject");
        if (action.matches("takeover|say|handback") && (conversation == null || operator == null)) {
            throw usage(action + " needs --conversation and --operator");
        }
        if (review && (draft == null || supervisor == null || reason == null || reason.isBlank())) {
            throw usage(action + " needs --draft, --supervisor and --reason");
        }
        ObjectMapper json = new ObjectMapper();
        HttpRequest.Builder request;
        if (action.equals("drafts")) {
            request = HttpRequest.newBuilder(api.resolve("/drafts")).GET();
        } else if (review) {
            request = post(api.resolve("/drafts/" + draft + "/" + action), json.writeValueAsString(
                    json.createObjectNode().put("supervisor", supervisor).put("reason", reason)));
        } else {
            request = post(api.resolve("/conversations/" + conversation + "/" + action), json.writeValueAsString(
                    json.createObjectNode().put("operator", operator).put("text", text == null ? "" : text)));
        }
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(request.header("Authorization", "Bearer " + Files.readString(tokenFile).strip())
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
        JsonNode answer = json.readTree(response.body());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (response.statusCode() != 200) {
            err.println("sweetie operator: " + Printable.of(answer.path("error").asText(response.body())));
            err.flush();
            return 1;
        }
        if (action.equals("drafts")) {
            for (JsonNode held : answer.path("held")) {
                out.println("#" + held.path("draft").asLong() + "\tconversation #" + held.path("conversation").asLong()
                        + "\t" + Printable.of(held.path("author").asText()) + "\t" + held.path("rule").asText()
                        + "\t" + Printable.of(held.path("text").asText()));
            }
            out.flush();
            return 0;
        }
        if (action.equals("say") || review) {
            boolean allowed = answer.path("decision").asText().equals("allowed");
            boolean rejected = action.equals("reject");
            String line = answer.path("decision").asText() + "\t" + answer.path("rule").asText() + "\t"
                    + Printable.of(answer.path("reason").asText())
                    + (answer.has("draft") ? "\tdraft #" + answer.path("draft").asLong() : "");
            (allowed || rejected ? out : err).println(line);
            out.flush();
            err.flush();
            return allowed || rejected ? 0 : 1;
        }
        out.println(action + ": conversation #" + conversation + " by " + operator);
        out.flush();
        return 0;
    }

    private static HttpRequest.Builder post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
    }
}
