package dev.loopkeeper.sharedkernel.privacy;

import java.util.List;
import java.util.UUID;

/**
 * A customer whose data is exported or erased, as every module needs to find its rows about them: found once, before
 * any module changes anything (an erasure replaces the external id that later modules would look them up by).
 *
 * @param replacementId what the external id becomes on erasure, in every table that keeps one: unique, and no
 *                      longer the customer's
 * @param caseIds       their cases, open or closed
 * @param responseIds   their responses, history included
 */
public record DataSubject(
        UUID customerId,
        String externalId,
        String name,
        String email,
        String phone,
        String replacementId,
        List<UUID> caseIds,
        List<UUID> responseIds) {

    public DataSubject {
        caseIds = List.copyOf(caseIds);
        responseIds = List.copyOf(responseIds);
    }

    public List<String> caseIdTexts() {
        return caseIds.stream().map(UUID::toString).toList();
    }

    public List<String> responseIdTexts() {
        return responseIds.stream().map(UUID::toString).toList();
    }
}
