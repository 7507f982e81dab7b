package dev.loopkeeper.sharedkernel.web;

import dev.loopkeeper.sharedkernel.validation.TextKind;
import java.time.temporal.TemporalAccessor;
import java.util.Map;

/**
 * A client's text as our problem documents repeat it: shortened, with characters that would not show
 * (or would turn the text around, or cannot be written as UTF-8 at all) spelled out as {@code \\uXXXX}.
 */
final class Shown {

    private static final int LONGEST = 40;

    private Shown() {}

    static String text(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (TextKind.isInvisible(c)) {
                for (char unit : Character.toChars(c)) {
                    shown.append(String.format("\\u%04X", (int) unit));
                }
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    /** At most 40 characters, cut between code points, so that a cut never leaves half a surrogate pair. */
    static String shortened(String text) {
        int length = text.codePointCount(0, text.length());
        if (length <= LONGEST) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, LONGEST - 3)) + "... (" + length + " characters)";
    }

    /** " (was …)" with the value as it came in JSON, shortened and with invisible characters spelled out. */
    static String was(Object value) {
        if (value instanceof CharSequence chars) {
            return " (was \"" + text(shortened(chars.toString())) + "\")";
        }
        if (value instanceof Double number && number.isInfinite()) {
            return " (was a number out of range)";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return " (was " + shortened(value.toString()) + ")";
        }
        if (value instanceof TemporalAccessor time) {
            return " (was \"" + time + "\")";
        }
        if (value instanceof Enum<?> constant) {
            return " (was \"" + constant.name().toLowerCase() + "\")";
        }
        if (value instanceof Map<?, ?> map) {
            return " (was an object with " + map.size() + " entries)";
        }
        return "";
    }
}
