package dev.loopkeeper.sharedkernel.privacy;

import java.util.Map;

/**
 * What one module holds about a customer, for the privacy module's export and erasure: each module answers for its
 * own tables (and, for casework, the engine's records of its processes), so no module reaches into another's.
 */
public interface PersonalData {

    /**
     * Everything this module holds about the subject, by kind ("cases", "contactAttempts"…), as rows of plain values
     * ready for JSON.
     */
    Map<String, Object> heldAbout(DataSubject subject);

    /**
     * Removes or anonymises the subject's personal data — names, emails, phones, free text, their external id — and
     * keeps what reports count (scores, segments, dates, outcomes). Runs inside the erasure's transaction.
     */
    void erase(DataSubject subject);
}
