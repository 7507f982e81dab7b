package dev.loopkeeper.outreach;

import dev.loopkeeper.sharedkernel.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer answered: through a reply link, or a CRM forwarded the reply. May arrive more than once for
 * the same contact (a link clicked twice); listeners ignore a reply they are not waiting for.
 */
public record CustomerReplied(UUID caseId, Channel channel, Instant at) {}
