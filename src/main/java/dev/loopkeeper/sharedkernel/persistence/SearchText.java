package dev.loopkeeper.sharedkernel.persistence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * A search column and the condition that searches it. The column holds, in lower case, what a person would type to
 * find the row (a name, an id, an email, a phone number as written and as digits, and its last eight digits, so that
 * "020 7946 0018" finds "+44 20 7946 0018"). MariaDB searches it with its FULLTEXT index ({@code MATCH ... AGAINST}
 * in boolean mode, every word a prefix); words that index skips (shorter than three letters, or on InnoDB's
 * stop-word list) are matched with {@code LIKE} on the rows it found. H2 matches every word with {@code LIKE}.
 */
@Component
public class SearchText {

    /** The digits that identify a phone number whatever its country prefix or leading zero. */
    static final int PHONE_TAIL = 8;

    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9 ()./-]{6,}");
    /** InnoDB's default full-text stop words: MATCH finds nothing for them. */
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from", "how", "i", "in", "is",
            "it", "la", "of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where", "who", "will",
            "with", "und", "www");

    private final boolean fullText;

    SearchText(DatabaseProduct database) {
        this.fullText = !database.isH2();
    }

    /** The column's value for a row with these fields (any of them null). */
    public static String of(String... fields) {
        List<String> words = new ArrayList<>();
        for (String field : fields) {
            if (field == null || field.isBlank()) {
                continue;
            }
            words.add(field.strip().toLowerCase(Locale.ROOT));
            if (PHONE_LIKE.matcher(field.strip()).matches()) {
                String digits = digits(field);
                words.add(digits);
                if (digits.length() > PHONE_TAIL) {
                    words.add(digits.substring(digits.length() - PHONE_TAIL));
                }
            }
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    /**
     * The condition that the column holds every term of the query (a term is what the user typed between spaces), with
     * its parameters added under names that start with {@code name}; empty for a blank query. On MariaDB a term's words
     * are looked up in the index as the start of a word; a term with other characters, or with words the index skips,
     * is also matched as it is with {@code LIKE}, among the rows the index found. H2 matches each term with {@code LIKE}.
     */
    public String matching(String column, String query, String name, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        List<String> indexed = new ArrayList<>();
        int n = 0;
        for (String term : terms(query)) {
            boolean whole = true;
            if (fullText) {
                List<String> words = List.of(WORD_BREAK.split(term)).stream()
                        .filter(w -> !w.isEmpty())
                        .toList();
                List<String> findable = words.stream()
                        .filter(w -> w.length() >= 3 && !STOP_WORDS.contains(w))
                        .toList();
                findable.forEach(w -> indexed.add("+" + w + "*"));
                whole = findable.size() != words.size() || !term.equals(String.join("", words));
            }
            if (whole) {
                String param = name + n++;
                conditions.add(column + " like :" + param);
                params.addValue(
                        param,
                        "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (!indexed.isEmpty()) {
            conditions.add(0, "match(" + column + ") against (:" + name + " in boolean mode)");
            params.addValue(name, String.join(" ", indexed));
        }
        return conditions.isEmpty() ? "" : "(" + String.join(" and ", conditions) + ")";
    }

    /** A phone number is one term, its last eight digits; anything else is split at spaces. */
    static Set<String> terms(String query) {
        Set<String> terms = new LinkedHashSet<>();
        if (query == null || query.isBlank()) {
            return terms;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        if (PHONE_LIKE.matcher(q).matches() && digits(q).length() >= 6) {
            String digits = digits(q);
            terms.add(digits.length() > PHONE_TAIL ? digits.substring(digits.length() - PHONE_TAIL) : digits);
            return terms;
        }
        for (String term : q.split("\\s+")) {
            if (!term.isEmpty()) {
                terms.add(term);
            }
        }
        return terms;
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }
}
