package dev.loopkeeper;

import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.sharedkernel.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** NPS responses for tests, each with a fresh event id and customer unless told otherwise. */
public final class TestResponses {

    private TestResponses() {}

    public static ResponseSubmission withScore(int score) {
        return withScore(score, "Maria Lopez");
    }

    public static ResponseSubmission withScore(int score, String customerName) {
        return customer(
                score,
                customerName,
                "gold",
                "EMEA",
                "maria@example.com",
                "+34 600 123 456",
                "Waited 40 minutes on the hotline");
    }

    /** A response with everything the follow-up policy and the outreach steps look at. */
    public static ResponseSubmission customer(
            int score, String name, String tier, String region, String email, String phone, String comment) {
        String unique = UUID.randomUUID().toString();
        return new ResponseSubmission(
                "test-survey",
                "evt-" + unique,
                Instant.parse("2026-11-23T09:00:00Z"),
                score,
                comment,
                new CustomerDetails("C-" + unique, name, email, phone, Channel.PHONE, tier, new BigDecimal("1200")),
                region == null ? Map.of("product", "Broadband") : Map.of("region", region, "product", "Broadband"));
    }

    /** A response from a place, so that a test can filter the tasklist down to its own cases. */
    public static ResponseSubmission at(String location, int score, String name, String comment, String tier) {
        String unique = UUID.randomUUID().toString();
        return new ResponseSubmission(
                "test-survey",
                "evt-" + unique,
                Instant.parse("2026-11-23T09:00:00Z"),
                score,
                comment,
                new CustomerDetails(
                        "C-" + unique, name, "someone@example.com", "+34 600 123 456", Channel.PHONE, tier, null),
                Map.of("region", "US", "product", "Broadband", "location", location));
    }

    /** The JSON a survey tool would post, with the given event id. */
    public static String json(String eventId, int score) {
        return """
                {
                  "source": "test-survey",
                  "sourceEventId": "%s",
                  "respondedAt": "2026-11-23T09:00:00Z",
                  "score": %d,
                  "comment": "Waited 40 minutes on the hotline",
                  "customer": {
                    "externalId": "C-%s",
                    "name": "Maria Lopez",
                    "email": "maria@example.com",
                    "phone": "+34 600 123 456",
                    "preferredChannel": "phone",
                    "tier": "gold",
                    "lifetimeValue": 1200
                  },
                  "properties": { "region": "EMEA", "product": "Broadband" }
                }
                """.formatted(eventId, score, eventId);
    }

    /** A response with just what a test sets, the rest as {@link #customer} gives it: {@code response(3).build()}. */
    public static Builder response(int score) {
        return new Builder(score);
    }

    /** Builds a response; a fresh event id each time, the same customer as often as a test reuses its id. */
    public static final class Builder {
        private final int score;
        private String customerId = "C-" + UUID.randomUUID();
        private String name = "Maria Lopez";
        private String tier = "standard";
        private String region = "EMEA";
        private String email = "maria@example.com";
        private String phone = "+34 600 123 456";
        private Channel preferred;
        private String touchpoint;
        private String comment = "Nobody could tell me where my refund is";
        private String mayContact;
        private String language;

        private Builder(int score) {
            this.score = score;
        }

        public Builder customerId(String customerId) {
            this.customerId = customerId;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder tier(String tier) {
            this.tier = tier;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        public Builder preferred(Channel preferred) {
            this.preferred = preferred;
            return this;
        }

        public Builder touchpoint(String touchpoint) {
            this.touchpoint = touchpoint;
            return this;
        }

        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /** The customer's language, as the property {@code language}. */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        /** The survey's "may we contact you?" answer, as the property {@code may-contact}. */
        public Builder mayContact(boolean mayContact) {
            this.mayContact = mayContact ? "yes" : "no";
            return this;
        }

        public ResponseSubmission build() {
            Map<String, String> properties =
                    new java.util.LinkedHashMap<>(Map.of("region", region, "product", "Broadband"));
            if (language != null) {
                properties.put("language", language);
            }
            if (mayContact != null) {
                properties.put("may-contact", mayContact);
            }
            return new ResponseSubmission(
                    "test-survey",
                    "evt-" + UUID.randomUUID(),
                    Instant.parse("2026-11-23T09:00:00Z"),
                    score,
                    comment,
                    new CustomerDetails(customerId, name, email, phone, preferred, tier, new BigDecimal("1200")),
                    properties,
                    touchpoint);
        }
    }
}
