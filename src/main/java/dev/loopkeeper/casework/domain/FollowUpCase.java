package dev.loopkeeper.casework.domain;

import dev.loopkeeper.casework.CaseOutcome;
import dev.loopkeeper.casework.CasePriority;
import dev.loopkeeper.casework.CaseStatus;
import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.intake.FeedbackReceived;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.persistence.SearchText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One response's follow-up, from intake to a closed loop. Its id is the response id, which is also
 * the business key of its process instance. It keeps its own copy of what the tasklist shows about
 * the customer and the response, so that a page of tasks is one query in our own tables.
 */
@Entity
public class FollowUpCase {

    @Id
    private UUID id;

    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;
    /** The outcome of the latest contact attempt. */
    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    private ContactOutcome lastContactOutcome;

    @Enumerated(EnumType.STRING)
    private CaseOutcome closedAs;

    /** Why it closed as it did, where the outcome does not say: {@code customer declined contact}. */
    private String closedReason;
    /** The agent who reached the customer; the resolution is theirs to log. */
    private String contactAgent;

    private Instant thankedAt;
    private Instant resolvedAt;
    private Instant lastReplyAt;
    private Instant fixNotifiedAt;
    private UUID improvementActionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Segment segment;

    private int score;
    private String comment;

    @Column(nullable = false)
    private String customerExternalId;

    private String customerName;
    private String customerEmail;
    private String customerPhone;

    @Enumerated(EnumType.STRING)
    private Channel preferredChannel;

    private String customerTier;
    private String source;
    private String region;
    private String location;
    private String product;
    /** The language the customer's messages are written in (their response's {@code language}); none: English. */
    private String customerLanguage;
    /** Where the customer met us when they answered: purchase, installation, support call… */
    private String touchpoint;

    private Instant respondedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CasePriority priority;

    @Column(nullable = false)
    private Instant openedAt;

    private Instant firstContactAt;
    /** The due time the SLA clock started with; extensions do not move it, so "within SLA" means the promise. */
    private Instant slaDueAt;

    private Instant closedAt;
    /** When the resolution is due, from the moment the customer was reached. */
    private Instant resolutionDueAt;
    /** The next contact the agent committed to, and who is the customer's named point of contact for it. */
    private Instant promisedContactAt;

    /** What finds the case in a search ({@link SearchText}); kept with the fields it is made of. */
    @Lob
    private String searchText;

    private String pointOfContact;

    /** Null until stored: Spring Data then persists a new one instead of merging it (a select first). */
    @Version
    private Integer version;

    protected FollowUpCase() {}

    public static FollowUpCase openFor(FeedbackReceived response, Instant now) {
        FollowUpCase c = new FollowUpCase();
        c.id = response.responseId();
        c.status = CaseStatus.OPEN;
        c.segment = response.segment();
        c.score = response.score();
        c.comment = response.comment();
        FeedbackReceived.Customer customer = response.customer();
        c.customerExternalId = customer.externalId();
        c.customerName = customer.name();
        c.customerEmail = customer.email();
        c.customerPhone = customer.phone();
        c.preferredChannel = customer.preferredChannel();
        c.customerTier = customer.tier();
        c.source = response.source();
        c.region = response.properties().get("region");
        c.location = response.properties().get("location");
        c.product = response.properties().get("product");
        c.customerLanguage = CustomerLanguage.of(response.properties().get("language"));
        c.touchpoint = response.touchpoint();
        c.respondedAt = response.respondedAt();
        c.priority = CasePriority.NORMAL;
        c.openedAt = now;
        c.indexForSearch();
        return c;
    }

    /** The survey tool changed the comment after the case opened (Delighted sends it minutes after the score). */
    public void commentRevised(String comment) {
        this.comment = comment;
        indexForSearch();
    }

    private void indexForSearch() {
        searchText = SearchText.of(customerName, customerExternalId, customerEmail, customerPhone, comment);
    }

