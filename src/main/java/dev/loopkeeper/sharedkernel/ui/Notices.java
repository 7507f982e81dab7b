package dev.loopkeeper.sharedkernel.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.loopkeeper.sharedkernel.Worded;

/**
 * How every screen tells the user what happened: success briefly at the bottom, a refusal or a failure in the
 * middle until read, a bulk outcome at the bottom with what did not go through.
 */
public final class Notices {

    private Notices() {}

    public static void success(String text) {
        success(text, 3000);
    }

    public static void success(String text, int milliseconds) {
        Notification.show(text, milliseconds, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** The action was refused, and the text says why in the user's words. */
    public static void refused(String text) {
        Notification.show(text, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** The action was refused: the refusal's words in the user's language when it has them, else its message. */
    public static void refused(RuntimeException refusal) {
        refused(said(refusal));
    }

    /** What a refusal or failure says to the user: its words, else its message. */
    public static String said(RuntimeException refusal) {
        return refusal instanceof Worded worded && worded.words() != null
                ? Translations.say(worded.words())
                : refusal.getMessage();
    }

    /** Nothing was written or sent; the text says what and why. */
    public static void failed(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** What an action on several items did; a warning when some of them stayed as they were. */
    public static void outcome(String text, boolean everyOneWent) {
        Notification.show(text, 6000, Notification.Position.BOTTOM_START)
                .addThemeVariants(everyOneWent ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
    }
}
