package dev.loopkeeper.casework.domain;

import dev.loopkeeper.sharedkernel.persistence.ChangedDays;
import dev.loopkeeper.sharedkernel.persistence.DatabaseProduct;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The groups and people who take part in a case, for good (table {@code case_participant}). Written inside
 * the engine's transaction as tasks are offered and held, so each write is a single insert-if-absent that
 * cannot fail on a row already there: a duplicate-key error would not undo the transaction on MariaDB or H2
 * (both roll back just the statement), but it would still reach the engine as an exception and fail the
 * claim or the intake it is part of.
 */
@Repository
public class CaseParticipants {

    /** Whether a participant is a group or a person. */
    public enum Kind {
        GROUP,
        USER;

        String column() {
            return name().toLowerCase();
        }
    }

    /** Standard SQL; H2 has no insert-or-ignore outside its compatibility modes. */
    private static final String JOIN_H2 = """
            merge into case_participant p
            using (values (cast(:caseId as char(36)), cast(:kind as varchar(5)), cast(:participant as varchar(64)),
                           cast(:at as timestamp(6)))) s (case_id, kind, participant, joined_at)
            on p.case_id = s.case_id and p.kind = s.kind and p.participant = s.participant
            when not matched then insert (case_id, kind, participant, joined_at)
                values (s.case_id, s.kind, s.participant, s.joined_at)""";
    /** Not {@code insert ignore}, which would also turn a too-long value into a warning. */
    private static final String JOIN_MARIADB = """
            insert into case_participant (case_id, kind, participant, joined_at)
            values (:caseId, :kind, :participant, :at)
            on duplicate key update case_id = case_id""";

    private static final String ANY_OF =
            "((p.kind = 'user' and p.participant = :userId)" + " or (p.kind = 'group' and p.participant in (:groups)))";

    private final NamedParameterJdbcTemplate db;
    private final String join;
    private final ChangedDays changedDays;

    CaseParticipants(NamedParameterJdbcTemplate db, DatabaseProduct database, ChangedDays changedDays) {
        this.db = db;
        this.join = database.isH2() ? JOIN_H2 : JOIN_MARIADB;
        this.changedDays = changedDays;
    }

    /** The group or person takes part in the case from now on; nothing happens if they already do. */
    public void join(UUID caseId, Kind kind, String participant, Instant at) {
        int joined = db.update(
                join,
                new MapSqlParameterSource("caseId", caseId.toString())
                        .addValue("kind", kind.column())
                        .addValue("participant", participant)
                        .addValue("at", LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
        if (joined > 0 && kind == Kind.GROUP) {
            // the reports count a case for each of its groups, by the day it opened
            changedDays.caseChanged(caseId);
        }
    }

    /** Whether the user, or one of the groups, takes part in the case. */
    public boolean includeAnyOf(UUID caseId, String userId, Collection<String> groups) {
        Integer found = db.queryForObject(
                "select count(*) from case_participant p where p.case_id = :caseId and " + ANY_OF,
                params(userId, groups).addValue("caseId", caseId.toString()),
                Integer.class);
        return found != null && found > 0;
    }

    /** Those of the cases that the user, or one of the groups, takes part in; one statement. */
    public Set<UUID> withAnyOf(Collection<UUID> caseIds, String userId, Collection<String> groups) {
        if (caseIds.isEmpty()) {
            return Set.of();
        }
        MapSqlParameterSource params = params(userId, groups)
                .addValue("caseIds", caseIds.stream().map(UUID::toString).toList());
        return new HashSet<>(db.query(
                "select distinct p.case_id from case_participant p where p.case_id in (:caseIds)" + " and " + ANY_OF,
                params,
                (rs, row) -> UUID.fromString(rs.getString(1).strip())));
    }

    /**
     * The condition that the case whose id is in {@code caseIdColumn} is one that the user or one of the groups takes
     * part in, for a query over many cases (the case list); its parameters come from {@link #addParticipant}.
     */
    public static String takesPart(String caseIdColumn) {
        return caseIdColumn + " in (select p.case_id from case_participant p where " + ANY_OF + ")";
    }

    /** How many cases the user or the groups take part in, read from this table alone (the index holds it). */
    public static String countTakingPart() {
        return "select count(distinct p.case_id) from case_participant p where " + ANY_OF;
    }

    public static void addParticipant(MapSqlParameterSource params, String userId, Collection<String> groups) {
        params.addValues(params(userId, groups).getValues());
    }

    /** The condition that a group, or a person, of the kind took part in the case; parameter {@code name}. */
    public static String tookPart(String caseIdColumn, Kind kind, String name) {
        return caseIdColumn + " in (select p.case_id from case_participant p where p.kind = '" + kind.column()
                + "' and p.participant = :" + name + ")";
    }

    /** A group or person that took part in a case. */
    public record Participant(Kind kind, String id) {}

    /** Everyone who took part in any of the cases, each once; one statement per 500 cases. */
    public Set<Participant> of(Collection<UUID> caseIds) {
        Set<Participant> found = new LinkedHashSet<>();
        List<String> ids = caseIds.stream().map(UUID::toString).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            db.query(
                    "select distinct kind, participant from case_participant where case_id in (:ids) "
                            + "order by kind, participant",
                    new MapSqlParameterSource("ids", ids.subList(from, Math.min(ids.size(), from + 500))),
                    rs -> {
                        found.add(new Participant(
                                Kind.valueOf(rs.getString(1).strip().toUpperCase()), rs.getString(2)));
                    });
        }
        return found;
    }

    /** An empty IN list is invalid SQL: a group nobody is in matches nothing. */
    private static MapSqlParameterSource params(String userId, Collection<String> groups) {
        return new MapSqlParameterSource("userId", userId)
                .addValue("groups", groups.isEmpty() ? List.of("") : List.copyOf(groups));
    }
}
