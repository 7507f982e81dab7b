package dev.loopkeeper.outreach;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Every {@link CustomerReplied} the application publishes, as a listener in another module would hear it. */
@TestComponent
class RepliesHeard {

    private final List<CustomerReplied> replies = new CopyOnWriteArrayList<>();

    @EventListener
    void on(CustomerReplied reply) {
        replies.add(reply);
    }

    List<CustomerReplied> about(UUID caseId) {
        return replies.stream().filter(reply -> reply.caseId().equals(caseId)).toList();
    }
}
