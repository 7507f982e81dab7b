package dev.loopkeeper.casework.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The badge speaks the user's language, so it is shown inside a UI, as in the views. */
@LoopkeeperTest
class SlaBadgeTest {

    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final Instant DUE = NOW.plus(Duration.ofHours(5));
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void signIn() {
        KaribuUi.signIn(context, "fiona", "frontline");
    }

    @AfterEach
    void signOut() {
        KaribuUi.signOut();
    }

    @Test
    void aCustomerOnAnotherClockGetsTheirLocalDueTimeBesideTheCountdown() {
        Component shown = SlaBadge.of(DUE, NOW, MADRID, ZoneId.of("Asia/Singapore"));

        String text = shown.getElement().getTextRecursively();
        assertThat(text).startsWith("in 5 h").contains("22:00 SGT").endsWith("there");
        assertThat(shown.getElement().getChild(0).getThemeList()).contains("badge");
    }

    @Test
    void aCustomerOnTheUsersOwnClockGetsTheCountdownAlone() {
        assertThat(SlaBadge.of(DUE, NOW, MADRID, ZoneId.of("Europe/Paris"))).isInstanceOf(Span.class);
        assertThat(SlaBadge.of(DUE, NOW, MADRID, null)).isInstanceOf(Span.class);
    }

    @Test
    void aTaskWithoutADueDateSaysSo() {
        assertThat(SlaBadge.of(null, NOW, MADRID, ZoneId.of("Asia/Singapore"))
                        .getElement()
                        .getText())
                .isEqualTo("no SLA");
    }
}
