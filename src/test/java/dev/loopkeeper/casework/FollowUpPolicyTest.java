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

    @ParameterizedTest(name = "{0}, tier {1}, value {2}, region {3} -> {5} by {6} within {7}")
    @CsvSource(
            nullValues = "null",
            value = {
                // segment, tier, lifetime value, region, product | group, channel, within, business, retry, attempts,
                // thank-you
                "detractor, gold,     null,  EMEA, Broadband, frontline, phone, PT4H,  true,  PT24H, 3, false",
                "detractor, platinum, null,  US,   Mobile,    frontline, phone, PT4H,  true,  PT24H, 3, false",
                "detractor, standard, 25000, US,   Mobile,    frontline, phone, PT4H,  true,  PT24H, 3, false",
                "detractor, standard, 9999,  EMEA, Broadband, team-emea, phone, PT24H, true,  PT48H, 3, false",
                "detractor, '',       null,  US,   '',        frontline, phone, PT24H, true,  PT48H, 3, false",
                "passive,   gold,     null,  EMEA, Broadband, frontline, phone, PT8H,  true,  PT48H, 3, false",
                "passive,   standard, null,  EMEA, Broadband, frontline, email, PT48H, true,  PT48H, 3, false",
                "promoter,  gold,     null,  EMEA, Broadband, frontline, phone, P7D,   false, PT48H, 2, false",
                "promoter,  '',       50000, US,   '',        frontline, email, P7D,   false, PT48H, 1, true",
            })
    void eachRuleDecidesGroupChannelSlaRetriesAndThanks(
            String segment,
            String tier,
            Double lifetimeValue,
            String region,
            String product,
            String group,
            String channel,
            String within,
            boolean businessTime,
            String retryAfter,
            int maxAttempts,
            boolean autoThankYou) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("segment", segment);
        inputs.put("customerTier", tier);
        inputs.put("lifetimeValue", lifetimeValue);
        inputs.put("region", region);
        inputs.put("product", product);

        DmnDecisionResultEntries decided = dmn.evaluateDecision(policy, inputs).getSingleResult();

        assertThat(decided.getEntryMap())
                .containsEntry("ownerGroup", group)
                .containsEntry("firstChannel", channel)
                .containsEntry("contactWithin", within)
                .containsEntry("businessTime", businessTime)
                .containsEntry("retryAfter", retryAfter)
                .containsEntry("maxAttempts", maxAttempts)
                .containsEntry("autoThankYou", autoThankYou);
    }
}
