package dev.loopkeeper.intake;

import dev.loopkeeper.intake.domain.CustomerRows;
import dev.loopkeeper.intake.domain.CustomerRows.Merge;
import dev.loopkeeper.intake.domain.ResponseRows;
import dev.loopkeeper.intake.domain.ResponseRows.NewResponse;
import dev.loopkeeper.sharedkernel.Segment;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every door of intake does with responses, inside a transaction its caller holds: one lookup of the events
 * already stored, one batch of customer upserts, one batch of response rows; then, for responses that open a
 * case, {@link FeedbackReceived} (its listeners open the case and start its process in the same transaction); for
 * history, one {@link HistoryKept}.
 */
@Component
class Intake {

    private final CustomerRows customers;
    private final ResponseRows responses;
    private final OpenCases openCases;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Intake(
            CustomerRows customers,
            ResponseRows responses,
            OpenCases openCases,
            ApplicationEventPublisher events,
            Clock clock) {
        this.customers = customers;
        this.responses = responses;
        this.openCases = openCases;
        this.events = events;
        this.clock = clock;
    }

    /** Stores the new ones and opens their cases; the results are in the order of the submissions. */
    List<IntakeResult> receive(List<ResponseSubmission> submissions) {
        return store(submissions, false, null).results();
    }

    /** One response from a survey tool that says when it last changed it. */
    IntakeResult receive(ResponseSubmission submission, Instant sourceUpdatedAt) {
        return store(List.of(submission), false, sourceUpdatedAt).results().get(0);
    }

    /**
     * Keeps responses from the past for reports and the customers' history: no case, no process, and a customer
     * row only gains what it did not know (an old response never overwrites newer details).
     *
     * @return how many were new (the rest were stored before)
     */
    int keepAsHistory(List<ResponseSubmission> submissions) {
        return store(submissions, true, null).stored();
    }

    private record Outcome(List<IntakeResult> results, int stored) {}

    private record Key(String source, String sourceEventId) {}

    private Outcome store(List<ResponseSubmission> submissions, boolean history, Instant sourceUpdatedAt) {
        Map<Key, UUID> known = known(submissions);
        Map<Key, ResponseSubmission> fresh = new LinkedHashMap<>();
        Map<Key, UUID> ids = new HashMap<>(known);
        List<Key> keys = new ArrayList<>(submissions.size());
        for (ResponseSubmission s : submissions) {
            Key key = new Key(s.source(), s.sourceEventId());
            keys.add(key);
            if (!ids.containsKey(key)) {
                ids.put(key, UUID.randomUUID());
                fresh.put(key, s);
            }
        }
        if (fresh.isEmpty()) {
            return new Outcome(
                    keys.stream()
                            .map(k -> new IntakeResult(known.get(k), false))
                            .toList(),
                    0);
        }
        Instant now = clock.instant();
        Map<String, CustomerRows.Stored> stored = customers.upsert(
                fresh.values().stream().map(ResponseSubmission::customer).toList(),
                now,
                history ? Merge.FILL_GAPS : Merge.LATEST);
        // a returning customer's low score joins their open case (their row is locked now: no race for it)
        Map<Key, UUID> joins = new HashMap<>();
        if (!history) {
            fresh.forEach((key, s) -> {
                if (Segment.of(s.score()) == Segment.DETRACTOR
                        && stored.get(s.customer().externalId()).returning()) {
                    openCases.joinedBy(s.customer().externalId()).ifPresent(open -> joins.put(key, open));
                }
            });
        }
        List<NewResponse> rows = new ArrayList<>(fresh.size());
        fresh.forEach((key, s) -> rows.add(new NewResponse(
                ids.get(key),
                s.source(),
                s.sourceEventId(),
                stored.get(s.customer().externalId()).id(),
                s.score(),
                s.comment(),
                s.respondedAt(),
                now,
                history,
                sourceUpdatedAt,
                s.properties(),
                s.touchpoint(),
                history ? null : joins.getOrDefault(key, ids.get(key)))));
        responses.insert(rows);
        List<FeedbackReceived> received = new ArrayList<>(fresh.size());
        fresh.forEach((key, s) ->
                received.add(received(ids.get(key), s, stored.get(s.customer().externalId()), now, joins.get(key))));
        if (history) {
            events.publishEvent(new HistoryKept(received));
        } else {
            received.forEach(events::publishEvent);
        }
        // in the order of the submissions; a key twice in one batch is new the first time only
        List<IntakeResult> results = new ArrayList<>(keys.size());
        Set<Key> answered = new HashSet<>();
        for (Key key : keys) {
            UUID caseId = known.containsKey(key) ? known.get(key) : joins.getOrDefault(key, ids.get(key));
            results.add(new IntakeResult(caseId, !known.containsKey(key) && answered.add(key)));
        }
        return new Outcome(results, rows.size());
    }

    /** The stored ones among the submissions' events: one query per source (a batch usually has one). */
    private Map<Key, UUID> known(List<ResponseSubmission> submissions) {
        Map<Key, UUID> known = new HashMap<>();
        Map<String, List<String>> bySource = submissions.stream()
                .collect(Collectors.groupingBy(
                        ResponseSubmission::source,
                        LinkedHashMap::new,
                        Collectors.mapping(ResponseSubmission::sourceEventId, Collectors.toList())));
        bySource.forEach((source, events) ->
                responses.casesOf(source, events).forEach((event, id) -> known.put(new Key(source, event), id)));
        return known;
    }

    private static FeedbackReceived received(
            UUID id, ResponseSubmission s, CustomerRows.Stored customer, Instant now, UUID joins) {
        return new FeedbackReceived(
                id,
                s.source(),
                s.respondedAt(),
                now,
                s.score(),
                Segment.of(s.score()),
                s.comment(),
                new FeedbackReceived.Customer(
                        customer.externalId(),
                        customer.name(),
                        customer.email(),
                        customer.phone(),
                        customer.preferredChannel(),
                        customer.tier(),
                        customer.lifetimeValue(),
                        customer.returning()),
                s.properties(),
                s.touchpoint(),
                joins);
    }
}
