package dev.loopkeeper.sharedkernel.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A search column and the condition that searches it. The column holds, in lower case, what a person would type to
 * find the row (a name, an id, an email, a phone number as written and as digits, and its last eight digits, so that
 * "020 7946 0018" finds "+44 20 7946 0018"). MariaDB searches it with its FULLTEXT index ({@code MATCH ... AGAINST}
 * in boolean mode, every word a prefix); words that index skips (shorter than three letters, or on InnoDB's
 * stop-word list) are matched with {@code LIKE} on the rows it found. H2 matches every word with {@code LIKE}.
 *
 * <p>The index is the fast way to the few rows a name or an email finds, and the slow way to the many a common
 * word finds: MariaDB reads every match before it sorts ("router" in half of a million cases: 45 s). So a list's
 * search first counts its terms in a sample of the table; a search that would match more than a few thousand rows
 * is run as {@code LIKE} in the list's own order instead (its first page is then found among the first rows read),
 * and its count is estimated from the sample.
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

    /** Rows sampled to tell a common search from a rare one: the first in key order, a random sample for random ids. */
    static final int SAMPLE = 2000;

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    private final boolean fullText;
    private final NamedParameterJdbcTemplate db;
    private final long commonMatches;
    private final Map<String, long[]> tableRows = new ConcurrentHashMap<>();
    /** The latest searches' sampled shares, by table and terms (a few hundred, the oldest forgotten first). */
    private final Map<String, double[]> shares = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > 500;
        }
    };

    SearchText(
            DatabaseProduct database,
            NamedParameterJdbcTemplate db,
            @Value("${loopkeeper.search.common-matches:5000}") long commonMatches) {
        this.fullText = !database.isH2();
        this.db = db;
        this.commonMatches = commonMatches;
    }

    /**
     * A search of a list over {@code table}'s search column, as {@link #matching(String, String, String,
     * MapSqlParameterSource)} unless the terms are common in the table (see above).
     */
    public Match matching(String table, String column, String query, String name, MapSqlParameterSource params) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table: " + table);
        }
        Set<String> terms = terms(query);
        String condition = matching(column, query, name, params);
        if (!condition.contains("match(")) {
            // no word the index holds: the LIKE is checked row by row in the list's order, whatever the word
            return new Match(condition, false, 0);
        }
        double share = sampledShare(table, terms);
        if (share == 0 || share * rows(table) <= commonMatches) {
            return new Match(condition, true, 0);
        }
        return new Match(likeEach(column, terms, name, params), false, share);
    }

    /**
     * The share of sampled rows that hold every term, remembered for a minute: a list asks for its page and its count,
     * and again as it scrolls, with the same terms.
     */
    private double sampledShare(String table, Set<String> terms) {
        String key = table + "|" + String.join(" ", terms);
        long now = System.currentTimeMillis();
        synchronized (shares) {
            double[] known = shares.get(key);
            if (known != null && known[1] >= now) {
                return known[0];
            }
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String all = likeEach("s.search_text", terms, "term", params);
        Map<String, Object> sample = db.queryForMap(
                "select count(*) sampled, coalesce(sum(case when " + all + " then 1 else 0 end), 0) hits"
                        + " from (select search_text from " + table + " limit " + SAMPLE + ") s",
                params);
        long sampled = ((Number) sample.get("sampled")).longValue();
        long hits = ((Number) sample.get("hits")).longValue();
        double share = sampled == 0 ? 0 : hits / (double) sampled;
        synchronized (shares) {
            shares.put(key, new double[] {share, now + 60_000});
        }
        return share;
    }

    /** The table's size as InnoDB estimates it (at least the sample), asked at most once a minute. */
    private long rows(String table) {
        long now = System.currentTimeMillis();
        long[] known = tableRows.get(table);
        if (known == null || known[1] < now) {
            List<Long> rows = db.queryForList(
                    "select table_rows from information_schema.tables where table_schema = database()"
                            + " and table_name = :table",
                    new MapSqlParameterSource("table", table),
                    Long.class);
            known = new long[] {rows.isEmpty() || rows.get(0) == null ? SAMPLE : Math.max(rows.get(0), 1), now + 60_000
            };
            tableRows.put(table, known);
        }
        return known[0];
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
                params.addValue(param, contains(term));
            }
        }
        if (!indexed.isEmpty()) {
            conditions.add(0, "match(" + column + ") against (:" + name + " in boolean mode)");
            params.addValue(name, String.join(" ", indexed));
        }
        return conditions.isEmpty() ? "" : "(" + String.join(" and ", conditions) + ")";
    }

    /** Every term with {@code LIKE}, for a search the index would answer slowly. */
    private static String likeEach(String column, Set<String> terms, String name, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        int n = 0;
        for (String term : terms) {
            String param = name + n++;
            conditions.add(column + " like :" + param);
            params.addValue(param, contains(term));
        }
        return "(" + String.join(" and ", conditions) + ")";
    }

    /** {@code %} and {@code _} are searched for, not wildcards. */
    private static String contains(String term) {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * A list's search condition (empty for no search); whether the index finds its rows (a list then lets the search
     * lead); and when its terms are common the share of rows a sample found them in (zero otherwise): a list then
     * lets its own order lead and estimates its count.
     */
    public record Match(String condition, boolean indexed, double commonShare) {

        public boolean isEmpty() {
            return condition.isEmpty();
        }

        public boolean common() {
            return commonShare > 0;
        }

        /** The rows expected among {@code without} rows the list has without the search. */
        public long estimate(long without) {
            return Math.round(without * commonShare);
        }
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
