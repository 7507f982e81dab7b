package dev.loopkeeper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's history is drawn anew for each day it starts on; what its screens promise must hold on every one. The
 * seed's own test runs on one day only (a Monday once found its "waiting for a reply" case missing: the customer the
 * draw picked for it had an open case, which the answer joined).
 */
class DemoHistoryTest {

    @Test
    void onEveryDayOfAYearTheCustomerCalledYesterdayIsReachableTwiceAndHasNoOtherAnswerToJoin() {
        for (LocalDate today : aYearOfDays()) {
            List<DemoHistory.Story> stories = new DemoHistory().stories(today, DemoSeed.DAYS, DemoSeed.PER_DAY);
            List<DemoHistory.Story> waiting = stories.stream()
                    .filter(s -> s.script() == DemoHistory.Script.NO_ANSWER)
                    .filter(s -> s.response()
                            .respondedAt()
                            .isAfter(today.minusDays(2)
                                    .atStartOfDay(ZoneOffset.UTC)
                                    .toInstant()))
                    .toList();
            assertThat(waiting)
                    .as("an unanswered call of yesterday, on %s", today)
                    .isNotEmpty();
            for (DemoHistory.Story story : waiting) {
                var customer = story.response().customer();
                assertThat(customer.email()).as("on %s", today).isNotNull();
                assertThat(customer.phone()).as("on %s", today).isNotNull();
                assertThat(stories.stream()
                                .filter(s -> s != story)
                                .filter(s ->
                                        s.response().customer().externalId().equals(customer.externalId())))
                        .as("other answers of %s, on %s", customer.externalId(), today)
                        .isEmpty();
            }
        }
    }

    @Test
    void onEveryDayOfAYearJohnSmithHasAnswersFromBeforeLoopkeeper() {
        for (LocalDate today : aYearOfDays()) {
            DemoHistory history = new DemoHistory();
            history.stories(today, DemoSeed.DAYS, DemoSeed.PER_DAY);
            assertThat(history.past(today, DemoSeed.DAYS))
                    .as("John Smith's history, on %s", today)
                    .anySatisfy(r -> assertThat(r.customer().name()).isEqualTo("John Smith"));
        }
    }

    @Test
    void onEveryDayOfAYearACustomerWaitsForTheBillingFixAndEveryScriptIsPlayed() {
        for (LocalDate today : aYearOfDays()) {
            Instant implemented = today.atStartOfDay(ZoneOffset.UTC).toInstant().minus(DemoSeed.FIX_IMPLEMENTED_AGO);
            List<DemoHistory.Story> stories = new DemoHistory().stories(today, DemoSeed.DAYS, DemoSeed.PER_DAY);
            // the announced fix must have someone to tell (a draw of 2026-12-01 had nobody)
            List<DemoHistory.Story> waitingForFix = stories.stream()
                    .filter(s -> s.script() == DemoHistory.Script.SYSTEMIC
                            && s.theme().equals("billing"))
                    .filter(s ->
                            s.response().respondedAt().plus(Duration.ofDays(2)).isBefore(implemented))
                    .toList();
            assertThat(waitingForFix)
                    .as("a billing case linked before the fix, on %s", today)
                    .anySatisfy(story -> assertThat(stories.stream()
                                    .filter(s -> s.response()
                                            .customer()
                                            .externalId()
                                            .equals(story.response().customer().externalId())))
                            .as("an answer that opens a case of its own")
                            .hasSize(1));
            assertThat(stories)
                    .extracting(DemoHistory.Story::script)
                    .as("scripts played on %s", today)
                    .contains(DemoHistory.Script.values());
        }
    }

    @Test
    void onEveryDayOfAYearJohnSmithHasNoCaseLeftOpenForTheOneOpenedByHandToJoin() {
        for (LocalDate today : aYearOfDays()) {
            List<DemoHistory.Story> johns = new DemoHistory()
                    .stories(today, DemoSeed.DAYS, DemoSeed.PER_DAY).stream()
                            .filter(s -> s.response().customer().name().equals("John Smith"))
                            .toList();
            assertThat(johns).as("John Smith's answers, on %s", today).hasSizeGreaterThan(2);
            assertThat(johns)
                    .extracting(DemoHistory.Story::script)
                    .as("how John Smith's cases go, on %s", today)
                    .noneMatch(DemoHistory.Script::leavesCaseOpen)
                    .contains(DemoHistory.Script.RESOLVED);
        }
    }

    /** The days the demo may start on: 2026-01-01 and the 365 after it, weekends, month ends and the year's end. */
    private static List<LocalDate> aYearOfDays() {
        return LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 2)).toList();
    }
}
