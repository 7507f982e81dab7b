package dev.loopkeeper.casework;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loopkeeper.casework.*}
 *
 * @param fixChaseAfter  how long a case may wait for its improvement action's fix before the process owners are chased
 * @param claimIdleAfter how long a claimed contact may stay untouched before it goes back to its group, for a segment
 *                       {@code idleClaims} does not name
 * @param idleClaims     per segment ({@code detractor}, {@code passive}, {@code promoter}): how long a claimed contact
 *                       may stay untouched and where it goes then, e.g. a detractor's after 2 hours to the supervisors
 */
@ConfigurationProperties("loopkeeper.casework")
public record CaseworkSettings(
        @DefaultValue("P30D") Period fixChaseAfter,
        @DefaultValue("PT8H") Duration claimIdleAfter,
        Map<String, IdleClaim> idleClaims) {

    /** Where a claimed contact nobody touched goes. */
    public enum IdleClaimTo {
        /** Back to its group's unclaimed tasks: the next free colleague takes it. */
        GROUP,
        /** Back to its group, and the supervisors are alerted, so that a lead gives it to someone or takes it. */
        SUPERVISORS;

        public String key() {
            return name().toLowerCase();
        }

        /** Unknown or missing (an instance started before the choice existed): the group. */
        public static IdleClaimTo ofKey(String key) {
            return "supervisors".equalsIgnoreCase(key) ? SUPERVISORS : GROUP;
        }
    }

    /**
     * @param after how long untouched; missing: {@code claimIdleAfter}
     * @param to    where it goes; missing: its group
     */
    public record IdleClaim(Duration after, IdleClaimTo to) {}

    public CaseworkSettings {
        idleClaims = idleClaims == null ? Map.of() : Map.copyOf(idleClaims);
    }

    /** The idle-claim rule of a segment, by its key. */
    public IdleClaim idleClaimOf(String segment) {
        IdleClaim set = idleClaims.get(segment);
        return new IdleClaim(
                set == null || set.after() == null ? claimIdleAfter : set.after(),
                set == null || set.to() == null ? IdleClaimTo.GROUP : set.to());
    }
}
