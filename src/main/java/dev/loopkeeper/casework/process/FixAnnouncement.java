package dev.loopkeeper.casework.process;

import dev.loopkeeper.casework.domain.CaseParticipants;
import dev.loopkeeper.casework.domain.CaseParticipants.Kind;
import dev.loopkeeper.casework.domain.CaseParticipants.Participant;
import dev.loopkeeper.casework.domain.CaseProgress;
import dev.loopkeeper.insight.FixReleased;
import dev.loopkeeper.insight.Improvements;
import dev.loopkeeper.outreach.DeliveryKey;
import dev.loopkeeper.outreach.MessageStep;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlert;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A fix is out. Cases whose own loop waits for it are moved on by the message (see {@link ProcessMessages}); every
 * other linked case (closed, unreachable, or linked by its theme while it was still being worked) has its customer
 * told here, once per case on their written channel, with the same delivery key the loop would use. Then the staff:
 * every person and group who took part in a linked case gets one in-app note (you said, we did) about it.
 */
@Component
class FixAnnouncement {

    static final String KIND = "you-said-we-did";

    private final Improvements improvements;
    private final CaseProgress progress;
    private final CaseParticipants participants;
    private final CustomerOutreach customers;
    private final Outreach outreach;

    FixAnnouncement(
            Improvements improvements,
            CaseProgress progress,
            CaseParticipants participants,
            CustomerOutreach customers,
            Outreach outreach) {
        this.improvements = improvements;
        this.progress = progress;
        this.participants = participants;
        this.customers = customers;
        this.outreach = outreach;
    }

    void tellEveryone(FixReleased fix) {
        List<UUID> linked = improvements.linkedCases(fix.actionId());
        int told = 0;
        for (UUID caseId : linked) {
            if (progress.loopTellsOfFix(caseId, fix.actionId()) || progress.toldOfFix(caseId)) {
                continue;
            }
            if (customers.sendWritten(
                    progress.customerOf(caseId),
                    MessageStep.FIX_RELEASED,
                    DeliveryKey.ofCase(caseId, "fix-released"),
                    Map.of("fixSummary", "What we changed: " + fix.title() + "."))) {
                progress.recordFixNotified(caseId);
                told++;
            }
        }
        String subject = "You said, we did: " + fix.title();
        for (Participant p : participants.of(linked)) {
            DeliveryKey key = DeliveryKey.ofImprovement(
                    fix.actionId(), KIND, p.kind().name().toLowerCase(), p.id());
            String body = "\"" + fix.title() + "\" is fixed and released. It came from what customers told us in "
                    + linked.size() + " case(s)"
                    + (p.kind() == Kind.USER ? ", some of which you handled" : " of " + p.id())
                    + "; their customers are being told. Thank you for raising it.";
            outreach.alertStaff(
                    p.kind() == Kind.USER
                            ? StaffAlert.toUser(p.id(), key, KIND, subject, body)
                            : StaffAlert.toGroup(p.id(), key, KIND, subject, body));
        }
    }
}
