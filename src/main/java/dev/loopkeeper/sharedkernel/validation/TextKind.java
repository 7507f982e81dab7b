package dev.loopkeeper.sharedkernel.validation;

/**
 * What characters a text from outside may hold. Whatever the kind: no control characters that cannot be
 * shown, no broken UTF-16 (a lone surrogate, say from a {@code \ud800} escape, which no UTF-8 database
 * column can store) and no Unicode non-characters.
 */
public enum TextKind {

    /** A key we match on: visible characters and inner U+0020 spaces only; nothing invisible, nothing at the ends. */
    IDENTIFIER,
    /** A name or a label: one line of anything that can be shown. */
    LINE,
    /** Prose: like a line, plus tabs and line breaks. */
    TEXT;

    /** What is wrong with the text, or null when nothing is. */
    public String problem(String text) {
        if (text == null) {
            return null;
        }
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            position++;
            String what = refused(c);
            if (what != null) {
                return "must not contain " + what + " (" + codeOf(c) + " at character " + position + ")";
            }
            i += Character.charCount(c);
        }
        if (this == IDENTIFIER
                && !text.isEmpty()
                && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)))) {
            return "must not start or end with a space";
        }
        return null;
    }

    private String refused(int c) {
        if (Character.isSurrogate((char) c) && c <= Character.MAX_VALUE) {
            return "a lone UTF-16 surrogate";
        }
        if (isNonCharacter(c)) {
            return "a Unicode non-character";
        }
        int type = Character.getType(c);
        boolean lineBreak =
                c == '\n' || c == '\r' || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
        if (lineBreak || c == '\t') {
            return this == TEXT ? null : lineBreak ? "a line break" : "a tab";
        }
        if (type == Character.CONTROL) {
            return "a control character";
        }
        if (this == IDENTIFIER && type == Character.FORMAT) {
            return "an invisible formatting character";
        }
        if (this == IDENTIFIER && type == Character.SPACE_SEPARATOR && c != ' ') {
            return "a space other than U+0020";
        }
        return null;
    }

    /** Characters that would not show, or show misleadingly, if we echoed them back: spelled out instead. */
    public static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || isNonCharacter(c);
    }

    private static boolean isNonCharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    private static String codeOf(int c) {
        return String.format("U+%04X", c);
    }
}
