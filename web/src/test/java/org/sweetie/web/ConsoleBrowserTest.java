package org.sweetie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sweetie.core.LinkDecision;
import org.sweetie.evidence.AuditTrail;
import org.sweetie.evidence.Entries;
import org.sweetie.evidence.Entry;
import org.sweetie.evidence.EntryEncoding;

/** The console in a real browser (Debian's Chromium): login per role, hostile chat shown as text, CSRF, decisions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    ConsoleFixture fixture;
    Chromium chromium;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        fixture = new ConsoleFixture(folder.resolve("store.db").toString(), folder);
        chromium = new Chromium(folder.resolve("chromium-profile"));
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        fixture.close();
    }

    @BeforeEach
    void loggedOut() {
        chromium.driver.get(fixture.base() + "/login");
        chromium.driver.manage().deleteAllCookies();
        chromium.consoleProblems();
    }

    void logIn(String user) {
        var driver = chromium.driver;
        driver.get(fixture.base() + "/conversations");
        assertThat(driver.getCurrentUrl()).as("an anonymous page view leads to the login").endsWith("/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(ConsoleFixture.PASSWORD);
        driver.findElement(By.cssSelector("form.login button")).click();
        waitFor(By.cssSelector("header .who"));
    }

    WebElement waitFor(By what) {
        return new WebDriverWait(chromium.driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(what));
    }

    String path() {
        return java.net.URI.create(chromium.driver.getCurrentUrl()).getPath();
    }

    @ParameterizedTest(name = "{0} lands on {1} and sees {2}")
    @CsvSource(delimiter = '|', textBlock = """
            operator   | /conversations | Conversations, Desk
            analyst    | /conversations | Conversations, Suspects, Referrals, Dashboard
            supervisor | /conversations | Conversations, Desk, Suspects, Referrals, Dashboard, Audit
            admin      | /users         | Users, Audit
            """)
    void eachRoleLogsInToItsFirstPageAndSeesOnlyItsPages(String role, String landing, String menu) {
        logIn(role);

        assertThat(path()).isEqualTo(landing);
        assertThat(chromium.driver.findElement(By.cssSelector("header .who")).getText())
                .isEqualTo(role + " (" + role + ")");
        assertThat(chromium.driver.findElements(By.cssSelector("header nav a")).stream().map(WebElement::getText)
                .toList()).containsExactlyElementsOf(List.of(menu.split(", ")));
        chromium.driver.findElement(By.cssSelector("form.logout button")).click();
        waitFor(By.name("username"));
        assertThat(path()).isEqualTo("/login");
        assertThat(chromium.consoleProblems()).isEmpty();
    }

    @Test
    void aPartnersMarkupIsShownAsTextAndNothingOfItRuns() throws Exception {
        logIn("analyst");
        chromium.driver.get(fixture.base() + "/conversations/" + fixture.hostile);
        WebElement said = waitFor(By.cssSelector("tr.partner td.text"));

        assertThat(said.getText()).contains("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(1)\">click</a>", "javascript:alert(2)");
        assertThat(said.findElements(By.cssSelector("span.ctl")).stream().map(WebElement::getText))
                .containsExactly("U+202E", "U+202C", "U+0007");
        assertThat(chromium.driver.findElements(By.tagName("script"))).isEmpty();
        assertThat(chromium.driver.findElements(By.tagName("img"))).isEmpty();
        assertThat(chromium.driver.findElements(By.cssSelector("main a")).stream()
                .map(a -> a.getAttribute("href"))).allSatisfy(href -> assertThat(href)
                        .startsWith(fixture.base() + "/"));
        assertThatThrownBy(() -> chromium.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(chromium.consoleProblems()).as("no script ran, none was blocked").isEmpty();
        chromium.screenshot(Path.of("target", "screenshots", "hostile.png"));
        assertThat(new Http(fixture.base()).get("/login").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'")
                        .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
    }

    @Test
    void theTranscriptMarksWhereEachStageWasSeenAndSaysWhy() throws Exception {
        logIn("supervisor");
        chromium.screenshot(Path.of("target", "screenshots", "conversations.png"));
        chromium.driver.get(fixture.base() + "/conversations/" + fixture.dave);
        waitFor(By.cssSelector("table.transcript"));

        List<WebElement> marks = chromium.driver.findElements(By.cssSelector("td.text mark"));
        assertThat(marks).extracting(m -> m.getAttribute("title")).contains("stage webcam request",
                "stage payment offer");
        assertThat(marks).filteredOn(m -> m.getAttribute("title").equals("stage webcam request"))
                .extracting(WebElement::getText).singleElement().asString().containsIgnoringCase("cam");
        assertThat(chromium.driver.findElement(By.cssSelector("table.flags")).getText())
                .contains("the partner asked for the camera", "webcam child sex tourism", "you have a cam");
        chromium.driver.executeScript("document.querySelector('table.transcript').scrollIntoView()");
        chromium.screenshot(Path.of("target", "screenshots", "transcript.png"));
    }

    @Test
    void theDashboardDrawsItsChartsWithoutScript() throws Exception {
        logIn("supervisor");
        chromium.driver.get(fixture.base() + "/dashboard");
        waitFor(By.cssSelector("table.headline"));

        assertThat(chromium.driver.findElements(By.cssSelector("figure.chart svg rect.bar"))).isNotEmpty();
        assertThat(chromium.driver.findElement(By.cssSelector("#funnel svg rect.bar")).getSize().getWidth())
                .as("the funnel's first bar is drawn").isPositive();
        assertThat(chromium.driver.findElement(By.cssSelector("table.headline tfoot")).getText()).startsWith("All");
        assertThat(chromium.driver.findElements(By.tagName("script"))).isEmpty();
        assertThat(chromium.consoleProblems()).isEmpty();
        chromium.screenshot(Path.of("target", "screenshots", "dashboard.png"));
    }

    @Test
    void aFormWithoutItsTokenIsRefusedInTheBrowserToo() {
        logIn("analyst");
        chromium.driver.executeScript("document.querySelector('form.search input[name=_csrf]').remove()");
        chromium.driver.findElement(By.name("text")).sendKeys("hello");
        chromium.driver.findElement(By.cssSelector("form.search button")).click();

        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Form refused");
        chromium.driver.get(fixture.base() + "/conversations");
        assertThat(waitFor(By.tagName("h1")).getText()).as("still logged in").isEqualTo("Conversations");
    }

    @Test
    void anAnalystConfirmsALinkFromTheSuspectPage() throws Exception {
        logIn("analyst");
        chromium.driver.get(fixture.base() + "/suspects");
        chromium.driver.findElement(By.cssSelector("table.list tbody tr:first-child a")).click();
        WebElement form = waitFor(By.cssSelector("table.links form.decision"));
        String account = form.findElement(By.name("account")).getAttribute("value");
        form.findElement(By.name("note")).sendKeys("same Skype name, same greeting");
        form.findElement(By.cssSelector("button[value=confirm]")).click();

        assertThat(waitFor(By.cssSelector("p.flash")).getText()).isEqualTo("Link confirmed.");
        assertThat(chromium.driver.findElement(By.cssSelector("table.decisions")).getText())
                .contains("analyst", "confirm", "skype dave.example.uk", "same Skype name, same greeting");
        assertThat(fixture.raw.linkDecisions()).singleElement().satisfies(d -> {
            assertThat(d.analyst()).isEqualTo("analyst");
            assertThat(d.handle() + "@" + d.network()).isEqualTo(account);
            assertThat(d.keyValue()).isEqualTo("dave.example.uk");
        });
        LinkDecision made = fixture.raw.linkDecisions().getFirst();
        List<Entry> logged = fixture.raw.evidence().entriesOfKind(Entries.LINK_DECISION).stream().map(r -> {
            try {
                return EntryEncoding.decode(r.body());
            } catch (EntryEncoding.MalformedEntryException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(logged).singleElement().satisfies(e -> assertThat(e.get("note")).isEqualTo(made.note()));
        assertThat(new AuditTrail(fixture.evidence).read(null, "analyst"))
                .anySatisfy(e -> assertThat(e.action() + " " + e.detail()).isEqualTo("decision confirm: 1 link"));
        assertThat(chromium.consoleProblems()).isEmpty();
        chromium.screenshot(Path.of("target", "screenshots", "suspect.png"));
    }
}
