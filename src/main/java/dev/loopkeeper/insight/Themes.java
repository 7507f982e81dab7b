package dev.loopkeeper.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Service;

/**
 * Recurring themes of customer comments, by the words that signal them ({@code loopkeeper.insight.themes}).
 * A word matches at the start of a word, so "refund" finds "refunds" and "refunded".
 */
@Service
public class Themes {

    /** {@code loopkeeper.insight.themes}: theme name to the words that signal it. */
    @ConfigurationProperties("loopkeeper.insight")
    record Settings(@DefaultValue Map<String, List<String>> themes) {}

    /** A stretch of a comment, and the theme it signals (null for plain text). */
    public record Span(String text, String theme) {}

    private record Signal(String theme, Pattern pattern) {}

    private final List<Signal> signals = new ArrayList<>();

    Themes(Settings settings) {
        settings.themes()
                .forEach((theme, words) -> words.forEach(word -> signals.add(new Signal(
                        theme,
                        Pattern.compile(
                                "(?<![\\p{L}\\p{N}])" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "[\\p{L}]*",
                                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)))));
    }

    /** The comment cut into plain and themed stretches, in order; joined they give the comment back. */
    public List<Span> highlight(String comment) {
        if (comment == null || comment.isEmpty()) {
            return List.of();
        }
        record Hit(int start, int end, String theme) {}
        List<Hit> hits = new ArrayList<>();
        for (Signal signal : signals) {
            Matcher m = signal.pattern().matcher(comment);
            while (m.find()) {
                hits.add(new Hit(m.start(), m.end(), signal.theme()));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start).thenComparing(h -> -h.end()));
        List<Span> spans = new ArrayList<>();
        int at = 0;
        for (Hit hit : hits) {
            if (hit.start() < at) {
                continue;
            }
            if (hit.start() > at) {
                spans.add(new Span(comment.substring(at, hit.start()), null));
            }
            spans.add(new Span(comment.substring(hit.start(), hit.end()), hit.theme()));
            at = hit.end();
        }
        if (at < comment.length()) {
            spans.add(new Span(comment.substring(at), null));
        }
        return spans;
    }
}
