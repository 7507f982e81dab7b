package dev.loopkeeper.casework;

import java.util.List;
import java.util.UUID;

/**
 * Lets a module that depends on casework add its own records to a case's timeline (breaches and
 * extensions come from the SLA module) without casework depending on it back.
 */
public interface TimelineContributor {

    List<TimelineEntry> entriesFor(UUID caseId);
}
