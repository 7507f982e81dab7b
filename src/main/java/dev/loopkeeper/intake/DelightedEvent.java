package dev.loopkeeper.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A Delighted webhook as Delighted sends it ({@code survey_response.created}, {@code survey_response.updated}). Read
 * leniently: the format is Delighted's, and a field they add must not turn their deliveries away. What we take from
 * it is then checked like any response.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DelightedEvent(
        @JsonProperty("event_type") String eventType,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("event_data") Data data) {

    static final String CREATED = "survey_response.created";
    static final String UPDATED = "survey_response.updated";

    boolean isSurveyResponse() {
        return CREATED.equals(eventType) || UPDATED.equals(eventType);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            String id,
            Person person,
            @JsonProperty("survey_type") String surveyType,
            Integer score,
            String comment,
            @JsonProperty("created_at") Long createdAt,
            @JsonProperty("updated_at") Long updatedAt,
            @JsonProperty("person_properties") Map<String, JsonNode> personProperties,
            JsonNode tags,
            JsonNode notes,
            @JsonProperty("additional_answers") JsonNode additionalAnswers) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(
            String id,
            String email,
            String name,
            @JsonProperty("phone_number") String phoneNumber,
            @JsonProperty("created_at") Long createdAt) {}
}
