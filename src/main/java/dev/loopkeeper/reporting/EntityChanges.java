package dev.loopkeeper.reporting;

import dev.loopkeeper.sharedkernel.persistence.ChangedDays;
import dev.loopkeeper.sharedkernel.persistence.ChangedDays.Kind;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

/**
 * Marks the day a case, a contact attempt, a resolution or an SLA breach belongs to whenever Hibernate writes one,
 * in the writer's transaction as Hibernate flushes (see {@link ChangedDays}): whichever code changes them through their entities, the
 * counts follow. A case's children belong to the day their case opened. The entities are named here, not imported:
 * they are their modules' own.
 */
@Component
class EntityChanges implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    /** Entity (simple name) → what it changes, and the property holding its time or its case's id. */
    private record Marked(Kind kind, String property, boolean ofCase) {}

    private static final Map<String, Marked> MARKED = Map.of(
            "FollowUpCase", new Marked(Kind.CASES, "openedAt", false),
            "ContactAttempt", new Marked(Kind.CASES, "caseId", true),
            "Resolution", new Marked(Kind.CASES, "caseId", true),
            "SlaBreach", new Marked(Kind.BREACHES, "breachedAt", false),
            // marked once answered (its time is null until then)
            "SurveyInvitation", new Marked(Kind.RESURVEYS, "answeredAt", false));

    private final ChangedDays days;

    EntityChanges(EntityManagerFactory entities, ChangedDays days) {
        this.days = days;
        EventListenerRegistry listeners = entities.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        listeners.appendListeners(EventType.POST_INSERT, this);
        listeners.appendListeners(EventType.POST_UPDATE, this);
        listeners.appendListeners(EventType.POST_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        mark(event.getPersister(), event.getEntity());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        mark(event.getPersister(), event.getEntity());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        mark(event.getPersister(), event.getEntity());
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void mark(EntityPersister persister, Object entity) {
        String name = persister.getEntityName();
        Marked marked = MARKED.get(name.substring(name.lastIndexOf('.') + 1));
        if (marked == null) {
            return;
        }
        Object value = persister.getPropertyValue(entity, marked.property());
        if (marked.ofCase()) {
            days.caseChangedNow((UUID) value);
        } else {
            days.markNow(marked.kind(), (Instant) value);
        }
    }
}
