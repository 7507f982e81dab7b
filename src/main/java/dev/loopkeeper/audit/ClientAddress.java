package dev.loopkeeper.audit;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the client whose request is being served, as the servlet container reports it: behind a proxy, the
 * forwarded client address only when {@code server.forward-headers-strategy} lets Tomcat trust it (its internal
 * proxies), else the proxy's own. None for the job executor and other work no request started.
 */
final class ClientAddress {

    private ClientAddress() {}

    static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        return vaadin == null ? null : vaadin.getRemoteAddr();
    }

    static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
