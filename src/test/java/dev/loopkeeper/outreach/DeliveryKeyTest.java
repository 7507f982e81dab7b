package dev.loopkeeper.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Delivery keys keep the shape the delivery log already holds: a job retried after an upgrade must find the key
 * it sent before, or the customer hears twice.
 */
class DeliveryKeyTest {

    static final UUID CASE = UUID.fromString("3fb2889e-5585-49cc-82e2-491656044715");

    @Test
    void aCaseKeyNamesTheCaseTheStepAndWhatTellsItFromTheStepsOthers() {
        assertThat(DeliveryKey.ofCase(CASE, "acknowledgement").value())
                .isEqualTo("case:3fb2889e-5585-49cc-82e2-491656044715:acknowledgement");
        assertThat(DeliveryKey.ofCase(CASE, "retry", 2).value())
                .isEqualTo("case:3fb2889e-5585-49cc-82e2-491656044715:retry:2");
        assertThat(DeliveryKey.ofCase(CASE, "breach", Instant.parse("2026-11-24T15:41:20Z"))
                        .value())
                .isEqualTo("case:3fb2889e-5585-49cc-82e2-491656044715:breach:2026-11-24T15:41:20Z");
        assertThat(DeliveryKey.ofCase(CASE, "new").caseId()).isEqualTo(CASE);
    }

    @Test
    void anImprovementKeyBelongsToNoCaseAndSplitsPerAddressee() {
        UUID action = UUID.fromString("0b5e1c8a-1111-4222-8333-944455556666");

        DeliveryKey late = DeliveryKey.ofImprovement(action, "late", "exec-7");

        assertThat(late.and("owner").value())
                .isEqualTo("improvement:0b5e1c8a-1111-4222-8333-944455556666:late:exec-7:owner");
        assertThat(late.and("owner").caseId()).isNull();
    }

    @Test
    void aStaffAlertIsAboutTheCaseItsKeyNames() {
        StaffAlert alert =
                StaffAlert.toGroup("supervisors", DeliveryKey.ofCase(CASE, "new"), "new-case", "New", "Body");

        assertThat(alert.alertKey()).isEqualTo("case:" + CASE + ":new");
        assertThat(alert.caseId()).isEqualTo(CASE);
        assertThat(alert.group()).isEqualTo("supervisors");
        assertThat(alert.userId()).isNull();
    }
}
