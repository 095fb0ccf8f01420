package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sweetie.analysis.Analyzer;
import org.sweetie.capture.live.Deadline;
import org.sweetie.capture.live.config.OperatingHours;
import org.sweetie.capture.live.config.PersonaDeployment;
import org.sweetie.capture.live.irc.IrcNetwork;
import org.sweetie.capture.live.irc.LocalNgircd;
import org.sweetie.capture.live.irc.PlainIrcClient;
import org.sweetie.core.Conversation;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.core.Role;
import org.sweetie.web.Chromium;
import org.sweetie.web.Console;
import org.sweetie.web.ConsoleOptions;
import org.sweetie.web.ConsoleServices;
import org.sweetie.web.access.Actor;

/**
 * The operators' desk in Debian's Chromium beside a live deployment on a real ngircd, the partner a plain socket
 * client: his new line appears on the desk without a reload; the operator takes over; a refused draft is shown with
 * its reason and never reaches him; a held draft reaches him only once a supervisor approved it on the desk; the
 * operator hands back and the bot answers again. The supervisor follows the dashboard in a second browser: the held
 * draft appears there without a reload and he approves it there; when the network goes away the open desk shows it
 * down without a reload.
 */
class DeskBrowserTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;
    private LocalNgircd server;
    private Workspace workspace;
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicInteger consolePort = new AtomicInteger();
    private Thread session;
    private Chromium chromium;
    private Chromium supervisor;

    @BeforeEach
    void start() throws IOException {
        server = new LocalNgircd(dir);
        workspace = StoreOptions.embedded(dir.resolve("store.db").toString(), dir.resolve("evidence.key"), null).open();
        var users = UsersCommand.users(workspace);
        users.add(Actor.commandLine(), "olive", Role.OPERATOR, PASSWORD.toCharArray());
        users.add(Actor.commandLine(), "sam", Role.SUPERVISOR, PASSWORD.toCharArray());
        PersonaDeployment sweetie = new PersonaDeployment(DemoCommand.PERSONA,
                new PersonaDeployment.Cover("Sweetie", "Cebu", 5), OperatingHours.ALWAYS,
                new PersonaDeployment.Responding("warn", Duration.ofHours(1), false),
                List.of(new IrcNetwork.Settings("testnet", "127.0.0.1", server.port(), false, null, null, null,
                        List.of("#room"), "sweetie", "Sweetie", "HexChat 2.16.1 / Linux")), List.of(), List.of());
        List<org.sweetie.core.ChatNetwork> connections = sweetie.connections(null);
        ConsoleOptions options = new ConsoleOptions("127.0.0.1", 0, false, Duration.ofMinutes(30), Set.of());
        int apiPort = LocalNgircd.freePort();
        session = Thread.ofVirtual().start(() -> {
            try {
                new LiveSession(workspace, connections, List.of(sweetie), new PrintWriter(new StringWriter()))
                        .withOperatorApi(new InetSocketAddress("127.0.0.1", apiPort),
                                dir.resolve("operator.token"))
                        .withConsole(desk -> {
                            Console console = Console.start(new ConsoleServices(workspace.store(),
                                    workspace.evidence(), Analyzer.standard(), Clock.systemUTC(),
                                    System.err::println), options, desk);
                            consolePort.set(console.port());
                            return console;
                        })
                        .run(null, Duration.ofSeconds(1), done::get);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Deadline.await("the console beside the deployment", LIMIT, () -> consolePort.get() != 0);
        chromium = new Chromium(dir.resolve("chromium-profile"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (chromium != null) {
            chromium.close();
        }
        if (supervisor != null) {
            supervisor.close();
        }
        done.set(true);
        session.join(Duration.ofSeconds(60));
        workspace.close();
        server.close();
    }

    @Test
    void anOperatorFollowsTakesOverIsGuardedAndHandsBackASupervisorApprovesTheHeldDraft() throws Exception {
        var driver = chromium.driver;
        logIn("olive");
        driver.get(base() + "/desk");
        WebElement heading = driver.findElement(By.tagName("h1"));
        following();
        // the health list is drawn again from each desk event: a condition that finds it anew on every try
        new WebDriverWait(driver, LIMIT).until(ExpectedConditions.and(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ul.health li.up"), "testnet"),
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ul.health li.up"), "connected")));
        try (PlainIrcClient amy = new PlainIrcClient(server.port(), "amy", "amy", "amy partner")) {
            awaitPersona(amy);
            amy.privmsg("Sweetie10", "hi");
            WebElement row = waitFor(By.xpath("//tr[@data-conversation][td[@class='partner' and text()='amy']]"));
            awaitReplies(amy, 1);
            assertThat(heading.isDisplayed()).as("the same page, not reloaded (a reload leaves this stale)").isTrue();
            long id = conversation("amy").id();
            assertThat(row.getAttribute("data-conversation")).isEqualTo(Long.toString(id));
            assertThat(driver.getCurrentUrl()).endsWith("/desk");
            chromium.screenshot(Path.of("../web/target/screenshots/desk.png"));

            row.findElement(By.tagName("a")).click();
            driver.findElement(By.xpath("//button[text()='Take over']")).click();
            assertThat(flash()).isEqualTo("You took the conversation over.");
            assertThat(textOf(chromium, By.id("state"))).isEqualTo("taken over by olive");

            WebElement chatHeading = driver.findElement(By.tagName("h1"));
            following();
            amy.privmsg("Sweetie10", "how are you?");
            waitFor(By.xpath("//tbody[@id='lines']/tr[@class='partner fresh']/td[text()='how are you?']"));
            assertThat(chatHeading.isDisplayed()).as("the chat page was not reloaded").isTrue();

            say("send me a pic");
            assertThat(flash()).startsWith("Refused, not sent:").endsWith("(images)");
            say("im fine, and you?");
            assertThat(flash()).isEqualTo("Allowed and sent.");
            assertThat(awaitReplies(amy, 2).get(1)).isEqualTo("im fine, and you?");
            // the supervisor follows the dashboard in a browser of his own while the operator writes
            supervisor = new Chromium(dir.resolve("chromium-supervisor"));
            logIn(supervisor, "sam");
            supervisor.driver.get(base() + "/dashboard");
            WebElement dashboard = supervisor.driver.findElement(By.tagName("h1"));
            waitFor(supervisor, By.cssSelector("#live[data-stream='open']"));
            assertThat(textOf(supervisor, By.id("no-held"))).isEqualTo("No draft waits for a supervisor.");

            say("zxqv blorft po");
            assertThat(flash()).startsWith("Held for a supervisor as draft #1, not sent:").endsWith("(register)");
            assertThat(textOf(chromium, By.id("lines"))).doesNotContain("send me a pic")
                    .doesNotContain("zxqv blorft po");

            By held = By.cssSelector("#held tr[data-draft='1']");
            waitFor(supervisor, held);
            assertThat(dashboard.isDisplayed()).as("the dashboard was not reloaded").isTrue();
            assertThat(textOf(supervisor, held)).contains("zxqv blorft po").contains("olive");
            assertThat(replies(amy)).as("not said before the approval").hasSize(2);
            // a form the page's script made
            stable(supervisor).until(d -> {
                d.findElement(held).findElement(By.xpath(".//button[@value='approve']")).click();
                return true;
            });
            waitFor(supervisor, By.cssSelector("p.flash"));
            assertThat(textOf(supervisor, By.cssSelector("p.flash")))
                    .startsWith("Draft #1 approved and sent: approved by sam");
            assertThat(awaitReplies(amy, 3).get(2)).isEqualTo("zxqv blorft po");
            assertThat(supervisor.consoleProblems()).as("nothing in the supervisor's console").isEmpty();

            driver.get(base() + "/desk/" + id);
            driver.findElement(By.xpath("//button[text()='Hand back to the bot']")).click();
            assertThat(flash()).isEqualTo("You handed the conversation back to the bot.");
            amy.privmsg("Sweetie10", "where are you from?");
            assertThat(awaitReplies(amy, 4).get(3)).containsIgnoringCase("cebu");
            assertThat(replies(amy)).doesNotContain("send me a pic");
            assertThat(chromium.consoleProblems()).as("nothing in the browser's console").isEmpty();
        }
        // the network goes away: the open desk shows it down without a reload
        driver.get(base() + "/desk");
        WebElement desk = driver.findElement(By.tagName("h1"));
        following();
        assertThat(textOf(chromium, By.cssSelector("#health li.up"))).contains("testnet");
        server.close();
        waitFor(By.cssSelector("#health li.down"));
        assertThat(textOf(chromium, By.cssSelector("#health li.down"))).contains("testnet").endsWith(": down");
        assertThat(desk.isDisplayed()).as("the desk was not reloaded").isTrue();
        long id = conversation("amy").id();
        assertThat(workspace.store().messages(id)).filteredOn(m -> m.author().isPersona())
                .extracting(Message::text).doesNotContain("send me a pic").contains("zxqv blorft po");
        assertThat(workspace.store().events(id)).filteredOn(e -> e.kind() == EventKind.OPERATOR)
                .extracting(e -> e.detail())
                .containsExactly("taken over by olive", "handed back to the bot by olive");
    }

    private String base() {
        return "http://127.0.0.1:" + consolePort.get();
    }

    private void logIn(String user) {
        logIn(chromium, user);
    }

    private void logIn(Chromium browser, String user) {
        var driver = browser.driver;
        driver.get(base() + "/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("form.login button")).click();
        waitFor(browser, By.cssSelector("header .who"));
    }

    private void say(String text) {
        var driver = chromium.driver;
        driver.findElement(By.name("text")).sendKeys(text);
        driver.findElement(By.xpath("//button[text()='Say through the guard']")).click();
    }

    /** The page follows the desk's events (so a line said now reaches it without a reload). */
    private void following() {
        waitFor(By.cssSelector("#desk[data-stream='open']"));
    }

    private String flash() {
        waitFor(By.cssSelector("p.flash"));
        return textOf(chromium, By.cssSelector("p.flash"));
    }

    private WebElement waitFor(By what) {
        return waitFor(chromium, what);
    }

    /**
     * A wait that finds its element anew when the desk's events drew it again meanwhile (the health list and the
     * held drafts are drawn from every event).
     */
    private static WebDriverWait stable(Chromium browser) {
        WebDriverWait wait = new WebDriverWait(browser.driver, LIMIT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private static String textOf(Chromium browser, By what) {
        return stable(browser).until(d -> d.findElement(what).getText());
    }

    private static WebElement waitFor(Chromium browser, By what) {
        return new WebDriverWait(browser.driver, LIMIT).until(ExpectedConditions.presenceOfElementLocated(what));
    }

    private Conversation conversation(String partner) {
        return workspace.store().conversations().stream()
                .filter(c -> c.key().partnerAccount().equals(partner)).findFirst().orElseThrow();
    }

    private static void awaitPersona(PlainIrcClient partner) throws IOException {
        partner.send("JOIN #room");
        Deadline.await("the persona in #room", LIMIT, () -> partner.received().stream().anyMatch(
                l -> l.contains(" 353 ") && l.contains("Sweetie10") || l.startsWith(":Sweetie10!")
                        && l.contains(" JOIN ")));
    }

    private static List<String> replies(PlainIrcClient partner) {
        return partner.received().stream().filter(l -> l.startsWith(":Sweetie10!") && l.contains(" PRIVMSG "))
                .map(l -> l.substring(l.indexOf(" :", 1) + 2)).filter(t -> !t.startsWith("\u0001")).toList();
    }

    private static List<String> awaitReplies(PlainIrcClient partner, int count) {
        Deadline.await(count + " replies", LIMIT, () -> replies(partner).size() >= count);
        return replies(partner);
    }
}
