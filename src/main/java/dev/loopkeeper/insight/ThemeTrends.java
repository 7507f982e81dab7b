package dev.loopkeeper.insight;

import dev.loopkeeper.insight.domain.SpikeRule;
import dev.loopkeeper.insight.domain.ThemeRows;
import dev.loopkeeper.insight.domain.Voices;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.OutreachFailed;
import dev.loopkeeper.outreach.StaffAlert;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.Segment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How often each theme is raised week by week, and whether it is above its usual range now ({@link SpikeRule}).
 * Every hour each node checks; the first to mark a theme spiking alerts its owner (else the process owners), so an
 * alert goes out once per spike. A theme that falls back within its range is ready to spike again.
 */
@Service
@Transactional(readOnly = true)
public class ThemeTrends {

    private static final Logger log = LoggerFactory.getLogger(ThemeTrends.class);
    private static final Duration WEEK = Duration.ofDays(7);

    /** Mentions of one theme per week (Monday, UTC), oldest first. */
    public record Trend(UUID themeId, String theme, Map<LocalDate, Integer> weeks) {

        public int total() {
            return weeks.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** A theme now, by the spike rule. */
    public record SpikeStatus(UUID themeId, String theme, String owner, SpikeRule.Verdict verdict) {}

    private final ThemeRows themes;
    private final Voices voices;
    private final SpikeRule rule;
    private final Outreach outreach;
    private final Clock clock;

    ThemeTrends(ThemeRows themes, Voices voices, SpikeRule rule, Outreach outreach, Clock clock) {
        this.themes = themes;
        this.voices = voices;
        this.rule = rule;
        this.outreach = outreach;
        this.clock = clock;
    }

    /** The rule in force, for the screen to put into its reader's words. */
    public SpikeRule rule() {
        return rule;
    }

    /**
     * Mentions per theme of the last {@code weeks} calendar weeks (this one included, so far), counting only
     * responses of the given segments; every theme, every week (zeros included).
     */
    public List<Trend> weekly(int weeks, Set<Segment> segments) {
        LocalDate thisWeek = Voices.weekOf(clock.instant());
        LocalDate from = thisWeek.minusWeeks(weeks - 1L);
        Map<UUID, Map<LocalDate, Integer>> counts = new LinkedHashMap<>();
        for (Voices.WeeklyCount c : voices.weekly(from)) {
            if (segments.contains(c.segment())) {
                counts.computeIfAbsent(c.themeId(), k -> new LinkedHashMap<>())
                        .merge(c.week(), c.mentions(), Integer::sum);
            }
        }
        List<Trend> trends = new ArrayList<>();
        for (ThemeRows.Row theme : themes.all()) {
            Map<LocalDate, Integer> perWeek = new LinkedHashMap<>();
            for (LocalDate week = from; !week.isAfter(thisWeek); week = week.plusWeeks(1)) {
                perWeek.put(week, counts.getOrDefault(theme.id(), Map.of()).getOrDefault(week, 0));
            }
            trends.add(new Trend(theme.id(), theme.name(), perWeek));
        }
        return trends;
    }

    /** Every theme by the spike rule now: the last 7 days against the 7-day windows before them. */
    public List<SpikeStatus> spikes() {
        Instant now = clock.instant();
        Map<UUID, Integer> thisWeek = voices.mentionsBetween(now.minus(WEEK), now);
        List<Map<UUID, Integer>> before = new ArrayList<>();
        for (int i = 1; i <= rule.weeks(); i++) {
            before.add(voices.mentionsBetween(now.minus(WEEK.multipliedBy(i + 1L)), now.minus(WEEK.multipliedBy(i))));
        }
        return themes.all().stream()
                .map(t -> new SpikeStatus(
                        t.id(),
                        t.name(),
                        t.owner(),
                        rule.judge(
                                thisWeek.getOrDefault(t.id(), 0),
                                before.stream()
                                        .map(w -> w.getOrDefault(t.id(), 0))
                                        .toList())))
                .toList();
    }

    /** Marks the themes that rose beyond their range and alerts their owners, once a spike; clears the rest. */
    @Scheduled(
            fixedDelayString = "${loopkeeper.insight.spikes.check-every:PT1H}",
            initialDelayString = "${loopkeeper.insight.spikes.check-every:PT1H}")
    @Transactional
    public List<UUID> watch() {
        Instant now = clock.instant();
        List<UUID> alerted = new ArrayList<>();
        for (SpikeStatus status : spikes()) {
            SpikeRule.Verdict v = status.verdict();
            if (!v.spike()) {
                themes.endSpike(status.themeId());
            } else if (themes.startSpike(status.themeId())) {
                themes.recordSpike(status.themeId(), now, v.mentions(), v.mean(), v.sd(), v.threshold());
                alert(status, now);
                alerted.add(status.themeId());
            }
        }
        return alerted;
    }

    private void alert(SpikeStatus status, Instant now) {
        SpikeRule.Verdict v = status.verdict();
        String subject = "Theme rising: " + status.theme();
        String body = String.format(
                "\"%s\" was raised %d times in the last 7 days; its usual range is up to %.1f (mean %.1f + %s × sd %.1f "
                        + "over the %d weeks before). See Trends and spikes in Loopkeeper.",
                status.theme(), v.mentions(), v.threshold(), v.mean(), rule.k(), v.sd(), rule.weeks());
        DeliveryKey key =
                new DeliveryKey("theme:" + status.themeId() + ":spike:" + now.truncatedTo(ChronoUnit.SECONDS), null);
        StaffAlert alert = status.owner() != null
                ? StaffAlert.toUser(status.owner(), key, "theme-spike", subject, body)
                : StaffAlert.toGroup(Groups.PROCESS_OWNERS, key, "theme-spike", subject, body);
        try {
            outreach.alertStaff(alert);
        } catch (OutreachFailed mailDown) {
            // the in-app alert is stored; the email is not worth undoing the spike's record for
            log.warn("Spike alert for {} not emailed: {}", status.theme(), mailDown.getMessage());
        }
    }
}
