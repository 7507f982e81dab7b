package dev.loopkeeper.sla.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.Test;

class TimerDurationsTest {

    @Test
    void theEngineParsesDurationsWithTheJdksFactoryWithoutAClassPathSearch() throws Exception {
        new TimerDurations().preInit(null);

        assertThat(System.getProperty(TimerDurations.FACTORY)).isEqualTo(TimerDurations.JDK_FACTORY);
        assertThat(DatatypeFactory.newInstance().getClass().getName()).isEqualTo(TimerDurations.JDK_FACTORY);
        Date start = new Date(0);
        assertThat(new DurationHelper("PT24H", start).getDateAfter(start))
                .isEqualTo(new Date(Duration.ofHours(24).toMillis()));
    }
}
