package dev.loopkeeper.sharedkernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;

class ApiFailuresTest {

    // as Spring Boot builds it: a problem's properties are members of the document, not nested
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final ApiFailures failures = new ApiFailures(json);

    @Test
    void anUnexpectedFailureUnderApiIsAProblemDocumentWithAReferenceAndNothingFromInside() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        var handled = failures.resolveException(
                new MockHttpServletRequest("POST", "/api/responses"),
                response,
                null,
                new IllegalStateException("connection to db-7.internal:3306 refused"));

        assertThat(handled).isNotNull();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(500);
        String reference = problem.get("reference").asText();
        assertThat(reference).hasSize(36);
        assertThat(problem.get("detail").asText()).contains(reference);
        assertThat(response.getContentAsString()).doesNotContain("db-7").doesNotContain("IllegalStateException");
    }

    @Test
    void otherPathsAccessDenialsAndSignInFailuresAreLeftToWhoseTheyAre() {
        assertThat(failures.resolveException(
                        new MockHttpServletRequest("GET", "/cases"),
                        new MockHttpServletResponse(),
                        null,
                        new IllegalStateException("boom")))
                .isNull();
        assertThat(failures.resolveException(
                        new MockHttpServletRequest("GET", "/apiary"),
                        new MockHttpServletResponse(),
                        null,
                        new IllegalStateException("boom")))
                .isNull();
        assertThat(failures.resolveException(
                        new MockHttpServletRequest("GET", "/api/cases/1"),
                        new MockHttpServletResponse(),
                        null,
                        new AccessDeniedException("no")))
                .isNull();
        assertThat(failures.resolveException(
                        new MockHttpServletRequest("GET", "/api/cases/1"),
                        new MockHttpServletResponse(),
                        null,
                        new BadCredentialsException("no")))
                .isNull();
    }
}
