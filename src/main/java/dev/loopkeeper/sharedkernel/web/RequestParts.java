package dev.loopkeeper.sharedkernel.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring's multipart requests as Boot would configure them, with two refusals that are the client's and not ours.
 * Both were a 500 and a stack trace in the log for every request, which anyone could send without signing in:
 * <ul>
 *   <li>A body that is not the multipart it says it is (to a webhook, say) is a 400.
 *   <li>An error page never reads parts. A multipart request refused on its way to another servlet (the engine's REST
 *       API, Cockpit's: a deployment without credentials) comes to {@code /error} with that servlet's multipart
 *       settings, which are none, and parsing it there failed.
 * </ul>
 */
@Component(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
class RequestParts extends StandardServletMultipartResolver {

    RequestParts(MultipartProperties properties) {
        setResolveLazily(properties.isResolveLazily());
        setStrictServletCompliance(properties.isStrictServletCompliance());
    }

    @Override
    public boolean isMultipart(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR && super.isMultipart(request);
    }

    @Override
    public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) {
        try {
            return super.resolveMultipart(request);
        } catch (MaxUploadSizeExceededException tooLarge) {
            throw tooLarge; // Spring answers it with a 413
        } catch (MultipartException unreadable) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "The body cannot be read as the multipart form data it says it is");
        }
    }
}
