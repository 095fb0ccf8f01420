package org.sweetie.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client for the console without a browser, for what a browser hides (status codes, headers): one session
 * cookie, redirects not followed, forms posted as a browser posts them.
 */
final class Http {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile(Access.COOKIE + "=([^;]*)");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String session;
    private String csrf;

    Http(String base) {
        this.base = base;
    }

    /**
     * Logs in through the form and, when that worked, opens the page it leads to (which carries the new session's
     * form token); the session and its token are kept for the next requests. Returns the login's response.
     */
    HttpResponse<String> login(String user, String password) throws Exception {
        get("/login");
        HttpResponse<String> response = post("/login", Map.of("username", user, "password", password));
        HttpResponse<String> next = response;
        for (int hops = 0; hops < 3 && next.headers().firstValue("Location").isPresent(); hops++) {
            next = get(next.headers().firstValue("Location").get());
        }
        return response;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form with the session's token. */
    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (csrf != null) {
            withToken.put("_csrf", csrf);
        }
        return postBare(path, withToken);
    }

    /** Posts exactly these fields: no token unless given. */
    HttpResponse<String> postBare(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a file as a browser's multipart form does, with the session's token unless {@code token} is false. */
    HttpResponse<String> upload(String path, String field, String filename, byte[] content, boolean token)
            throws IOException, InterruptedException {
        String boundary = "----sweetie" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        if (token && csrf != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A download's bytes (the session's cookie sent, nothing read from the body). */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (session != null) {
            request.header("Cookie", Access.COOKIE + "=" + session);
        }
        return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends this session id from now on, as someone who copied the cookie would. */
    Http withSession(String id) {
        session = id;
        return this;
    }

    String csrf() {
        return csrf;
    }

    String session() {
        return session;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (session != null) {
            request.header("Cookie", Access.COOKIE + "=" + session);
        }
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(cookie -> {
            Matcher m = COOKIE.matcher(cookie);
            if (m.find()) {
                session = m.group(1).isEmpty() ? null : m.group(1);
            }
        });
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }
}
