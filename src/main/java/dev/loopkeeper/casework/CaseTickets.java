package dev.loopkeeper.casework;

import dev.loopkeeper.outreach.HelpDesk;
import dev.loopkeeper.outreach.OutreachSettings;
import dev.loopkeeper.sharedkernel.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A case's help-desk ticket, opened on request from the case screen by anyone who may see the case: the customer's
 * response and who they are as a private note, a link back to the case; the ticket's id stays on the case.
 */
@Service
public class CaseTickets {

    private final CaseTimeline cases;
    private final HelpDesk helpDesk;
    private final OutreachSettings links;

    CaseTickets(CaseTimeline cases, HelpDesk helpDesk, OutreachSettings links) {
        this.cases = cases;
        this.helpDesk = helpDesk;
        this.links = links;
    }

    public boolean helpDeskConnected() {
        return helpDesk.connected();
    }

    public Optional<HelpDesk.Ticket> ticketOf(UUID caseId) {
        return helpDesk.ticketOf(caseId);
    }

    /**
     * Opens the case's ticket, or returns the one it has.
     *
     * @throws IllegalArgumentException if the actor may not see the case
     * @throws dev.loopkeeper.outreach.OutreachFailed if the help desk did not open it
     */
    public HelpDesk.Ticket open(UUID caseId, Actor actor) {
        CaseFile file = cases.file(caseId, actor).orElseThrow(() -> new IllegalArgumentException("No case " + caseId));
        String caseUrl = links.publicUrl().toString().replaceAll("/+$", "") + "/cases/" + caseId;
        return helpDesk.openTicket(
                new HelpDesk.TicketRequest(caseId, subject(file), note(file, caseUrl), tags(file)), actor.userId());
    }

    static String subject(CaseFile file) {
        CaseFile.Customer customer = file.customer();
        String who = customer.name() == null ? customer.externalId() : customer.name();
        return "NPS " + file.score() + " (" + file.segment().key() + "): " + who;
    }

    static String note(CaseFile file, String caseUrl) {
        CaseFile.Customer customer = file.customer();
        StringBuilder note = new StringBuilder();
        note.append("Score ")
                .append(file.score())
                .append(" (")
                .append(file.segment().key())
                .append(")");
        if (file.respondedAt() != null) {
            note.append(", answered ").append(file.respondedAt());
        }
        note.append("\n\n")
                .append(file.comment() == null || file.comment().isBlank() ? "No comment." : file.comment())
                .append("\n\nCustomer: ")
                .append(customer.name() == null ? "" : customer.name() + " ")
                .append("(")
                .append(customer.externalId())
                .append(")");
        line(note, "Email", customer.email());
        line(note, "Phone", customer.phone());
        line(note, "Tier", customer.tier());
        line(note, "Region", file.region());
        line(note, "Product", file.product());
        note.append("\n\nLoopkeeper case: ").append(caseUrl);
        return note.toString();
    }

    private static List<String> tags(CaseFile file) {
        return new ArrayList<>(List.of("loopkeeper", "nps-" + file.segment().key()));
    }

    private static void line(StringBuilder note, String label, String value) {
        if (value != null && !value.isBlank()) {
            note.append("\n").append(label).append(": ").append(value);
        }
    }
}
