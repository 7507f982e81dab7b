package dev.loopkeeper.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of {@code bpmn/follow-up-policy.dmn}, evaluated by the DMN engine itself. */
class FollowUpPolicyTest {

    static DmnDecision policy;
    static DmnEngine dmn;

    @BeforeAll
    static void parsePolicy() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream file = new FileInputStream("bpmn/follow-up-policy.dmn")) {
            policy = dmn.parseDecision(ClosedLoop.POLICY_DECISION, file);
        }
    }

    @ParameterizedTest(name = "{0}, tier {1}, value {2}, region {3}, touchpoint {5} -> {7}, {6}, first {10}")
    @CsvSource(
            nullValues = "null",
            delimiter = '|',
            value = {
                // segment | tier | lifetime value | region | product | touchpoint
                //   -> group | follow-up | acknowledge | invite | channel order | contact within | business time
                //   | retry after | attempts | resolve within | business time | review within | business time
                "detractor|gold|null|EMEA|Broadband|''"
                        + "|frontline|personal|false|''|phone,email,sms|PT4H|true|PT24H|3|PT48H|false|PT2H|false",
                "detractor|platinum|null|US|Mobile|purchase"
                        + "|frontline|personal|false|''|phone,email,sms|PT4H|true|PT24H|3|PT48H|false|PT2H|false",
                "detractor|standard|25000|US|Mobile|''"
                        + "|frontline|personal|false|''|phone,email,sms|PT4H|true|PT24H|3|PT48H|false|PT2H|false",
                "detractor|standard|9999|EMEA|Broadband|''"
                        + "|team-emea|personal|true|''|phone,email,sms|PT24H|true|PT48H|3|P5D|true|PT4H|false",
                "detractor|''|null|US|''|''"
                        + "|frontline|personal|true|''|phone,email,sms|PT24H|true|PT48H|3|P5D|true|PT4H|false",
                "detractor|gold|null|EMEA|Broadband|test"
                        + "|frontline|none|false|''|phone,email,sms|PT24H|true|PT48H|1|P5D|true|PT4H|false",
                "passive|gold|null|EMEA|Broadband|purchase"
                        + "|frontline|personal|true|''|phone,email,sms|PT8H|true|PT48H|3|P5D|true|PT4H|false",
                "passive|standard|null|EMEA|Broadband|purchase"
                        + "|frontline|automatic|false|''|email,sms|PT48H|true|PT48H|1|P5D|true|PT4H|false",
                "passive|standard|null|EMEA|Broadband|''"
                        + "|frontline|personal|true|''|email,sms,phone|PT48H|true|PT48H|3|P5D|true|PT4H|false",
                "promoter|gold|null|EMEA|Broadband|''"
                        + "|frontline|personal|false|review,referral|phone,email,sms|P7D|false|PT48H|2|P7D|false|PT24H|false",
                "promoter|''|50000|US|''|support-call"
                        + "|frontline|automatic|false|review,referral|email,sms|P7D|false|PT48H|1|P7D|false|PT24H|false",
            })
    void eachRuleDecidesWhoFollowsUpHowAndEveryStepsClock(
            String segment,
            String tier,
            Double lifetimeValue,
            String region,
            String product,
            String touchpoint,
            String group,
            String followUp,
            boolean acknowledge,
            String invite,
            String channelOrder,
            String contactWithin,
            boolean businessTime,
            String retryAfter,
            int maxAttempts,
            String resolveWithin,
            boolean resolveInBusinessTime,
            String reviewWithin,
            boolean reviewInBusinessTime) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("segment", segment);
        inputs.put("customerTier", tier);
        inputs.put("lifetimeValue", lifetimeValue);
        inputs.put("region", region);
        inputs.put("product", product);
        inputs.put("touchpoint", touchpoint);

        DmnDecisionResultEntries decided = dmn.evaluateDecision(policy, inputs).getSingleResult();

        assertThat(decided.getEntryMap())
                .containsEntry("ownerGroup", group)
                .containsEntry("followUp", followUp)
                .containsEntry("acknowledge", acknowledge)
                .containsEntry("invite", invite)
                .containsEntry("channelOrder", channelOrder)
                .containsEntry("contactWithin", contactWithin)
                .containsEntry("businessTime", businessTime)
                .containsEntry("retryAfter", retryAfter)
                .containsEntry("maxAttempts", maxAttempts)
                .containsEntry("resolveWithin", resolveWithin)
                .containsEntry("resolveInBusinessTime", resolveInBusinessTime)
                .containsEntry("reviewWithin", reviewWithin)
                .containsEntry("reviewInBusinessTime", reviewInBusinessTime);
    }
}
