package dev.loopkeeper.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.outreach.DeliveryStatus;
import dev.loopkeeper.outreach.Medium;
import dev.loopkeeper.outreach.MessageStep;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.ui.Translations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The timeline names channels, outcomes, messages and segments by keys built from their values (the completeness
 * test sees only literal keys): every value of each has its words.
 */
class TimelineWordsTest {

    @Test
    void everyValueTheTimelineNamesHasItsWords() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(Channel.values()).forEach(c -> keys.add("casework.channel.in-sentence." + c.key()));
        Arrays.stream(ContactOutcome.values()).forEach(o -> keys.add("casework.timeline.contact-outcome." + o.key()));
        Arrays.stream(CaseOutcome.values()).forEach(o -> keys.add("casework.closed-as." + o.key()));
        Arrays.stream(Medium.values()).forEach(m -> keys.add("casework.timeline.message." + m.key()));
        Arrays.stream(MessageStep.values()).forEach(s -> keys.add("casework.timeline.step." + s.key()));
        Arrays.stream(DeliveryStatus.values())
                .forEach(s ->
                        keys.add("casework.timeline.delivery-status." + s.name().toLowerCase()));
        Arrays.stream(Segment.values()).forEach(s -> keys.add("sharedkernel.segment." + s.key()));
        List.of("scheduled", "sent", "answered", "skipped", "failed")
                .forEach(state -> keys.add("survey.timeline.resurvey." + state));

        Translations translations = new Translations();
        assertThat(keys)
                .allSatisfy(key -> assertThat(translations.has(key)).as(key).isTrue());
    }
}
