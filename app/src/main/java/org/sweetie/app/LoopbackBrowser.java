package org.sweetie.app;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user of the console that {@code sweetie bench console} started, logged in over HTTP on 127.0.0.1: cookies kept,
 * redirects read by hand. It can reach nothing but a port on the loopback address (rule 3).
 */
final class LoopbackBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String csrf;

    private LoopbackBrowser(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Logs in and reads the session's CSRF token from the page a role lands on. */
    static LoopbackBrowser login(int port, String name, String password, String landing)
            throws IOException, InterruptedException {
        LoopbackBrowser b = new LoopbackBrowser(port);
        b.csrf = token(b.get("/login"));
        b.post("/login", "username=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8));
        b.csrf = token(b.get(landing)); // a login opens a new session with its own token
        return b;
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    /** The page's body; anything but 200 is an error. */
    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
        }
        return r.body();
    }

    /** Posts a form with the session's token; returns where it redirects to. */
    String post(String path, String form) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + csrf)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 303 && r.statusCode() != 302) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode());
        }
        return r.headers().firstValue("Location").orElseThrow();
    }
}
