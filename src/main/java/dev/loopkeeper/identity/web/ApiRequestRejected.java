package dev.loopkeeper.identity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request Spring Security's firewall refuses (a {@code ;}, an encoded {@code .} or {@code %}, a {@code //} in
 * its path): a 400 problem document under {@code /api} like every other refusal there, the plain 400 elsewhere.
 */
@Component
class ApiRequestRejected implements RequestRejectedHandler {

    private final RequestRejectedHandler elsewhere = new HttpStatusRequestRejectedHandler();
    private final ObjectMapper json;

    ApiRequestRejected(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!(path.equals("/api") || path.startsWith("/api/"))) {
            elsewhere.handle(request, response, rejected);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The path holds characters that are not allowed there (such as ; // or an encoded . or %)");
        problem.setTitle("Bad Request");
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
