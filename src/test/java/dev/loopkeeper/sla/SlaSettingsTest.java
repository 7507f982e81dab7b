package dev.loopkeeper.sla;

import static dev.loopkeeper.sla.Regions.MADRID;
import static dev.loopkeeper.sla.Regions.nineToFive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code loopkeeper.sla.*}: the shipped defaults bind and load their holidays; a broken calendar stops start-up. */
class SlaSettingsTest {

    @EnableConfigurationProperties(SlaSettings.class)
    static class SlaConfiguration {}

    @Test
    void theDefaultsInApplicationYmlBindAndLoadEachRegionsHolidays() {
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(SlaConfiguration.class)
                .withBean(BusinessCalendar.class)
                .run(context -> {
                    SlaSettings settings = context.getBean(SlaSettings.class);
                    assertThat(settings.defaultRegion()).isEqualTo("EMEA");
                    assertThat(settings.regions()).containsOnlyKeys("EMEA", "DACH", "UK", "US", "APAC");
                    assertThat(settings.regions().get("EMEA")).isEqualTo(nineToFive(MADRID, "ES"));
                    assertThat(settings.regions().get("UK").holidays()).isEqualTo("GB/ENG");

                    BusinessCalendar calendar = context.getBean(BusinessCalendar.class);
                    settings.regions().forEach((region, hours) -> {
                        assertThat(calendar.isWorkingTime(noon("2026-12-23", hours.zone()), region))
                                .as("%s on an ordinary Wednesday", region)
                                .isTrue();
                        assertThat(calendar.isWorkingTime(noon("2026-12-25", hours.zone()), region))
                                .as("%s on Christmas Day", region)
                                .isFalse();
                    });
                });
    }

    @Test
    void aRegionThatLeavesOutDaysAndHoursWorksNineToFiveOnWeekdays() {
        SlaSettings settings = new Binder(new MapConfigurationPropertySource(Map.of(
                        "loopkeeper.sla.default-region", "US",
                        "loopkeeper.sla.regions.US.zone", "America/Chicago",
                        "loopkeeper.sla.regions.US.holidays", "US/TX")))
                .bind("loopkeeper.sla", SlaSettings.class)
                .get();

        assertThat(settings.regions().get("US"))
                .isEqualTo(new SlaSettings.Region(
                        ZoneId.of("America/Chicago"),
                        "US/TX",
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        LocalTime.of(9, 0),
                        LocalTime.of(17, 0)));
    }

    @Test
    void refusesAnUnknownHolidayCountry() {
        assertThatThrownBy(() ->
                        new BusinessCalendar(new SlaSettings("EMEA", Map.of("EMEA", nineToFive(MADRID, "XX")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("loopkeeper.sla.regions.EMEA.holidays: No holiday calendar for country XX");
    }

    @Test
    void refusesAnUnknownSubdivisionRatherThanQuietlyDroppingItsHolidays() {
        assertThatThrownBy(() ->
                        new BusinessCalendar(new SlaSettings("EMEA", Map.of("EMEA", nineToFive(MADRID, "ES/ZZ")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loopkeeper.sla.regions.EMEA.holidays: No holiday calendar for subdivision ES/ZZ");
    }

    @Test
    void refusesClosingBeforeOpening() {
        SlaSettings.Region nightShift = new SlaSettings.Region(
                MADRID, "ES", EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(22, 0), LocalTime.of(6, 0));

        assertThatThrownBy(() -> new BusinessCalendar(new SlaSettings("EMEA", Map.of("EMEA", nightShift))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loopkeeper.sla.regions.EMEA: closes (06:00) must be after opens (22:00) on the same day");
    }

    @Test
    void refusesADefaultRegionThatIsNotConfigured() {
        assertThatThrownBy(() ->
                        new BusinessCalendar(new SlaSettings("LATAM", Map.of("EMEA", nineToFive(MADRID, "ES")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loopkeeper.sla.default-region: LATAM is not one of the configured regions [EMEA]");
    }

    private static Instant noon(String day, ZoneId zone) {
        return LocalDateTime.parse(day + "T12:00").atZone(zone).toInstant();
    }
}
