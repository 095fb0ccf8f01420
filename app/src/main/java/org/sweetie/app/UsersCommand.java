package org.sweetie.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.sweetie.core.Role;
import org.sweetie.core.User;
import org.sweetie.evidence.AuditTrail;
import org.sweetie.store.RunLock;
import org.sweetie.web.access.Actor;
import org.sweetie.web.access.Passwords;
import org.sweetie.web.access.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = "The console's users: add one with a role, list them, disable one. Each change is audited.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class})
final class UsersCommand implements Runnable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what: add, list or disable");
    }

    static Users users(Workspace workspace) {
        return new Users(workspace.store().users(), new Passwords(), new AuditTrail(workspace.evidence()),
                Clock.systemUTC());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a user. The password is read from standard input (its first line), or asked for "
                    + "twice when standard input is a terminal; " + Users.MIN_PASSWORD + " characters at least.",
                "Roles: operator (the desk and its conversations), analyst (conversations, suspects), supervisor "
                    + "(what analysts see, and the audit), admin (users and the audit, no conversation content)."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "NAME", description = "a-z, 0-9, '.', '_' and '-'")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "operator, analyst, supervisor or admin")
        String role;

        @Override
        public Integer call() throws IOException {
            Role chosen = Role.of(role).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--role takes operator, analyst, supervisor or admin, not '" + role + "'"));
            if (!User.isName(name)) {
                throw new ParameterException(spec.commandLine(), "a user name is 1 to 64 of a-z, 0-9, '.', '_' "
                        + "and '-', not '" + name + "'");
            }
            char[] password = password();
            try (Workspace workspace = store.open(); RunLock claim = store.claim("users add")) {
                users(workspace).add(Actor.commandLine(), name, chosen, password);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            } finally {
                Arrays.fill(password, '\0');
            }
            spec.commandLine().getOut().println("added " + name + " (" + chosen.key() + ")");
            return 0;
        }

        private char[] password() throws IOException {
            if (Terminal.stdinIsTerminal() && System.console() != null) {
                char[] first = System.console().readPassword("Password for %s: ", name);
                char[] again = System.console().readPassword("Again: ");
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    throw new ParameterException(spec.commandLine(), "the two passwords differ");
                }
                Arrays.fill(again, '\0');
                return first;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "no password on standard input (its first line)");
            }
            return line.toCharArray();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users: name, role, state.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            try (Workspace workspace = store.openExisting()) {
                var all = users(workspace).all();
                for (User u : all) {
                    out.printf("%s %s, added %s%s%n", u.name(), u.role().key(), TIME.format(u.createdAt()),
                            u.enabled() ? "" : ", disabled " + TIME.format(u.disabledAt()));
                }
                out.println(all.size() + (all.size() == 1 ? " user" : " users"));
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disables a user: no more logins, and open sessions end at their next request. Users are "
                    + "never deleted, so the audit keeps naming someone.")
    static final class Disable implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            try (Workspace workspace = store.openExisting(); RunLock claim = store.claim("users disable")) {
                users(workspace).disable(Actor.commandLine(), name);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("sweetie users disable: " + e.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println("disabled " + name);
            return 0;
        }
    }
}
