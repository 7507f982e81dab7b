package dev.loopkeeper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The demo's history is drawn anew for each day it starts on; what its screens promise must hold on every one. The
 * seed's own test runs at one moment only (a Monday once found its "waiting for a reply" case missing: the customer
 * the draw picked for it had an open case, which the answer joined; a Tuesday's late morning found it breached).
 */
class DemoHistoryTest {

    @Test
    void atEveryHourOfAYearAnUnansweredCallOfAFewHoursAgoIsReachableTwiceAndHasNoOtherAnswerToJoin() {
        for (Instant now : aYearOfMoments()) {
            List<DemoHistory.Story> stories = new DemoHistory().stories(now, DemoSeed.DAYS, DemoSeed.PER_DAY);
            // an answer of yesterday had breached its 24-hour SLA by late morning (the seed on 2026-12-01 11:35 UTC),
            // so its case waited for a supervisor, not for a reply: a few hours leave the SLA and the retry ahead
            List<DemoHistory.Story> waiting = stories.stream()
                    .filter(s -> s.script() == DemoHistory.Script.NO_ANSWER)
                    .filter(s -> s.response().respondedAt().isAfter(now.minus(Duration.ofHours(12))))
                    .toList();
            assertThat(waiting)
                    .as("an unanswered call of the last hours, at %s", now)
                    .isNotEmpty();
            for (DemoHistory.Story story : waiting) {
                assertThat(story.response().respondedAt())
                        .as("time left to arrive and call, at %s", now)
                        .isBefore(now.minus(Duration.ofHours(1)));
                var customer = story.response().customer();
                assertThat(customer.email()).as("at %s", now).isNotNull();
                assertThat(customer.phone()).as("at %s", now).isNotNull();
                assertThat(stories.stream()
                                .filter(s -> s != story)
                                .filter(s ->
                                        s.response().customer().externalId().equals(customer.externalId())))
                        .as("other answers of %s, at %s", customer.externalId(), now)
                        .isEmpty();
            }
        }
    }

    @Test
    void onEveryDayOfAYearJohnSmithHasAnswersFromBeforeLoopkeeper() {
        for (LocalDate today : aYearOfDays()) {
            DemoHistory history = new DemoHistory();
            history.stories(DemoHistory.utcNoon(today), DemoSeed.DAYS, DemoSeed.PER_DAY);
            assertThat(history.past(today, DemoSeed.DAYS))
                    .as("John Smith's history, on %s", today)
                    .anySatisfy(r -> assertThat(r.customer().name()).isEqualTo("John Smith"));
        }
    }

    @Test
    void onEveryDayOfAYearACustomerWaitsForTheBillingFixAndEveryScriptIsPlayed() {
        for (LocalDate today : aYearOfDays()) {
            Instant implemented = today.atStartOfDay(ZoneOffset.UTC).toInstant().minus(DemoSeed.FIX_IMPLEMENTED_AGO);
            List<DemoHistory.Story> stories =
                    new DemoHistory().stories(DemoHistory.utcNoon(today), DemoSeed.DAYS, DemoSeed.PER_DAY);
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
    void onEveryDayOfAYearTheSurveyToolsTestIsItsSendersOnlyAnswerSoItClosesACaseOfItsOwnWithoutFollowUp() {
        for (LocalDate today : aYearOfDays()) {
            List<DemoHistory.Story> stories =
                    new DemoHistory().stories(DemoHistory.utcNoon(today), DemoSeed.DAYS, DemoSeed.PER_DAY);
            List<DemoHistory.Story> tests = stories.stream()
                    .filter(s -> "test".equals(s.response().touchpoint()))
                    .toList();
            assertThat(tests).as("the survey tool's test, on %s", today).hasSize(1);
            String sender = tests.get(0).response().customer().externalId();
            assertThat(stories)
                    .filteredOn(s -> s.response().customer().externalId().equals(sender))
                    .as("answers of %s, on %s", sender, today)
                    .hasSize(1);
        }
    }

    @Test
    void onEveryDayOfAYearJohnSmithHasNoCaseLeftOpenForTheOneOpenedByHandToJoin() {
        for (LocalDate today : aYearOfDays()) {
            List<DemoHistory.Story> johns = new DemoHistory()
                    .stories(DemoHistory.utcNoon(today), DemoSeed.DAYS, DemoSeed.PER_DAY).stream()
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

    /** A moment of each of those days, at every hour and minute in turn (one day at 00:00, the next at 07:13, ...). */
    private static List<Instant> aYearOfMoments() {
        List<LocalDate> days = aYearOfDays();
        return IntStream.range(0, days.size())
                .mapToObj(i -> days.get(i).atTime(i * 7 % 24, i * 13 % 60).toInstant(ZoneOffset.UTC))
                .toList();
    }
}