    public void drivenBy(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Only the first successful contact counts for time-to-contact; later calls don't move it. */
    public void contacted(ContactOutcome result, String agent, Instant at) {
        if (result == ContactOutcome.REACHED && firstContactAt == null) {
            firstContactAt = at;
            contactAgent = agent;
        }
        lastContactOutcome = result;
    }

    public void slaStarted(Instant due) {
        slaDueAt = due;
    }

    /** The customer was reached: the resolution is due by then, and the agent may have promised a next contact. */
    public void resolutionClockStarted(Instant due, Instant promisedContact, String pointOfContact) {
        resolutionDueAt = due;
        promisedContactAt = promisedContact;
        this.pointOfContact = pointOfContact;
    }

    /** A supervisor gave the resolution more time. */
    public void resolutionDueMoved(Instant due) {
        resolutionDueAt = due;
    }

    public void raisePriority() {
        priority = CasePriority.HIGH;
    }

    public void replied(Instant at) {
        lastReplyAt = at;
    }

    public void thanked(Instant at) {
        thankedAt = at;
    }

    public void resolved(UUID improvementAction, Instant at) {
        resolvedAt = at;
        improvementActionId = improvementAction;
    }

    public void fixNotified(Instant at) {
        fixNotifiedAt = at;
    }

    /** The process reached its end: resolved if a resolution was logged, thanked for promoters. */
    public void close(Instant at) {
        status = CaseStatus.CLOSED;
        closedAt = at;
        closedAs = resolvedAt == null && thankedAt != null ? CaseOutcome.THANKED : CaseOutcome.RESOLVED;
    }

    public void closeUnreachable(Instant at) {
        status = CaseStatus.CLOSED;
        closedAt = at;
        closedAs = CaseOutcome.UNREACHABLE;
    }

    /** The policy gave the response no follow-up, or the customer declined contact (the reason). */
    public void closeWithoutFollowUp(Instant at, String reason) {
        status = CaseStatus.CLOSED;
        closedAt = at;
        closedAs = CaseOutcome.NO_FOLLOW_UP;
        closedReason = reason;
    }

    /** Still nobody has spoken with the customer. */
    public boolean isAwaitingContact() {
        return status == CaseStatus.OPEN && firstContactAt == null;
    }

    /** Someone reached the customer, and nobody has logged the resolution yet. */
    public boolean isAwaitingResolution() {
        return status == CaseStatus.OPEN && firstContactAt != null && resolvedAt == null && thankedAt == null;
    }

    public UUID getId() {
        return id;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public ContactOutcome getLastContactOutcome() {
        return lastContactOutcome;
    }

    public String getClosedReason() {
        return closedReason;
    }

    public CaseOutcome getClosedAs() {
        return closedAs;
    }

    public String getContactAgent() {
        return contactAgent;
    }

    public Instant getThankedAt() {
        return thankedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getLastReplyAt() {
        return lastReplyAt;
    }

    public Instant getFixNotifiedAt() {
        return fixNotifiedAt;
    }

    public UUID getImprovementActionId() {
        return improvementActionId;
    }

    public Segment getSegment() {
        return segment;
    }

    public int getScore() {
        return score;
    }

    public String getComment() {
        return comment;
    }

    public String getCustomerExternalId() {
        return customerExternalId;
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public String getCustomerPhone() {
        return customerPhone;
    }

    public Channel getPreferredChannel() {
        return preferredChannel;
    }

    public String getCustomerTier() {
        return customerTier;
    }

    public String getSource() {
        return source;
    }

    public String getRegion() {
        return region;
    }

    public String getLocation() {
        return location;
    }

    public String getProduct() {
        return product;
    }

    public String getCustomerLanguage() {
        return customerLanguage;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }

    public String getTouchpoint() {
        return touchpoint;
    }

    public CasePriority getPriority() {
        return priority;
    }

    public Instant getResolutionDueAt() {
        return resolutionDueAt;
    }

    public Instant getPromisedContactAt() {
        return promisedContactAt;
    }

    public String getPointOfContact() {
        return pointOfContact;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getFirstContactAt() {
        return firstContactAt;
    }

    public Instant getSlaDueAt() {
        return slaDueAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
