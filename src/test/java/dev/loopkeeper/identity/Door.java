package dev.loopkeeper.identity;

import dev.loopkeeper.WebSession;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One way in, as a client of that door uses it: HTTP basic for {@code /engine-rest}, the API key for {@code /api},
 * the signed-in session (with Camunda's XSRF token) for Cockpit and Admin, nothing for a stranger.
 */
final class Door {

    static final String API_KEY = "demo-intake-key";

    private final String base;
    private final String user;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    private Door(int port, String user) {
        this.base = "http://localhost:" + port;
        this.user = user;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A client with no credentials at all, or one that will present this demo user's password. */
    static Door as(int port, String user) {
        return new Door(port, user);
    }

    /** {@code /engine-rest} and {@code /api}: credentials on every request, no session. */
    HttpResponse<String> basic(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = request(method, path, contentType, body);
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    /** {@code /api}: the integration's API key. */
    HttpResponse<String> withApiKey(String method, String path, String contentType, String body) {
        return send(request(method, path, contentType, body).header("X-Api-Key", API_KEY));
    }

    /**
     * Signs in through the login form, as a browser does: the page's CSRF token, then the POST.
     *
     * @return the login's response (302 to the app, or to {@code /login?error})
     */
    HttpResponse<String> signIn(String password) {
        try {
            return WebSession.postLoginForm(http, base, user, password);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A login POST without the page's CSRF token, as a form on another site would send it. */
    HttpResponse<String> signInWithoutToken(String password) {
        return send(request(
                "POST",
                "/login",
                "application/x-www-form-urlencoded",
                "username=" + encode(user) + "&password=" + encode(password)));
    }

    /** The webapps' own API, with the session and Camunda's XSRF token, as Cockpit's scripts call it. */
    HttpResponse<String> session(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = request(method, path, contentType, body);
        xsrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return send(request);
    }

    private java.util.Optional<String> xsrfToken() {
        if (cookies.getCookieStore().getCookies().stream()
                .noneMatch(c -> c.getName().equals("XSRF-TOKEN"))) {
            // Camunda hands out its token with the first page of a webapp
            send(request("GET", "/camunda/app/cockpit/default/", null, null));
        }
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    private HttpRequest.Builder request(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
