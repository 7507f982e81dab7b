package dev.loopkeeper.casework;

import dev.loopkeeper.casework.ClosedLoop.Vars;
import dev.loopkeeper.outreach.AlertEvent;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.ProcessVariables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of a closed-loop instance, typed: how the delegates and listeners of every module read the case
 * an instance is about and the few values they share.
 *
 * <p>The policy's outputs read with a default where the table has no such column (a table from before the column,
 * or an instance started by an earlier version of the model): what the loop did before the column existed.
 */
public final class LoopVariables extends ProcessVariables {

    /** The channel order of a policy that names none: the order of the first versions. */
    public static final List<Channel> DEFAULT_CHANNEL_ORDER = List.of(Channel.PHONE, Channel.EMAIL, Channel.SMS);

    static final String DEFAULT_RESOLVE_WITHIN = "P5D";
    static final String DEFAULT_REVIEW_WITHIN = "PT4H";

    private LoopVariables(VariableScope scope) {
        super(scope);
    }

    public static LoopVariables of(VariableScope scope) {
        return new LoopVariables(scope);
    }

    /** The case the instance is about. */
    public UUID caseId() {
        return uuid(Vars.CASE_ID);
    }

    /** The SLA's due time, as the clock started it or an extension moved it. */
    public Instant slaDueAt() {
        return instant(Vars.SLA_DUE_AT);
    }

    /** When the resolution is due, once the customer is reached. */
    public Instant resolutionDueAt() {
        return instant(Vars.RESOLUTION_DUE_AT);
    }

    /**
     * What the alert policy may test about the case, from the variables the loop started with.
     *
     * @param comment    the customer's comment, where the caller has it
     * @param properties the response's properties, where the caller has them
     */
    public AlertEvent.Facts alertFacts(String comment, Map<String, String> properties) {
        return new AlertEvent.Facts(
                text(Vars.SEGMENT),
                value(Vars.SCORE) instanceof Number score ? score.intValue() : null,
                text(Vars.CUSTOMER_TIER),
                value(Vars.LIFETIME_VALUE) instanceof Number value ? value.doubleValue() : null,
                text(Vars.REGION),
                text(Vars.PRODUCT),
                comment,
                properties);
    }

    /** How long a claimed contact may stay untouched: the instance's period, else the given default. */
    public Duration claimIdleAfter(Duration otherwise) {
        String period = text(Vars.CLAIM_IDLE_AFTER);
        return period == null || period.isBlank() ? otherwise : Duration.parse(period);
    }

    /** Where an idle claim goes: the instance's choice, else (an instance older than the choice) its group. */
    public CaseworkSettings.IdleClaimTo claimIdleTo() {
        return CaseworkSettings.IdleClaimTo.ofKey(text(Vars.CLAIM_IDLE_TO));
    }

    /** The case's region, whose business calendar the SLA counts in (empty for none). */
    public String region() {
        return text(Vars.REGION);
    }

    /** Whether the policy counts business time; only the policy table's boolean output says so. */
    public boolean businessTime() {
        return Boolean.TRUE.equals(value(Vars.BUSINESS_TIME));
    }

    /** Whether we may contact the customer; yes unless their answer said no (and for loops started before we asked). */
    public boolean contactConsent() {
        return !Boolean.FALSE.equals(value(Vars.CONTACT_CONSENT));
    }

    /** Why a case closes without follow-up: the customer declined contact, or (null) the policy said none. */
    public String noFollowUpReason() {
        return contactConsent() ? null : "customer declined contact";
    }

    /** Personal, automatic or none; personal where the policy does not say. */
    public FollowUp followUp() {
        return FollowUp.ofKey(text(Vars.FOLLOW_UP));
    }

    /**
     * Whether the policy sends the automatic acknowledgement; empty where it does not say (then detractors and
     * passives get one, as before the column).
     */
    public Optional<Boolean> acknowledge() {
        Object value = value(Vars.ACKNOWLEDGE);
        return value == null ? Optional.empty() : Optional.of(Boolean.TRUE.equals(value) || "true".equals(value));
    }

    /**
     * What a thank-you invites to, from the policy's comma-separated list ({@code review}, {@code referral}); empty
     * where the policy does not say (then both, as before the column).
     */
    public Optional<Set<String>> invitations() {
        String value = text(Vars.INVITE);
        if (value == null) {
            return Optional.empty();
        }
        Set<String> invited = new TreeSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                invited.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.of(invited);
    }

    /**
     * The channels to try, in the policy's order ({@code "phone,email,sms"}); names that are no channel are
     * skipped, and a policy that names none gets {@link #DEFAULT_CHANNEL_ORDER}.
     */
    public List<Channel> channelOrder() {
        String value = text(Vars.CHANNEL_ORDER);
        List<Channel> order = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                for (Channel channel : Channel.values()) {
                    if (channel.key().equalsIgnoreCase(part.strip()) && !order.contains(channel)) {
                        order.add(channel);
                    }
                }
            }
        }
        return order.isEmpty() ? DEFAULT_CHANNEL_ORDER : List.copyOf(order);
    }

    /** How long the resolution may take once the customer is reached (ISO-8601); five days where the policy is mute. */
    public String resolveWithin() {
        String value = text(Vars.RESOLVE_WITHIN);
        return value == null || value.isBlank() ? DEFAULT_RESOLVE_WITHIN : value;
    }

    /** Whether the resolution counts business time; business time where the policy is mute. */
    public boolean resolveInBusinessTime() {
        Object value = value(Vars.RESOLVE_IN_BUSINESS_TIME);
        return value == null || Boolean.TRUE.equals(value);
    }

    /** How long supervisors have to review an escalation (ISO-8601); four hours where the policy is mute. */
    public String reviewWithin() {
        String value = text(Vars.REVIEW_WITHIN);
        return value == null || value.isBlank() ? DEFAULT_REVIEW_WITHIN : value;
    }

    /** Whether the review counts business time; calendar time where the policy is mute. */
    public boolean reviewInBusinessTime() {
        return Boolean.TRUE.equals(value(Vars.REVIEW_IN_BUSINESS_TIME));
    }
}
