package dev.loopkeeper.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the demo's history is seeded (with the engine clock in the past), every request waits outside: a page that
 * says so and reloads itself, 503 for anything else. Nobody works, signs in or is stamped at a moved clock.
 */
class DemoSeedGate extends OncePerRequestFilter {

    private static final String PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
            <title>Loopkeeper is getting ready</title></head><body style="font-family: sans-serif; margin: 3em">
            <h1>Loopkeeper is getting ready</h1><p>The demo's history (a few months of feedback) is being seeded.
            This page reloads itself; it takes about a minute, once.</p></body></html>""";

    private volatile boolean seeding;

    void close() {
        seeding = true;
    }

    void open() {
        seeding = false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!seeding) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "10");
        boolean page = request.getHeader("Accept") != null
                && request.getHeader("Accept").contains("text/html");
        response.setContentType(page ? "text/html;charset=utf-8" : "text/plain;charset=utf-8");
        response.getOutputStream()
                .write((page ? PAGE : "Seeding the demo's history; try again shortly.\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("demo")
    static class Registration {

        @Bean
        DemoSeedGate demoSeedGate() {
            return new DemoSeedGate();
        }

        /** Before security and everything else. */
        @Bean
        FilterRegistrationBean<DemoSeedGate> demoSeedGateRegistration(DemoSeedGate gate) {
            FilterRegistrationBean<DemoSeedGate> registration = new FilterRegistrationBean<>(gate);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }
}
