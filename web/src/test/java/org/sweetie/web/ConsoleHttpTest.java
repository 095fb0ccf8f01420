package org.sweetie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweetie.core.Role;
import org.sweetie.evidence.AuditEvent;
import org.sweetie.evidence.AuditTrail;

/** The console's contract over real HTTP: who may open what, the headers, the cookie, the CSRF token, the audit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleHttpTest {
    ConsoleFixture fixture;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        fixture = new ConsoleFixture(folder.resolve("store.db").toString(), folder);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    Http as(String role) throws Exception {
        Http http = new Http(fixture.base());
        if (!role.equals("anonymous")) {
            assertThat(http.login(role, ConsoleFixture.PASSWORD).statusCode()).as("login of " + role).isEqualTo(303);
        }
        return http;
    }

    /** {desk}: the conversation an operator took over; {other}: one the operators never had. */
    String path(String template) {
        return template.replace("{desk}", Long.toString(fixture.takenOver))
                .replace("{other}", Long.toString(fixture.hostile));
    }

    @ParameterizedTest(name = "GET {0}: anonymous {1}, operator {2}, analyst {3}, supervisor {4}, admin {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # page                 | anonymous | operator | analyst | supervisor | admin
            /                      | 302       | 302      | 302     | 302        | 302
            /login                 | 200       | 302      | 302     | 302        | 302
            /conversations         | 302       | 200      | 200     | 200        | 403
            /conversations/{desk}  | 302       | 200      | 200     | 200        | 403
            /conversations/{other} | 302       | 403      | 200     | 200        | 403
            /conversations/999999  | 302       | 404      | 404     | 404        | 403
            /desk                  | 302       | 200      | 403     | 200        | 403
            /desk/{desk}           | 302       | 404      | 403     | 404        | 403
            /suspects              | 302       | 403      | 200     | 200        | 403
            /suspects/1            | 302       | 403      | 200     | 200        | 403
            /referrals             | 302       | 403      | 200     | 200        | 403
            /referrals/none/download | 302     | 403      | 404     | 404        | 403
            /dashboard             | 302       | 403      | 200     | 200        | 403
            /audit                 | 302       | 403      | 403     | 200        | 200
            /users                 | 302       | 403      | 403     | 403        | 200
            /nowhere               | 302       | 404      | 404     | 404        | 404
            /static/console.css    | 200       | 200      | 200     | 200        | 200
            /static/desk.js        | 200       | 200      | 200     | 200        | 200
            """)
    void everyPageForEveryRole(String page, int anonymous, int operator, int analyst, int supervisor, int admin)
            throws Exception {
        Map<String, Integer> expected = Map.of("anonymous", anonymous, "operator", operator, "analyst", analyst,
                "supervisor", supervisor, "admin", admin);
        for (var role : expected.entrySet()) {
            HttpResponse<String> response = as(role.getKey()).get(path(page));
            assertThat(response.statusCode()).as(role.getKey() + " GET " + page).isEqualTo(role.getValue());
            if (response.statusCode() == 302 && role.getKey().equals("anonymous")) {
                assertThat(response.headers().firstValue("Location")).as(page).hasValue("/login");
            }
        }
    }

    @ParameterizedTest(name = "POST {0}: operator {1}, analyst {2}, supervisor {3}, admin {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # form                 | operator | analyst | supervisor | admin
            /conversations         | 303      | 303     | 303        | 403
            /suspects/1/decision   | 403      | 303     | 303        | 403
            /referrals             | 403      | 400     | 400        | 403
            /desk/drafts/1         | 403      | 403     | 303        | 403
            /users                 | 403      | 403     | 403        | 400
            /users/disable         | 403      | 403     | 403        | 400
            """)
    void everyFormForEveryRole(String form, int operator, int analyst, int supervisor, int admin) throws Exception {
        // forms that change nothing: a search, a decision on a link that does not exist, a user without a password,
        // a referral package without its sender
        Map<String, String> fields = Map.of("text", "hello", "action", "confirm", "account", "dave_uk@libera",
                "link", "skype:nobody", "name", "nobody");
        Map<String, Integer> expected = Map.of("operator", operator, "analyst", analyst, "supervisor", supervisor,
                "admin", admin);
        for (var role : expected.entrySet()) {
            assertThat(as(role.getKey()).post(form, fields).statusCode()).as(role.getKey() + " POST " + form)
                    .isEqualTo(role.getValue());
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (HttpResponse<String> response : new HttpResponse[] {as("anonymous").get("/login"),
            as("analyst").get("/conversations/" + fixture.hostile), as("admin").get("/conversations"),
            as("admin").get("/nowhere")}) {
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(response.uri().toString())
                    .hasValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
        }
        assertThat(as("anonymous").get("/static/console.css").headers().firstValue("Content-Security-Policy"))
                .isPresent();
        assertThat(as("anonymous").get("/login").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html").containsIgnoringCase("utf-8"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrictAndLoginGivesANewOne() throws Exception {
        Http http = new Http(fixture.base());
        HttpResponse<String> form = http.get("/login");
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/")
                .doesNotContain("Secure");
        assertThat(form.body()).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
        String before = http.session();
        assertThat(before).hasSizeGreaterThanOrEqualTo(43); // 256 bits in base64url

        HttpResponse<String> in = http.post("/login", Map.of("username", "analyst",
                "password", ConsoleFixture.PASSWORD));
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).hasValue("/");
        assertThat(http.session()).isNotEqualTo(before);
        Http stolen = new Http(fixture.base());
        assertThat(stolen.get("/conversations").statusCode()).isEqualTo(302);
    }

    @Test
    void aPostWithoutTheFormTokenIsRefused() throws Exception {
        Http analyst = as("analyst");
        assertThat(analyst.postBare("/conversations", Map.of("text", "hi")).statusCode()).isEqualTo(403);
        assertThat(analyst.postBare("/conversations", Map.of("text", "hi", "_csrf", "forged")).statusCode())
                .isEqualTo(403);
        assertThat(analyst.postBare("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(analyst.get("/conversations").statusCode()).as("still logged in").isEqualTo(200);

        Http stranger = new Http(fixture.base());
        stranger.get("/login");
        assertThat(stranger.postBare("/login", Map.of("username", "analyst", "password", ConsoleFixture.PASSWORD))
                .statusCode()).isEqualTo(403);
        assertThat(new Http(fixture.base()).postBare("/login", Map.of("username", "analyst",
                "password", ConsoleFixture.PASSWORD, "_csrf", "x")).statusCode()).as("no session at all")
                .isEqualTo(403);
    }

    @Test
    void aDecisionNamesAnAccountOfTheSuspect() throws Exception {
        HttpResponse<String> refused = as("analyst").post("/suspects/1/decision", Map.of("action", "split",
                "account", "mallory@libera"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("not one of this suspect");
        assertThat(as("analyst").post("/suspects/1/decision", Map.of("action", "merge", "account", "davey@libera"))
                .statusCode()).isEqualTo(400);
        assertThat(fixture.raw.linkDecisions()).isEmpty();
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        Http http = as("supervisor");
        String session = http.session();
        HttpResponse<String> out = http.post("/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/login");
        assertThat(http.session()).as("the cookie is taken back").isNull();
        assertThat(new Http(fixture.base()).withSession(session).get("/audit").statusCode()).as("replayed")
                .isEqualTo(302);
    }

    @Test
    void aWrongPasswordIsRefusedAndEveryLoginAndViewIsAudited() throws Exception {
        Http http = new Http(fixture.base());
        HttpResponse<String> wrong = http.login("supervisor", "not the password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong name or password.");
        Http analyst = as("analyst");
        analyst.get("/conversations/" + fixture.dave);
        analyst.get("/suspects/1");

        var events = new AuditTrail(fixture.evidence).read(null, null);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("login_failed");
            assertThat(e.user()).isEqualTo("supervisor");
            assertThat(e.detail()).isEqualTo("wrong password");
            assertThat(e.address()).isEqualTo("127.0.0.1");
        });
        assertThat(events).filteredOn(e -> e.user().equals("analyst")).extracting(AuditEvent::action)
                .contains("login", "view_transcript", "view_suspect");
        assertThat(events).filteredOn(e -> e.action().equals("view_transcript"))
                .extracting(AuditEvent::object).contains("conversation " + fixture.dave);

        HttpResponse<String> audit = as("admin").get("/audit?user=analyst");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("view_transcript", "conversation " + fixture.dave)
                .doesNotContain(ConsoleFixture.HOSTILE.substring(0, 10)).doesNotContain("dave.example.uk");
    }

    @Test
    void aDisabledUserIsLoggedOutAtTheNextRequestAndCannotLogIn() throws Exception {
        Http admin = as("admin");
        assertThat(admin.post("/users", Map.of("name", "temp", "role", Role.ANALYST.key(),
                "password", "a long password 1", "again", "a long password 1")).statusCode()).isEqualTo(303);
        Http temp = new Http(fixture.base());
        assertThat(temp.login("temp", "a long password 1").statusCode()).isEqualTo(303);
        assertThat(temp.get("/suspects").statusCode()).isEqualTo(200);

        assertThat(admin.post("/users/disable", Map.of("name", "temp")).statusCode()).isEqualTo(303);
        assertThat(temp.get("/suspects").statusCode()).isEqualTo(302);
        assertThat(new Http(fixture.base()).login("temp", "a long password 1").statusCode()).isEqualTo(401);
        assertThat(admin.get("/users").body()).contains("temp");
    }

    @Test
    void aSearchStaysOutOfTheUrl() throws Exception {
        Http analyst = as("analyst");
        HttpResponse<String> found = analyst.post("/conversations", Map.of("identifier", "dave.example.uk"));
        String location = found.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/conversations\\?search=[0-9a-f]{18}").doesNotContain("dave");
        HttpResponse<String> list = analyst.get(location);
        assertThat(list.body()).contains("2 conversations").contains("href=\"/conversations/" + fixture.dave + "\"")
                .contains("href=\"/conversations/" + fixture.davey + "\"")
                .doesNotContain("href=\"/conversations/" + fixture.hostile + "\"");
        assertThat(as("supervisor").get(location).body()).as("another session's search is not found")
                .contains("4 conversations");
    }
}
