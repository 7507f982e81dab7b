package dev.loopkeeper.sharedkernel.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any servlet sees them (a header over its size limit, an encoded slash in the path)
 * get Tomcat's HTML error page; under {@code /api} they get a problem document like every other refusal there.
 */
@Component
class ApiContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ObjectMapper json;

    ApiContainerErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // The host has added Tomcat's report by the time its application starts: ours takes its place
        factory.addContextLifecycleListeners(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())
                    && ((Context) event.getLifecycle()).getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof Report)) {
                        host.getPipeline().removeValve(valve);
                        host.getPipeline().addValve(new Report(json));
                    }
                }
            }
        });
    }

    /** Tomcat's error report, as a problem document for the API's paths. */
    static final class Report extends ErrorReportValve {

        private final ObjectMapper json;

        Report(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            String uri = request.getRequestURI();
            int status = response.getStatus();
            if (uri == null || !(uri.equals("/api") || uri.startsWith("/api/")) || status < 400) {
                super.report(request, response, failure);
                return;
            }
            ProblemDetail problem = ProblemDetail.forStatus(status);
            if (status == 400) {
                problem.setDetail("The request cannot be read: its headers are too large, or its path holds "
                        + "characters that are not allowed there (such as an encoded slash)");
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getOutputStream(), problem);
                response.finishResponse();
            } catch (IOException | IllegalStateException cannotWrite) {
                // the client is gone, or the body was already started: nothing more to say
            }
        }
    }
}
