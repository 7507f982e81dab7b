package dev.loopkeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an upgrade needs of the migrations, checked in seconds on every build: a released migration is never edited
 * or removed (Flyway would refuse to start on a database that ran it: checksum mismatch), and a new one is numbered
 * after the last release (Flyway would refuse one below, or skip it if told to allow it).
 */
class ReleasedMigrationsTest {

    @Test
    void noReleasedMigrationChanged() {
        Map<String, String> released = ReleasedMigrations.released();
        Map<String, String> inTree = ReleasedMigrations.inTree();
        assertThat(released).isNotEmpty();
        released.forEach((path, sha256) -> assertThat(inTree.get(path))
                .as("%s was released: write a new migration instead of changing or removing it", path)
                .isEqualTo(sha256));
    }

    @Test
    void newMigrationsComeAfterTheLastRelease() {
        Map<String, String> released = ReleasedMigrations.released();
        ReleasedMigrations.inTree().keySet().stream()
                .filter(path -> !released.containsKey(path))
                .forEach(path -> assertThat(ReleasedMigrations.compare(
                                ReleasedMigrations.version(path), ReleasedMigrations.PREVIOUS_RELEASE))
                        .as(
                                "%s is new, so its version must be above the last release's %s",
                                path, ReleasedMigrations.PREVIOUS_RELEASE)
                        .isPositive());
    }

    @Test
    void versionsCompareAsFlywayOrdersThem() {
        assertThat(ReleasedMigrations.version("db/migration/V14_3_1__themes.sql"))
                .isEqualTo("14.3.1");
        assertThat(ReleasedMigrations.compare("14.3.1", "14.3")).isPositive();
        assertThat(ReleasedMigrations.compare("18.2", "20.1")).isNegative();
        assertThat(ReleasedMigrations.compare("20.1", "20.1")).isZero();
        assertThat(ReleasedMigrations.compare("20.10", "20.9")).isPositive();
    }
}
