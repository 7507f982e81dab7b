package dev.loopkeeper.sharedkernel.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring's multipart requests, as Boot would configure them, but never on an error page. A multipart request refused on
 * its way to another servlet (the engine's REST API, Cockpit's: a deployment without credentials) comes to
 * {@code /error} with that servlet's multipart settings, which are none: parsing it there failed, the client got
 * Tomcat's HTML page, and the log two stack traces per request, a flood anyone could cause without signing in. No
 * error page reads a request's parts.
 */
@Component(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
class PartsOutsideErrorPages extends StandardServletMultipartResolver {

    PartsOutsideErrorPages(MultipartProperties properties) {
        setResolveLazily(properties.isResolveLazily());
        setStrictServletCompliance(properties.isStrictServletCompliance());
    }

    @Override
    public boolean isMultipart(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR && super.isMultipart(request);
    }
}
