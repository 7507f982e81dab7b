package dev.loopkeeper.identity;

import dev.loopkeeper.sharedkernel.LanguagePreference;
import dev.loopkeeper.sharedkernel.ZonePreference;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What each user chose for themselves (table {@code user_setting}): their time zone and their language. */
@Service
public class UserSettings implements ZonePreference, LanguagePreference {

    private final NamedParameterJdbcTemplate db;
    private final Clock clock;

    UserSettings(NamedParameterJdbcTemplate db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ZoneId> zoneOf(String userId) {
        List<String> zones = db.queryForList(
                "select time_zone from user_setting where user_id = :user",
                new MapSqlParameterSource("user", userId),
                String.class);
        if (zones.isEmpty() || zones.get(0) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zones.get(0)));
        } catch (DateTimeException unknownSinceAnUpdate) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional
    public void choose(String userId, ZoneId zone) {
        keep(userId, "time_zone", zone.getId());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Locale> languageOf(String userId) {
        List<String> languages = db.queryForList(
                "select ui_language from user_setting where user_id = :user",
                new MapSqlParameterSource("user", userId),
                String.class);
        return languages.isEmpty() || languages.get(0) == null
                ? Optional.empty()
                : Optional.of(Locale.forLanguageTag(languages.get(0)));
    }

    @Override
    @Transactional
    public void chooseLanguage(String userId, Locale language) {
        keep(userId, "ui_language", language.toLanguageTag());
    }

    /**
     * Update, else insert: one user changes only their own row, so the two cannot race with anyone but themselves.
     * The column is one of ours, never a caller's text.
     */
    private void keep(String userId, String column, String value) {
        MapSqlParameterSource params = new MapSqlParameterSource("user", userId)
                .addValue("value", value)
                .addValue("at", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (db.update("update user_setting set " + column + " = :value, changed_at = :at where user_id = :user", params)
                == 0) {
            db.update(
                    "insert into user_setting (user_id, " + column + ", changed_at) values (:user, :value, :at)",
                    params);
        }
    }
}
