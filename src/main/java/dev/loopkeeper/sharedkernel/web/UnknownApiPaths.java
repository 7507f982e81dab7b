package dev.loopkeeper.sharedkernel.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * A path under {@code /api} that no controller has is a 404 problem document, not Vaadin's page for an
 * unknown route. Asked right after the controllers' mapping (order 0), which has already answered 405,
 * 406 or 415 for a path that exists, and before Vaadin's catch-all.
 */
@Component
class UnknownApiPaths extends AbstractHandlerMapping {

    static final URI NOT_FOUND = URI.create("https://loopkeeper.dev/problems/not-found");

    private final HttpRequestHandler notFound;

    UnknownApiPaths(ObjectMapper json) {
        setOrder(1);
        this.notFound = (request, response) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_FOUND,
                    "There is no "
                            + request.getMethod() + " " + Shown.text(Shown.shortened(path(request)))
                            + " in this API; its description is at /api/docs (OpenAPI: /api/openapi.yaml)");
            problem.setType(NOT_FOUND);
            problem.setTitle("Not found");
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        };
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        String path = path(request);
        // Swagger UI's files (springdoc serves them from its webjar, after every controller) are not ours to refuse
        return (path.equals("/api") || path.startsWith("/api/")) && !path.startsWith(SWAGGER_UI) ? notFound : null;
    }

    private static final String SWAGGER_UI = "/api/swagger-ui/";

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
