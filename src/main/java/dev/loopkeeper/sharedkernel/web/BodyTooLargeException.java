package dev.loopkeeper.sharedkernel.web;

import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Thrown while reading a request body that turns out larger than we accept. */
class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    ProblemDetail problem() {
        return problem(limit);
    }

    static ProblemDetail problem(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + limit + " bytes");
        problem.setType(URI.create("https://loopkeeper.dev/problems/body-too-large"));
        problem.setTitle("Request body too large");
        return problem;
    }
}
