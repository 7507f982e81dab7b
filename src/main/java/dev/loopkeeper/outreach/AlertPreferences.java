package dev.loopkeeper.outreach;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's {@link AlertPreference} (tables {@code alert_preference} and {@code alert_subscription}). */
@Service
public class AlertPreferences {

    /** The events a user may choose about, as the policy names them. */
    public static final List<String> EVENTS =
            List.of(AlertEvent.CASE_OPENED, AlertEvent.SLA_WARNING, AlertEvent.BREACH, AlertEvent.ESCALATION);

    private final NamedParameterJdbcTemplate db;
    private final Clock clock;

    AlertPreferences(NamedParameterJdbcTemplate db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AlertPreference of(String userId) {
        return of(List.of(userId)).get(userId);
    }

    /** Everyone's at once, two statements whatever their number: a group's alert asks for all its members'. */
    @Transactional(readOnly = true)
    public Map<String, AlertPreference> of(Collection<String> userIds) {
        Map<String, AlertPreference> preferences = new LinkedHashMap<>();
        if (userIds.isEmpty()) {
            return preferences;
        }
        MapSqlParameterSource users = new MapSqlParameterSource("users", userIds);
        Map<String, Map<String, AlertPreference.Choice>> choices = new HashMap<>();
        db.query("select user_id, event, delivery from alert_subscription where user_id in (:users)", users, row -> {
            choices.computeIfAbsent(row.getString(1), u -> new HashMap<>())
                    .put(row.getString(2), AlertPreference.Choice.valueOf(row.getString(3)));
        });
        Map<String, AlertPreference> chosen = new HashMap<>();
        db.query(
                "select user_id, digest_every, quiet_from, quiet_until from alert_preference where user_id in (:users)",
                users,
                row -> {
                    String user = row.getString(1);
                    Object from = row.getObject(3);
                    Object until = row.getObject(4);
                    chosen.put(
                            user,
                            new AlertPreference(
                                    user,
                                    AlertPreference.Every.valueOf(row.getString(2)),
                                    from == null ? null : minuteOfDay(((Number) from).intValue()),
                                    until == null ? null : minuteOfDay(((Number) until).intValue()),
                                    choices.getOrDefault(user, Map.of())));
                });
        for (String user : userIds) {
            preferences.put(
                    user,
                    chosen.getOrDefault(
                            user,
                            new AlertPreference(
                                    user,
                                    AlertPreference.Every.DAILY,
                                    null,
                                    null,
                                    choices.getOrDefault(user, Map.of()))));
        }
        return preferences;
    }

    /** Replaces the user's choices; only the user changes their own rows, so update-else-insert cannot race. */
    @Transactional
    public void save(AlertPreference preference) {
        MapSqlParameterSource params = new MapSqlParameterSource("user", preference.userId())
                .addValue("every", preference.digestEvery().name())
                .addValue("from", minutes(preference.quietFrom()))
                .addValue("until", minutes(preference.quietUntil()))
                .addValue("at", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (db.update(
                        "update alert_preference set digest_every = :every, quiet_from = :from, quiet_until = :until,"
                                + " changed_at = :at where user_id = :user",
                        params)
                == 0) {
            db.update(
                    "insert into alert_preference (user_id, digest_every, quiet_from, quiet_until, changed_at)"
                            + " values (:user, :every, :from, :until, :at)",
                    params);
        }
        db.update("delete from alert_subscription where user_id = :user", params);
        for (var choice : preference.choices().entrySet()) {
            if (choice.getValue() == AlertPreference.Choice.POLICY) {
                continue; // what no row means
            }
            db.update(
                    "insert into alert_subscription (user_id, event, delivery) values (:user, :event, :delivery)",
                    new MapSqlParameterSource("user", preference.userId())
                            .addValue("event", choice.getKey())
                            .addValue("delivery", choice.getValue().name()));
        }
    }

    private static LocalTime minuteOfDay(int minutes) {
        return LocalTime.of(minutes / 60, minutes % 60);
    }

    private static Integer minutes(LocalTime time) {
        return time == null ? null : time.getHour() * 60 + time.getMinute();
    }
}
