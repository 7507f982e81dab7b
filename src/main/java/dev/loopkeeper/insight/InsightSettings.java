package dev.loopkeeper.insight;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loopkeeper.insight.*}: themes, how comments are read, and how themes are weighed.
 *
 * @param themes          the first themes, in the default language: stored once, when there are none yet; after
 *                        that process owners edit them in the browser
 * @param languages       the languages comments are read in (each needs {@code insight/stopwords/LANG.txt})
 * @param defaultLanguage the language of a comment that says too little to tell
 * @param spikes          when a theme is above its usual range
 * @param suggestions     what counts as a suggested theme
 * @param window          how far back the priority matrix and a theme's cases look
 * @param retagPoll       how often each node looks for responses to retag after a change of the themes
 */
@ConfigurationProperties("loopkeeper.insight")
public record InsightSettings(
        @DefaultValue Map<String, List<String>> themes,
        @DefaultValue({"en", "de", "es", "fr"}) List<String> languages,
        @DefaultValue("en") String defaultLanguage,
        @DefaultValue Spikes spikes,
        @DefaultValue Suggestions suggestions,
        @DefaultValue("P90D") Duration window,
        @DefaultValue("PT2S") Duration retagPoll) {

    /**
     * @param weeks   the 7-day windows before this week that make a theme's usual range
     * @param k       how many standard deviations above their mean is beyond it
     * @param minimum    the fewest mentions in a week that can be a spike
     * @param checkEvery how often the themes are checked for spikes (read by {@code ThemeTrends#watch})
     */
    public record Spikes(
            @DefaultValue("8") int weeks,
            @DefaultValue("2") double k,
            @DefaultValue("5") int minimum,
            @DefaultValue("PT1H") Duration checkEvery) {}

    /**
     * @param window  how far back to read detractors' and passives' comments
     * @param minimum the fewest comments a word or phrase needs to be suggested
     * @param limit   how many suggestions to show
     * @param sample  the most recent comments read at most
     */
    public record Suggestions(
            @DefaultValue("P30D") Duration window,
            @DefaultValue("3") int minimum,
            @DefaultValue("20") int limit,
            @DefaultValue("5000") int sample) {}
}
