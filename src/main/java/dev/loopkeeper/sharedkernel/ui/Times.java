package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Times as the signed-in user reads them: in their own zone (their profile's, else their browser's, which
 * {@link MainLayout} puts into the session when the UI opens), with the zone named, so a time never means two
 * things. Outside a UI (emails, alerts) the zone is the server's, named too.
 */
public final class Times {

    static final String ZONE = "loopkeeper.zone";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm zzz");

    private Times() {}

    /** The zone of the user of this session. */
    public static ZoneId zone() {
        VaadinSession session = VaadinSession.getCurrent();
        Object zone = session == null ? null : session.getAttribute(ZONE);
        return zone instanceof ZoneId id ? id : ZoneId.systemDefault();
    }

    /** The language of this UI's user (their choice, else their browser's); English outside a UI. */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return Translations.supported(ui == null ? null : ui.getLocale());
    }

    static final String BROWSER_ZONE = "loopkeeper.browser-zone";

    static void use(VaadinSession session, ZoneId zone) {
        session.setAttribute(ZONE, zone);
    }

    /** What the browser said its zone is, kept for the session (before sign-in, so the first view has it). */
    public static void rememberBrowserZone(VaadinSession session, String zoneId) {
        try {
            session.setAttribute(BROWSER_ZONE, zoneId == null ? null : ZoneId.of(zoneId));
        } catch (DateTimeException unknown) {
            session.setAttribute(BROWSER_ZONE, null);
        }
    }

    static ZoneId browserZone(VaadinSession session) {
        return session.getAttribute(BROWSER_ZONE) instanceof ZoneId zone ? zone : null;
    }

    /** Day, month, year, time and zone, such as 29 Nov 2026, 14:05 CET; empty for none. */
    public static String format(Instant instant) {
        return format(instant, zone());
    }

    public static String format(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.withLocale(locale()).format(instant.atZone(zone));
    }

    /** The day only, in the user's zone. */
    public static String date(Instant instant) {
        return instant == null ? "" : DATE.withLocale(locale()).format(instant.atZone(zone()));
    }

    /** The time of day somewhere else, such as the customer's, with its zone (14:05 SGT). */
    public static String timeIn(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.withLocale(locale()).format(instant.atZone(zone));
    }
}
