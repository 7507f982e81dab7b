package dev.loopkeeper.reporting;

import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What the loop's figures cover: a period, and the groups that took part in the cases (empty: the whole company). A
 * supervisor's dashboard narrows to their groups; a leader's does not.
 */
public record ReportScope(ReportPeriod period, Set<String> groups) {

    public ReportScope {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public static ReportScope company(ReportPeriod period) {
        return new ReportScope(period, Set.of());
    }

    /** Cases {@code c} opened in the period, within the groups; adds its parameters. */
    String casesOpened(MapSqlParameterSource params) {
        params.addValue("from", ReportPeriod.utc(period.from())).addValue("to", ReportPeriod.utc(period.to()));
        return "c.opened_at >= :from and c.opened_at < :to" + ofGroups("c.id", params);
    }

    /** The groups' part: a case one of them took part in (owner group, or a task offered to it). */
    String ofGroups(String caseId, MapSqlParameterSource params) {
        if (groups.isEmpty()) {
            return "";
        }
        params.addValue("groups", groups);
        return " and exists (select 1 from case_participant gp where gp.case_id = " + caseId
                + " and gp.kind = 'group' and gp.participant in (:groups))";
    }
}
