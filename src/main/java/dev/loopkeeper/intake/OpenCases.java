package dev.loopkeeper.intake;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a customer's new low score belongs while they have a case open: casework answers, intake asks before it
 * stores the response, so that the response joins that case instead of opening a second, unrelated one.
 */
public interface OpenCases {

    /** The open case a detractor's new response joins, if the customer has one. */
    Optional<UUID> joinedBy(String customerExternalId);
}
