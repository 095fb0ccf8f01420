package org.sweetie.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.sweetie.analysis.Analyzer;
import org.sweetie.core.Author;
import org.sweetie.core.Printable;
import org.sweetie.persona.Decision;
import org.sweetie.persona.Draft;
import org.sweetie.persona.EntrapmentGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The entrapment guard, from outside: drafts in, one decision per line out, so it can be audited. */
@Command(name = "guard", mixinStandardHelpOptions = true, description = "The entrapment guard.",
        subcommands = GuardCommand.Check.class)
final class GuardCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: check");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Reads drafts from stdin, one per line, and prints the guard's decision on each, one per "
                    + "line: allowed|refused, the rule, the reason, the draft.",
                "With --context each line is: the partner's preceding message<TAB>the draft.",
                "Exit code 0 when every draft was decided (allowed or not)."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "One JSON object per line: draft, decision, rule, reason.")
        boolean json;

        @Option(names = "--context", description = "Lines are: partner's message<TAB>draft.")
        boolean context;

        @Option(names = "--warning", description = "Judge the drafts as deterrence warnings (their own class).")
        boolean warning;

        @Override
        public Integer call() throws IOException {
            EntrapmentGuard guard = Voice.guard(Analyzer.standard());
            PrintWriter out = spec.commandLine().getOut();
            ObjectMapper mapper = new ObjectMapper();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                String partner = null;
                String draft = line;
                if (context) {
                    int tab = line.indexOf('\t');
                    if (tab < 0) {
                        spec.commandLine().getErr().println("sweetie guard check: stdin:" + lineNumber
                                + ": no TAB between the partner's message and the draft; judged without context");
                    } else {
                        partner = line.substring(0, tab);
                        draft = line.substring(tab + 1);
                    }
                }
                Decision d = guard.decide(warning ? Draft.warning(draft) : Draft.reply(draft, Author.BOT, partner));
                if (json) {
                    ObjectNode node = mapper.createObjectNode().put("draft", draft).put("decision", d.verdict())
                            .put("rule", d.rule()).put("reason", d.reason());
                    if (partner != null) {
                        node.put("partner", partner);
                    }
                    out.println(mapper.writeValueAsString(node));
                } else {
                    // drafts may hold control characters: shown escaped, never obeyed by the terminal
                    out.println(d.verdict() + "\t" + d.rule() + "\t" + Printable.of(d.reason()) + "\t"
                            + Printable.of(draft));
                }
            }
            out.flush();
            return 0;
        }
    }
}
