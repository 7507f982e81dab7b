package dev.loopkeeper.reporting;

import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.persistence.ChangedDays.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The loop's own numbers for a {@link ReportScope}: whether customers were contacted, how fast, whether the SLA
 * held, how cases ended, why, and whether detractors came back. Every figure is a grouped statement over the cases
 * opened in the period (breaches: breached in it; actions: verified in it; re-surveys: answered in it); medians and
 * the 90th percentile are the nearest-rank row the database sorts to, never rows read into memory.
 */
@Service
@Transactional(readOnly = true)
public class LoopKpis {

    /**
     * Cases that needed a person to reach the customer, and those reached. A case needed one unless the policy
     * gave it no follow-up or an automatic thank-you only (closed as thanked without a contact).
     *
     * @param segment null for all segments together
     */
    public record FollowUpRate(Segment segment, long needed, long contacted) {
        public Double percent() {
            return needed == 0 ? null : 100.0 * contacted / needed;
        }
    }

    /** How long something took: how many, the median and the 90th percentile (nearest rank); null when none. */
    public record Spread(long count, Duration median, Duration p90) {}

    /** How many cases fell in a band of a distribution, or under a key (group, step, outcome, cause). */
    public record Count(String key, long count) {}

    /** Cases judged on the SLA (contacted, or due and not contacted) and those reached by the due time. */
    public record Compliance(String group, long judged, long inTime) {
        public Double percent() {
            return judged == 0 ? null : 100.0 * inTime / judged;
        }
    }

    /**
     * Cases that needed a contact, those closed unreachable, and the contact attempts made on the cases with any.
     */
    public record Reachability(long needed, long unreachable, long attempts, long casesAttempted) {
        public Double unreachablePercent() {
            return needed == 0 ? null : 100.0 * unreachable / needed;
        }

        public Double attemptsPerCase() {
            return casesAttempted == 0 ? null : (double) attempts / casesAttempted;
        }
    }

    /** One cause of a Pareto: its cases, and the share of all cases it and the larger ones before it explain. */
    public record ParetoRow(String key, long count, double cumulativePercent) {}

    /**
     * Re-surveys of closed detractor cases answered in the period, and how the customers came back.
     */
    public record Recovery(long answered, long passives, long promoters) {
        public long recovered() {
            return passives + promoters;
        }

        public Double percent() {
            return answered == 0 ? null : 100.0 * recovered() / answered;
        }
    }

    /** One agent's cases (the one who first reached the customer): reached, within SLA, resolved, attempts. */
    public record Agent(String agent, long contacted, long inTime, long resolved, long attempts) {}

    /** The bands of the time to first contact, upper bound exclusive, in hours. */
    static final List<Map.Entry<String, Long>> CONTACT_BANDS = List.of(
            Map.entry("under 1 h", 3600L),
            Map.entry("1–4 h", 4 * 3600L),
            Map.entry("4–24 h", 24 * 3600L),
            Map.entry("1–2 days", 48 * 3600L),
            Map.entry("2–7 days", 7 * 24 * 3600L),
            Map.entry("7 days or more", Long.MAX_VALUE));

    /** Needed a contact: anything but no follow-up, or a thank-you that reached nobody in person. */
    private static final String NEEDED = "coalesce(c.closed_as, '') <> 'NO_FOLLOW_UP'"
            + " and not (coalesce(c.closed_as, '') = 'THANKED' and c.first_contact_at is null)";

    private static final String TO_CONTACT = "timestampdiff(second, c.opened_at, c.first_contact_at)";

    private final NamedParameterJdbcTemplate db;
    private final ReportCounts counts;

    /** @param counts null: every figure from the rows themselves (what the tests hold the counts to) */
    LoopKpis(NamedParameterJdbcTemplate db, ReportCounts counts) {
        this.db = db;
        this.counts = counts;
    }

