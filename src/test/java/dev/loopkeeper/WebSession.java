package dev.loopkeeper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session over plain HTTP: signs in through the login form, keeps the session cookie, and opens
 * Vaadin views the way Vaadin's client does, so a test can read exactly what the server sends to a browser.
 */
public final class WebSession {

    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;

    private WebSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Signs the user in with the login form, as the login page would. */
    public static WebSession signIn(int port, String user, String password) throws IOException, InterruptedException {
        WebSession session = new WebSession(port);
        HttpResponse<String> signedIn = postLoginForm(session.http, session.base, user, password);
        String landing = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || landing.contains("error")) {
            throw new IllegalStateException(user + " could not sign in: " + signedIn.statusCode() + " " + landing);
        }
        return session;
    }

    /**
     * Posts the login form with the CSRF token of the login page, as the page's form does, on a client that keeps
     * cookies. In the first minutes of a fresh checkout's first test JVM Vaadin answers every page with a
     * "building the frontend" placeholder (no token) while it builds its development bundle: this waits for the
     * real page.
     */
    public static HttpResponse<String> postLoginForm(HttpClient http, String base, String user, String password)
            throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(8));
        while (true) {
            Matcher token = CSRF_META.matcher(http.send(
                            HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            if (token.find()) {
                return http.send(
                        HttpRequest.newBuilder(URI.create(base + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password="
                                        + encode(password) + "&_csrf=" + encode(token.group(1))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("The login page never showed its CSRF token");
            }
            Thread.sleep(2_000);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * In development mode Vaadin answers every page with a "starting" page until its frontend bundle is ready;
     * waits for that, as that page itself does.
     */
    public WebSession awaitFrontend(Duration atMost) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(atMost);
        while (http.send(
                        HttpRequest.newBuilder(URI.create(base + "/"))
                                .header("X-DevModePoll", "true")
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .headers()
                .firstValue("X-DevModePending")
                .isPresent()) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("Vaadin's frontend was not ready after " + atMost);
            }
            Thread.sleep(500);
        }
        return this;
    }

    /** Starts a UI as the bootstrap page's script does; returns the server's answer (the UI's configuration). */
    public String startUi() throws IOException, InterruptedException {
        return get("/?v-r=init&location=&query=").body();
    }

    /**
     * Opens the route in the UI the way Vaadin's client does after a page load or a link: the navigation event
     * of the UI's root node. Returns what the server sends back: the changes to the page.
     */
    public String navigate(String uiConfiguration, String route) throws IOException, InterruptedException {
        String securityKey = find(SECURITY_KEY, uiConfiguration);
        String uiId = find(UI_ID, uiConfiguration);
        String event = """
                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s",\
                "query":"","appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":0,"clientId":0}""".formatted(securityKey, route);
        return http.send(
                        HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId))
                                .header("Content-Type", "application/json; charset=UTF-8")
                                .POST(HttpRequest.BodyPublishers.ofString(event))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + pattern + " in " + text);
        }
        return matcher.group(1);
    }
}
