package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** 'sweetie console', 'sweetie users' and 'sweetie audit' as a user meets them. */
class ConsoleCliTest {
    private static final Pattern SERVING = Pattern.compile("sweetie console on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path folder;

    String db() {
        return folder.resolve("store.db").toString();
    }

    String key() {
        return folder.resolve("evidence.key").toString();
    }

    CliTest.Run sweetie(String... args) {
        return CliTest.sweetie(args);
    }

    CliTest.Run addUser(String name, String role, String password) {
        return CliTest.sweetieWithInput(password + "\n", "users", "add", name, "--role", role, "--db", db(),
                "--key", key());
    }

    @Test
    void usersAreAddedListedAndDisabledAndEveryChangeIsAudited() {
        CliTest.Run added = addUser("ana", "analyst", "correct horse battery");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).isEqualTo("added ana (analyst)" + System.lineSeparator());
        assertThat(addUser("adam", "ADMIN", "another long password").exitCode()).isZero();

        assertThat(addUser("ana", "admin", "correct horse battery").err())
                .contains("there is a user called ana already");
        CliTest.Run badRole = addUser("bob", "root", "correct horse battery");
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("--role takes operator, analyst, supervisor or admin, not 'root'");
        CliTest.Run shortPassword = addUser("bob", "analyst", "short");
        assertThat(shortPassword.exitCode()).isEqualTo(2);
        assertThat(shortPassword.err()).contains("12 to 1024 characters long, this one has 5");
        assertThat(addUser("Bob!", "analyst", "correct horse battery").err()).contains("a user name is");
        assertThat(CliTest.sweetieWithInput("", "users", "add", "bob", "--role", "analyst", "--db", db(), "--key",
                key()).err()).contains("no password on standard input");

        assertThat(sweetie("users", "disable", "ana", "--db", db(), "--key", key()).out()).contains("disabled ana");
        CliTest.Run again = sweetie("users", "disable", "ana", "--db", db(), "--key", key());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("there is no enabled user called ana");
        assertThat(sweetie("users", "list", "--db", db(), "--key", key()).out())
                .containsPattern("adam admin, added \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ\\n")
                .containsPattern("ana analyst, added [^,]+, disabled \\d{4}-")
                .endsWith("2 users" + System.lineSeparator());

        String audit = sweetie("audit", "--db", db(), "--key", key()).out();
        String me = "cli:" + System.getProperty("user.name");
        assertThat(audit).contains(me + " user_added user ana: role analyst", me + " user_added user adam: role admin",
                me + " user_disabled user ana").endsWith("3 events" + System.lineSeparator());
        assertThat(sweetie("audit", "--user", "nobody", "--db", db(), "--key", key()).out())
                .isEqualTo("0 events" + System.lineSeparator());
        assertThat(sweetie("audit", "--since", "1h", "--db", db(), "--key", key()).out()).contains("3 events");
        assertThat(sweetie("audit", "--since", "soon", "--db", db(), "--key", key()).exitCode()).isEqualTo(2);
    }

    @Test
    void theConsoleServesTheStoreUntilStopped() throws Exception {
        assertThat(addUser("sue", "supervisor", "correct horse battery").exitCode()).isZero();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SweetieCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread console = new Thread(() -> exit.set(cli.execute("console", "--port", "0", "--db", db(), "--key",
                key())));
        console.start();
        try {
            int port = portOnceServing(out, err);
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(login.body()).contains("name=\"username\"", "name=\"_csrf\"");
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/conversations"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
        } finally {
            console.interrupt();
            console.join(Duration.ofSeconds(30));
        }
        assertThat(console.isAlive()).isFalse();
        assertThat(exit.get()).as(err.toString()).isZero();
    }

    @Test
    void theConsoleSaysWhatIsWrongBeforeServing() throws Exception {
        CliTest.Run missing = sweetie("console", "--port", "0", "--db", folder.resolve("nope.db").toString(),
                "--key", key());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no Sweetie store at");

        assertThat(addUser("sue", "supervisor", "correct horse battery").exitCode()).isZero();
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliTest.Run busy = sweetie("console", "--port", Integer.toString(taken.getLocalPort()), "--db", db(),
                    "--key", key());
            assertThat(busy.exitCode()).isEqualTo(1);
            assertThat(busy.err()).containsIgnoringCase("port").contains(Integer.toString(taken.getLocalPort()));
        }
        CliTest.Run badPort = sweetie("console", "--port", "70000", "--db", db(), "--key", key());
        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.err()).contains("a port is 0 to 65535, not 70000");
    }

    @Test
    void runServesTheConsoleBesideTheDeploymentWithTheDeskLive() throws Exception {
        assertThat(addUser("olive", "operator", "correct horse battery").exitCode()).isZero();
        Path config = folder.resolve("deployment.yaml");
        java.nio.file.Files.writeString(config, """
                personas:
                  - handle: sweetie
                    nicknames: [Sweetie10]
                    age: 10
                    country: PH
                    languages: [en]
                    responder:
                      mode: warn
                    sandbox:
                      - network: sandbox
                        partners: 3
                        concurrent: 3
                        pace: 20ms
                        seed: 1
                """);
        int api;
        try (ServerSocket free = new ServerSocket(0)) {
            api = free.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SweetieCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread run = new Thread(() -> exit.set(cli.execute("run", "--config", config.toString(), "--db", db(),
                "--key", key(), "--for", "PT12S", "--console", "0", "--operator-api", "127.0.0.1:" + api,
                "--operator-token", folder.resolve("operator.token").toString())));
        run.start();
        try {
            int port = portOnceServing(err, out);
            assertThat(err.toString()).contains("; the desk is live;");
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .cookieHandler(new java.net.CookieManager()).build();
            String base = "http://127.0.0.1:" + port;
            String form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=olive&password=correct+horse+battery&_csrf="
                            + csrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isIn(302, 303);
            String desk = "";
            Instant deadline = Instant.now().plusSeconds(10);
            while (!desk.contains("data-conversation=") && Instant.now().isBefore(deadline)) {
                desk = http.send(HttpRequest.newBuilder(URI.create(base + "/desk")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
            assertThat(desk).contains("sweetie on sandbox: connected").contains("data-conversation=")
                    .doesNotContain("No live deployment");
        } finally {
            run.join(Duration.ofSeconds(60));
        }
        assertThat(exit.get()).as(err.toString()).isZero();
    }

    /** Waits, with a deadline, for the line that says where the console is served. */
    private static int portOnceServing(StringWriter out, StringWriter err) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Matcher m = SERVING.matcher(out.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the console did not say it was serving within 60 s; stderr: " + err);
    }
}