    /**
     * The cases' counts of the scope's period for the company or one group; empty for several groups together (a
     * case in two of them counts once, which per-group counts cannot tell) or a zone off whole UTC hours.
     */
    private Optional<Counts> counted(ReportScope scope) {
        if (counts == null || scope.groups().size() > 1) {
            return Optional.empty();
        }
        String grp = scope.groups().isEmpty() ? "" : scope.groups().iterator().next();
        return counts.whole(Kind.CASES, grp, scope.period());
    }

    /** The nearest ranks of a histogram of seconds (bin start → cases). */
    private static Spread spread(Counts counted, String histogram) {
        TreeMap<Long, Long> bins = bins(counted, histogram);
        long count = bins.values().stream().mapToLong(Long::longValue).sum();
        if (count == 0) {
            return new Spread(0, null, null);
        }
        return new Spread(count, at(bins, rank(0.5, count)), at(bins, rank(0.9, count)));
    }

    private static TreeMap<Long, Long> bins(Counts counted, String histogram) {
        TreeMap<Long, Long> bins = new TreeMap<>();
        counted.each(histogram + "|", (bin, n) -> bins.merge(Long.parseLong(bin), n, Long::sum));
        return bins;
    }

    private static Duration at(TreeMap<Long, Long> bins, long rank) {
        long seen = 0;
        for (Map.Entry<Long, Long> bin : bins.entrySet()) {
            seen += bin.getValue();
            if (seen >= rank) {
                return Duration.ofSeconds(bin.getKey());
            }
        }
        return null;
    }

