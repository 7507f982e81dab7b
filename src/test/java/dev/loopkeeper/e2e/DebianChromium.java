package dev.loopkeeper.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The browser of the browser journeys: Debian's {@code chromium} package, driven by Playwright's bundled
 * driver. Playwright never downloads a browser of its own here; our machines cannot reach its host.
 *
 * <p>{@code -Dloopkeeper.e2e.chromium=/path/to/chrome} points at another Chromium build (say, on a Mac),
 * {@code -Dloopkeeper.e2e.headed=true} shows the window while a journey runs.
 */
final class DebianChromium {

    static final Path EXECUTABLE = Path.of(System.getProperty("loopkeeper.e2e.chromium", "/usr/bin/chromium"));

    /** Chromium's background connections (updates, sync, QUIC probes) only time out on a closed network. */
    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic");

    private DebianChromium() {}

    /** Playwright with its driver only, even where the failsafe environment is not set (an IDE). */
    static Playwright playwright() {
        requireInstalled();
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        boolean headed = Boolean.getBoolean("loopkeeper.e2e.headed");
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(!headed)
                        .setSlowMo(headed ? 250 : 0)
                        .setArgs(ARGS));
    }

    /** A missing browser fails the journeys, loudly: a skipped browser test would pass CI having tested nothing. */
    static void requireInstalled() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("The browser journeys need Chromium at " + EXECUTABLE
                    + ", which is not there. Install Debian's package as root: "
                    + "apt-get update && apt-get install -y chromium (.ci/run does this).");
        }
    }
}
