package org.sweetie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.analysis.Analyzer;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.evidence.AuditEvent;
import org.sweetie.evidence.AuditTrail;
import org.sweetie.evidence.Entries;
import org.sweetie.identity.Level;
import org.sweetie.referral.Referrals;
import org.sweetie.referral.Routing;
import org.sweetie.referral.Sender;

/**
 * The supervisors' dashboard and the referral pages over real HTTP on a real SQLite store: the headline figures are
 * the referral package's summary, deterrence and the guard are counted from the store and the evidence log,
 * packages are built, listed and downloaded (audited), and uploaded bundles verify or fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardAndReferralsTest {
    private static final Pattern SUMMARY_ROW = Pattern.compile(
            "(?m)^(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$");
    private static final Pattern DASHBOARD_ROW = Pattern.compile("<tr data-folder=\"([^\"]+)\">(.*?)</tr>");
    private static final Pattern NUMBER = Pattern.compile("<td class=\"number\">(\\d+)</td>");

    ConsoleFixture fixture;
    Path folder;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        this.folder = folder;
        fixture = new ConsoleFixture(folder.resolve("store.db").toString(), folder);
        // dave is warned at both levels and writes again after the last one; the guard refused one draft
        Conversation dave = fixture.store.findConversation(fixture.dave).orElseThrow();
        Instant t = ConsoleFixture.T0.plusSeconds(600);
        try (var unit = fixture.store.appender()) {
            unit.record(dave, new Event(t, EventKind.WARNING, "bot", "deterrence warning level 1 of 2", null, null));
            unit.record(dave, new Event(t.plusSeconds(60), EventKind.WARNING, "bot",
                    "deterrence warning level 2 of 2", null, null));
            unit.commit();
        }
        fixture.store.append(dave, Message.received(t.plusSeconds(120), Author.PARTNER, "dave_uk", "hello again",
                null, null));
        fixture.evidence.record(Entries.guard(dave, t, Author.BOT, "reply", "a draft", "refused", "no_initiative",
                "the persona never raises the topic"), dave.id());
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    Http as(String role) throws Exception {
        Http http = new Http(fixture.base());
        assertThat(http.login(role, ConsoleFixture.PASSWORD).statusCode()).isEqualTo(303);
        return http;
    }

    @Test
    void theHeadlineFiguresAreThoseOfTheReferralSummary() throws Exception {
        Map<String, List<Integer>> summary = summary(fixture, folder.resolve("cli-package"));
        assertThat(summary).containsKey("all");
        assertThat(summary.get("all").get(0)).as("contacts").isGreaterThanOrEqualTo(3);
        assertThat(summary.get("all").get(1)).as("solicitation").isPositive();
        assertThat(dashboard(as("supervisor"))).isEqualTo(summary);
    }

    @Test
    void afterChangesTheKeptFiguresAreStillThoseOfTheReferralSummary(@TempDir Path own) throws Exception {
        try (ConsoleFixture changing = new ConsoleFixture(own.resolve("store.db").toString(), own)) {
            Http supervisor = new Http(changing.base());
            assertThat(supervisor.login("supervisor", ConsoleFixture.PASSWORD).statusCode()).isEqualTo(303);
            Map<String, List<Integer>> before = dashboard(supervisor); // kept: suspects, countries, parts
            changing.said("frank", "hi", "hello", "i live in london, its 9pm here", "ok",
                    "call me +44 7700 900456 or mail frank.k@example.com");
            changing.said("frank_2", "hey", "hi", "its me again, frank.k@example.com");
            Conversation dave = changing.store.findConversation(changing.dave).orElseThrow();
            changing.store.append(dave, Message.received(ConsoleFixture.T0.plusSeconds(900), Author.PARTNER,
                    "dave_uk", "i am in manchester now", null, null));

            Map<String, List<Integer>> after = dashboard(supervisor);
            assertThat(after).isNotEqualTo(before).isEqualTo(summary(changing, own.resolve("package")));
        }
    }

    /** The headline rows of a package the referral module writes now, by folder: the figures of summary.txt. */
    private static Map<String, List<Integer>> summary(ConsoleFixture on, Path out) throws Exception {
        Referrals.Outcome outcome = Referrals.writeVerified(on.store, on.evidence, Analyzer.standard(),
                new Referrals.Settings(new Sender("Example NGO", "desk@example.org", "T-1", Instant.now()),
                        new Routing(Routing.DEFAULT_MIN_CONFIDENCE), Level.ANONYMOUS, null), out);
        Map<String, List<Integer>> summary = new TreeMap<>();
        Matcher m = SUMMARY_ROW.matcher(outcome.summary());
        while (m.find()) {
            summary.put(m.group(1), List.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))));
        }
        return summary;
    }

    /** The dashboard's headline rows, by folder. */
    private static Map<String, List<Integer>> dashboard(Http supervisor) throws Exception {
        HttpResponse<String> page = supervisor.get("/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, List<Integer>> shown = new TreeMap<>();
        Matcher row = DASHBOARD_ROW.matcher(page.body());
        while (row.find()) {
            List<Integer> numbers = new ArrayList<>();
            Matcher n = NUMBER.matcher(row.group(2));
            while (n.find()) {
                numbers.add(Integer.parseInt(n.group(1)));
            }
            shown.put(row.group(1), numbers);
        }
        return shown;
    }

    @Test
    void theDashboardDrawsItsChartsAndCountsDeterrenceAndTheGuard() throws Exception {
        String body = as("analyst").get("/dashboard").body();
        assertThat(body).contains("<svg", "id=\"per-day\"", "id=\"funnel\"", "id=\"countries\"", "class=\"bar\"")
                .doesNotContain("<script").doesNotContain("style=");
        assertThat(body).contains("1 partner account warned; 1 of them wrote again after their first warning "
                + "(100 %); 1 got the last level, and 1 of those wrote again after it.");
        assertThat(body).contains("<td>1</td><td class=\"number\">1</td>", "<td>2 (the last)</td><td class=\"number\">1</td>");
        assertThat(body).contains("<td>no_initiative</td><td class=\"number\">1</td><td class=\"number\">0</td>");
    }

    @Test
    void aPackageIsBuiltListedAndDownloadedAndEachStepIsAudited() throws Exception {
        Http analyst = as("analyst");
        HttpResponse<String> built = analyst.post("/referrals", Map.of("country", "", "minLevel", "anonymous",
                "minConfidence", "0.30", "organisation", "Example NGO", "contact", "desk@example.org",
                "caseReference", "CASE-7"));
        assertThat(built.statusCode()).as(built.body()).isEqualTo(303);
        String list = analyst.get("/referrals").body();
        Matcher id = Pattern.compile("/referrals/(\\d{8}-\\d{6}-[0-9a-f]{8})/download\"").matcher(list);
        assertThat(id.find()).as(list).isTrue();
        assertThat(list).contains("case CASE-7", "summary.txt");

        HttpResponse<byte[]> zip = analyst.download("/referrals/" + id.group(1) + "/download");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        List<String> names = entries(zip.body());
        assertThat(names).contains(id.group(1) + "/summary.txt").anyMatch(n -> n.endsWith("-bundle.zip"));
        HttpResponse<byte[]> one = analyst.download("/referrals/" + id.group(1) + "/download?file=summary.txt");
        assertThat(new String(one.body(), StandardCharsets.UTF_8)).contains("contacts", "referred");
        assertThat(analyst.download("/referrals/" + id.group(1) + "/download?file=../"
                + id.group(1) + ".properties").statusCode()).as("only the package's own files").isEqualTo(404);

        List<AuditEvent> events = new AuditTrail(fixture.evidence).read(null, "analyst");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("referral");
            assertThat(e.object()).isEqualTo("referral package " + id.group(1));
        });
        assertThat(events).filteredOn(e -> e.action().equals("download")).extracting(AuditEvent::detail)
                .contains("the package as a zip", "summary.txt");
    }

    @Test
    void anUploadedBundleVerifiesAndATamperedOneFails() throws Exception {
        Http supervisor = as("supervisor");
        Path bundle = folder.resolve("bundle.zip");
        new org.sweetie.evidence.BundleWriter(fixture.evidence, java.time.Clock.systemUTC())
                .write(List.of(fixture.dave), "test", bundle);
        byte[] genuine = Files.readAllBytes(bundle);

        HttpResponse<String> ok = supervisor.upload("/referrals/verify", "bundle", "bundle.zip", genuine, true);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("OK: ").contains("conversation " + fixture.dave + ":").doesNotContain("FAILED");

        HttpResponse<String> failed = supervisor.upload("/referrals/verify", "bundle", "tampered.zip",
                tampered(genuine), true);
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.body()).contains("class=\"failed\" role=\"alert\">FAILED: ");

        assertThat(supervisor.upload("/referrals/verify", "bundle", "bundle.zip", genuine, false).statusCode())
                .as("without the form token").isEqualTo(403);
        assertThat(supervisor.postBare("/referrals", Map.of("organisation", "x", "contact", "y")).statusCode())
                .as("without the form token").isEqualTo(403);
        assertThat(new AuditTrail(fixture.evidence).read(null, "supervisor"))
                .filteredOn(e -> e.action().equals("verify")).extracting(AuditEvent::detail)
                .anySatisfy(d -> assertThat(d).startsWith("OK: ")).anySatisfy(d -> assertThat(d).startsWith("FAILED: "));
    }

    /** The bundle with one character of its first message's entry changed. */
    private static byte[] tampered(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (!changed && e.getName().startsWith("entries/")) {
                    String text = new String(content, StandardCharsets.UTF_8);
                    content = text.replace("hi how old r u", "hi how old are u").getBytes(StandardCharsets.UTF_8);
                    changed = !text.equals(new String(content, StandardCharsets.UTF_8));
                }
                copy.putNextEntry(new ZipEntry(e.getName()));
                copy.write(content);
                copy.closeEntry();
            }
        }
        assertThat(changed).as("a message entry was changed").isTrue();
        return out.toByteArray();
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