    // Counts under a key's rest, the most first, ties by key as a case-insensitive collation sorts them.
    private static List<Count> ranked(Map<String, Long> byKey) {
        List<Count> ranked = new ArrayList<>();
        byKey.forEach((key, n) -> {
            if (n > 0) {
                ranked.add(new Count(key, n));
            }
        });
        ranked.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key, KEY_ORDER));
        return ranked;
    }

    private static final Comparator<String> KEY_ORDER =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private static Map<String, Long> byPart(Counts counted, String prefix) {
        Map<String, Long> byKey = new HashMap<>();
        counted.each(prefix + "|", (rest, n) -> byKey.merge(Counts.part(rest), n, Long::sum));
        return byKey;
    }

    /**
     * The groups that took part in any case, for the dashboard's picker: those the counts know (kept apart as
     * they are counted, not read off a million cases' groups), else from the cases themselves.
     */
    public List<String> groups() {
        if (counts != null) {
            List<String> counted = db.queryForList(
                    "select grp from report_group order by grp", new MapSqlParameterSource(), String.class);
            if (!counted.isEmpty()) {
                return counted;
            }
        }
        return db.queryForList(
                "select distinct participant from case_participant where kind = 'group' order by participant",
                new MapSqlParameterSource(),
                String.class);
    }

    /** Per segment, then all together last. */
    public List<FollowUpRate> followUpRate(ReportScope scope) {
        Optional<Counts> counted = counted(scope);
        if (counted.isPresent()) {
            List<FollowUpRate> rates = new ArrayList<>();
            for (Segment segment : Segment.values()) {
                long needed = counted.get().get(Counts.key("needed", segment.name()));
                if (needed > 0) {
                    rates.add(new FollowUpRate(
                            segment, needed, counted.get().get(Counts.key("contacted", segment.name()))));
                }
            }
            rates.add(new FollowUpRate(
                    null,
                    rates.stream().mapToLong(FollowUpRate::needed).sum(),
                    rates.stream().mapToLong(FollowUpRate::contacted).sum()));
            return rates;
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<FollowUpRate> rates = new ArrayList<>(db.query(
                "select c.segment, count(*) as needed,"
                        + " sum(case when c.first_contact_at is not null then 1 else 0 end) as contacted"
                        + " from follow_up_case c where " + scope.casesOpened(params) + " and " + NEEDED
                        + " group by c.segment order by c.segment",
                params,
                (rs, n) -> new FollowUpRate(
                        Segment.valueOf(rs.getString("segment")), rs.getLong("needed"), rs.getLong("contacted"))));
        rates.sort((a, b) -> a.segment().compareTo(b.segment()));
        rates.add(new FollowUpRate(
                null,
                rates.stream().mapToLong(FollowUpRate::needed).sum(),
                rates.stream().mapToLong(FollowUpRate::contacted).sum()));
        return rates;
    }

    /** From the case opening to the first time someone reached the customer. */
    public Spread timeToFirstContact(ReportScope scope) {
        Optional<Counts> counted = counted(scope);
        if (counted.isPresent()) {
            return spread(counted.get(), "toFirst");
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        return spread(
                TO_CONTACT,
                "follow_up_case c where " + scope.casesOpened(params) + " and c.first_contact_at is not null",
                params);
    }

    /** The time to first contact in bands, every band listed. */
    public List<Count> timeToFirstContactBands(ReportScope scope) {
        Optional<Counts> counted = counted(scope);
        if (counted.isPresent()) {
            long[] inBand = new long[CONTACT_BANDS.size()];
            bins(counted.get(), "toFirst").forEach((bin, n) -> {
                long lower = 0;
                for (int i = 0; i < CONTACT_BANDS.size(); i++) {
                    long upper = CONTACT_BANDS.get(i).getValue();
                    if (bin >= lower && bin < upper) {
                        inBand[i] += n;
                    }
                    lower = upper;
                }
            });
            List<Count> bands = new ArrayList<>();
            for (int i = 0; i < CONTACT_BANDS.size(); i++) {
                bands.add(new Count(CONTACT_BANDS.get(i).getKey(), inBand[i]));
            }
            return bands;
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder("select ");
        long lower = 0;
        for (int i = 0; i < CONTACT_BANDS.size(); i++) {
            long upper = CONTACT_BANDS.get(i).getValue();
            sql.append(i == 0 ? "" : ", ")
                    .append("coalesce(sum(case when ")
                    .append(TO_CONTACT)
                    .append(" >= ")
                    .append(lower)
                    .append(upper == Long.MAX_VALUE ? "" : " and " + TO_CONTACT + " < " + upper)
                    .append(" then 1 else 0 end), 0) as band")
                    .append(i);
            lower = upper;
        }
        sql.append(" from follow_up_case c where ")
                .append(scope.casesOpened(params))
                .append(" and c.first_contact_at is not null");
        return db.queryForObject(sql.toString(), params, (rs, n) -> {
            List<Count> bands = new ArrayList<>();
            for (int i = 0; i < CONTACT_BANDS.size(); i++) {
                bands.add(new Count(CONTACT_BANDS.get(i).getKey(), rs.getLong("band" + i)));
            }
            return bands;
        });
    }

    /** From the first contact to the resolution logged. */
    public Spread contactToResolution(ReportScope scope) {
        Optional<Counts> counted = counted(scope);
        if (counted.isPresent()) {
            return spread(counted.get(), "toResolution");
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        return spread(
                "timestampdiff(second, c.first_contact_at, c.resolved_at)",
                "follow_up_case c where " + scope.casesOpened(params)
                        + " and c.first_contact_at is not null and c.resolved_at is not null",
                params);
    }

    /**
     * Per group that took part in the cases (a case counts for each of its groups), judged as of {@code now}:
     * reached, or past the due time the SLA started with.
     */
    public List<Compliance> slaCompliance(ReportScope scope, java.time.Instant now) {
        Optional<Counts> counted = counted(scope);
        if (counted.isPresent()) {
            return compliance(scope, now, counted.get());
        }
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("now", ReportPeriod.utc(now));
        String groups = scope.groups().isEmpty() ? "" : " and gp.participant in (:groups)";
        return db.query(
                "select gp.participant as grp,"
                        + " sum(case when c.first_contact_at is not null or c.sla_due_at < :now then 1 else 0 end)"
                        + " as judged,"
                        + " sum(case when c.first_contact_at <= c.sla_due_at then 1 else 0 end) as in_time"
                        + " from follow_up_case c join case_participant gp on gp.case_id = c.id and gp.kind = 'group'"
                        + " where c.opened_at >= :from and c.opened_at < :to and c.sla_due_at is not null" + groups
                        + " group by gp.participant order by gp.participant",
                params.addValue("from", ReportPeriod.utc(scope.period().from()))
                        .addValue("to", ReportPeriod.utc(scope.period().to()))
                        .addValue("groups", scope.groups()),
                (rs, n) -> new Compliance(rs.getString("grp"), rs.getLong("judged"), rs.getLong("in_time")));
    }

    /**
     * From the counts: a case not reached yet is judged once its due time has passed, so the ones still due (few,
     * found by their due time) are taken from those waiting.
     */
    private List<Compliance> compliance(ReportScope scope, java.time.Instant now, Counts counted) {
        Map<String, long[]> byGroup = new TreeMap<>(KEY_ORDER);
        counted.each("sla|", (rest, n) -> {
            int bar = rest.lastIndexOf('|');
            String group = Counts.part(rest.substring(0, bar));
            if (scope.groups().isEmpty() || scope.groups().contains(group)) {
                long[] figures = byGroup.computeIfAbsent(group, g -> new long[3]);
                switch (rest.substring(bar + 1)) {
                    case "judged", "waiting" -> figures[0] += n;
                    case "inTime" -> figures[1] += n;
                    default -> {}
                }
            }
        });
        MapSqlParameterSource params = new MapSqlParameterSource("now", ReportPeriod.utc(now))
                .addValue("from", ReportPeriod.utc(scope.period().from()))
                .addValue("to", ReportPeriod.utc(scope.period().to()))
                .addValue("groups", scope.groups());
        db.query(
                "select gp.participant as grp, count(*) as n from follow_up_case c"
                        + " join case_participant gp on gp.case_id = c.id and gp.kind = 'group'"
                        + " where c.sla_due_at >= :now and c.first_contact_at is null"
                        + " and c.opened_at >= :from and c.opened_at < :to"
                        + (scope.groups().isEmpty() ? "" : " and gp.participant in (:groups)")
                        + " group by gp.participant",
                params,
                rs -> {
                    long[] figures = byGroup.get(rs.getString("grp"));
                    if (figures != null) {
                        figures[0] -= rs.getLong("n");
                    }
                });
        List<Compliance> compliance = new ArrayList<>();
        byGroup.forEach((group, figures) -> compliance.add(new Compliance(group, figures[0], figures[1])));
        return compliance;
    }

    /** SLA breaches in the period by the group the task was offered to, the most first. */
    public List<Count> breachesByGroup(ReportScope scope) {
        return breaches(scope, "coalesce(b.candidate_group, '')");
    }

    /** SLA breaches in the period by the step (BPMN activity) whose clock ran out, the most first. */
    public List<Count> breachesByStep(ReportScope scope) {
        return breaches(scope, "coalesce(b.activity_id, '')");
    }

    private List<Count> breaches(ReportScope scope, String key) {
        Optional<Counts> counted = counts == null ? Optional.empty() : counts.whole(Kind.BREACHES, "", scope.period());
        if (counted.isPresent()) {
            Map<String, Long> byKey = new HashMap<>();
            counted.get().each(BreachCounter.BREACH + "|", (rest, n) -> {
                int bar = rest.lastIndexOf('|');
                String group = Counts.part(rest.substring(0, bar));
                if (scope.groups().isEmpty() || scope.groups().contains(group)) {
                    byKey.merge(
                            key.contains("candidate_group") ? group : Counts.part(rest.substring(bar + 1)),
                            n,
                            Long::sum);
                }
            });
            return ranked(byKey);
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", ReportPeriod.utc(scope.period().from()))
                .addValue("to", ReportPeriod.utc(scope.period().to()));
        String groups = scope.groups().isEmpty() ? "" : " and b.candidate_group in (:groups)";
        params.addValue("groups", scope.groups());
        return db.query(
                "select k, count(*) as n from (select " + key + " as k from sla_breach b"
                        + " where b.breached_at >= :from and b.breached_at < :to" + groups + ") x"
                        + " group by k order by count(*) desc, k",
                params,
                (rs, n) -> new Count(rs.getString("k"), rs.getLong("n")));
    }

    public Reachability reachability(ReportScope scope) {
        Optional<Counts> counted = counted(scope);
        if (counted.isPresent()) {
            Counts c = counted.get();
            long needed = byPart(c, "needed").values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            return new Reachability(needed, c.get("unreachable"), c.get("attempts"), c.get("attempted"));
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String cases = scope.casesOpened(params);
        Map<String, Object> row = db.queryForMap(
                "select count(*) as needed,"
                        + " coalesce(sum(case when c.closed_as = 'UNREACHABLE' then 1 else 0 end), 0) as unreachable"
                        + " from follow_up_case c where " + cases + " and " + NEEDED,
                params);
        Map<String, Object> attempts = db.queryForMap(
                "select count(*) as attempts, count(distinct a.case_id) as cases from contact_attempt a"
                        + " join follow_up_case c on c.id = a.case_id where " + cases,
                params);
        return new Reachability(
                number(row.get("needed")),
                number(row.get("unreachable")),
                number(attempts.get("attempts")),
                number(attempts.get("cases")));
    }

    /** How the cases opened in the period stand: closed as resolved, thanked, unreachable, no follow-up, or open. */
    public List<Count> outcomes(ReportScope scope) {
        Optional<Counts> counted = counted(scope);
        if (counted.isPresent()) {
            return ranked(byPart(counted.get(), "outcome"));
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        return db.query(
                "select k, count(*) as n from (select coalesce(c.closed_as, 'OPEN') as k from follow_up_case c where "
                        + scope.casesOpened(params) + ") x group by k order by count(*) desc, k",
                params,
                (rs, n) -> new Count(rs.getString("k"), rs.getLong("n")));
    }

    /** The resolutions' root causes of the cases opened in the period, the most frequent first. */
    public List<ParetoRow> rootCauses(ReportScope scope) {
        Optional<Counts> counted = counted(scope);
        if (counted.isPresent()) {
            return pareto(ranked(byPart(counted.get(), "cause")));
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        return pareto(db.query(
                "select s.root_cause as k, count(*) as n from resolution s join follow_up_case c on c.id = s.case_id"
                        + " where " + scope.casesOpened(params) + " group by s.root_cause order by count(*) desc,"
                        + " s.root_cause",
                params,
                (rs, n) -> new Count(rs.getString("k"), rs.getLong("n"))));
    }

    /**
     * The themes the responses of the cases opened in the period speak of (a response can speak of several; the
     * share is of all theme mentions), the most frequent first.
     */
    public List<ParetoRow> themes(ReportScope scope) {
        Optional<Counts> counted = counted(scope);
        if (counted.isPresent()) {
            Map<String, String> names = new HashMap<>();
            db.query("select id, name from theme", new MapSqlParameterSource(), rs -> {
                names.put(rs.getString("id"), rs.getString("name"));
            });
            Map<String, Long> byName = new HashMap<>();
            byPart(counted.get(), "theme").forEach((id, n) -> {
                String name = names.get(id);
                if (name != null) {
                    byName.merge(name, n, Long::sum);
                }
            });
            return pareto(ranked(byName));
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        return pareto(db.query(
                "select t.name as k, count(*) as n from response_theme rt join theme t on t.id = rt.theme_id"
                        + " join follow_up_case c on c.id = rt.response_id where " + scope.casesOpened(params)
                        + " group by t.name order by count(*) desc, t.name",
                params,
                (rs, n) -> new Count(rs.getString("k"), rs.getLong("n"))));
    }

    /** Improvement actions verified in the period: from the issue found (the action created) to the fix verified. */
    public Spread improvementLeadTime(ReportScope scope) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", ReportPeriod.utc(scope.period().from()))
                .addValue("to", ReportPeriod.utc(scope.period().to()));
        return spread(
                "timestampdiff(second, a.created_at, a.verified_at)",
                "improvement_action a where a.verified_at >= :from and a.verified_at < :to",
                params);
    }

    /** Re-surveys after a detractor's case closed, answered in the period: who came back passive or promoter. */
    public Recovery detractorRecovery(ReportScope scope) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", ReportPeriod.utc(scope.period().from()))
                .addValue("to", ReportPeriod.utc(scope.period().to()));
        return db.queryForObject(
                "select count(*) as answered,"
                        + " coalesce(sum(case when i.score between 7 and 8 then 1 else 0 end), 0) as passives,"
                        + " coalesce(sum(case when i.score >= 9 then 1 else 0 end), 0) as promoters"
                        + " from survey_invitation i where i.status = 'ANSWERED' and i.follows_case_id is not null"
                        + " and i.follows_score <= 6 and i.answered_at >= :from and i.answered_at < :to"
                        + scope.ofGroups("i.follows_case_id", params),
                params,
                (rs, n) -> new Recovery(rs.getLong("answered"), rs.getLong("passives"), rs.getLong("promoters")));
    }

    /** Per agent who first reached the customer, for supervisors; the most cases first. */
    public List<Agent> agents(ReportScope scope) {
        Optional<Counts> counted = counted(scope);
        if (counted.isPresent()) {
            Map<String, long[]> byAgent = new HashMap<>();
            List<String> metrics = List.of("contacted", "inTime", "resolved", "attempts");
            counted.get().each("agent|", (rest, n) -> {
                int bar = rest.lastIndexOf('|');
                byAgent.computeIfAbsent(Counts.part(rest.substring(0, bar)), a -> new long[4])[
                        metrics.indexOf(rest.substring(bar + 1))] += n;
            });
            List<Agent> agents = new ArrayList<>();
            byAgent.forEach((agent, m) -> agents.add(new Agent(agent, m[0], m[1], m[2], m[3])));
            agents.sort(Comparator.comparingLong(Agent::contacted).reversed().thenComparing(Agent::agent, KEY_ORDER));
            return agents;
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        return db.query(
                "select agent, count(*) as contacted, sum(in_time) as in_time, sum(resolved) as resolved,"
                        + " sum(attempts) as attempts from (select c.contact_agent as agent,"
                        + " case when c.first_contact_at <= c.sla_due_at then 1 else 0 end as in_time,"
                        + " case when c.resolved_at is not null then 1 else 0 end as resolved,"
                        + " (select count(*) from contact_attempt a where a.case_id = c.id) as attempts"
                        + " from follow_up_case c where " + scope.casesOpened(params)
                        + " and c.contact_agent is not null) x group by agent order by count(*) desc, agent",
                params,
                (rs, n) -> new Agent(
                        rs.getString("agent"),
                        rs.getLong("contacted"),
                        rs.getLong("in_time"),
                        rs.getLong("resolved"),
                        rs.getLong("attempts")));
    }

    /** Count, then the rows at the median's and the 90th percentile's nearest rank (ceil(q·n)). */
    private Spread spread(String seconds, String from, MapSqlParameterSource params) {
        Long count = db.queryForObject("select count(*) from " + from, params, Long.class);
        if (count == null || count == 0) {
            return new Spread(0, null, null);
        }
        return new Spread(
                count, at(seconds, from, params, rank(0.5, count)), at(seconds, from, params, rank(0.9, count)));
    }

    static long rank(double q, long count) {
        return Math.max(1, (long) Math.ceil(q * count - 1e-9));
    }

    private Duration at(String seconds, String from, MapSqlParameterSource params, long rank) {
        params.addValue("offset", rank - 1);
        List<Long> found = db.queryForList(
                "select " + seconds + " as s from " + from + " order by s limit 1 offset :offset", params, Long.class);
        return found.isEmpty() ? null : Duration.ofSeconds(found.get(0));
    }

    private static List<ParetoRow> pareto(List<Count> counts) {
        long total = counts.stream().mapToLong(Count::count).sum();
        List<ParetoRow> rows = new ArrayList<>();
        long running = 0;
        for (Count c : counts) {
            running += c.count();
            rows.add(new ParetoRow(c.key(), c.count(), 100.0 * running / total));
        }
        return rows;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
