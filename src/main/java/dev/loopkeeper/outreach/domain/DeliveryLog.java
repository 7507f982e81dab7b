package dev.loopkeeper.outreach.domain;

import dev.loopkeeper.outreach.Delivery;
import dev.loopkeeper.outreach.Medium;
import dev.loopkeeper.outreach.MessageStep;
import dev.loopkeeper.outreach.OutreachFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the delivery log, each write in a transaction of its own: the log has to outlast the rollback of
 * the Camunda job that sends, or a retried job would not know what its last run already sent.
 */
@Component
public class DeliveryLog {

    private final Notifications notifications;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    DeliveryLog(Notifications notifications, PlatformTransactionManager transactions, Clock clock) {
        this.notifications = notifications;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Commits the start of an attempt before anything leaves, so that a crash after the send still leaves
     * a trace. Returns the delivery as it is now: SENT means there is nothing left to do.
     *
     * @throws OutreachFailed if another attempt started less than {@code lease} ago and has not finished
     */
    public Delivery startAttempt(
            String deliveryKey,
            UUID caseId,
            Medium channel,
            MessageStep step,
            String recipient,
            String template,
            Duration lease) {
        try {
            return tryStart(deliveryKey, caseId, channel, step, recipient, template, lease);
        } catch (DataIntegrityViolationException concurrentFirstAttempt) {
            // Another node inserted the same key a moment ago; its row decides
            return tryStart(deliveryKey, caseId, channel, step, recipient, template, lease);
        }
    }

    private Delivery tryStart(
            String deliveryKey,
            UUID caseId,
            Medium channel,
            MessageStep step,
            String recipient,
            String template,
            Duration lease) {
        return ownTransaction.execute(tx -> {
            Instant now = clock.instant();
            Notification notification = notifications
                    .findByDeliveryKey(deliveryKey)
                    .orElseGet(() -> new Notification(deliveryKey, caseId, channel, step, recipient, template, now));
            if (notification.isSent()) {
                return notification.view();
            }
            if (notification.isInFlight(now, lease)) {
                throw new OutreachFailed("Delivery " + deliveryKey + " is being sent since "
                        + notification.getLastAttemptAt() + "; not starting a second attempt before "
                        + notification.getLastAttemptAt().plus(lease));
            }
            notification.startAttempt(recipient, template, now);
            return notifications.saveAndFlush(notification).view();
        });
    }

    public Delivery sent(UUID notificationId) {
        return ownTransaction.execute(tx -> {
            Notification notification = notifications.findById(notificationId).orElseThrow();
            notification.sent(clock.instant());
            return notification.view();
        });
    }

    public Delivery failed(UUID notificationId, String error) {
        return ownTransaction.execute(tx -> {
            Notification notification = notifications.findById(notificationId).orElseThrow();
            notification.failed(error);
            return notification.view();
        });
    }
}
