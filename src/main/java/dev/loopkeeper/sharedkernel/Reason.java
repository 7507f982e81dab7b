package dev.loopkeeper.sharedkernel;

/**
 * One thing wrong with what was sent (a row of a file, a part of a template): in English for the API, the log and
 * exports, and as words a screen says in the reader's language. A value, where {@link Refusal} is the exception.
 */
public record Reason(String message, Words words) implements Worded {

    public static Reason of(String message, String key, Object... params) {
        return new Reason(message, Words.of(key, params));
    }

    @Override
    public String toString() {
        return message;
    }
}
