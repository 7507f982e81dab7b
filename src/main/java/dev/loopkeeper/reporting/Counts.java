package dev.loopkeeper.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Named counts of one hour, day or bucket: {@code needed|PROMOTER} 12, {@code toFirst|3600} 3, … Counts add up, so
 * a bucket's are its days' and hours' summed. Stored as one line of key, tab and count each ({@code report_count}); a key
 * may hold any text (a property's value, a group's name), escaped.
 */
final class Counts {

    private final Map<String, Long> counts = new HashMap<>();

    void add(String key, long n) {
        if (n != 0) {
            counts.merge(key, n, Long::sum);
        }
    }

    /**
     * One customer weighed by lifetime value, under {@code n|parts}, {@code cents|parts} (the value known) or
     * {@code unknown|parts} (none: the configured average is applied on reading, so changing it needs no count).
     */
    void addCustomer(BigDecimal lifetimeValue, String... parts) {
        add(prefixed("n", parts), 1);
        if (lifetimeValue == null) {
            add(prefixed("unknown", parts), 1);
        } else {
            add(
                    prefixed("cents", parts),
                    lifetimeValue
                            .setScale(2, RoundingMode.HALF_UP)
                            .movePointRight(2)
                            .longValueExact());
        }
    }

    /** The customers' lifetime values that {@link #addCustomer} counted. */
    static BigDecimal lifetimeValue(long cents, long unknown, BigDecimal average) {
        return BigDecimal.valueOf(cents, 2).add(average.multiply(BigDecimal.valueOf(unknown)));
    }

    void add(Counts other) {
        other.counts.forEach(this::add);
    }

    long get(String key) {
        return counts.getOrDefault(key, 0L);
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    // Every count whose key starts with {@code prefix}, with the rest of its key.
    void each(String prefix, BiConsumer<String, Long> action) {
        counts.forEach((key, n) -> {
            if (key.startsWith(prefix)) {
                action.accept(key.substring(prefix.length()), n);
            }
        });
    }

    private static String prefixed(String first, String[] rest) {
        String[] parts = new String[rest.length + 1];
        parts[0] = first;
        System.arraycopy(rest, 0, parts, 1, rest.length);
        return key(parts);
    }

    // Joins the parts of a key; a part holds any text.
    static String key(String... parts) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                key.append('|');
            }
            String part = parts[i] == null ? "" : parts[i];
            key.append(part.replace("\\", "\\\\").replace("|", "\\p"));
        }
        return key.toString();
    }

    /** A part of a key, as given to {@link #key(String...)}. */
    static String part(String escaped) {
        StringBuilder plain = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && i + 1 < escaped.length()) {
                plain.append(escaped.charAt(++i) == 'p' ? '|' : '\\');
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    String encode() {
        StringBuilder text = new StringBuilder();
        counts.forEach((key, n) -> text.append(key.replace("\\", "\\\\")
                        .replace("\t", "\\t")
                        .replace("\n", "\\n")
                        .replace("\r", "\\r"))
                .append('\t')
                .append(n)
                .append('\n'));
        return text.toString();
    }

    /** Adds the counts {@link #encode()} wrote. */
    void addEncoded(String text) {
        int start = 0;
        int length = text.length();
        while (start < length) {
            int tab = text.indexOf('\t', start);
            int end = text.indexOf('\n', tab);
            String key = text.substring(start, tab);
            if (key.indexOf('\\') >= 0) {
                key = unescape(key);
            }
            add(key, Long.parseLong(text, tab + 1, end, 10));
            start = end + 1;
        }
    }

    private static String unescape(String key) {
        StringBuilder plain = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' && i + 1 < key.length()) {
                char next = key.charAt(++i);
                plain.append(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
