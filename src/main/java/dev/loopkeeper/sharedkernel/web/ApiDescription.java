package dev.loopkeeper.sharedkernel.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/openapi.yaml}: the API's OpenAPI 3.1 description, written by hand beside the code it
 * describes and open without an API key, so that an integrator can read it (or generate a client) first.
 */
@RestController
class ApiDescription {

    static final String PATH = "/api/openapi.yaml";
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final Resource document = new ClassPathResource("api/openapi.yaml");

    /** Written with its own type whatever the Accept header says: a browser asking for HTML still gets it. */
    @GetMapping(PATH)
    ResponseEntity<Resource> describe() {
        return ResponseEntity.ok().contentType(YAML).cacheControl(CacheControl.noCache()).body(document);
    }
}
