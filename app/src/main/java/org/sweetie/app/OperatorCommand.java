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
                + "`sweetie run` (its operator API).",
            "Exit codes: 0 done (or the line was allowed and sent), 1 the guard refused the line or the API refused "
                + "the step (reason on stderr), 2 bad usage."})
final class OperatorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "takeover, say or handback")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT", description = "What to say (with say).")
    String text;

    @Option(names = "--conversation", required = true, paramLabel = "ID")
    long conversation;

    @Option(names = "--operator", required = true, paramLabel = "NAME", description = "Who you are, e.g. op-anna.")
    String operator;

    @Option(names = "--api", defaultValue = "http://127.0.0.1:7311", paramLabel = "URL",
            description = "The running deployment's operator API (default: ${DEFAULT-VALUE}).")
    URI api;

    @Option(names = "--token-file", defaultValue = "data/operator.token", paramLabel = "FILE",
            description = "The token `sweetie run` wrote (default: ${DEFAULT-VALUE}).")
    Path tokenFile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!action.matches("takeover|say|handback")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "ACTION must be takeover, say or handback, not '" + action + "'");
        }
        if (action.equals("say") == (text == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    action.equals("say") ? "say needs the TEXT to say" : action + " takes no TEXT");
        }
        ObjectMapper json = new ObjectMapper();
        String body = json.writeValueAsString(json.createObjectNode().put("operator", operator)
                .put("text", text == null ? "" : text));
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/conversations/" + conversation + "/" + action))
                .header("Authorization", "Bearer " + Files.readString(tokenFile).strip())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        JsonNode answer = json.readTree(response.body());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (response.statusCode() != 200) {
            err.println("sweetie operator: " + Printable.of(answer.path("error").asText(response.body())));
            return 1;
        }
        if (action.equals("say")) {
            boolean allowed = answer.path("decision").asText().equals("allowed");
            (allowed ? out : err).println(answer.path("decision").asText() + "\t" + answer.path("rule").asText()
                    + "\t" + Printable.of(answer.path("reason").asText()));
            return allowed ? 0 : 1;
        }
        out.println(action + ": conversation #" + conversation + " by " + operator);
        return 0;
    }
}
