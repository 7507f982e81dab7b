package dev.loopkeeper.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of {@code bpmn/alert-policy.dmn}, evaluated by the DMN engine itself: who hears of what, how, when. */
class AlertPolicyTest {

    static DmnDecision policy;
    static DmnEngine dmn;

    @BeforeAll
    static void parsePolicy() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream file = new FileInputStream("bpmn/alert-policy.dmn")) {
            policy = dmn.parseDecision(AlertPolicy.DECISION, file);
        }
    }

    @ParameterizedTest(name = "{0}, {1} ({2}), value {3}, \"{4}\" -> {5}")
    @CsvSource(
            nullValues = "null",
            delimiter = '|',
            value = {
                // event | segment | score | lifetime value | comment -> routes (kind/recipient/channel/delivery; ...)
                "case-opened|detractor|3|null|Slow line"
                        + "|owner-group//in-app/immediate; owner-group//email/immediate;"
                        + " property/accountManagerEmail/email/immediate; owner-group//slack/immediate;"
                        + " owner-group//teams/immediate",
                "case-opened|passive|7|null|''|owner-group//in-app/immediate; owner-group//email/immediate",
                "case-opened|detractor|2|25000|We will CANCEL the contract"
                        + "|owner-group//in-app/immediate; owner-group//email/immediate;"
                        + " property/accountManagerEmail/email/immediate; group/supervisors/in-app/immediate;"
                        + " owner-group//slack/immediate; owner-group//teams/immediate",
                "case-opened|detractor|2|5000|We will cancel"
                        + "|owner-group//in-app/immediate; owner-group//email/immediate;"
                        + " property/accountManagerEmail/email/immediate; owner-group//slack/immediate;"
                        + " owner-group//teams/immediate",
                "sla-warning|detractor|2|null|''"
                        + "|assignee//in-app/immediate; assignee//email/immediate; owner-group//in-app/immediate",
                "breach|detractor|2|null|''|group/supervisors/in-app/immediate; group/supervisors/email/digest",
                "breach|promoter|10|90000|cancel|group/supervisors/in-app/immediate; group/supervisors/email/digest",
                "escalation|passive|8|null|''"
                        + "|group/process-owners/in-app/immediate; group/process-owners/email/immediate;"
                        + " group/process-owners/slack/immediate",
                "something-else|detractor|0|null|''|''",
            })
    void eachRuleRoutesTheEventToItsRecipientsChannelAndDelivery(
            String event, String segment, Integer score, Double lifetimeValue, String comment, String routes) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("event", event);
        inputs.put("segment", segment);
        inputs.put("score", score);
        inputs.put("customerTier", "");
        inputs.put("lifetimeValue", lifetimeValue);
        inputs.put("region", "EMEA");
        inputs.put("product", "Broadband");
        inputs.put("comment", comment);

        List<String> decided = dmn.evaluateDecisionTable(policy, inputs).getResultList().stream()
                .map(rule -> rule.get("recipientKind") + "/" + rule.get("recipient") + "/" + rule.get("channel") + "/"
                        + rule.get("delivery"))
                .toList();

        List<String> expected = routes.isBlank()
                ? List.of()
                : Arrays.stream(routes.split(";")).map(String::strip).toList();
        assertThat(decided).containsExactlyInAnyOrderElementsOf(expected);
    }
}
