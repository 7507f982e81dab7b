package dev.loopkeeper.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A stream of survey responses across every segment, tier and region, each a fresh event and customer; the
 * same response as intake JSON for {@code /api/responses} and as a process start for {@code /engine-rest}.
 */
final class NpsResponses {

    private static final String[] TIERS = {"gold", "standard", "silver", "platinum", ""};
    private static final String[] REGIONS = {"EMEA", "DACH", "UK", "US", "APAC"};
    private static final String[] COMMENTS = {
        "Waited 40 minutes on the hotline",
        "The technician was brilliant",
        "My refund never arrived",
        "Fine, nothing special",
        "Outage for two days and nobody told me"
    };

    private final String source;
    private final AtomicLong sequence = new AtomicLong();
    private final Queue<Response> prepared = new ConcurrentLinkedQueue<>();

    NpsResponses(String source) {
        this.source = source;
    }

    record Response(String eventId, int score, String tier, String region) {

        /** Promoters whose policy sends an automatic thank-you get no task: their loop ends by itself. */
        boolean opensTask() {
            return score < 9 || tier.equals("gold") || tier.equals("platinum");
        }

        String segment() {
            return score <= 6 ? "detractor" : score <= 8 ? "passive" : "promoter";
        }
    }

    /** The next response: one prepared beforehand while any is left, else a fresh one. */
    Response next() {
        Response ready = prepared.poll();
        return ready != null ? ready : fresh();
    }

    /**
     * Stores the case rows of the next {@code count} responses before they are sent, as intake would have, for
     * the stock door: the model's delegates read the customer from the case (the first channel, the
     * acknowledgement), and a process started through {@code /engine-rest} brings none. Written in one batch
     * before the measured phases, so the baseline pays for its engine work only, as before the model needed it.
     */
    void prepareCases(JdbcTemplate jdbc, int count) {
        List<Object[]> rows = new ArrayList<>(count);
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            Response r = fresh();
            prepared.add(r);
            rows.add(new Object[] {
                caseKey(r),
                r.segment().toUpperCase(Locale.ROOT),
                r.score(),
                "C-" + r.eventId(),
                r.tier(),
                r.region(),
                now,
                now
            });
        }
        jdbc.batchUpdate("""
                insert into follow_up_case (id, status, segment, score, customer_external_id, customer_name,
                  customer_email, customer_phone, preferred_channel, customer_tier, region, product, responded_at,
                  opened_at, version)
                values (?, 'OPEN', ?, ?, ?, 'Bench Customer', 'customer@example.com', '+34 600 123 456', 'PHONE', ?,
                  ?, 'Broadband', ?, ?, 0)
                """, rows);
    }

    private Response fresh() {
        long n = sequence.getAndIncrement();
        return new Response(
                source + "-" + n + "-" + UUID.randomUUID(),
                (int) (n % 11),
                TIERS[(int) (n / 11 % TIERS.length)],
                REGIONS[(int) (n / 3 % REGIONS.length)]);
    }

    String intakeJson(Response r) {
        return """
                {"source":"%s","sourceEventId":"%s","respondedAt":"2026-11-23T09:00:00Z","score":%d,
                 "comment":"%s",
                 "customer":{"externalId":"C-%s","name":"Bench Customer","email":"customer@example.com",
                   "phone":"+34 600 123 456","preferredChannel":"phone","tier":"%s","lifetimeValue":1200},
                 "properties":{"region":"%s","product":"Broadband","location":"Madrid"}}
                """.formatted(
                        source,
                        r.eventId(),
                        r.score(),
                        COMMENTS[r.score() % COMMENTS.length],
                        r.eventId(),
                        r.tier(),
                        r.region());
    }

    /** What CaseOpening hands the engine, as a Camunda REST client would send it. */
    String processStartJson(Response r) {
        return """
                {"businessKey":"%s","variables":{
                  "caseId":{"value":"%s","type":"String"},"segment":{"value":"%s","type":"String"},
                  "score":{"value":%d,"type":"Integer"},"customerTier":{"value":"%s","type":"String"},
                  "lifetimeValue":{"value":1200.0,"type":"Double"},"region":{"value":"%s","type":"String"},
                  "product":{"value":"Broadband","type":"String"},"touchpoint":{"value":"","type":"String"},
                  "contactConsent":{"value":true,"type":"Boolean"},"attempts":{"value":0,"type":"Integer"},
                  "invalidChannels":{"value":"","type":"String"},"contactAssignee":{"value":null,"type":"Null"},
                  "contactAgent":{"value":null,"type":"Null"},"fixChaseAfter":{"value":"P30D","type":"String"},
                  "claimIdleAfter":{"value":"PT8H","type":"String"}}}
                """.formatted(caseKey(r), caseKey(r), r.segment(), r.score(), r.tier(), r.region());
    }

    /** The business key: a case id, as our task projection expects of a closed-loop instance. */
    private static String caseKey(Response r) {
        return UUID.nameUUIDFromBytes(r.eventId().getBytes()).toString();
    }

    static List<String> regions() {
        return List.of(REGIONS);
    }
}
